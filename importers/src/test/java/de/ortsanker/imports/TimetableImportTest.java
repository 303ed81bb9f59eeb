package de.ortsanker.imports;

import static de.ortsanker.imports.OsmMappingTest.column;
import static de.ortsanker.imports.OsmMappingTest.one;
import static org.assertj.core.api.Assertions.assertThat;

import de.ortsanker.testing.PostgisTest;
import de.ortsanker.testing.TestSchema;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GTFS feeds into the timetables (V93): the bundled demo feed on Herrenberg's OpenStreetMap stops and bbnavi's
 * real GTFS-Flex feed, counted against the files read here with a plain CSV parser; the rule of when a service
 * runs on weekdays, Sundays and exception dates; stops matched to the stop places OSM gave; interpolated times
 * checked against distances PostGIS measures; re-imports that change nothing; a changed feed replacing the
 * old one. The bad feeds are in {@link TimetableBadInputTest}.
 */
@PostgisTest
class TimetableImportTest {

    static final Path DEMO = TestData.path("gtfs/herrenberg-demo");
    static final Path FLEX = TestData.path("gtfs/bbnavi-gtfs-flex-2024-01-09");
    static final Path HERRENBERG = TestData.path("osm/herrenberg-and-around-2020-04-21.osm.pbf");
    static final String DEMO_SOURCE = "ortsanker-demo-herrenberg";
    static final String FLEX_SOURCE = "bbnavi-flex-DELFI.BB";

    private final TestSchema db;

    TimetableImportTest(TestSchema db) {
        this.db = db;
    }

    /** The stop places first (OSM), then both feeds. */
    @BeforeAll
    static void load(TestSchema db) {
        Imports.importFile(db.dataSource(), HERRENBERG).orThrow();
        Imports.importFile(db.dataSource(), DEMO).orThrow();
        Imports.importFile(db.dataSource(), FLEX).orThrow();
    }

    /** The rows of a feed's file, read here with commons-csv alone. */
    static List<CSVRecord> rows(Path feed, String file) throws IOException {
        try (Reader in = Files.newBufferedReader(feed.resolve(file), StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }

    @Test
    void demoFeedHoldsEveryRowOfItsFiles() throws Exception {
        assertThat(count("transit_stops", DEMO_SOURCE)).isEqualTo(rows(DEMO, "stops.txt").size());
        assertThat(count("transit_routes", DEMO_SOURCE)).isEqualTo(rows(DEMO, "routes.txt").size());
        assertThat(count("transit_services", DEMO_SOURCE)).isEqualTo(rows(DEMO, "calendar.txt").size());
        assertThat(count("transit_service_dates", DEMO_SOURCE)).isEqualTo(rows(DEMO, "calendar_dates.txt").size());
        assertThat(count("transit_trips", DEMO_SOURCE)).isEqualTo(rows(DEMO, "trips.txt").size());
        assertThat(count("transit_stop_times", DEMO_SOURCE)).isEqualTo(rows(DEMO, "stop_times.txt").size());
        assertThat(count("transit_on_demand_areas", DEMO_SOURCE)).isZero();

        // Every stop time as the file says, for the rows with times (seconds after the service day's start).
        Map<String, String> stored = OsmMappingTest.rows(db, "select trip_id || '/' || stop_sequence,"
                + " stop_id || ' ' || arrival_s || ' ' || departure_s from transit_stop_times where source = '"
                + DEMO_SOURCE + "'");
        for (CSVRecord r : rows(DEMO, "stop_times.txt")) {
            String key = r.get("trip_id") + "/" + r.get("stop_sequence");
            assertThat(stored).containsKey(key);
            if (!r.get("arrival_time").isEmpty()) {
                assertThat(stored.get(key)).isEqualTo(r.get("stop_id") + " " + seconds(r.get("arrival_time")) + " "
                        + seconds(r.get("departure_time")));
            }
        }
        // Past midnight: the night train's 24:16 is 87,360 s, on the service day it started.
        assertThat(one(db, "select arrival_s from transit_stop_times where trip_id = 'S1-WK-in-night'"
                + " and stop_id = 'hbf-1'")).isEqualTo("87360");
        // Feed, provenance and span.
        assertThat(one(db, "select licence || ' | ' || attribution || ' | ' || valid_from || ' | ' || valid_to"
                + " || ' | ' || timezone || ' | ' || feed_version from transit_feeds where source = '" + DEMO_SOURCE + "'"))
                .isEqualTo("ODbL-1.0 | Ortsanker demo timetable (invented times); stops © OpenStreetMap contributors"
                        + " | 2026-01-01 | 2027-12-31 | Europe/Berlin | 2026-12");
        assertThat(one(db, "select run_id = (select max(id) from import_runs where source = '" + DEMO_SOURCE
                + "' and status = 'succeeded') from transit_feeds where source = '" + DEMO_SOURCE + "'")).isEqualTo("t");
        assertThat(one(db, "select parent_station || ' ' || location_type from transit_stops where stop_id = 'hbf-1'"))
                .isEqualTo("hbf 0");
        assertThat(one(db, "select agency_name || ' ' || route_type from transit_routes where route_id = '782'"))
                .isEqualTo("Demo-Bus Herrenberg 3");
    }

    private long count(String table, String source) throws SQLException {
        return Long.parseLong(one(db, "select count(*) from " + table + " where source = '" + source + "'"));
    }

    private static int seconds(String hms) {
        String[] p = hms.split(":");
        return Integer.parseInt(p[0]) * 3600 + Integer.parseInt(p[1]) * 60 + Integer.parseInt(p[2]);
    }

    @Test
    void timesBetweenTimepointsAreInterpolatedByDistance() throws Exception {
        // Gültstein Kirche has no times in the feed: its time is the share of the distance between the timepoints
        // before and after it, measured here by PostGIS on the spheroid.
        for (String trip : column(db, "select trip_id from transit_trips where route_id = '773'")) {
            String expected = one(db, """
                    with t as (select st.stop_sequence, st.departure_s, s.geom::geography g
                                 from transit_stop_times st join transit_stops s using (source, stop_id)
                                where st.trip_id = '%s' order by st.stop_sequence),
                         k as (select stop_sequence from transit_stop_times where trip_id = '%s' and stop_id = 'gue-ki'),
                         a as (select * from t where stop_sequence = (select stop_sequence from k) - 10),
                         b as (select * from t where stop_sequence = (select stop_sequence from k) + 10),
                         m as (select * from t where stop_sequence = (select stop_sequence from k))
                    select round(a.departure_s + (b.departure_s - a.departure_s)
                                 * ST_Distance(a.g, m.g) / (ST_Distance(a.g, m.g) + ST_Distance(m.g, b.g)))
                      from a, b, m""".formatted(trip, trip));
            String stored = one(db, "select arrival_s from transit_stop_times where trip_id = '" + trip
                    + "' and stop_id = 'gue-ki'");
            assertThat(Math.abs(Double.parseDouble(stored) - Double.parseDouble(expected))).as(trip)
                    .isLessThanOrEqualTo(1);
        }
    }

    @Test
    void servicesRunOnTheirWeekdaysAndExceptions() throws Exception {
        // By hand, from calendar.txt and calendar_dates.txt: WK Monday–Friday, SA Saturday, SO Sunday, 2026–2027;
        // Christmas Day (Friday) and New Year's Day (Friday) and Boxing Day (Saturday) run as Sundays.
        Map<String, String> expected = new java.util.LinkedHashMap<>();
        expected.put("2026-12-07", "WK");   // Monday
        expected.put("2026-12-11", "WK");   // Friday
        expected.put("2026-12-12", "SA");   // Saturday
        expected.put("2026-12-06", "SO");   // Sunday
        expected.put("2026-12-25", "SO");   // Christmas Day, a Friday
        expected.put("2026-12-26", "SO");   // Boxing Day, a Saturday
        expected.put("2027-01-01", "SO");   // New Year's Day, a Friday
        expected.put("2027-01-04", "WK");   // Monday
        expected.put("2025-12-31", "");     // before the calendar
        expected.put("2028-01-03", "");     // after it
        for (var e : expected.entrySet()) {
            assertThat(one(db, "select coalesce(string_agg(service_id, ',' order by service_id), '') from transit_services"
                    + " where source = '" + DEMO_SOURCE + "' and transit_service_runs(source, service_id, date '"
                    + e.getKey() + "')")).as(e.getKey()).isEqualTo(e.getValue());
        }
        // So: no bus 782 on a Sunday, the train every two hours.
        assertThat(one(db, "select count(*) from transit_trips t where t.source = '" + DEMO_SOURCE + "'"
                + " and t.route_id = '782' and transit_service_runs(t.source, t.service_id, date '2026-12-06')"))
                .isEqualTo("0");
        assertThat(one(db, "select count(*) from transit_trips t where t.source = '" + DEMO_SOURCE + "'"
                + " and t.route_id = 'S1' and transit_service_runs(t.source, t.service_id, date '2026-12-06')"))
                .isEqualTo("14");
    }

    @Test
    void missedConnectionIsInTheTimetable() throws Exception {
        // The 07:47 train from Gärtringen reaches Herrenberg at 07:58; the school bus 782 left the ZOB at 07:55,
        // the next leaves at 09:05 (the case routing must get right).
        assertThat(one(db, "select arrival_s from transit_stop_times where trip_id = 'S1-WK-in-07' and stop_id = 'hbf-1'"))
                .isEqualTo(String.valueOf(7 * 3600 + 58 * 60));
        assertThat(column(db, "select departure_s from transit_stop_times st join transit_trips t using (source, trip_id)"
                + " where t.route_id = '782' and st.stop_id = 'zob' and t.service_id = 'WK' and st.stop_sequence = 10"
                + " and departure_s between 7 * 3600 and 10 * 3600 order by 1"))
                .containsExactly(String.valueOf(7 * 3600 + 55 * 60), String.valueOf(9 * 3600 + 5 * 60));
    }

    @Test
    void stopsAreMatchedToTheStopPlacesOfOpenStreetMap() throws Exception {
        // Independently: for each stop, the stop place of the same name nearest to it, if within 50 m.
        Map<String, String> expected = OsmMappingTest.rows(db, """
                select s.stop_id, coalesce((select p.id::text from places p
                                             where p.kind in ('bus_stop', 'train_station') and p.name = s.name
                                               and ST_DWithin(p.geog, s.geom::geography, 50)
                                             order by ST_Distance(p.geog, s.geom::geography) limit 1), '-')
                  from transit_stops s where s.source = '%s'""".formatted(DEMO_SOURCE));
        Map<String, String> stored = OsmMappingTest.rows(db, "select stop_id, coalesce(place_id::text, '-')"
                + " from transit_stops where source = '" + DEMO_SOURCE + "'");
        assertThat(stored).isEqualTo(expected);
        assertThat(expected.values()).doesNotContain("-");
        // The flex feed's Uckermark stops have no stop place here.
        assertThat(one(db, "select count(place_id) from transit_stops where source = '" + FLEX_SOURCE + "'")).isEqualTo("0");
    }

    @Test
    void flexFeedsZonesAreOnDemandAreas() throws Exception {
        assertThat(count("transit_stops", FLEX_SOURCE)).isEqualTo(rows(FLEX, "stops.txt").size());
        assertThat(count("transit_routes", FLEX_SOURCE)).isEqualTo(rows(FLEX, "routes.txt").size());
        assertThat(count("transit_trips", FLEX_SOURCE)).isEqualTo(rows(FLEX, "trips.txt").size());
        assertThat(count("transit_service_dates", FLEX_SOURCE)).isEqualTo(rows(FLEX, "calendar_dates.txt").size());
        assertThat(count("transit_stop_times", FLEX_SOURCE)).isZero();
        List<CSVRecord> stopTimes = rows(FLEX, "stop_times.txt");
        assertThat(count("transit_on_demand_areas", FLEX_SOURCE)).isEqualTo(stopTimes.size());
        assertThat(one(db, "select licence || ' | ' || attribution from transit_feeds where source = '" + FLEX_SOURCE + "'"))
                .isEqualTo("CC0-1.0 | DigitalAgentur Brandenburg GmbH");

        // Each zone: its window and booking as the files say, and every stop of its group inside it, at least
        // 450 m from its edge (the hull buffered by 500 m); and no point of it farther than 500 m from the hull.
        Map<String, List<String>> members = new HashMap<>();
        for (CSVRecord r : rows(FLEX, "location_groups.txt")) {
            members.computeIfAbsent(r.get("location_group_id"), g -> new ArrayList<>()).add(r.get("location_id"));
        }
        Map<String, CSVRecord> rules = new HashMap<>();
        for (CSVRecord r : rows(FLEX, "booking_rules.txt")) {
            rules.put(r.get("booking_rule_id"), r);
        }
        for (CSVRecord st : stopTimes) {
            String where = " from transit_on_demand_areas where source = '" + FLEX_SOURCE + "' and trip_id = '"
                    + st.get("trip_id") + "' and area_id = '" + st.get("stop_id") + "'";
            CSVRecord rule = rules.get(st.get("pickup_booking_rule_id"));
            assertThat(one(db, "select window_start_s || ' ' || window_end_s || ' ' || prior_notice_min || ' | '"
                    + " || booking_phone || ' | ' || booking_url || ' | ' || booking_message" + where))
                    .isEqualTo(seconds(st.get("start_pickup_dropoff_window")) + " "
                            + seconds(st.get("end_pickup_dropoff_window")) + " " + rule.get("prior_notice_duration_min")
                            + " | " + rule.get("phone_number") + " | " + rule.get("info_url") + " | " + rule.get("message"));
            String ids = String.join("','", members.get(st.get("stop_id")));
            assertThat(one(db, "select count(*) from transit_stops s, transit_on_demand_areas a where s.source = '"
                    + FLEX_SOURCE + "' and s.stop_id in ('" + ids + "') and a.source = s.source and a.trip_id = '"
                    + st.get("trip_id") + "' and a.area_id = '" + st.get("stop_id") + "'"
                    + " and ST_Covers(a.geom, s.geom) and not ST_DWithin(ST_Boundary(a.geom)::geography, s.geom::geography, 450)"))
                    .as(st.get("trip_id")).isEqualTo(String.valueOf(new HashSet<>(members.get(st.get("stop_id"))).size()));
            assertThat(Double.parseDouble(one(db, "select ST_HausdorffDistance(ST_Transform(a.geom, 25833),"
                    + " ST_Transform((select ST_ConvexHull(ST_Collect(s.geom)) from transit_stops s where s.source = '"
                    + FLEX_SOURCE + "' and s.stop_id in ('" + ids + "')), 25833))" + where.replace(" from", " from")
                    .replace("transit_on_demand_areas where", "transit_on_demand_areas a where"))))
                    .as(st.get("trip_id")).isBetween(480.0, 520.0);
        }
    }

    @Test
    void sameFeedAgainChangesNothing(@TempDir Path tmp) throws Exception {
        String before = fingerprint(db);
        String version = one(db, "select version from data_versions where layer = 'timetables'");
        ImportResult again = Imports.importFile(db.dataSource(), DEMO).orThrow();
        assertThat(again.stats()).containsEntry("timetables.changed", 0L);
        assertThat(again.added()).isZero();
        assertThat(again.retired()).isZero();
        // Zipped, it is the same feed (another checksum, the same rows).
        Path zip = zip(DEMO, tmp.resolve("herrenberg-demo.zip"));
        ImportResult zipped = Imports.importFile(db.dataSource(), zip).orThrow();
        assertThat(zipped.source()).isEqualTo(DEMO_SOURCE);
        assertThat(zipped.stats()).containsEntry("timetables.changed", 0L);
        assertThat(fingerprint(db)).isEqualTo(before);
        assertThat(one(db, "select version from data_versions where layer = 'timetables'")).isEqualTo(version);
    }

    @Test
    void changedFeedReplacesTheOldOneAndBumpsTheVersion(@TempDir Path tmp) throws Exception {
        Path changed = copy(DEMO, tmp.resolve("demo"));
        replace(changed.resolve("stop_times.txt"), "S1-WK-in-07,07:58:00,07:58:00,hbf-1",
                "S1-WK-in-07,07:59:00,07:59:00,hbf-1");
        Files.writeString(changed.resolve("trips.txt"), Files.readString(changed.resolve("trips.txt"))
                .replaceAll("(?m)^773,WK,773-WK-in-1700,.*\\n", ""));
        Files.writeString(changed.resolve("stop_times.txt"), Files.readString(changed.resolve("stop_times.txt"))
                .replaceAll("(?m)^773-WK-in-1700,.*\\n", ""));
        long version = Long.parseLong(one(db, "select version from data_versions where layer = 'timetables'"));
        String flexBefore = flexFingerprint();

        // A dry run says what would change, and changes nothing.
        String before = fingerprint(db);
        ImportResult dry = Imports.importFile(db.dataSource(), changed, ImportOptions.builder().dryRun(true).build());
        assertThat(dry.status()).isEqualTo(ImportResult.Status.DRY_RUN);
        assertThat(dry.stats()).containsEntry("transit_stop_times.added", 1L).containsEntry("transit_stop_times.removed", 6L)
                .containsEntry("transit_trips.removed", 1L).containsEntry("timetables.changed", 1L);
        assertThat(fingerprint(db)).isEqualTo(before);

        ImportResult r = Imports.importFile(db.dataSource(), changed).orThrow();
        assertThat(r.stats()).containsEntry("timetables.changed", 1L);
        // Bumped (once by the import; more often where triggers bump it per statement as well).
        assertThat(Long.parseLong(one(db, "select version from data_versions where layer = 'timetables'")))
                .isGreaterThan(version);
        assertThat(one(db, "select arrival_s from transit_stop_times where trip_id = 'S1-WK-in-07' and stop_id = 'hbf-1'"))
                .isEqualTo(String.valueOf(7 * 3600 + 59 * 60));
        assertThat(one(db, "select count(*) from transit_trips where trip_id = '773-WK-in-1700'")).isEqualTo("0");
        assertThat(count("transit_stop_times", DEMO_SOURCE)).isEqualTo(rows(changed, "stop_times.txt").size());
        // The other feed is not touched.
        assertThat(flexFingerprint()).isEqualTo(flexBefore);

        // Back to the bundled feed, for the other tests.
        Imports.importFile(db.dataSource(), DEMO).orThrow();
        assertThat(count("transit_stop_times", DEMO_SOURCE)).isEqualTo(rows(DEMO, "stop_times.txt").size());
    }

    @Test
    void anotherLicenceIsAnotherSourceAndRefused() throws Exception {
        String before = fingerprint(db);
        ImportResult r = Imports.importFile(db.dataSource(), DEMO, ImportOptions.builder().licence("CC-BY-4.0").build());
        assertThat(r.status()).isEqualTo(ImportResult.Status.FAILED);
        assertThat(r.error()).contains("licence \"CC-BY-4.0\" (was \"ODbL-1.0\")").contains("--replace-source");
        assertThat(fingerprint(db)).isEqualTo(before);
    }

    private String flexFingerprint() throws SQLException {
        return one(db, "select md5(string_agg(t::text, '|' order by t::text)) from transit_on_demand_areas t");
    }

    static final List<String> TABLES = List.of("transit_feeds", "transit_stops", "transit_routes", "transit_services",
            "transit_service_dates", "transit_trips", "transit_stop_times", "transit_on_demand_areas", "data_versions");

    /** Every timetable table's rows (and the data versions), as one checksum per table. */
    static String fingerprint(TestSchema db) throws SQLException {
        var sb = new StringBuilder();
        for (String t : TABLES) {
            sb.append(t).append('=').append(one(db, "select count(*) || ':' || coalesce(md5(string_agg(t::text, '|'"
                    + " order by t::text)), '') from " + t + " t")).append(' ');
        }
        return sb.toString();
    }

    static Path copy(Path feed, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(feed)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
        return to;
    }

    static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to));
    }

    static Path zip(Path feed, Path zip) throws IOException {
        try (var out = new ZipOutputStream(Files.newOutputStream(zip)); Stream<Path> files = Files.list(feed)) {
            for (Path f : files.sorted().toList()) {
                out.putNextEntry(new ZipEntry(f.getFileName().toString()));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
        return zip;
    }

    static Set<String> problems(ImportResult r) {
        Set<String> out = new HashSet<>();
        r.problems().forEach(p -> out.add(p.toString()));
        return out;
    }
}
