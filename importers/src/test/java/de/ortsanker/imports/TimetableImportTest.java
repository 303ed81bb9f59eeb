package de.ortsanker.imports;

import static de.ortsanker.imports.OsmMappingTest.one;
import static org.assertj.core.api.Assertions.assertThat;

import de.ortsanker.testing.PostgisTest;
import de.ortsanker.testing.TestSchema;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** GTFS feeds into the timetables (V93): the bundled demo feed and bbnavi's real GTFS-Flex feed. */
@PostgisTest
class TimetableImportTest {

    static final Path DEMO = TestData.path("gtfs/herrenberg-demo");
    static final Path FLEX = TestData.path("gtfs/bbnavi-gtfs-flex-2024-01-09");

    private final TestSchema db;

    TimetableImportTest(TestSchema db) {
        this.db = db;
    }

    @Test
    void demoFeedImports() throws Exception {
        ImportResult r = Imports.importFile(db.dataSource(), DEMO).orThrow();
        assertThat(r.format()).isEqualTo("gtfs");
        assertThat(r.source()).isEqualTo("ortsanker-demo-herrenberg");
        assertThat(one(db, "select count(*) from transit_stop_times where source = 'ortsanker-demo-herrenberg'")).isEqualTo("501");
        assertThat(one(db, "select count(*) from transit_trips where source = 'ortsanker-demo-herrenberg'")).isEqualTo("127");
    }

    @Test
    void flexFeedImports() throws Exception {
        ImportResult r = Imports.importFile(db.dataSource(), FLEX).orThrow();
        assertThat(r.problems(Problem.Action.REJECTED)).isEmpty();
        assertThat(one(db, "select count(*) from transit_on_demand_areas")).isEqualTo("8");
    }
}
