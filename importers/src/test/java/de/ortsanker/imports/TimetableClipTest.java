package de.ortsanker.imports;

import static de.ortsanker.imports.OsmMappingTest.column;
import static de.ortsanker.imports.OsmMappingTest.one;
import static org.assertj.core.api.Assertions.assertThat;

import de.ortsanker.testing.PostgisTest;
import de.ortsanker.testing.TestSchema;
import org.junit.jupiter.api.Test;

/**
 * A feed clipped to a municipality ({@code --area AGS}, as a county loads its part of the VBB's or DELFI's
 * feed): exactly the stops within the official boundary, the stop times there of trips that still stop twice
 * within it, and the routes and services those trips use — checked against the unclipped feed in PostGIS.
 */
@PostgisTest
class TimetableClipTest {

    private final TestSchema db;

    TimetableClipTest(TestSchema db) {
        this.db = db;
    }

    @Test
    void clippedFeedHoldsWhatLiesWithinTheArea() throws Exception {
        Imports.importFile(db.dataSource(), TestData.path("vg5000/VG5000_GEM.shp")).orThrow();
        String ags = "08115021";   // Herrenberg
        Imports.importFile(db.dataSource(), TimetableImportTest.DEMO,
                ImportOptions.builder().source("all").build()).orThrow();
        ImportResult r = Imports.importFile(db.dataSource(), TimetableImportTest.DEMO,
                ImportOptions.builder().area(ags).build()).orThrow();
        String clipped = "ortsanker-demo-herrenberg-" + ags;
        assertThat(r.source()).isEqualTo(clipped);

        String within = "(select stop_id from transit_stops s, admin_areas a where s.source = 'all' and a.ags = '"
                + ags + "' and a.retired_at is null and ST_Within(s.geom, a.geom))";
        assertThat(column(db, "select stop_id from transit_stops where source = '" + clipped + "' order by 1"))
                .isEqualTo(column(db, "select stop_id from " + within + " w order by 1"))
                .contains("zob", "hbf-1", "kay-her").doesNotContain("gae", "nuf");
        String keptTrips = "(select trip_id from transit_stop_times where source = 'all' and stop_id in " + within
                + " group by trip_id having count(*) >= 2)";
        assertThat(column(db, "select trip_id || '/' || stop_sequence || '/' || arrival_s from transit_stop_times"
                + " where source = '" + clipped + "' order by 1"))
                .isEqualTo(column(db, "select trip_id || '/' || stop_sequence || '/' || arrival_s from transit_stop_times"
                        + " where source = 'all' and trip_id in " + keptTrips + " and stop_id in " + within + " order by 1"))
                .isNotEmpty();
        // The train stops once within Herrenberg: its trips are gone, and with them its route.
        assertThat(column(db, "select route_id from transit_routes where source = '" + clipped + "' order by 1"))
                .containsExactly("773", "782");
        assertThat(r.stats()).containsEntry("area.outside", 2L);
    }
}
