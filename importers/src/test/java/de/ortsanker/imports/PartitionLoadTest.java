package de.ortsanker.imports;

import static de.ortsanker.imports.KilledImportTest.fingerprint;
import static de.ortsanker.imports.OsmMappingTest.one;
import static org.assertj.core.api.Assertions.assertThat;

import de.ortsanker.testing.PostgisTest;
import de.ortsanker.testing.TestSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A large first import loads as a partition of places of its own (PartitionLoad, V60). A staging buffer
 * of 1 KiB makes the small real files "large", so both ways of loading meet the same data.
 */
@PostgisTest
class PartitionLoadTest {

    private static final ImportOptions SMALL_BUFFER = ImportOptions.builder().stagingBuffer(1024).build();
    private static final ImportOptions LIST = SMALL_BUFFER.toBuilder().licence("CC0-1.0").attribution("test").build();

    /** Everything a source provides of its places, without ids and timestamps. */
    private static String records(TestSchema db, String source) throws Exception {
        return one(db, "select count(*) || ' ' || md5(string_agg(concat_ws('|', source_id, import_hash, kind, name,"
                + " name_folded, ST_AsEWKB(geom), geog::text, addr_street, opening_hours, wheelchair, details, licence,"
                + " attribution, retired_at is null), '#' order by source_id)) from places where source = '" + source + "'");
    }

    private static String partitionOf(TestSchema db, String source) throws Exception {
        return one(db, "select string_agg(c.relname || ' ' || pg_get_expr(c.relpartbound, c.oid), ', ')"
                + " from pg_inherits h join pg_class c on c.oid = h.inhrelid"
                + " where h.inhparent = 'places'::regclass and c.relname like 'places\\_" + source + "\\_%'");
    }

    @Test
    void aLargeFirstImportBecomesAPartitionWithTheRecordsAMergeWouldWrite(TestSchema db) throws Exception {
        Path osm = TestData.path("osm/lauf-200115.osm.pbf");
        ImportResult merged = Imports.importFile(db.dataSource(), osm,
                ImportOptions.builder().source("merged").build()).orThrow();
        long versions = Long.parseLong(one(db, "select sum(version) from data_versions"));
        ImportResult loaded = Imports.importFile(db.dataSource(), osm, SMALL_BUFFER.toBuilder().source("loaded").build())
                .orThrow();

        assertThat(merged.stats()).doesNotContainKey("places.own_partition");
        assertThat(loaded.stats()).containsEntry("places.own_partition", 1L).containsKey("time.indexing_ms");
        assertThat(loaded.counts(Target.PLACES)).isEqualTo(merged.counts(Target.PLACES));
        assertThat(loaded.counts(Target.PLACES).added()).isGreaterThan(100);
        assertThat(records(db, "loaded")).isEqualTo(records(db, "merged"));
        assertThat(partitionOf(db, "loaded")).matches("places_loaded_[0-9a-f]{6} FOR VALUES IN \\('loaded'\\)");
        assertThat(partitionOf(db, "merged")).isNull();

        // Every index of places has its part on the new partition (built in bulk, attached, not rebuilt).
        assertThat(one(db, "select count(*) from pg_inherits h join pg_class c on c.oid = h.inhrelid"
                + " join pg_index i on i.indexrelid = c.oid join pg_class t on t.oid = i.indrelid"
                + " where t.relname like 'places\\_loaded\\_%' and h.inhparent in"
                + " (select indexrelid from pg_index where indrelid = 'places'::regclass)"))
                .isEqualTo(one(db, "select count(*) from pg_index where indrelid = 'places'::regclass"));
        // The attach bumped the layers' versions (caches must see the new places) …
        assertThat(Long.parseLong(one(db, "select sum(version) from data_versions"))).isGreaterThan(versions);
        // … the planner has statistics, and the loading tables are gone.
        assertThat(one(db, "select reltuples > 0 from pg_class where relname like 'places\\_loaded\\_%'")).isEqualTo("t");
        assertThat(one(db, "select count(*) from pg_tables where schemaname = current_schema()"
                + " and tablename like 'import\\_staging\\_%'")).isEqualTo("0");
        // Queries over places find the partition's rows through its indexes.
        String near = "select count(*) from places where source = '%s' and ST_DWithin(geog,"
                + " (select geog from places where source = 'merged' order by source_id limit 1), 500)";
        assertThat(one(db, near.formatted("loaded"))).isEqualTo(one(db, near.formatted("merged"))).isNotEqualTo("0");
    }

    @Test
    void theSourcesNextImportMergesIntoItsPartition(TestSchema db) throws Exception {
        Path osm = TestData.path("osm/north-bayreuth.osm.pbf");
        Imports.importFile(db.dataSource(), osm, SMALL_BUFFER.toBuilder().source("again").build()).orThrow();
        String first = records(db, "again");
        ImportResult second = Imports.importFile(db.dataSource(), osm, SMALL_BUFFER.toBuilder().source("again").build())
                .orThrow();
        assertThat(second.stats()).doesNotContainKey("places.own_partition");
        assertThat(second.counts(Target.PLACES).added()).isZero();
        assertThat(second.counts(Target.PLACES).unchanged()).isEqualTo(second.counts(Target.PLACES).read()
                - second.counts(Target.PLACES).rejected());
        assertThat(records(db, "again")).isEqualTo(first);
    }

    @Test
    void aSourceWhoseRecordsWereDeletedGetsAFreshPartition(TestSchema db) throws Exception {
        Path osm = TestData.path("osm/north-bayreuth.osm.pbf");
        Imports.importFile(db.dataSource(), osm, SMALL_BUFFER.toBuilder().source("emptied").build()).orThrow();
        String first = records(db, "emptied");
        db.execute("delete from places where source = 'emptied'");
        ImportResult again = Imports.importFile(db.dataSource(), osm, SMALL_BUFFER.toBuilder().source("emptied").build())
                .orThrow();
        assertThat(again.stats()).containsEntry("places.own_partition", 1L);
        assertThat(again.counts(Target.PLACES).added()).isPositive();
        assertThat(records(db, "emptied")).isEqualTo(first);
        assertThat(partitionOf(db, "emptied")).doesNotContain(",");
    }

    /** 40 pubs; the 31st repeats the id of the 8th. */
    private static Path pubsWithARepeatedId(Path dir) throws Exception {
        var features = new StringBuilder("{\"type\": \"FeatureCollection\", \"features\": [\n");
        for (int i = 0; i < 40; i++) {
            String id = i == 30 ? "7" : String.valueOf(i);
            features.append(i == 0 ? "" : ",\n").append("{\"type\": \"Feature\", \"id\": \"").append(id)
                    .append("\", \"properties\": {\"kind\": \"pub\", \"name\": \"Gasthaus ").append(i)
                    .append("\"}, \"geometry\": {\"type\": \"Point\", \"coordinates\": [11.5").append(i)
                    .append(", 50.0]}}");
        }
        return Files.writeString(dir.resolve("wirtshaeuser.geojson"), features.append("\n]}\n").toString());
    }

    @Test
    void repeatedIdsAreReportedAndTheFirstRecordKept(TestSchema db, @TempDir Path dir) throws Exception {
        ImportResult r = Imports.importFile(db.dataSource(), pubsWithARepeatedId(dir),
                LIST.toBuilder().source("repeated").build()).orThrow();
        assertThat(r.stats()).containsEntry("places.own_partition", 1L);
        assertThat(r.counts(Target.PLACES).added()).isEqualTo(39);
        assertThat(r.counts(Target.PLACES).rejected()).isEqualTo(1);
        assertThat(r.problems(Problem.Action.REJECTED)).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("feature 31");
            assertThat(p.reason()).isEqualTo("the id '7' was used before (feature 8): ids must be unique within a file");
        });
        assertThat(one(db, "select name from places where source = 'repeated' and source_id = '7'"))
                .isEqualTo("Gasthaus 7");
    }

    @Test
    void aLoadThatIsNotAppliedLeavesNoTraceAndChangesNothing(TestSchema db, @TempDir Path dir) throws Exception {
        Imports.importFile(db.dataSource(), TestData.path("osm/north-bayreuth.osm.pbf")).orThrow();
        String before = fingerprint(db);
        // Aborted while reading, its COPYs still open …
        ImportResult whileReading = Imports.importFile(db.dataSource(), TestData.path("osm/north-bayreuth.osm.pbf"),
                SMALL_BUFFER.toBuilder().source("strict").maxErrors(0).build());
        assertThat(whileReading.status()).isEqualTo(ImportResult.Status.ABORTED);
        // … and aborted in the merge, the partition indexed and its attach rolled back.
        ImportResult whileMerging = Imports.importFile(db.dataSource(), pubsWithARepeatedId(dir),
                LIST.toBuilder().source("strict").maxErrors(0).build());
        assertThat(whileMerging.status()).isEqualTo(ImportResult.Status.ABORTED);
        assertThat(whileMerging.stats()).containsEntry("places.own_partition", 1L);

        assertThat(fingerprint(db)).isEqualTo(before);
        assertThat(partitionOf(db, "strict")).isNull();
        assertThat(one(db, "select count(*) from pg_tables where schemaname = current_schema()"
                + " and tablename like 'import\\_staging\\_%'")).isEqualTo("0");
    }

    @Test
    void aDryRunLoadsNoPartition(TestSchema db) throws Exception {
        ImportResult r = Imports.importFile(db.dataSource(), TestData.path("osm/north-bayreuth.osm.pbf"),
                SMALL_BUFFER.toBuilder().source("dry").dryRun(true).build());
        assertThat(r.status()).isEqualTo(ImportResult.Status.DRY_RUN);
        assertThat(r.stats()).doesNotContainKey("places.own_partition");
        assertThat(r.counts(Target.PLACES).added()).isPositive();
        assertThat(partitionOf(db, "dry")).isNull();
    }
}
