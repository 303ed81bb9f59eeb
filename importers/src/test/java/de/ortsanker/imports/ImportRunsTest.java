package de.ortsanker.imports;

import static de.ortsanker.imports.KilledImportTest.fingerprint;
import static de.ortsanker.imports.OsmMappingTest.one;
import static org.assertj.core.api.Assertions.assertThat;

import de.ortsanker.testing.PostgisTest;
import de.ortsanker.testing.TestSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every run is recorded; a run that fails, aborts or only checks changes no data. */
@PostgisTest
class ImportRunsTest {

    static ImportResult imported;

    @BeforeAll
    static void importOnce(TestSchema db) {
        imported = Imports.importFile(db.dataSource(), TestData.path("osm/north-bayreuth.osm.pbf")).orThrow();
    }

    @Test
    void aRunIsRecordedWithCountsChecksumDurationLicenceAndAttribution(TestSchema db) throws Exception {
        Path file = TestData.path("osm/north-bayreuth.osm.pbf");
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        assertThat(one(db, "select concat_ws('|', source, file_name, format, checksum, licence, attribution, status,"
                + " added, updated, unchanged, retired, rejected, conflicts, skipped, finished_at >= started_at,"
                + " stats->'places'->>'added', jsonb_array_length(error_report)) from import_runs where id = "
                + imported.runId()))
                .isEqualTo(String.join("|", "north-bayreuth", "north-bayreuth.osm.pbf", "osm-pbf", sha256,
                        "ODbL-1.0", "© OpenStreetMap contributors", "succeeded",
                        String.valueOf(imported.added()), "0", "0", "0", String.valueOf(imported.rejected()), "0",
                        String.valueOf(imported.skipped()), "t", String.valueOf(imported.counts(Target.PLACES).added()),
                        String.valueOf(imported.problems().size())));
        assertThat(imported.checksum()).isEqualTo(sha256);
        assertThat(one(db, "select error_report->0->>'element' || ': ' || (error_report->0->>'reason')"
                + " from import_runs where id = " + imported.runId())).isEqualTo("node/448602276: a pub (pub) needs a name");
    }

    @Test
    void aDryRunReportsWhatWouldChangeAndChangesNothing(TestSchema db) throws Exception {
        String before = fingerprint(db);
        ImportResult dry = Imports.importFile(db.dataSource(), TestData.path("vg5000/VG5000_KRS.shp"),
                ImportOptions.builder().dryRun(true).build());
        assertThat(dry.status()).isEqualTo(ImportResult.Status.DRY_RUN);
        assertThat(dry.added()).isEqualTo(401);
        assertThat(fingerprint(db)).isEqualTo(before);
        assertThat(one(db, "select status || ' ' || added from import_runs where id = " + dry.runId()))
                .isEqualTo("dry_run 401");
    }

    @Test
    void aTruncatedFileFailsClearlyAndWritesNothing(TestSchema db, @TempDir Path dir) throws Exception {
        byte[] whole = Files.readAllBytes(TestData.path("osm/lauf-200115.osm.pbf"));
        Path truncated = Files.write(dir.resolve("lauf.osm.pbf"), Arrays.copyOf(whole, whole.length * 2 / 3));
        String before = fingerprint(db);
        ImportResult r = Imports.importFile(db.dataSource(), truncated);
        assertThat(r.status()).isEqualTo(ImportResult.Status.FAILED);
        assertThat(r.error()).startsWith("lauf.osm.pbf: truncated (the file ends inside block");
        assertThat(fingerprint(db)).isEqualTo(before);
        assertThat(one(db, "select status || ': ' || (error_report->0->>'reason') from import_runs where id = "
                + r.runId())).isEqualTo("failed: " + r.error());
    }

    @Test
    void aCorruptFileFailsClearlyAndWritesNothing(TestSchema db, @TempDir Path dir) throws Exception {
        byte[] bytes = Files.readAllBytes(TestData.path("osm/lauf-200115.osm.pbf"));
        for (int i = bytes.length / 2; i < bytes.length / 2 + 64; i++) {
            bytes[i] = (byte) ~bytes[i];
        }
        Path corrupt = Files.write(dir.resolve("lauf.osm.pbf"), bytes);
        String before = fingerprint(db);
        ImportResult r = Imports.importFile(db.dataSource(), corrupt);
        assertThat(r.status()).isEqualTo(ImportResult.Status.FAILED);
        assertThat(r.error()).matches("lauf\\.osm\\.pbf: corrupt.*block \\d+ at byte \\d+.*");
        assertThat(fingerprint(db)).isEqualTo(before);
    }

    @Test
    void moreRejectionsThanAllowedAbortTheRunAndChangeNothing(TestSchema db) throws Exception {
        String before = fingerprint(db);
        ImportResult r = Imports.importFile(db.dataSource(), TestData.path("osm/north-bayreuth.osm.pbf"),
                ImportOptions.builder().source("strict").maxErrors(0).build());
        assertThat(r.status()).isEqualTo(ImportResult.Status.ABORTED);
        assertThat(r.error()).isEqualTo("1 records rejected, more than --max-errors 0 allows: nothing was imported");
        assertThat(r.problems(Problem.Action.REJECTED)).singleElement()
                .satisfies(p -> assertThat(p.element()).isEqualTo("node/448602276"));
        assertThat(fingerprint(db)).isEqualTo(before);
        assertThat(one(db, "select status from import_runs where id = " + r.runId())).isEqualTo("aborted");
    }

    @Test
    void twoImportsOfOneSourceDoNotRunAtOnce(TestSchema db) throws Exception {
        String before = fingerprint(db);
        try (var other = db.connect()) {
            assertThat(ImportRun.lockSource(other, "north-bayreuth")).isTrue(); // as a running import of it holds it
            ImportResult r = Imports.importFile(db.dataSource(), TestData.path("osm/north-bayreuth.osm.pbf"));
            assertThat(r.status()).isEqualTo(ImportResult.Status.FAILED);
            assertThat(r.error()).isEqualTo("another import of source 'north-bayreuth' is running: try again when it"
                    + " is done");
        }
        assertThat(fingerprint(db)).isEqualTo(before);
    }

    @Test
    void anUnchangedFileCanBeSkippedByItsChecksum(TestSchema db) {
        ImportResult r = Imports.importFile(db.dataSource(), TestData.path("osm/north-bayreuth.osm.pbf"),
                ImportOptions.builder().skipUnchangedFile(true).build());
        assertThat(r.status()).isEqualTo(ImportResult.Status.SKIPPED_UNCHANGED);
        assertThat(r.runId()).isZero();
    }
}
