package de.ortsanker.imports.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/** Where a geometry must be, and which broken geometries are repaired or rejected. */
class PlacementTest {

    private static final Crs WGS84 = Crs.epsg(4326);

    @Test
    void latitudeAndLongitudeSwappedAreRecognisedForGermany() throws Exception {
        assertThatThrownBy(() -> Placement.place(wkt("POINT (50.03 11.56)"), WGS84))
                .hasMessage("latitude and longitude are swapped ((50.03 11.56) lies in Germany only read as"
                        + " latitude, longitude): longitude must come first");
        assertThat(Placement.place(wkt("POINT (11.56 50.03)"), WGS84).wgs84()).hasToString("POINT (11.56 50.03)");
    }

    @Test
    void eastingAndNorthingSwappedAreRecognisedToo() throws Exception {
        assertThatThrownBy(() -> Placement.place(wkt("POINT (5545000 680000)"), Crs.epsg(25832)))
                .hasMessageStartingWith("x and y are swapped");
    }

    @Test
    void coordinatesOutsideTheCrsAreaAreRejected() throws Exception {
        // Degrees given as UTM metres end up near the equator, off Africa.
        assertThatThrownBy(() -> Placement.place(wkt("POINT (11.56 50.03)"), Crs.epsg(25832)))
                .hasMessageContaining("lie outside the area of EPSG:25832").hasMessageContaining("wrong CRS?");
        assertThatThrownBy(() -> Placement.place(wkt("POINT (200 50)"), WGS84))
                .hasMessageContaining("outside the area of EPSG:4326");
    }

    @Test
    void aBowTieIsRepairedIntoTwoPolygonsWithANote() throws Exception {
        var placed = Placement.place(wkt("POLYGON ((11.56 50.03, 11.57 50.04, 11.57 50.03, 11.56 50.04, 11.56 50.03))"),
                WGS84);
        assertThat(placed.wgs84().getGeometryType()).isEqualTo("MultiPolygon");
        assertThat(placed.wgs84().isValid()).isTrue();
        assertThat(placed.repairNote()).startsWith("invalid geometry: self-intersection at (11.565 50.035): repaired"
                + " (now 2 polygons)");
    }

    @Test
    void aRepairThatWouldChangeTheShapeIsRejected() throws Exception {
        // A long spike: making it valid would cut it away.
        assertThatThrownBy(() -> Placement.place(wkt("POLYGON ((11.56 50.03, 11.57 50.03, 11.57 50.04, 11.565 50.04,"
                + " 11.565 50.20, 11.565 50.04, 11.56 50.04, 11.56 50.03))"), WGS84))
                .hasMessageContaining("repairing it would change its shape");
    }

    @Test
    void emptyAndMissingGeometriesAreRejected() throws Exception {
        assertThatThrownBy(() -> Placement.place(wkt("POLYGON EMPTY"), WGS84)).hasMessage("empty geometry");
        assertThatThrownBy(() -> Placement.place(null, WGS84)).hasMessage("no geometry");
    }

    private static Geometry wkt(String wkt) {
        try {
            return new WKTReader().read(wkt);
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
