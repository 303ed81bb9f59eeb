package de.ortsanker.imports;

import static de.ortsanker.imports.OsmMappingTest.one;
import static de.ortsanker.imports.OsmMappingTest.rows;
import static org.assertj.core.api.Assertions.assertThat;

import de.ortsanker.testing.PostgisTest;
import de.ortsanker.testing.TestSchema;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The real OSM extracts in data/osm, imported with defaults and counted independently. */
@PostgisTest
class OsmImportTest {

    private static final Set<String> LOCALITY_KINDS = Set.of(
            "city", "town", "village", "hamlet", "isolated_dwelling", "suburb", "quarter", "locality");

    @ParameterizedTest
    @ValueSource(strings = {"north-bayreuth", "lauf-200115", "hoyerswerda"})
    void countsMatchAnIndependentCountOfTheFile(String extract, TestSchema db) throws Exception {
        Path file = TestData.path("osm/" + extract + ".osm.pbf");
        ImportResult r = Imports.importFile(db.dataSource(), file).orThrow();
        assertThat(r.source()).isEqualTo(extract);
        OsmCount osm = OsmCount.of(file);

        Map<String, String> byKind = rows(db, "select kind, count(*) from places where source = '" + extract
                + "' and source_id not like 'relation/%' group by kind");
        // Platform, stop position and station of one stop are one place (see StopAreas): the places plus the
        // elements joined into another's place are every stop element of the file.
        long stopElements = osm.count(e -> "bus_stop".equals(e.tag("highway"))
                || "platform".equals(e.tag("public_transport")) && "yes".equals(e.tag("bus"))
                || in(e.tag("railway"), "station", "halt")
                || "station".equals(e.tag("public_transport")) && "yes".equals(e.tag("train")));
        long stops = Long.parseLong(one(db, "select count(*) from places where source = '" + extract
                + "' and kind in ('bus_stop', 'train_station')"));
        assertThat(stops + r.stats().getOrDefault("osm.stop_elements_joined", 0L)).as("stop elements")
                .isEqualTo(stopElements);
        assertCount(byKind, "pub", osm.count(named(e -> in(e.tag("amenity"), "pub", "bar", "biergarten"))));
        assertCount(byKind, "cafe", osm.count(named(e -> "cafe".equals(e.tag("amenity")))));
        assertCount(byKind, "library", osm.count(e -> "library".equals(e.tag("amenity"))));
        assertCount(byKind, "charging_station", osm.count(e -> "charging_station".equals(e.tag("amenity"))));
        long centres = osm.count(e -> "community_centre".equals(e.tag("amenity")));
        long mappedCentres = Set.of("village_hall", "youth_club", "parish_hall", "community_centre").stream()
                .mapToLong(k -> Long.parseLong(byKind.getOrDefault(k, "0"))).sum();
        assertThat(mappedCentres).as("community centres of all sorts").isEqualTo(centres);

        long localities = osm.count(named(e -> e.tag("place") != null && LOCALITY_KINDS.contains(e.tag("place"))));
        assertThat(one(db, "select count(*) from localities where source = '" + extract
                + "' and source_id not like 'relation/%'")).isEqualTo(String.valueOf(localities));
        long addresses = osm.count(e -> e.tag("addr:housenumber") != null
                && (e.tag("addr:street") != null || e.tag("addr:place") != null));
        assertThat(one(db, "select count(*) from addresses where source = '" + extract
                + "' and source_id not like 'relation/%'")).isEqualTo(String.valueOf(addresses));
        assertThat(r.counts(Target.PLACES).added()).isPositive();
    }

    @Test
    void theSameFileAgainChangesNothing(TestSchema db) throws Exception {
        Path file = TestData.path("osm/north-bayreuth.osm.pbf");
        ImportResult first = Imports.importFile(db.dataSource(), file, ImportOptions.builder().source("twice").build())
                .orThrow();
        String versions = one(db, "select string_agg(layer || '=' || version, ',' order by layer) from data_versions");
        String updatedAt = one(db, "select max(updated_at)::text from places where source = 'twice'");

        ImportResult second = Imports.importFile(db.dataSource(), file, ImportOptions.builder().source("twice").build())
                .orThrow();
        assertThat(second.added() + second.updated() + second.retired()).isZero();
        assertThat(second.unchanged()).isEqualTo(first.added()).isPositive();
        assertThat(second.counts(Target.PLACES).unchanged()).isEqualTo(first.counts(Target.PLACES).added());
        // Nothing changed, so no layer's version moves and no cache is invalidated; rows are not even touched.
        assertThat(one(db, "select string_agg(layer || '=' || version, ',' order by layer) from data_versions"))
                .isEqualTo(versions);
        assertThat(one(db, "select max(updated_at)::text from places where source = 'twice'")).isEqualTo(updatedAt);
    }

    @Test
    void everyRecordCarriesItsOriginAndLicence(TestSchema db) throws Exception {
        Imports.importFile(db.dataSource(), TestData.path("osm/north-bayreuth.osm.pbf"),
                ImportOptions.builder().source("origin").build()).orThrow();
        for (String table : new String[] {"places", "localities", "admin_areas", "addresses"}) {
            assertThat(one(db, "select count(*) filter (where licence <> 'ODbL-1.0'"
                    + " or attribution <> '© OpenStreetMap contributors') || '/' || sign(count(*))"
                    + " from " + table + " where source = 'origin'")).as(table).isEqualTo("0/1");
        }
        assertThat(one(db, "select count(*) from places where source = 'origin' and (source_url is null"
                + " or source_url !~ '^https://www.openstreetmap.org/(node|way|relation)/[0-9]+$')")).isEqualTo("0");
    }

    @Test
    void municipalityBoundariesComeWithTheirKey(TestSchema db) throws Exception {
        ImportResult r = Imports.importFile(db.dataSource(), TestData.path("osm/north-bayreuth.osm.pbf"),
                ImportOptions.builder().source("boundaries").build()).orThrow();
        // The extract holds one complete municipality; the others are cut by its edge and reported as skipped.
        assertThat(one(db, "select string_agg(level || ' ' || ags || ' ' || name, ', ') from admin_areas"
                + " where source = 'boundaries'")).isEqualTo("gemeinde 09472150 Heinersreuth");
        assertThat(one(db, "select ST_IsValid(geom) and GeometryType(geom) = 'MULTIPOLYGON' from admin_areas"
                + " where source = 'boundaries'")).isEqualTo("t");
        assertThat(r.problems(Problem.Action.SKIPPED)).isNotEmpty()
                .allSatisfy(p -> assertThat(p.reason()).contains("missing from the file"));
    }

    private static Predicate<OsmCount.Element> named(Predicate<OsmCount.Element> p) {
        return e -> p.test(e) && e.tag("name") != null && !e.tag("name").isBlank();
    }

    private static boolean in(String value, String... options) {
        return value != null && Set.of(options).contains(value);
    }

    private static void assertCount(Map<String, String> byKind, String kind, long expected) {
        assertThat(Long.parseLong(byKind.getOrDefault(kind, "0"))).as(kind).isEqualTo(expected);
    }
}
