package de.ortsanker.imports;

import static de.ortsanker.imports.OsmMappingTest.fixture;
import static de.ortsanker.imports.OsmMappingTest.one;
import static de.ortsanker.imports.OsmMappingTest.rows;
import static org.assertj.core.api.Assertions.assertThat;

import de.ortsanker.testing.PostgisTest;
import de.ortsanker.testing.TestSchema;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GeoJSON, GeoPackage, CSV, Excel and the census grid, on the real files in data/ and small fixtures. */
@PostgisTest
class FileFormatsTest {

    @BeforeAll
    static void gazetteer(TestSchema db) {
        // The addresses and villages the club list is geocoded against, and the Kreise to compare with.
        Imports.importFile(db.dataSource(), TestData.path("osm/north-bayreuth.osm.pbf")).orThrow();
        Imports.importFile(db.dataSource(), TestData.path("vg5000/VG5000_KRS.shp")).orThrow();
    }

    @Test
    void geoJsonDistrictsMatchTheShapefileOnes(TestSchema db) throws Exception {
        ImportResult r = Imports.importFile(db.dataSource(), TestData.path("vg5000/kreise_vg5000_2021_wgs84.geojson"))
                .orThrow();
        assertThat(r.format()).isEqualTo("geojson");
        assertThat(r.counts(Target.ADMIN_AREAS).added()).isEqualTo(401);
        assertThat(r.source()).isEqualTo("kreise_vg5000_2021_wgs84");
        assertThat(one(db, "select string_agg(distinct licence || ' | ' || attribution, ', ') from admin_areas"
                + " where source = 'kreise_vg5000_2021_wgs84'"))
                .isEqualTo("dl-de/by-2-0 | © GeoBasis-DE / BKG 2021 (Daten verändert)");
        // GDAL transformed the GeoJSON (rounded to 1 m); we transformed the shapefile: the same areas.
        assertThat(one(db, "select count(*) from admin_areas s join admin_areas j on j.ags = s.ags"
                + " and j.source = 'kreise_vg5000_2021_wgs84' where s.source = 'BKG VG5000 Kreise'")).isEqualTo("401");
        double worst = Double.parseDouble(one(db, "select min(ST_Area(ST_Intersection(s.geom, j.geom))"
                + " / ST_Area(ST_Union(s.geom, j.geom))) from admin_areas s join admin_areas j on j.ags = s.ags"
                + " and j.source = 'kreise_vg5000_2021_wgs84' where s.source = 'BKG VG5000 Kreise'"));
        assertThat(worst).as("smallest intersection over union of a Kreis").isGreaterThan(0.995);
    }

    @Test
    void anOlderGeoJsonNamesItsCrsInACrsMember(TestSchema db, @TempDir Path dir) throws Exception {
        Path file = java.nio.file.Files.writeString(dir.resolve("haltestellen.geojson"), """
                {"type": "FeatureCollection",
                 "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::25832"}},
                 "features": [{"type": "Feature", "properties": {"id": "H1", "name": "Bindlach Rathaus",
                   "kind": "bus_stop"}, "geometry": {"type": "Point", "coordinates": [688270.3, 5538844.1]}}]}
                """);
        Imports.importFile(db.dataSource(), file, ImportOptions.builder().licence("CC0-1.0")
                .attribution("test").build()).orThrow();
        assertThat(one(db, "select round(ST_X(geom)::numeric, 4) || ' ' || round(ST_Y(geom)::numeric, 4)"
                + " from places where source = 'haltestellen'")).isEqualTo(one(db, "select round(ST_X(p)::numeric, 4)"
                + " || ' ' || round(ST_Y(p)::numeric, 4) from (select ST_Transform(ST_SetSRID(ST_Point(688270.3,"
                + " 5538844.1), 25832), 4326) p) t"));
    }

    @Test
    void aCsvWithWktGeometriesInAProjectedCrs(TestSchema db, @TempDir Path dir) throws Exception {
        Path file = java.nio.file.Files.writeString(dir.resolve("leerstand.csv"), """
                Objekt,Art,WKT,Nutzung
                L-1,Leerstand,"POLYGON((688200 5538800, 688230 5538800, 688230 5538820, 688200 5538820, 688200 5538800))",Gasthof
                """);
        Imports.importFile(db.dataSource(), file, ImportOptions.builder().crs(25832).idColumn("Objekt")
                .column("details.former_use", "Nutzung").licence("CC0-1.0").attribution("test").build()).orThrow();
        assertThat(one(db, "select kind || ' ' || GeometryType(geom) || ' ' || round(ST_Area(geom::geography))"
                + " || ' ' || (details->>'former_use') from places where source = 'leerstand'"))
                .isEqualTo("vacant_building POLYGON 600 Gasthof");
    }

    @Test
    void geoPackageDistrictsWithTheirCrsFromTheFile(TestSchema db) throws Exception {
        ImportResult r = Imports.importFile(db.dataSource(), TestData.path("vg5000/VG5000_KRS.gpkg"),
                ImportOptions.builder().source("gpkg").build()).orThrow();
        assertThat(r.format()).isEqualTo("geopackage");
        assertThat(r.counts(Target.ADMIN_AREAS).added()).isEqualTo(401);
        // The same transformation as from the shapefile: identical coordinates.
        assertThat(one(db, "select count(*) from admin_areas s join admin_areas g on g.ags = s.ags"
                + " and g.source = 'gpkg' where s.source = 'BKG VG5000 Kreise' and ST_Equals(s.geom, g.geom)"))
                .isEqualTo("401");
    }

    @Test
    void aCsvOfPlacesWithPopulationBecomesLocalities(TestSchema db) throws Exception {
        ImportResult r = Imports.importFile(db.dataSource(), TestData.path("geonames/de-places-geonames-pop1000.csv"))
                .orThrow();
        assertThat(r.source()).isEqualTo("GeoNames");
        assertThat(r.counts(Target.LOCALITIES).added()).isEqualTo(7244);
        assertThat(one(db, "select concat_ws('|', name, kind, population, population_source, ags, licence,"
                + " ST_AsText(geom)) from localities where source = 'GeoNames' and source_id = '2803476'"))
                .isEqualTo("Zwönitz|town|11547|GeoNames|14521710|CC-BY-4.0|POINT(12.80999 50.63027)");
    }

    @Test
    void aClubListWithAddressesOnlyIsGeocodedAndEveryRowAccountedFor(TestSchema db) throws Exception {
        ImportOptions options = ImportOptions.builder().kind("club").licence("CC-BY-4.0")
                .attribution("© Gemeinde Bindlach").column("details.sport", "Sportarten")
                .column("details.members", "Mitglieder").column("details.founded", "Gegründet").build();
        ImportResult r = Imports.importFile(db.dataSource(), fixture("vereine-bindlach.csv"), options);
        assertThat(r.status()).isEqualTo(ImportResult.Status.SUCCEEDED);
        assertThat(r.stats()).containsEntry("geocoding.address", 4L).containsEntry("geocoding.street", 1L)
                .containsEntry("geocoding.locality", 1L).containsEntry("geocoding.unmatched", 1L);
        assertThat(r.counts(Target.PLACES)).isEqualTo(new Counts(7, 4, 0, 0, 0, 3, 0, 0));
        // Exact addresses land on the house; "Hauptstr." meets "Hauptstraße".
        assertThat(one(db, "select count(*) from places p join addresses a on a.street = 'Hauptstraße'"
                + " and a.housenumber = '7' and a.city = 'Bindlach' and ST_Equals(p.geom, a.geom)"
                + " where p.source_id = '3'")).isEqualTo("1");
        assertThat(one(db, "select details::text from places where source = 'vereine-bindlach' and source_id = '1'"))
                .isEqualTo("{\"sport\": [\"Fußball\", \"Tennis\"], \"founded\": 1925, \"members\": 412}");
        assertThat(r.problems()).extracting(p -> p.location() + ": " + p.reason()).contains(
                "line 5: geocoded by street: 'Jägersteig 99, 95463 Bindlach' placed at Jägersteig 9 (no 99 known)",
                "line 6: 'Heinersreuth' was found only as the municipality Heinersreuth (locality), less than"
                        + " --min-match street",
                "line 8: a club (club) needs a name");
        assertThat(r.problems(Problem.Action.REJECTED)).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(7);
            assertThat(p.reason()).startsWith("'Unbekannte Gasse 1, 95999 Nirgendwo' was not found among the");
        });

        ImportResult coarse = Imports.importFile(db.dataSource(), fixture("vereine-bindlach.csv"),
                options.toBuilder().minimumMatch("locality").build());
        assertThat(coarse.counts(Target.PLACES)).isEqualTo(new Counts(7, 1, 0, 4, 0, 2, 0, 0));
    }

    @Test
    void anExcelSheetWithNumbersDatesAndText(TestSchema db, @TempDir Path dir) throws Exception {
        Path xlsx = XlsxFixture.write(dir.resolve("raeume.xlsx"), "Räume", List.of(
                List.of("ID", "Bezeichnung", "Art", "Kapazität", "PLZ", "Ort", "lon", "lat", "Gültig ab", "barrierefrei"),
                List.of(10, "Saal im Bürgerhaus", "Raum zum Mieten", 120, 95463, "Bindlach", 11.6148, 49.9815,
                        LocalDate.of(2025, 1, 1), "ja"),
                List.of(11, "Vereinsheim", "meeting_room", 40.0, 95463, "Bindlach", 11.6088, 49.9791,
                        LocalDate.of(2024, 6, 15), "nein")));
        ImportResult r = Imports.importFile(db.dataSource(), xlsx, ImportOptions.builder().licence("CC0-1.0")
                .attribution("Gemeinde Bindlach").build()).orThrow();
        assertThat(r.format()).isEqualTo("xlsx");
        Map<String, String> rooms = rows(db, "select source_id, concat_ws('|', kind, name, capacity, addr_postcode,"
                + " valid_from, wheelchair, ST_AsText(geom)) from places where source = 'raeume'");
        assertThat(rooms).containsExactlyInAnyOrderEntriesOf(Map.of(
                "10", "meeting_room|Saal im Bürgerhaus|120|95463|2025-01-01|yes|POINT(11.6148 49.9815)",
                "11", "meeting_room|Vereinsheim|40|95463|2024-06-15|no|POINT(11.6088 49.9791)"));
    }

    @Test
    void aNamedExcelSheetWhoseFormulasGiveTheValuesExcelCalculated(TestSchema db, @TempDir Path dir) throws Exception {
        var sheets = new LinkedHashMap<String, List<List<Object>>>();
        sheets.put("Hinweise", List.of(List.of("Bitte nur das Blatt Räume ausfüllen")));
        sheets.put("Räume", List.of(
                List.of("ID", "Bezeichnung", "Art", "Kapazität", "PLZ", "lon", "lat", "Gültig ab", "barrierefrei",
                        "Beschreibung"),
                List.of(20, new XlsxFixture.Formula("\"Saal \"&A2", "Saal 20"), "meeting_room",
                        new XlsxFixture.Formula("A2*6", 120), new XlsxFixture.Formula("95000+463", 95463), 11.61,
                        49.98, new XlsxFixture.Formula("DATE(2025,1,1)", LocalDate.of(2025, 1, 1)),
                        new XlsxFixture.Formula("A2>10", true),
                        new XlsxFixture.Formula("1/0", new XlsxFixture.Error("#DIV/0!")))));
        Path xlsx = XlsxFixture.write(dir.resolve("formeln.xlsx"), sheets);
        ImportResult r = Imports.importFile(db.dataSource(), xlsx, ImportOptions.builder().licence("CC0-1.0")
                .attribution("Gemeinde Bindlach").layer("räume").build()).orThrow();
        assertThat(r.counts(Target.PLACES).added()).isEqualTo(1);
        // Each formula's value as Excel last calculated it; an error is no value.
        assertThat(one(db, "select concat_ws('|', name, capacity, addr_postcode, valid_from, wheelchair,"
                + " coalesce(description, 'none')) from places where source = 'formeln' and source_id = '20'"))
                .isEqualTo("Saal 20|120|95463|2025-01-01|yes|none");
    }

    @Test
    void aCensusGridInItsOwnCrs(TestSchema db) throws Exception {
        ImportResult r = Imports.importFile(db.dataSource(), fixture("Zensus2022_Bevoelkerungszahl_100m-Gitter.csv"))
                .orThrow();
        assertThat(r.format()).isEqualTo("census-grid");
        assertThat(r.source()).isEqualTo("Zensus 2022 100 m");
        assertThat(r.counts(Target.POPULATION_CELLS)).isEqualTo(new Counts(10, 10, 0, 0, 0, 0, 0, 0));
        assertThat(r.stats()).containsEntry("census.cells_secret", 2L);
        assertThat(one(db, "select sum(population) || ' ' || min(ST_SRID(centre)) || ' ' || min(census) || ' '"
                + " || min(size_m) from population_cells")).isEqualTo("113 3035 Zensus 2022 100");
        assertThat(one(db, "select ST_AsText(centre) from population_cells where cell_id ="
                + " 'CRS3035RES100mN2986600E4436500'")).isEqualTo("POINT(4436550 2986650)");
    }
}
