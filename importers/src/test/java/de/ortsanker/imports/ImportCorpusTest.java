package de.ortsanker.imports;

import static de.ortsanker.imports.KilledImportTest.fingerprint;
import static de.ortsanker.imports.OsmMappingTest.one;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import de.ortsanker.testing.PostgisTest;
import de.ortsanker.testing.TestSchema;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A corpus of broken files of every format — truncated, bit-flipped, oversized, mis-encoded, mismatched —
 * imported over sources that hold data (issue 17's probe: 122 broken files). Every import must end with a
 * result, never an exception (a stack trace) or a hang; a file that is broken as a whole must fail; and a
 * run that does not succeed must leave every table exactly as it was.
 */
@PostgisTest
class ImportCorpusTest {

    static final long SEED = 17;
    static final Duration HANG = Duration.ofMinutes(2);

    static final String CLUBS = """
            Nr;Verein;lon;lat;wkt
            1;TSV Harsdorf;11.5712;50.0376;
            2;Gesangverein Harsdorf;11.5698;50.0369;
            3;Schützenverein Harsdorf;11.5731;50.0388;
            """;

    @TempDir
    static Path dir;

    @BeforeAll
    static void sourcesWithData(TestSchema db) throws Exception {
        for (String f : List.of("VG5000_KRS.shp", "VG5000_KRS.gpkg", "kreise_vg5000_2021_wgs84.geojson")) {
            Imports.importFile(db.dataSource(), TestData.path("vg5000/" + f), ImportOptions.builder()
                    .source("corpus " + f).build()).orThrow();
        }
        Imports.importFile(db.dataSource(), write("vereine.csv", CLUBS), clubs().build()).orThrow();
        Imports.importFile(db.dataSource(), XlsxFixture.write(dir.resolve("raeume.xlsx"), "Räume", List.of(
                List.of("ID", "Bezeichnung", "Art", "lon", "lat"), List.of(1, "Saal", "meeting_room", 11.6, 49.98))),
                rooms().build()).orThrow();
    }

    static ImportOptions.Builder clubs() {
        return ImportOptions.builder().source("corpus clubs").kind("club").licence("CC0-1.0").attribution("test")
                .idColumn("Nr").column("name", "Verein");
    }

    static ImportOptions.Builder rooms() {
        return ImportOptions.builder().source("corpus rooms").licence("CC0-1.0").attribution("test");
    }

    /** The whole file of a format, its options, and the source it replaces. */
    record Input(Path file, ImportOptions options) {
    }

    private static List<Input> wholeFiles() throws Exception {
        var shp = copyShapefile("VG5000_KRS", "VG5000_KRS", Files.createDirectories(dir.resolve("shp-" + System.nanoTime())));
        return List.of(
                new Input(shp, ImportOptions.builder().source("corpus VG5000_KRS.shp").build()),
                new Input(TestData.path("vg5000/VG5000_KRS.gpkg"), ImportOptions.builder().source("corpus VG5000_KRS.gpkg").build()),
                new Input(TestData.path("vg5000/kreise_vg5000_2021_wgs84.geojson"),
                        ImportOptions.builder().source("corpus kreise_vg5000_2021_wgs84.geojson").build()),
                new Input(dir.resolve("vereine.csv"), clubs().build()),
                new Input(dir.resolve("raeume.xlsx"), rooms().build()));
    }

    /** Imports under the hang limit; an exception fails the test with its stack trace, as it should. */
    private static ImportResult imported(TestSchema db, Path file, ImportOptions options) {
        return assertTimeoutPreemptively(HANG, () -> Imports.importFile(db.dataSource(), file, options),
                () -> "import of " + file + " hangs");
    }

    /** A broken whole: must fail and change nothing. */
    private static void refused(TestSchema db, Path file, ImportOptions options, String... why) throws Exception {
        String before = fingerprint(db);
        ImportResult r = imported(db, file, options);
        assertThat(r.status()).as(file + ": " + r.error()).isIn(ImportResult.Status.FAILED, ImportResult.Status.ABORTED);
        if (why.length > 0) {
            assertThat(r.error()).as(file.toString()).contains(why);
        }
        assertThat(fingerprint(db)).as(file + " changed data although it failed").isEqualTo(before);
    }

    @Test
    void truncatedFilesOfEveryFormatFailAndChangeNothing() throws Exception {
        for (Input in : wholeFiles()) {
            for (double share : new double[] {0.02, 0.33, 0.9}) {
                byte[] bytes = Files.readAllBytes(in.file());
                Path cut = copyBeside(in.file(), "cut" + (int) (share * 100));
                Files.write(cut, Arrays.copyOf(bytes, (int) (bytes.length * share)));
                if (in.file().toString().endsWith(".csv") && share == 0.9) {
                    continue;  // a CSV cut after a line ending is a shorter, whole CSV
                }
                refused(db, cut, in.options());
            }
        }
    }

    @Test
    void bitFlippedFilesEndWithAResultAndAFailureChangesNothing() throws Exception {
        var random = new Random(SEED);
        for (Input in : wholeFiles()) {
            for (int round = 0; round < 4; round++) {
                byte[] bytes = Files.readAllBytes(in.file());
                for (int i = 0; i < 8; i++) {
                    int at = bytes.length / 10 + random.nextInt(bytes.length - bytes.length / 10);
                    bytes[at] ^= (byte) (1 << random.nextInt(8));
                }
                Path flipped = copyBeside(in.file(), "flip" + round);
                Files.write(flipped, bytes);
                String before = fingerprint(db);
                ImportResult r = imported(db, flipped, in.options());
                if (r.status() != ImportResult.Status.SUCCEEDED) {
                    assertThat(fingerprint(db)).as(flipped + " changed data although it " + r.status()).isEqualTo(before);
                }
            }
        }
    }

    @Test
    void oversizedFieldsRejectTheirRecordAndNothingLongIsStored() throws Exception {
        String huge = "x".repeat(1_000_000);
        Path csv = write("lang.csv", CLUBS.replace("TSV Harsdorf", huge));
        ImportResult r = imported(db, csv, clubs().source("corpus long").build());
        assertThat(r.rejected()).isEqualTo(1);
        assertThat(r.problems()).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(2L);
            assertThat(p.field()).isEqualTo("name");
            assertThat(p.reason()).contains("longer than 300 characters");
        });
        Path xlsx = XlsxFixture.write(dir.resolve("lang.xlsx"), "Räume", List.of(
                List.of("ID", "Bezeichnung", "Beschreibung", "Art", "lon", "lat"),
                List.of(1, "Saal", "y".repeat(20_000), "meeting_room", 11.6, 49.98),
                List.of(2, "Keller", "kurz", "meeting_room", 11.61, 49.98)));
        ImportResult x = imported(db, xlsx, rooms().source("corpus long rooms").build());
        assertThat(x.rejected()).isEqualTo(1);
        assertThat(x.problems()).anySatisfy(p -> assertThat(p.field()).isEqualTo("description"));
        assertThat(one(db, "select count(*) from places where char_length(name) > 300"
                + " or char_length(description) > 10000")).isEqualTo("0");
    }

    /**
     * A cell of 128 MB (issue 17: one of 400 MB used 2.8 GB) is refused with the file and line once its record
     * passes 1 MB, without the importer ever holding it: the import runs in a JVM of its own with a 48 MB heap,
     * where holding the cell would end in an OutOfMemoryError. Both ways a cell grows: one endless line, and a
     * quoted value running over many lines (a quote never closed).
     */
    @Test
    void aHugeCellIsRefusedWithItsLineWithoutBeingHeldInMemory() throws Exception {
        Path endless = Files.createDirectories(dir.resolve("huge-line")).resolve("vereine.csv");
        writeHuge(endless, false);
        Path quoted = Files.createDirectories(dir.resolve("huge-quoted")).resolve("vereine.csv");
        writeHuge(quoted, true);
        try {
            for (Path file : List.of(endless, quoted)) {
                assertThat(Files.size(file)).isGreaterThan(128L << 20);
                String before = fingerprint(db);
                var run = importInSmallHeap(file);
                assertThat(run.output()).as(file.toString()).doesNotContain("OutOfMemoryError", "Exception")
                        .contains("vereine.csv: line 3: the record starting there is longer than 1 MB");
                assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
                if (file == quoted) {
                    assertThat(run.output()).contains("is a quote never closed?");
                }
                assertThat(fingerprint(db)).as(file + " changed data although it failed").isEqualTo(before);
            }
        } finally {
            Files.deleteIfExists(endless);
            Files.deleteIfExists(quoted);
        }
    }

    /** Records up to the bound are read as before: the bound is per record, quoted line breaks and "" included. */
    @Test
    void longQuotedValuesOverManyLinesStillImport() throws Exception {
        var csv = new StringBuilder("Nr;Verein;Beschreibung;lon;lat\n");
        for (int i = 1; i <= 150; i++) {
            csv.append(i).append(";\"Verein \"\"").append(i).append("\"\"\";\"")
                    .append("Zeile mit; Semikolon und \"\"Zitat\"\"\n".repeat(200)).append("\";11.57;50.03\n");
        }
        assertThat(csv.length()).isGreaterThan(RecordBoundSize.MB);
        Path file = write("lang-zitiert/vereine.csv", csv.toString());
        ImportResult r = imported(db, file, clubs().source("corpus quoted").column("description", "Beschreibung").build());
        assertThat(r.status()).as(r.error()).isEqualTo(ImportResult.Status.SUCCEEDED);
        assertThat(r.added()).isEqualTo(150);
        assertThat(one(db, "select name || ' ' || (char_length(description) - char_length(replace(description,"
                + " '\"Zitat\"', ''))) / 7 || ' ' || (char_length(description) - char_length(replace(description, ';', '')))"
                + " from places where source = 'corpus quoted' and source_id = '7'")).isEqualTo("Verein \"7\" 200 200");
    }

    /** 1 MiB, the bound on a CSV record (table.RecordBound, package-private there). */
    private static final class RecordBoundSize {
        static final int MB = 1 << 20;
    }

    /** A CSV whose third line holds a cell of 128 MB, written in pieces (never held here either). */
    private static void writeHuge(Path file, boolean quoted) throws Exception {
        try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("Nr;Verein;lon;lat\n1;TSV Harsdorf;11.5712;50.0376\n2;");
            if (quoted) {
                out.write('"');
            }
            String piece = quoted ? "x".repeat(1023) + "\n" : "x".repeat(1024);
            for (int i = 0; i < 128 * 1024 + 16; i++) {
                out.write(piece);
            }
            out.write(";11.5698;50.0369\n3;Schützenverein Harsdorf;11.5731;50.0388\n");
        }
    }

    record Forked(int exitCode, String output) {
    }

    /** The command-line importer in a JVM of its own with a 48 MB heap. */
    private Forked importInSmallHeap(Path file) throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        var pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx48m", "-XX:+ExitOnOutOfMemoryError", "-cp", classpath,
                de.ortsanker.imports.cli.ImportCommand.class.getName(), file.toString(), "--source", "corpus clubs",
                "--kind", "club", "--licence", "CC0-1.0", "--attribution", "test", "--id", "Nr", "--column",
                "name=Verein", "--quiet").redirectErrorStream(true);
        pb.environment().put("ORTSANKER_DB_URL", db.jdbcUrl());
        pb.environment().put("ORTSANKER_DB_USER", db.user());
        pb.environment().put("ORTSANKER_DB_PASSWORD", db.password());
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(HANG.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("import of " + file + " hangs");
        }
        return new Forked(p.exitValue(), output);
    }

    @Test
    void aWorkbookThatUnpacksToFarMoreThanItHoldsIsRefused() throws Exception {
        Path bomb = XlsxFixture.write(Files.createDirectories(dir.resolve("bomb")).resolve("raeume.xlsx"), "Räume", List.of(
                List.of("ID", "Bezeichnung", "Art", "lon", "lat"),
                List.of(1, "x".repeat(80 << 20), "meeting_room", 11.6, 49.98)));
        assertThat(Files.size(bomb)).isLessThan(1 << 20);
        refused(db, bomb, rooms().build(), "unpacks to", "MB from");
    }

    @Test
    void misEncodedTablesFailAndChangeNothing() throws Exception {
        Path utf16 = dir.resolve("utf16/vereine.csv");
        Files.createDirectories(utf16.getParent());
        Files.write(utf16, CLUBS.getBytes(StandardCharsets.UTF_16LE));  // no byte order mark: nothing says so
        refused(db, utf16, clubs().build());
        Path latin1 = dir.resolve("latin1/vereine.csv");
        Files.createDirectories(latin1.getParent());
        Files.write(latin1, CLUBS.getBytes(StandardCharsets.ISO_8859_1));
        refused(db, latin1, clubs().build(), "UTF-8");
    }

    @Test
    void aShapefileWhoseDbfDoesNotBelongToItFails() throws Exception {
        // issue 17: 401 district rows beside the 16 Länder shapes were imported as Länder named Flensburg, Kiel …
        Path more = copyShapefile("VG5000_LAN", "mixed", Files.createDirectories(dir.resolve("dbf-more")));
        Files.copy(TestData.path("vg5000/VG5000_KRS.dbf"), more.resolveSibling("mixed.dbf"), StandardCopyOption.REPLACE_EXISTING);
        refused(db, more, ImportOptions.builder().source("corpus VG5000_KRS.shp").build(), "more records (401)", "(25)");
        Path fewer = copyShapefile("VG5000_KRS", "mixed", Files.createDirectories(dir.resolve("dbf-fewer")));
        Files.copy(TestData.path("vg5000/VG5000_LAN.dbf"), fewer.resolveSibling("mixed.dbf"), StandardCopyOption.REPLACE_EXISTING);
        refused(db, fewer, ImportOptions.builder().source("corpus VG5000_KRS.shp").build(), "fewer records");
        Path index = copyShapefile("VG5000_KRS", "mixed", Files.createDirectories(dir.resolve("shx")));
        Files.copy(TestData.path("vg5000/VG5000_LAN.shx"), index.resolveSibling("mixed.shx"), StandardCopyOption.REPLACE_EXISTING);
        refused(db, index, ImportOptions.builder().source("corpus VG5000_KRS.shp").build(), ".shx indexes 25 shapes");
    }

    @Test
    void aHeaderOver64KbIsRefusedClearly() throws Exception {
        Path wide = write("wide/vereine.csv", "Nr;" + "Spalte;".repeat(12_000) + "Verein\n1;x;TSV\n");
        refused(db, wide, clubs().build(), "header", "longer than 64 KB");
    }

    @Test
    void aBadWktValueRejectsItsRowOnlyAndALineIsNoPlace() throws Exception {
        Path wkt = write("wkt/vereine.csv", """
                Nr;Verein;wkt
                1;TSV Harsdorf;POINT (11.5712 50.0376)
                2;Gesangverein Harsdorf;POLYGON ((11.5 50, 11.6 50, 11.6 50.1))
                3;Schützenverein Harsdorf;POINT (11.5731
                4;Sportplatzweg;LINESTRING (11.57 50.03, 11.58 50.04)
                """);
        ImportResult r = imported(db, wkt, clubs().source("corpus wkt").build());
        assertThat(r.status()).isEqualTo(ImportResult.Status.SUCCEEDED);
        assertThat(r.added()).isEqualTo(1);
        var rejected = new ArrayList<String>();
        r.problems().stream().filter(p -> p.action() == Problem.Action.REJECTED)
                .forEach(p -> rejected.add(p.line() + " " + p.field()));
        assertThat(rejected).containsExactly("3 wkt", "4 wkt", "5 geometry");
    }

    private TestSchema db;

    @org.junit.jupiter.api.BeforeEach
    void schema(TestSchema db) {
        this.db = db;
    }

    private static Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    /** A copy of the file (with a shapefile's other parts) in a folder of its own, under the same name. */
    private static Path copyBeside(Path file, String variant) throws Exception {
        Path target = Files.createDirectories(dir.resolve(variant + "-" + System.nanoTime())).resolve(file.getFileName());
        String name = file.getFileName().toString();
        if (name.endsWith(".shp")) {
            String base = name.replaceFirst("\\.shp$", "");
            for (String ext : new String[] {"shx", "dbf", "prj", "cpg"}) {
                Files.copy(file.resolveSibling(base + "." + ext), target.resolveSibling(base + "." + ext));
            }
        }
        return Files.copy(file, target);
    }

    private static Path copyShapefile(String from, String to, Path folder) throws Exception {
        for (String ext : new String[] {"shp", "shx", "dbf", "prj", "cpg"}) {
            Files.copy(TestData.path("vg5000/" + from + "." + ext), folder.resolve(to + "." + ext),
                    StandardCopyOption.REPLACE_EXISTING);
        }
        return folder.resolve(to + ".shp");
    }
}
