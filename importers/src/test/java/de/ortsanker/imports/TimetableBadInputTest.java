package de.ortsanker.imports;

import static de.ortsanker.imports.OsmMappingTest.one;
import static de.ortsanker.imports.TimetableImportTest.DEMO;
import static de.ortsanker.imports.TimetableImportTest.copy;
import static de.ortsanker.imports.TimetableImportTest.fingerprint;
import static de.ortsanker.imports.TimetableImportTest.replace;
import static de.ortsanker.imports.TimetableImportTest.zip;
import static org.assertj.core.api.Assertions.assertThat;

import de.ortsanker.testing.PostgisTest;
import de.ortsanker.testing.TestSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad GTFS feeds: each kind yields a report naming file, line and field (or, for what breaks the feed as a
 * whole, the file and what is missing), and leaves every timetable table and the data version exactly as they
 * were — checked by a checksum of every table's rows before and after. The feed replaced would be the demo
 * feed imported before, so "nothing changed" is not an empty table staying empty.
 */
@PostgisTest
class TimetableBadInputTest {

    private final TestSchema db;
    private String before;
    @TempDir
    Path tmp;

    TimetableBadInputTest(TestSchema db) {
        this.db = db;
    }

    @BeforeAll
    static void load(TestSchema db) {
        Imports.importFile(db.dataSource(), DEMO).orThrow();
    }

    @BeforeEach
    void remember() throws Exception {
        before = fingerprint(db);
    }

    private Path feed() throws IOException {
        return copy(DEMO, tmp.resolve("herrenberg-demo"));
    }

    /** Imports the feed, expects it refused, and the tables as they were. */
    private ImportResult refused(Path feed, ImportResult.Status status) throws Exception {
        ImportResult r = Imports.importFile(db.dataSource(), feed);
        assertThat(r.status()).as(r.error() + " " + r.problems()).isEqualTo(status);
        assertThat(fingerprint(db)).isEqualTo(before);
        return r;
    }

    /** The one rejection of a run: its file, line, field and the start of its reason. */
    private static void rejection(ImportResult r, String file, long line, String field, String reason) {
        List<Problem> rejected = r.problems(Problem.Action.REJECTED);
        assertThat(rejected).as(r.problems().toString()).hasSize(1);
        Problem p = rejected.get(0);
        assertThat(p.file()).isEqualTo(file);
        assertThat(p.line()).isEqualTo(line);
        assertThat(p.field()).isEqualTo(field);
        assertThat(p.reason()).contains(reason);
        assertThat(r.error()).contains("1 rows rejected, more than --max-errors 0");
    }

    /** The 1-based line of the first line of a file that starts with the given text. */
    private static long lineOf(Path file, String start) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(start)) {
                return i + 1;
            }
        }
        throw new AssertionError(start + " not in " + file);
    }

    // ---- the feed as a whole ------------------------------------------------------------------------------

    @Test
    void missingRequiredFile() throws Exception {
        Path f = feed();
        Files.delete(f.resolve("stops.txt"));
        ImportResult r = refused(f, ImportResult.Status.FAILED);
        assertThat(r.error()).startsWith("stops.txt: missing").endsWith("Nothing was changed");
        Files.delete(f.resolve("calendar.txt"));
        Files.copy(DEMO.resolve("stops.txt"), f.resolve("stops.txt"));
        Files.delete(f.resolve("calendar_dates.txt"));
        assertThat(refused(f, ImportResult.Status.FAILED).error())
                .startsWith("calendar.txt and calendar_dates.txt: both missing");
    }

    @Test
    void missingRequiredColumn() throws Exception {
        Path f = feed();
        replace(f.resolve("stops.txt"), "stop_id,stop_name,stop_lat,", "stop_id,stop_name,latitude,");
        assertThat(refused(f, ImportResult.Status.FAILED).error())
                .startsWith("stops.txt: lacks the required column stop_lat (its columns: stop_id, stop_name, latitude,");
        // Recorded as a failed run with the reason.
        assertThat(one(db, "select status || ' ' || (error_report->0->>'reason') from import_runs order by id desc limit 1"))
                .startsWith("failed stops.txt: lacks the required column stop_lat");
    }

    @Test
    void wrongEncoding() throws Exception {
        Path f = feed();
        byte[] latin1 = Files.readString(f.resolve("stops.txt")).getBytes(StandardCharsets.ISO_8859_1);
        Files.write(f.resolve("stops.txt"), latin1);
        long line = lineOf(DEMO.resolve("stops.txt"), "aff-rh");
        assertThat(refused(f, ImportResult.Status.FAILED).error()).contains("stops.txt").contains("line " + line)
                .contains("UTF-8");
    }

    @Test
    void byteOrderMarkIsFine() throws Exception {
        Path f = feed();
        byte[] text = Files.readAllBytes(f.resolve("stops.txt"));
        byte[] bom = new byte[text.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, bom, 3, text.length);
        Files.write(f.resolve("stops.txt"), bom);
        ImportResult r = Imports.importFile(db.dataSource(), f).orThrow();
        assertThat(r.stats()).containsEntry("timetables.changed", 0L);
        assertThat(fingerprint(db)).isEqualTo(before);
    }

    @Test
    void emptyFeed() throws Exception {
        Path f = feed();
        Files.writeString(f.resolve("stop_times.txt"), Files.readAllLines(f.resolve("stop_times.txt")).get(0) + "\n");
        Files.writeString(f.resolve("trips.txt"), Files.readAllLines(f.resolve("trips.txt")).get(0) + "\n");
        assertThat(refused(f, ImportResult.Status.FAILED).error()).startsWith("the feed holds no trip with usable stop times");
    }

    @Test
    void notAZip() throws Exception {
        Path f = tmp.resolve("gtfs.zip");
        Files.writeString(f, "this is not an archive");
        assertThat(refused(f, ImportResult.Status.FAILED).error()).startsWith("gtfs.zip: not a readable zip archive");
    }

    @Test
    void zipBomb() throws Exception {
        // 64 MB of one repeated line pack into well under a megabyte: more than 200 times its packed size.
        Path f = zip(feed(), tmp.resolve("feed.zip"));
        Path bomb = tmp.resolve("bomb.zip");
        try (var out = new ZipOutputStream(Files.newOutputStream(bomb));
             var in = new java.util.zip.ZipFile(f.toFile())) {
            for (var e : java.util.Collections.list(in.entries())) {
                out.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().equals("stop_times.txt")) {
                    out.write("trip_id,arrival_time,departure_time,stop_id,stop_sequence,timepoint\n".getBytes());
                    byte[] chunk = "S1-WK-in-05,05:47:00,05:47:00,gae,10,1\n".repeat(1 << 15)
                            .getBytes(StandardCharsets.UTF_8);
                    for (int i = 0; i < (64 << 20) / chunk.length; i++) {
                        out.write(chunk);
                    }
                } else {
                    in.getInputStream(e).transferTo(out);
                }
                out.closeEntry();
            }
        }
        assertThat(Files.size(bomb)).isLessThan(2_000_000);
        assertThat(refused(bomb, ImportResult.Status.FAILED).error())
                .startsWith("bomb.zip (stop_times.txt): unpacks to more than 200 times its packed size");
    }

    @Test
    void pathTraversal() throws Exception {
        Path f = zip(feed(), tmp.resolve("feed.zip"));
        Path evil = tmp.resolve("evil.zip");
        try (var out = new ZipOutputStream(Files.newOutputStream(evil));
             var in = new java.util.zip.ZipFile(f.toFile())) {
            for (var e : java.util.Collections.list(in.entries())) {
                out.putNextEntry(new ZipEntry(e.getName()));
                in.getInputStream(e).transferTo(out);
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry("../../etc/cron.d/evil.txt"));
            out.write("x".getBytes());
            out.closeEntry();
        }
        assertThat(refused(evil, ImportResult.Status.FAILED).error())
                .startsWith("evil.zip: entry \"../../etc/cron.d/evil.txt\" points outside the archive");
    }

    @Test
    void tooManyEntries() throws Exception {
        Path many = tmp.resolve("many.zip");
        try (var out = new ZipOutputStream(Files.newOutputStream(many))) {
            out.putNextEntry(new ZipEntry("stops.txt"));
            out.write(Files.readAllBytes(DEMO.resolve("stops.txt")));
            for (int i = 0; i < 1_000; i++) {
                out.putNextEntry(new ZipEntry("extra/" + i + ".txt"));
            }
        }
        assertThat(refused(many, ImportResult.Status.FAILED).error()).startsWith("many.zip: holds more than 1000 entries");
    }

    // ---- rows ---------------------------------------------------------------------------------------------

    @Test
    void unknownStop() throws Exception {
        Path f = feed();
        replace(f.resolve("stop_times.txt"), "782-WK-out-0605,06:08:00,06:08:00,bronntor,",
                "782-WK-out-0605,06:08:00,06:08:00,bronntorr,");
        ImportResult r = refused(f, ImportResult.Status.ABORTED);
        rejection(r, "stop_times.txt", lineOf(f.resolve("stop_times.txt"), "782-WK-out-0605,06:08"), "stop_id",
                "stop \"bronntorr\" is not in stops.txt (or was rejected there); trip \"782-WK-out-0605\" is rejected");
    }

    @Test
    void unknownServiceAndRoute() throws Exception {
        Path f = feed();
        replace(f.resolve("trips.txt"), "782,WK,782-WK-out-0605,", "782,WEEKDAYS,782-WK-out-0605,");
        ImportResult r = refused(f, ImportResult.Status.ABORTED);
        // The trip's rejection; its stop times are then rows of an unknown trip, reported once with the first.
        Problem p = r.problems(Problem.Action.REJECTED).get(0);
        assertThat(p.toString()).isEqualTo("trips.txt line " + lineOf(f.resolve("trips.txt"), "782,WEEKDAYS")
                + ", service_id: service \"WEEKDAYS\" is in neither calendar.txt nor calendar_dates.txt (or was rejected"
                + " there) (rejected)");
        assertThat(r.problems(Problem.Action.REJECTED).get(1).toString()).isEqualTo("stop_times.txt line "
                + lineOf(f.resolve("stop_times.txt"), "782-WK-out-0605,") + ", trip_id: trip \"782-WK-out-0605\" is not in"
                + " trips.txt (or was rejected there) (rejected)");
        assertThat(r.problems(Problem.Action.REJECTED)).hasSize(2);
        assertThat(r.stats()).containsEntry("stop_times.of_unknown_trips", 5L);

        Path g = copy(DEMO, tmp.resolve("g"));
        replace(g.resolve("trips.txt"), "773,WK,773-WK-out-0620,", "737,WK,773-WK-out-0620,");
        Problem q = refused(g, ImportResult.Status.ABORTED).problems(Problem.Action.REJECTED).get(0);
        assertThat(q.toString()).isEqualTo("trips.txt line " + lineOf(g.resolve("trips.txt"), "737,WK")
                + ", route_id: route \"737\" is not in routes.txt (or was rejected there) (rejected)");
    }

    @Test
    void duplicateIds() throws Exception {
        Path f = feed();
        Files.writeString(f.resolve("stops.txt"), Files.readString(f.resolve("stops.txt"))
                + "zob,Herrenberg ZOB (again),48.5944,8.8647,0,,1,\n");
        long first = lineOf(f.resolve("stops.txt"), "zob,");
        long line = Files.readAllLines(f.resolve("stops.txt")).size();
        rejection(refused(f, ImportResult.Status.ABORTED), "stops.txt", line, "stop_id",
                "stop_id \"zob\" repeats line " + first);
    }

    @Test
    void timePast48Hours() throws Exception {
        Path f = feed();
        replace(f.resolve("stop_times.txt"), "S1-WK-in-night,24:16:00,24:16:00", "S1-WK-in-night,49:16:00,49:16:00");
        rejection(refused(f, ImportResult.Status.ABORTED), "stop_times.txt",
                lineOf(f.resolve("stop_times.txt"), "S1-WK-in-night,49"), "arrival_time",
                "49:16:00 is more than 48 hours after the service day's start");
    }

    @Test
    void malformedTime() throws Exception {
        Path f = feed();
        replace(f.resolve("stop_times.txt"), "S1-WK-in-05,05:50:00,05:50:00", "S1-WK-in-05,05:50:00,5.50");
        rejection(refused(f, ImportResult.Status.ABORTED), "stop_times.txt",
                lineOf(f.resolve("stop_times.txt"), "S1-WK-in-05,05:50"), "departure_time",
                "\"5.50\" is not a time as HH:MM:SS");
    }

    @Test
    void decreasingTimes() throws Exception {
        Path f = feed();
        replace(f.resolve("stop_times.txt"), "S1-WK-in-05,05:58:00,05:58:00", "S1-WK-in-05,05:48:00,05:48:00");
        rejection(refused(f, ImportResult.Status.ABORTED), "stop_times.txt",
                lineOf(f.resolve("stop_times.txt"), "S1-WK-in-05,05:48"), "arrival_time",
                "arrives (05:48:00) before the trip leaves the stop before it (05:50:00, line "
                        + lineOf(f.resolve("stop_times.txt"), "S1-WK-in-05,05:50") + "): times decrease");
    }

    @Test
    void repeatedStopSequence() throws Exception {
        Path f = feed();
        replace(f.resolve("stop_times.txt"), "S1-WK-in-05,05:58:00,05:58:00,hbf-1,30", "S1-WK-in-05,05:58:00,05:58:00,hbf-1,20");
        rejection(refused(f, ImportResult.Status.ABORTED), "stop_times.txt",
                lineOf(f.resolve("stop_times.txt"), "S1-WK-in-05,05:58"), "stop_sequence",
                "stop_sequence 20 repeats line " + lineOf(f.resolve("stop_times.txt"), "S1-WK-in-05,05:50"));
    }

    @Test
    void badCoordinates() throws Exception {
        Path f = feed();
        replace(f.resolve("stops.txt"), "gae,Gärtringen,48.640838,", "gae,Gärtringen,148.640838,");
        ImportResult r = refused(f, ImportResult.Status.ABORTED);
        Problem p = r.problems(Problem.Action.REJECTED).get(0);
        assertThat(p.toString()).isEqualTo("stops.txt line " + lineOf(f.resolve("stops.txt"), "gae,")
                + ", stop_lat: 148.640838 is outside -90…90 degrees (rejected)");
        // And every trip through the stop with it (one report each).
        assertThat(r.problems(Problem.Action.REJECTED)).hasSize(1 + (int) Files.readAllLines(DEMO.resolve("stop_times.txt"))
                .stream().filter(l -> l.contains(",gae,")).count());
    }

    @Test
    void tooFewTimesAtTheEnds() throws Exception {
        Path f = feed();
        replace(f.resolve("stop_times.txt"), "S1-WK-in-06,06:47:00,06:47:00,gae,10,1", "S1-WK-in-06,,,gae,10,0");
        rejection(refused(f, ImportResult.Status.ABORTED), "stop_times.txt",
                lineOf(f.resolve("stop_times.txt"), "S1-WK-in-06,,,gae"), "arrival_time",
                "the first stop of a trip needs its times");
    }

    @Test
    void maxErrorsLetsTheRestIn() throws Exception {
        Path f = feed();
        replace(f.resolve("stop_times.txt"), "782-WK-out-0605,06:08:00,06:08:00,bronntor,",
                "782-WK-out-0605,06:08:00,06:08:00,bronntorr,");
        ImportResult r = Imports.importFile(db.dataSource(), f, ImportOptions.builder().maxErrors(1).build()).orThrow();
        assertThat(r.rejected()).isEqualTo(1);
        assertThat(one(db, "select count(*) from transit_trips where trip_id = '782-WK-out-0605'")).isEqualTo("0");
        assertThat(one(db, "select count(*) from transit_stop_times where source = 'ortsanker-demo-herrenberg'"))
                .isEqualTo(String.valueOf(Files.readAllLines(DEMO.resolve("stop_times.txt")).size() - 1 - 6));
        // Back as it was.
        Imports.importFile(db.dataSource(), DEMO).orThrow();
        assertThat(fingerprint(db)).isNotEqualTo(before);  // the data version moved on twice
        assertThat(one(db, "select count(*) from transit_trips where trip_id = '782-WK-out-0605'")).isEqualTo("1");
    }
}
