package de.ortsanker.imports.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ortsanker.testing.PostgisTest;
import de.ortsanker.testing.TestSchema;
import java.sql.SQLException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/** The importer's transformations against PostGIS's ST_Transform (PROJ), at points across Germany. */
@PostgisTest
class CrsTest {

    private static final double[][] PLACES = {
            {11.5634, 50.0322},   // Harsdorf, Upper Franconia
            {6.0839, 50.7753},    // Aachen, far west
            {14.9870, 51.1517},   // Görlitz, far east
            {9.4376, 54.7836},    // Flensburg, north
            {10.2765, 47.4081},   // Oberstdorf, south
    };

    @ParameterizedTest
    @ValueSource(ints = {3857, 25832, 25833, 31467, 31468, 3035, 4258})
    void agreesWithPostgisWithinCentimetres(int epsg, TestSchema db) throws SQLException {
        Crs crs = Crs.epsg(epsg);
        var factory = new GeometryFactory();
        try (var c = db.connect(); var ps = c.prepareStatement(
                "select ST_X(p), ST_Y(p), ST_X(w), ST_Y(w) from (select p, ST_Transform(p, 4326) w"
                        + " from (select ST_Transform(ST_SetSRID(ST_Point(?, ?), 4326), ?) p) a) b")) {
            for (double[] place : PLACES) {
                ps.setDouble(1, place[0]);
                ps.setDouble(2, place[1]);
                ps.setInt(3, epsg);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    Point projected = factory.createPoint(new Coordinate(rs.getDouble(1), rs.getDouble(2)));
                    Geometry ours = crs.toWgs84(projected);
                    double metres = metres(ours.getCoordinate(), new Coordinate(rs.getDouble(3), rs.getDouble(4)));
                    assertThat(metres).as("EPSG:%d at %s", epsg, ours).isLessThan(0.05);
                    assertThat(ours.getSRID()).isEqualTo(4326);
                }
            }
        }
    }

    @Test
    void eastingComesFirstWhateverTheEpsgAxisOrder() {
        // EPSG:4258 and 31467 formally list latitude / northing first; files and PostGIS do not.
        Geometry p = Crs.epsg(4258).toWgs84(new GeometryFactory().createPoint(new Coordinate(11.56, 50.03)));
        assertThat(p.getCoordinate().x).isEqualTo(11.56, org.assertj.core.data.Offset.offset(1e-6));
        Geometry gk = Crs.epsg(31467).toWgs84(new GeometryFactory().createPoint(new Coordinate(3_680_000, 5_545_000)));
        assertThat(gk.getCoordinate().x).isBetween(11.0, 12.0);
        assertThat(gk.getCoordinate().y).isBetween(49.5, 50.5);
    }

    @Test
    void anUnknownCodeIsNamed() {
        assertThatThrownBy(() -> Crs.epsg(999999)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("EPSG:999999 is not a coordinate reference system known here");
    }

    /** Distance on a sphere: good to a millimetre over centimetres. */
    private static double metres(Coordinate a, Coordinate b) {
        double dy = Math.toRadians(b.y - a.y) * 6_371_000;
        double dx = Math.toRadians(b.x - a.x) * 6_371_000 * Math.cos(Math.toRadians(a.y));
        return Math.hypot(dx, dy);
    }
}
