package de.ortsanker.imports;

import static de.ortsanker.imports.OsmMappingTest.one;
import static org.assertj.core.api.Assertions.assertThat;

import de.ortsanker.imports.cli.ImportCommand;
import de.ortsanker.testing.PostgisTest;
import de.ortsanker.testing.TestSchema;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a real import process (SIGKILL, as kill -9) in the middle of its run and finds the data exactly as
 * before. To kill it at a known point rather than by luck, the test holds a lock the import's merge
 * needs: the process is killed while it waits inside its open transaction, with part of its merge done.
 */
@PostgisTest
class KilledImportTest {

    private static final String[] TABLES = {"places", "localities", "admin_areas", "addresses", "data_versions"};

    @BeforeAll
    static void existingData(TestSchema db) {
        Imports.importFile(db.dataSource(), TestData.path("osm/north-bayreuth.osm.pbf")).orThrow();
        Imports.importFile(db.dataSource(), TestData.path("vg5000/VG5000_KRS.shp")).orThrow();
    }

    @Test
    void killedWhileMergingLeavesTheDataAsItWas(TestSchema db, @TempDir Path logs) throws Exception {
        String before = fingerprint(db);
        try (Connection blocker = db.connect()) {
            blocker.setAutoCommit(false);
            // The merge writes places, localities and admin areas first, then waits here for addresses.
            blocker.createStatement().execute("lock table addresses in share mode");
            Process importer = start(db, logs, TestData.path("osm/north-bayreuth.osm.pbf"), "--source", "other");
            long backend = await("the import waiting inside its merge", () -> waitingBackend(db, "into addresses"));
            assertThat(one(db, "select status || ' ' || phase from import_runs where source = 'other'"))
                    .isEqualTo("running merging");
            assertThat(one(db, "select count(*) from places where source = 'other'")).isEqualTo("0");

            importer.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            assertThat(importer.isAlive()).isFalse();
            blocker.rollback();
            await("the killed import's session to end", () -> !backendAlive(db, backend));
        }
        assertThat(fingerprint(db)).isEqualTo(before);
        assertThat(one(db, "select count(*) from places where source = 'other'")).isEqualTo("0");

        // The next import finds the dead run and records it as failed.
        Imports.importFile(db.dataSource(), TestData.path("vg5000/VG5000_KRS.shp")).orThrow();
        assertThat(one(db, "select status || ' ' || (finished_at is not null) || ' '"
                + " || (error_report->0->>'reason') from import_runs where source = 'other'"))
                .startsWith("failed true the import ended without finishing");
    }

    @Test
    void killedWhileReadingLeavesTheDataAsItWasAndItsStagingIsCleanedUp(TestSchema db, @TempDir Path logs)
            throws Exception {
        String before = fingerprint(db);
        long run;
        try (Connection blocker = db.connect()) {
            blocker.setAutoCommit(false);
            // Should reading end before the kill, the merge could still not commit.
            blocker.createStatement().execute("lock table admin_areas in share mode");
            Process importer = start(db, logs, TestData.path("vg5000/VG5000_GEM.shp"), "--source", "gemeinden");
            await("the import to report progress", () -> query(db,
                    "select count(*) from import_runs where source = 'gemeinden' and features_read > 0").equals("1"));
            importer.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            blocker.rollback();
            run = Long.parseLong(one(db, "select id from import_runs where source = 'gemeinden'"));
        }
        // A backend of the killed process notices its client is gone only when it next talks to it (one
        // blocked on the lock above, after the rollback): until then it holds the run's lock and the run
        // counts as running. Wait for that, as an operator's next import a moment later would find it.
        long dead = run;
        await("the killed import's sessions to end", () -> runLockFree(db, dead));
        assertThat(fingerprint(db)).isEqualTo(before);
        assertThat(stagingTables(db, run)).isNotEmpty();

        Imports.importFile(db.dataSource(), TestData.path("osm/north-bayreuth.osm.pbf")).orThrow();
        assertThat(stagingTables(db, run)).isEmpty();
        assertThat(one(db, "select status from import_runs where id = " + run)).isEqualTo("failed");
        assertThat(fingerprint(db)).isEqualTo(before);
    }

    @Test
    void killedWhileAttachingItsPartitionLeavesTheDataAsItWasAndNoTable(TestSchema db, @TempDir Path logs)
            throws Exception {
        String before = fingerprint(db);
        long run;
        try (Connection blocker = db.connect()) {
            blocker.setAutoCommit(false);
            // Attaching a partition locks the default one: the import waits there, everything loaded and indexed.
            blocker.createStatement().execute("lock table places_other in access share mode");
            Process importer = start(db, logs, TestData.path("osm/lauf-200115.osm.pbf"), "--source", "big",
                    "--staging-buffer", "1024");
            long backend = await("the import waiting to attach", () -> waitingBackend(db, "attach partition"));
            run = Long.parseLong(one(db, "select id from import_runs where source = 'big'"));
            assertThat(stagingTables(db, run)).contains("import_staging_" + run + "_places_partition");
            importer.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            blocker.rollback();
            await("the killed import's session to end", () -> !backendAlive(db, backend));
        }
        long dead = run;
        await("the killed import's sessions to end", () -> runLockFree(db, dead));
        assertThat(fingerprint(db)).isEqualTo(before);
        assertThat(one(db, "select count(*) from pg_inherits where inhparent = 'places'::regclass")).isEqualTo("1");

        Imports.importFile(db.dataSource(), TestData.path("vg5000/VG5000_KRS.shp")).orThrow();
        assertThat(stagingTables(db, run)).isEmpty();
        assertThat(one(db, "select status from import_runs where id = " + run)).isEqualTo("failed");
    }

    /** A digest of every row of the data tables. */
    static String fingerprint(TestSchema db) throws SQLException {
        var sb = new StringBuilder();
        for (String t : TABLES) {
            sb.append(t).append('=').append(one(db, "select count(*) || ':' || coalesce(md5(string_agg(t::text, '|'"
                    + " order by t::text)), '') from " + t + " t")).append(' ');
        }
        return sb.toString();
    }

    private static Process start(TestSchema db, Path logs, Path file, String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ImportCommand.class.getName(),
                file.toString(), "--quiet"));
        command.addAll(List.of(options));
        var pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(logs.resolve("import.log").toFile());
        pb.environment().put("ORTSANKER_DB_URL", db.jdbcUrl());
        pb.environment().put("ORTSANKER_DB_USER", db.user());
        pb.environment().put("ORTSANKER_DB_PASSWORD", db.password());
        return pb.start();
    }

    /** The pid of the backend waiting for a lock in a statement starting so, or 0. */
    private static long waitingBackend(TestSchema db, String statement) {
        String pid = query(db, "select coalesce(max(pid), 0) from pg_stat_activity where wait_event_type = 'Lock'"
                + " and query like '%" + statement + "%'");
        return Long.parseLong(pid);
    }

    private static boolean backendAlive(TestSchema db, long pid) {
        return !query(db, "select count(*) from pg_stat_activity where pid = " + pid).equals("0");
    }

    /** Whether the run's advisory lock, held by its importer while it lives, can be taken (then it is let go). */
    private static boolean runLockFree(TestSchema db, long run) {
        String key = "hashtext('ortsanker.import-run:' || current_schema()), (" + run + " % 2147483647)::int";
        return query(db, "select case when pg_try_advisory_lock(" + key + ") and pg_advisory_unlock(" + key + ")"
                + " then 'free' else 'held' end").equals("free");
    }

    private static List<String> stagingTables(TestSchema db, long run) throws SQLException {
        return OsmMappingTest.column(db, "select tablename from pg_tables where schemaname = current_schema()"
                + " and tablename like 'import\\_staging\\_" + run + "\\_%'");
    }

    private static String query(TestSchema db, String sql) {
        try {
            return one(db, sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long await(String what, java.util.function.LongSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            long v = condition.getAsLong();
            if (v != 0) {
                return v;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("gave up waiting for " + what);
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        await(what, () -> condition.getAsBoolean() ? 1L : 0L);
    }
}
