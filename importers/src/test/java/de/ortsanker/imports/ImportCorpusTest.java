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
     * Bit flips that move one vertex by degrees but keep it inside the CRS's area (issue 17: 2–3° spikes were
     * imported). Each rejects its feature only — naming file, feature and field — and the rest of the file is
     * imported: a shapefile's vertex outside its shape's own bounding box, a GeoPackage geometry outside its own
     * envelope, a GeoJSON outline (which declares no extent) with a spike.
     */
    @Test
    void bitFlipsThatMakeSpikesInsideTheCrsAreaRejectTheirFeatureOnly() throws Exception {
        // Shapefile: flip bit 49 of one easting in the middle of shape 7 (GK3 eastings near 3.6e6 m: ± 262 km).
        Path shp = copyShapefile("VG5000_KRS", "VG5000_KRS", Files.createDirectories(dir.resolve("spike-shp")));
        byte[] bytes = Files.readAllBytes(shp);
        int at = eastingOffset(bytes, 7);
        double before = java.nio.ByteBuffer.wrap(bytes, at, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).getDouble();
        bytes[at + 6] ^= 0x02;
        double after = java.nio.ByteBuffer.wrap(bytes, at, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).getDouble();
        assertThat(Math.abs(after - before)).isBetween(100_000.0, 300_000.0);
        Files.write(shp, bytes);
        ImportResult s = imported(db, shp, ImportOptions.builder().source("corpus spike shp").build());
        assertThat(s.status()).as(s.error()).isEqualTo(ImportResult.Status.SUCCEEDED);
        assertThat(s.rejected()).isEqualTo(1);
        assertThat(s.added()).isEqualTo(dbfRecords(TestData.path("vg5000/VG5000_KRS.dbf")) - 1);
        assertThat(s.problems()).filteredOn(p -> p.action() == Problem.Action.REJECTED).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("VG5000_KRS.shp");
            assertThat(p.feature()).isEqualTo(7L);
            assertThat(p.field()).isEqualTo("geometry");
            assertThat(p.reason()).contains("outside the extent the file declares for shape 7", "corrupted coordinate");
        });

        // GeoPackage: the same flip inside the WKB of feature 12, in the file as SQLite stores it.
        Path gpkg = Files.copy(TestData.path("vg5000/VG5000_KRS.gpkg"),
                Files.createDirectories(dir.resolve("spike-gpkg")).resolve("VG5000_KRS.gpkg"));
        flipOneVertex(gpkg, 12);
        ImportResult g = imported(db, gpkg, ImportOptions.builder().source("corpus spike gpkg").build());
        assertThat(g.status()).as(g.error()).isEqualTo(ImportResult.Status.SUCCEEDED);
        assertThat(g.rejected()).isEqualTo(1);
        assertThat(g.added()).isEqualTo(s.added());
        assertThat(g.problems()).filteredOn(p -> p.action() == Problem.Action.REJECTED).singleElement().satisfies(p -> {
            assertThat(p.feature()).isEqualTo(12L);
            assertThat(p.field()).isEqualTo("geom");
            assertThat(p.reason()).containsAnyOf("outside the extent the file declares", "a spike");
        });

        // GeoJSON declares no extent: a vertex 2° off (bit 50 of a longitude near 11°) is a spike of its outline.
        String json = Files.readString(TestData.path("vg5000/kreise_vg5000_2021_wgs84.geojson"));
        var pair = java.util.regex.Pattern.compile("\\[\\s*(\\d+\\.\\d+),\\s*(\\d+\\.\\d+)\\s*\\]").matcher(json);
        List<java.util.regex.MatchResult> vertices = pair.results().toList();
        var middle = vertices.stream().skip(vertices.size() / 2)
                .filter(m -> Double.parseDouble(m.group(1)) >= 8)  // 8°–16°: bit 50 is worth 2°
                .filter(m -> json.indexOf(m.group()) == json.lastIndexOf(m.group())).findFirst().orElseThrow();
        double lon = Double.parseDouble(middle.group(1));
        double flipped = Double.longBitsToDouble(Double.doubleToRawLongBits(lon) ^ (1L << 50));
        assertThat(Math.abs(flipped - lon)).isBetween(1.5, 3.0);
        Path geojson = write("spike-geojson/kreise.geojson", json.substring(0, middle.start(1)) + flipped
                + json.substring(middle.end(1)));
        ImportResult j = imported(db, geojson, ImportOptions.builder().source("corpus spike geojson").build());
        assertThat(j.status()).as(j.error()).isEqualTo(ImportResult.Status.SUCCEEDED);
        assertThat(j.rejected()).isEqualTo(1);
        assertThat(j.problems()).filteredOn(p -> p.action() == Problem.Action.REJECTED).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("geometry");
            assertThat(p.reason()).contains("a spike", "km out from its neighbours", "corrupted coordinate");
        });
        // Nothing of a spike reached the database: no district reaches that far from its neighbours.
        assertThat(one(db, "select count(*) from admin_areas where source like 'corpus spike%'"
                + " and ST_XMax(geom) - ST_XMin(geom) > 3")).isEqualTo("0");
    }

    /** The real boundaries (every municipality, district and Land of Germany) have no spike and lie in their extents. */
    @Test
    void realBoundariesStillImportWhole() throws Exception {
        List<Path> files = new ArrayList<>(List.of(TestData.path("vg5000/VG5000_GEM.shp"),
                TestData.path("vg5000/VG5000_LAN.shp"), TestData.path("vg5000/VG5000_KRS.gpkg"),
                TestData.path("vg5000/kreise_vg5000_2021_wgs84.geojson")));
        Path shared = TestData.path("README.md").getParent().getParent().resolve("../shared/data/admin/"
                + "bkg-vg5000-2021-01-01/gemeinden_vg5000_2021_wgs84.geojson").normalize();
        if (Files.isRegularFile(shared)) {
            files.add(shared);
        }
        for (Path file : files) {
            ImportResult r = imported(db, file, ImportOptions.builder().source("corpus real " + file.getFileName())
                    .build());
            assertThat(r.status()).as(file + ": " + r.error()).isEqualTo(ImportResult.Status.SUCCEEDED);
            assertThat(r.rejected()).as(file + ": " + r.problems()).isZero();
            // Every feature of the file read (BKG's water areas skipped as such), none rejected.
            assertThat(r.total().read() + r.total().skipped()).as(file.toString()).isEqualTo(features(file));
            assertThat(r.problems()).as(file.toString()).noneMatch(p -> p.reason().contains("spike")
                    || p.reason().contains("declares"));
        }
    }

    /** Features of a file, counted apart from the importer: .dbf header, SQLite, GeoJSON "Feature" objects. */
    private static long features(Path file) throws Exception {
        String name = file.getFileName().toString();
        if (name.endsWith(".shp")) {
            return dbfRecords(file.resolveSibling(name.replace(".shp", ".dbf")));
        }
        if (name.endsWith(".gpkg")) {
            try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
                 var rs = c.createStatement().executeQuery("select count(*) from kreise")) {
                rs.next();
                return rs.getLong(1);
            }
        }
        return java.util.regex.Pattern.compile("\"type\"\\s*:\\s*\"Feature\"").matcher(Files.readString(file)).results()
                .count();
    }

    /** The record count in a .dbf header (bytes 4–7, little-endian). */
    private static long dbfRecords(Path dbf) throws Exception {
        byte[] head = new byte[8];
        try (var in = Files.newInputStream(dbf)) {
            in.readNBytes(head, 0, 8);
        }
        return java.nio.ByteBuffer.wrap(head, 4, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
    }

    /** The offset of the easting of the middle vertex of shape {@code number} (polygon records, ESRI layout). */
    private static int eastingOffset(byte[] shp, int number) {
        var b = java.nio.ByteBuffer.wrap(shp);
        int offset = 100;
        while (true) {
            int n = b.order(java.nio.ByteOrder.BIG_ENDIAN).getInt(offset);
            int length = 2 * b.getInt(offset + 4);
            if (n == number) {
                int content = offset + 8;
                b.order(java.nio.ByteOrder.LITTLE_ENDIAN);
                int parts = b.getInt(content + 36);
                int points = b.getInt(content + 40);
                int firstPartEnd = parts > 1 ? b.getInt(content + 48) : points;
                return content + 44 + 4 * parts + 16 * (firstPartEnd / 2);
            }
            offset += 8 + length;
        }
    }

    /** Flips bit 49 of the x of a middle vertex in the WKB of one feature of the GeoPackage's kreise table. */
    private static void flipOneVertex(Path gpkg, long fid) throws Exception {
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + gpkg.toAbsolutePath())) {
            byte[] blob;
            try (var ps = c.prepareStatement("select geom from kreise where fid = ?")) {
                ps.setLong(1, fid);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    blob = rs.getBytes(1);
                }
            }
            int envelope = switch ((blob[3] >> 1) & 0x07) {
                case 1 -> 32;
                case 2, 3 -> 48;
                case 4 -> 64;
                default -> 0;
            };
            byte[] wkb = Arrays.copyOfRange(blob, 8 + envelope, blob.length);
            var geometry = new org.locationtech.jts.io.WKBReader().read(wkb);
            var ring = geometry.getGeometryN(0) instanceof org.locationtech.jts.geom.Polygon p ? p.getExteriorRing()
                    : null;
            double x = ring.getCoordinateN(ring.getNumPoints() / 2).x;
            boolean little = wkb[0] == 1;
            byte[] pattern = java.nio.ByteBuffer.allocate(8).order(little ? java.nio.ByteOrder.LITTLE_ENDIAN
                    : java.nio.ByteOrder.BIG_ENDIAN).putDouble(x).array();
            int found = -1;
            for (int i = 8 + envelope; i + 8 <= blob.length && found < 0; i++) {
                if (Arrays.equals(blob, i, i + 8, pattern, 0, 8)) {
                    found = i;
                }
            }
            assertThat(found).as("the vertex's bytes in the blob").isPositive();
            // GDAL's R-tree triggers call SpatiaLite functions plain SQLite lacks; the copy does without its index.
            var triggers = new ArrayList<String>();
            try (var rs = c.createStatement().executeQuery("select name from sqlite_master where type = 'trigger'")) {
                while (rs.next()) {
                    triggers.add(rs.getString(1));
                }
            }
            for (String t : triggers) {
                c.createStatement().execute("drop trigger \"" + t + "\"");
            }
            blob[found + (little ? 6 : 1)] ^= 0x02;
            try (var ps = c.prepareStatement("update kreise set geom = ? where fid = ?")) {
                ps.setBytes(1, blob);
                ps.setLong(2, fid);
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
        }
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
