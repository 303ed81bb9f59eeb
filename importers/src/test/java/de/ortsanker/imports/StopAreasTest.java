package de.ortsanker.imports;

import static de.ortsanker.imports.OsmMappingTest.fixture;
import static de.ortsanker.imports.OsmMappingTest.one;
import static org.assertj.core.api.Assertions.assertThat;

import de.ortsanker.testing.PostgisTest;
import de.ortsanker.testing.TestSchema;
import org.junit.jupiter.api.Test;

/**
 * One stop, one place: platform, stop position and station of a stop area are one place, named from its own
 * name or its stop area's — on hand-made stops (src/test/resources/fixtures/stops.osm) and on the real
 * extract around Herrenberg, checked there against PostGIS.
 */
@PostgisTest
class StopAreasTest {

    private final TestSchema db;

    StopAreasTest(TestSchema db) {
        this.db = db;
    }

    private String stop(String sourceId) throws Exception {
        return one(db, "select kind || ' ' || coalesce(name, '-') || ' ' || coalesce(details->>'routes', '-') || ' '"
                + " || coalesce(details->>'shelter', '-') || ' ' || coalesce(source_url, '-') from places"
                + " where source = 'stops' and source_id = '" + sourceId + "' and retired_at is null");
    }

    @Test
    void theElementsOfOneStopAreOnePlace() throws Exception {
        ImportResult r = Imports.importFile(db.dataSource(), fixture("stops.osm")).orThrow();
        assertThat(one(db, "select string_agg(source_id, ' ' order by source_id) from places where source = 'stops'"))
                .isEqualTo("node/4 node/5 node/7 relation/900/bus_stop relation/901/bus_stop"
                        + " relation/902/bus_stop relation/902/train_station");
        // Marktplatz: the platform's position, both stops' routes, the shelter the platform has.
        assertThat(stop("relation/900/bus_stop"))
                .isEqualTo("bus_stop Marktplatz [\"560\", \"561\"] true https://www.openstreetmap.org/relation/900");
        assertThat(one(db, "select ST_AsText(geom) from places where source_id = 'relation/900/bus_stop'"))
                .isEqualTo("POINT(11.57 50.03)");
        assertThat(stop("relation/901/bus_stop")).startsWith("bus_stop Schule ");
        assertThat(stop("node/4")).startsWith("bus_stop - ");
        // The village stop's two platforms are one stop; the one of that name 400 m on is another.
        assertThat(stop("node/5")).startsWith("bus_stop Kirche ");
        assertThat(stop("node/7")).startsWith("bus_stop Kirche ");
        // A station with a bus platform: one stop of each kind.
        assertThat(stop("relation/902/train_station")).startsWith("train_station Harsdorf Bahnhof ");
        assertThat(stop("relation/902/bus_stop")).startsWith("bus_stop Harsdorf Bahnhof ");
        assertThat(r.stats()).containsEntry("osm.stop_elements_joined", 2L);

        ImportResult again = Imports.importFile(db.dataSource(), fixture("stops.osm")).orThrow();
        assertThat(again.counts(Target.PLACES).unchanged()).isEqualTo(7);
        assertThat(again.added() + again.updated() + again.retired()).isZero();
    }

    @Test
    void onARealExtractNoStopIsHeldTwice() throws Exception {
        String file = "osm/herrenberg-and-around-2020-04-21.osm.pbf";
        ImportResult r = Imports.importFile(db.dataSource(), TestData.path(file),
                ImportOptions.builder().source("stops").build()).orThrow();
        assertThat(r.stats().get("osm.stop_elements_joined")).isPositive();
        String stops = "retired_at is null and %1$s.kind in ('bus_stop', 'train_station')";
        // Asked of PostGIS directly: no two stops of one kind and name within 100 m.
        assertThat(one(db, "select count(*) from places a join places b on a.id < b.id and a.kind = b.kind"
                + " and lower(a.name) = lower(b.name) and ST_DWithin(a.geog, b.geog, 100)"
                + " where a." + stops.formatted("a") + " and b." + stops.formatted("b"))).isEqualTo("0");
        // Read from the file independently: no member of a stop area is a stop of its own.
        OsmCount osm = OsmCount.of(TestData.path(file));
        var members = osm.elements.stream().filter(e -> "stop_area".equals(e.tag("public_transport")))
                .flatMap(e -> e.members().stream()).filter(m -> m.charAt(0) == 'n' || m.charAt(0) == 'w')
                .map(m -> "'" + (m.charAt(0) == 'n' ? "node/" : "way/") + m.substring(1) + "'").toList();
        assertThat(members).hasSizeGreaterThan(10);
        assertThat(one(db, "select count(*) from places where " + stops.formatted("places") + " and source_id in ("
                + String.join(",", members) + ")")).isEqualTo("0");
        assertThat(one(db, "select count(*) from places where " + stops.formatted("places") + " and source_id like 'relation/%/%'"))
                .isNotEqualTo("0");
        ImportResult again = Imports.importFile(db.dataSource(), TestData.path(file),
                ImportOptions.builder().source("stops").build()).orThrow();
        assertThat(again.counts(Target.PLACES).added() + again.counts(Target.PLACES).updated()
                + again.counts(Target.PLACES).retired()).isZero();
    }
}
