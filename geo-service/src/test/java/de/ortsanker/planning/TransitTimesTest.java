package de.ortsanker.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.ortsanker.ServiceTest;
import de.ortsanker.imports.ImportOptions;
import de.ortsanker.imports.Imports;
import de.ortsanker.planning.timetable.Timetables;
import de.ortsanker.routing.Network;
import de.ortsanker.routing.Networks;
import de.ortsanker.routing.Point;
import de.ortsanker.routing.TravelMode;
import de.ortsanker.routing.Walks;
import de.ortsanker.routing.transit.Timetable;
import de.ortsanker.routing.transit.TransitSearch;
import de.ortsanker.testing.TestSchema;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Transit travel times against journeys worked out by hand from a small timetable whose stops sit on the
 * walking network north of Bayreuth: three villages (Ahof, Bhof, Dhof) and a meeting place at the hub C,
 * each exactly on a node of the network with its stop, so every walk to and from a stop takes 0 seconds and
 * the minutes are the timetable's alone; the feed is written as GTFS files and loaded by the importer. Then the
 * day's timetable as loaded from the tables, scanned, against
 * a recursive SQL search over the stop times of a random feed.
 */
@ServiceTest
@TestPropertySource(properties = {"ortsanker.routing.extracts=../data/osm/north-bayreuth.osm.pbf",
        "ortsanker.routing.cache-dir=target/test-graphs", "ortsanker.planning.transit-test=own-context"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransitTimesTest {

    /** Sunday, Monday, Tuesday of one week of the feed's validity (2027-01-01 … 2027-03-31). */
    static final String SUNDAY = "2027-01-10", MONDAY = "2027-01-11", TUESDAY = "2027-01-12";

    @LocalServerPort
    int port;

    @Autowired
    TestSchema db;

    @Autowired
    Networks networks;

    @Autowired
    Timetables timetables;

    private final ObjectMapper json = new ObjectMapper();
    private JdbcTemplate jdbc;
    private final Map<String, Point> at = new HashMap<>();

    @BeforeAll
    void buildAndLoad() throws Exception {
        jdbc = new JdbcTemplate(db.dataSource());
        networks.refresh().get();
        assertThat(networks.current()).hasSize(1);
        Network network = networks.current().get(0);
        // Four places of the extract, kilometres apart, moved onto the nearest node of the walking network.
        Map<String, Point> near = Map.of("A", new Point(11.500, 49.985), "B", new Point(11.545, 50.040),
                "C", new Point(11.530, 50.005), "D", new Point(11.570, 49.985));
        near.forEach((k, p) -> at.put(k, network.nearestNode(TravelMode.WALK, p)));
        at.values().forEach(p -> assertThat(p).isNotNull());
        for (String v : new String[] {"A", "B", "D"}) {
            jdbc.update("""
                    insert into localities (name, kind, geom, population, population_source, source, source_id, licence, attribution)
                    values (?, 'village', ST_Point(?, ?, 4326), 100, 'OpenStreetMap', 'transit-fixture', ?, 'ODbL-1.0',
                            '© OpenStreetMap contributors')""", v + "hof", at.get(v).lon(), at.get(v).lat(), "loc/" + v);
        }
        jdbc.update("""
                insert into places (kind, name, geom, is_public, source, source_id, licence, attribution)
                values ('village_hall', 'Treff C', ST_Point(?, ?, 4326), true, 'transit-fixture', 'p/C', 'ODbL-1.0',
                        '© OpenStreetMap contributors')""", at.get("C").lon(), at.get("C").lat());
        loadFeed();
    }

    /**
     * The hand-made feed. Services: WD Monday–Friday, but not on Tuesday 2027-01-12 (calendar_dates removes
     * it); SU Sundays; X only on 2027-01-12 (calendar_dates adds it). Trips:
     * <pre>
     * T1 WD  SA 07:10 → SC 07:32          T4 WD  SD 06:50 → SA 07:05   (change to T1: 5 min, made)
     * T2 WD  SA 07:25 → SC 07:47          T5 SU  SA 15:40 → SB 15:55 → SC 16:10
     * T3 WD  SB 06:55 → SA 07:10          (arrives as T1 leaves: changing takes a minute, T1 is missed)
     * T6 X   SA 09:00 → SC 09:30
     * </pre>
     */
    void loadFeed() throws Exception {
        // Written as a GTFS feed and loaded through the importer (scripts/import.sh does the same).
        Path feed = Files.createTempDirectory("hand-feed");
        write(feed, "agency.txt", "agency_id,agency_name,agency_url,agency_timezone", "a,Testbus,https://example.org,Europe/Berlin");
        StringBuilder stops = new StringBuilder("stop_id,stop_name,stop_lat,stop_lon\n");
        for (String s : new String[] {"A", "B", "C", "D"}) {
            stops.append("S").append(s).append(',').append(s).append(" Mitte,").append(at.get(s).lat()).append(',')
                    .append(at.get(s).lon()).append('\n');
        }
        Files.writeString(feed.resolve("stops.txt"), stops);
        write(feed, "routes.txt", "route_id,agency_id,route_short_name,route_type", "R,a,401,3");
        write(feed, "calendar.txt", "service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,end_date",
                "WD,1,1,1,1,1,0,0,20270101,20270331", "SU,0,0,0,0,0,0,1,20270101,20270331");
        write(feed, "calendar_dates.txt", "service_id,date,exception_type", "WD,20270112,2", "X,20270112,1");
        String[][] trips = {
                {"T1", "WD", "SA 07:10", "SC 07:32"},
                {"T2", "WD", "SA 07:25", "SC 07:47"},
                {"T3", "WD", "SB 06:55", "SA 07:10"},
                {"T4", "WD", "SD 06:50", "SA 07:05"},
                {"T5", "SU", "SA 15:40", "SB 15:55", "SC 16:10"},
                {"T6", "X", "SA 09:00", "SC 09:30"}};
        StringBuilder tripRows = new StringBuilder("route_id,service_id,trip_id\n");
        StringBuilder times = new StringBuilder("trip_id,arrival_time,departure_time,stop_id,stop_sequence\n");
        for (String[] t : trips) {
            tripRows.append("R,").append(t[1]).append(',').append(t[0]).append('\n');
            for (int i = 2; i < t.length; i++) {
                String[] stopTime = t[i].split(" ");
                times.append(t[0]).append(',').append(stopTime[1]).append(":00,").append(stopTime[1]).append(":00,")
                        .append(stopTime[0]).append(',').append(i).append('\n');
            }
        }
        Files.writeString(feed.resolve("trips.txt"), tripRows);
        Files.writeString(feed.resolve("stop_times.txt"), times);
        Imports.importFile(db.dataSource(), feed, ImportOptions.builder().source("hand").licence("CC0-1.0")
                .attribution("Testfeed").build()).orThrow();
        assertThat(jdbc.queryForObject("select valid_from || ' ' || valid_to from transit_feeds where source = 'hand'",
                String.class)).isEqualTo("2027-01-01 2027-03-31");
    }

    private static void write(Path feed, String file, String... lines) throws Exception {
        Files.writeString(feed.resolve(file), String.join("\n", lines) + "\n");
    }

    static int seconds(String hhmm) {
        String[] p = hhmm.split(":");
        return Integer.parseInt(p[0]) * 3600 + Integer.parseInt(p[1]) * 60;
    }

    /** Minutes to the meeting place per village, by transit in the window on the date. */
    private Map<String, Double> minutes(String window, String date) throws Exception {
        JsonNode answer = getJson("/planning/reach?mode=transit&target=village_hall&window=" + enc(window)
                + "&date=" + date);
        assertThat(answer.path("inputs").path("mode").asText()).isEqualTo("transit");
        assertThat(answer.path("inputs").path("distance").asText()).contains(date).contains(window);
        return perVillage(answer);
    }

    private Map<String, Double> walkingMinutes() throws Exception {
        return perVillage(getJson("/planning/reach?mode=walk&target=village_hall"));
    }

    private static Map<String, Double> perVillage(JsonNode answer) {
        Map<String, Double> out = new HashMap<>();
        answer.path("villages").forEach(v -> {
            JsonNode min = v.path("reach").path("village_hall").path("nearest_min");
            out.put(v.path("name").asText(), min.isNull() ? null : min.asDouble());
        });
        return out;
    }

    @Test
    void theVillagesAreFarEnoughApartThatWalkingNeverWins() throws Exception {
        // A precondition of the hand-computed minutes below: each village walks longer than its journeys take.
        Map<String, Double> walk = walkingMinutes();
        assertThat(walk.get("Ahof")).isGreaterThan(30);
        assertThat(walk.get("Bhof")).isGreaterThan(52);
        assertThat(walk.get("Dhof")).isGreaterThan(42);
    }

    @Test
    void mondayMorning() throws Exception {
        Map<String, Double> m = minutes("weekday:6:30-8:30", MONDAY);
        // Ahof: T1 07:10 → 07:32 (or T2 07:25 → 07:47): 22 minutes, leaving home as the bus leaves (stop at the door).
        assertThat(m.get("Ahof")).isEqualTo(22.0);
        // Dhof: T4 06:50 → SA 07:05, five minutes to change, T1 07:10 → SC 07:32: 06:50 → 07:32 = 42 minutes.
        assertThat(m.get("Dhof")).isEqualTo(42.0);
        // Bhof, the missed connection: T3 06:55 → SA 07:10 arrives as T1 leaves (changing takes a minute),
        // so T2 07:25 → 07:47: 06:55 → 07:47 = 52 minutes.
        assertThat(m.get("Bhof")).isEqualTo(52.0);
    }

    @Test
    void sundayAfternoon() throws Exception {
        Map<String, Double> m = minutes("sun:14-18", SUNDAY);
        // Only T5 runs: Ahof 15:40 → 16:10 = 30 minutes; Bhof 15:55 → 16:10 = 15 minutes.
        assertThat(m.get("Ahof")).isEqualTo(30.0);
        assertThat(m.get("Bhof")).isEqualTo(15.0);
        // Dhof has no bus on Sunday: walking all the way is the journey.
        assertThat(m.get("Dhof")).isCloseTo(walkingMinutes().get("Dhof"), within(0.11));
    }

    @Test
    void aCalendarExceptionTakesTheWeekdayServiceAway() throws Exception {
        // Tuesday 2027-01-12: WD is removed, X added. Ahof: only T6 09:00 → 09:30 = 30 minutes (not 22).
        Map<String, Double> m = minutes("weekday:6:30-9:30", TUESDAY);
        assertThat(m.get("Ahof")).isEqualTo(30.0);
        // Bhof and Dhof have no bus at all that day: they walk.
        Map<String, Double> walk = walkingMinutes();
        assertThat(m.get("Bhof")).isCloseTo(walk.get("Bhof"), within(0.11));
        assertThat(m.get("Dhof")).isCloseTo(walk.get("Dhof"), within(0.11));
        // Monday, the same window: Ahof has the 22-minute journey again.
        assertThat(minutes("weekday:6:30-9:30", MONDAY).get("Ahof")).isEqualTo(22.0);
    }

    @Test
    void aWindowBeforeTheBusesWaitsAtTheStop() throws Exception {
        // Window 06:00–07:00 on Monday: leaving Ahof at 07:00 (the window's end) and waiting for T1 at 07:10
        // reaches C at 07:32: 32 minutes — the wait at the stop counts, the time at home before 07:00 not.
        assertThat(minutes("weekday:6-7", MONDAY).get("Ahof")).isEqualTo(32.0);
    }

    @Test
    void underservedByTransitRules() throws Exception {
        // 45 minutes on Monday morning: Bhof (52) misses it, Ahof (22) and Dhof (42) do not.
        JsonNode answer = getJson("/planning/underserved?rule=" + enc("village_hall:transit:45min@weekday:6:30-8:30")
                + "&date=" + MONDAY);
        assertThat(answer.path("villages")).hasSize(1);
        JsonNode b = answer.path("villages").get(0);
        assertThat(b.path("name").asText()).isEqualTo("Bhof");
        assertThat(b.path("missing").get(0).path("nearest_min").asDouble()).isEqualTo(52.0);
        JsonNode rule = answer.path("inputs").path("rules").get(0);
        assertThat(rule.path("rule").asText()).isEqualTo("village_hall:transit:45min@weekday:6:30-8:30");
        assertThat(rule.path("mode").asText()).isEqualTo("transit");
        assertThat(rule.path("window").asText()).isEqualTo("weekday:6:30-8:30");
        assertThat(rule.path("date").asText()).isEqualTo(MONDAY);
        // The same with the window as a parameter; and a Sunday rule beside it in one request.
        answer = getJson("/planning/underserved?rule=" + enc("village_hall:transit:45min") + "&window="
                + enc("weekday:6:30-8:30") + "&date=" + MONDAY);
        assertThat(answer.path("villages")).hasSize(1);
        answer = getJson("/planning/underserved?rule=" + enc("village_hall:transit:20min@sun:14-18")
                + "&rule=" + enc("village_hall:transit:25min@weekday:6:30-8:30"));
        // Without date= the next Sunday and weekday within the validity are taken: the feed's first ones.
        assertThat(answer.path("inputs").path("rules").get(0).path("date").asText()).isEqualTo("2027-01-03");
        assertThat(answer.path("inputs").path("rules").get(1).path("date").asText()).isEqualTo("2027-01-01");
    }

    @Test
    void aChangedTimetableIsANewAnswer() throws Exception {
        String path = "/planning/reach?mode=transit&target=village_hall&window=sun:14-18&date=" + SUNDAY;
        // Another test may have changed the timetable just before: the re-read it started must be done first.
        timetables.refresh().get();
        timetables.refresh().get();
        String first = get(path).headers().firstValue("ETag").orElseThrow();
        assertThat(get(path, first).statusCode()).as("unchanged: not modified").isEqualTo(304);
        jdbc.update("update transit_routes set long_name = 'Ahof – C' where source = 'hand'");
        // The data version changed: a new ETag at once, while the kept timetable still answers …
        var changed = get(path, first);
        assertThat(changed.statusCode()).isEqualTo(200);
        String second = changed.headers().firstValue("ETag").orElseThrow();
        assertThat(second).isNotEqualTo(first);
        // … and another once the timetable has been read again and answers.
        timetables.refresh().get();
        timetables.refresh().get();
        assertThat(get(path).headers().firstValue("ETag").orElseThrow()).isNotEqualTo(second).isNotEqualTo(first);
    }

    @Test
    void whatIsMissingIsA400() throws Exception {
        assertProblem("/planning/reach?mode=transit&target=village_hall", "window", "time window");
        assertProblem("/planning/reach?mode=transit&target=village_hall&window=sun:18-14", "window", "after the start");
        assertProblem("/planning/reach?mode=transit&target=village_hall&window=sonntag:14-18", "window", "no day");
        assertProblem("/planning/reach?mode=transit&target=village_hall&window=sun:14-18&date=2028-01-09", "date",
                "outside");
        assertProblem("/planning/reach?mode=transit&target=village_hall&window=sun:14-18&date=" + MONDAY, "date",
                "not a day of the time window");
        assertProblem("/planning/reach?mode=transit&target=village_hall&window=sun:14-18&date=10.01.2027", "date",
                "YYYY-MM-DD");
        assertProblem("/planning/underserved?rule=" + enc("village_hall:transit:30min"), "rule", "time window");
        assertProblem("/planning/underserved?rule=" + enc("village_hall:walk:30min@sun:14-18"), "rule", "transit");
        assertProblem("/planning/underserved?mode=transit&window=sun:14-18&rule=village_hall:2000", "rule", "a time");
        // No feed at all: the feed is taken away for a moment (its rows go with it) and loaded again.
        jdbc.update("delete from transit_feeds where source = 'hand'");
        try {
            assertProblem("/planning/reach?mode=transit&target=village_hall&window=sun:14-18", "mode",
                    "none is imported");
        } finally {
            loadFeed();
        }
    }

    private void assertProblem(String path, String parameter, String says) throws Exception {
        var r = get(path);
        assertThat(r.statusCode()).as(path + " → " + r.body()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        JsonNode p = json.readTree(r.body());
        assertThat(p.path("invalid-params").get(0).path("name").asText()).as(r.body()).isEqualTo(parameter);
        assertThat(p.path("invalid-params").get(0).path("reason").asText()).as(r.body()).contains(says);
    }

    /**
     * A random feed of six stops: the loaded timetable of a day, scanned from one stop to another, against a
     * recursive SQL search over the stop times (up to three rides, changing at a stop in a minute or more):
     * the shortest journey leaving within the window, measured from the departure of its first ride, or from
     * the window's end when that ride leaves later.
     */
    @Test
    void randomPairsAgreeWithARecursiveSearchInSql() throws Exception {
        Random r = new Random(93);
        jdbc.update("insert into transit_feeds (source, valid_from, valid_to) values ('random', '2027-01-01', '2027-03-31')");
        for (int s = 0; s < 6; s++) {
            jdbc.update("insert into transit_stops (source, stop_id, name, geom) values ('random', ?, ?, ST_Point(13.5, 52, 4326))",
                    "R" + s, "R" + s);
        }
        jdbc.update("insert into transit_routes (source, route_id, route_type) values ('random', 'R', 3)");
        jdbc.update("insert into transit_services (source, service_id, weekdays, start_date, end_date) values"
                + " ('random', 'WD', 31, '2027-01-01', '2027-03-31'), ('random', 'SU', 64, '2027-01-01', '2027-03-31')");
        for (int t = 0; t < 40; t++) {
            jdbc.update("insert into transit_trips (source, trip_id, route_id, service_id) values ('random', ?, 'R', ?)",
                    "t" + t, t % 3 == 0 ? "SU" : "WD");
            int time = 6 * 3600 + r.nextInt(5 * 3600);
            int len = 2 + r.nextInt(3);
            int last = -1;
            for (int i = 0; i < len; i++) {
                int stop;
                do {
                    stop = r.nextInt(6);
                } while (stop == last);
                last = stop;
                jdbc.update("""
                        insert into transit_stop_times (source, trip_id, stop_sequence, stop_id, arrival_s, departure_s)
                        values ('random', ?, ?, ?, ?, ?)""", "t" + t, i, "R" + stop, time, time + 60);
                time += 60 + 60 * (2 + r.nextInt(15));
            }
        }
        try {
            // The kept days were read before this feed: read again (a reading under way may predate it).
            timetables.on(LocalDate.parse(MONDAY));
            timetables.on(LocalDate.parse(SUNDAY));
            timetables.refresh().get();
            timetables.refresh().get();
            int compared = 0, found = 0;
            for (String date : new String[] {MONDAY, SUNDAY}) {
                Timetable tt = timetables.on(LocalDate.parse(date));
                for (int k = 0; k < 25; k++) {
                    int from = r.nextInt(6), to = r.nextInt(6);
                    if (from == to) {
                        continue;
                    }
                    int start = 6 * 3600 + r.nextInt(4 * 3600), end = start + 3600;
                    int a = index(tt, "random", "R" + from), b = index(tt, "random", "R" + to);
                    Integer expected = shortestInSql(date, "R" + from, "R" + to, start, end);
                    int n = tt.stopCount();
                    int[] egress = new int[n], egressPlace = new int[n];
                    java.util.Arrays.fill(egressPlace, -1);
                    if (b >= 0) {
                        egressPlace[b] = 0;
                    }
                    var profiles = TransitSearch.scan(tt, egress, egressPlace, Walks.none(n), start, end + 10 * 3600, 60);
                    var journeys = TransitSearch.journeys(profiles,
                            new Walks(new int[][] {a >= 0 ? new int[] {a} : new int[0]}, new int[][] {a >= 0 ? new int[] {0} : new int[0]}),
                            new int[] {0}, new int[] {-1}, start, end);
                    if (expected == null) {
                        assertThat(journeys.reached(0)).as(date + " R" + from + " → R" + to).isFalse();
                    } else {
                        assertThat(journeys.seconds()[0]).as(date + " R" + from + " → R" + to + " " + start)
                                .isEqualTo(expected);
                        found++;
                    }
                    compared++;
                }
            }
            assertThat(compared).isGreaterThan(30);
            assertThat(found).as("pairs with a journey").isGreaterThan(10);
        } finally {
            jdbc.update("delete from transit_feeds where source = 'random'");
        }
    }

    private static int index(Timetable tt, String source, String stop) {
        for (int s = 0; s < tt.stopCount(); s++) {
            if (tt.stopId(s).equals(source + '\u0000' + stop)) {
                return s;
            }
        }
        return -1;
    }

    /** Up to three rides of trips running that day, each change at one stop taking at least a minute. */
    private Integer shortestInSql(String date, String from, String to, int start, int end) {
        return jdbc.queryForObject("""
                with recursive
                running as (select t.trip_id from transit_trips t
                             where t.source = 'random' and transit_service_runs(t.source, t.service_id, ?::date)),
                rides as (select a.trip_id, a.stop_id as board, a.departure_s as dep, b.stop_id as alight, b.arrival_s as arr
                            from transit_stop_times a
                            join transit_stop_times b on b.source = a.source and b.trip_id = a.trip_id
                                                     and b.stop_sequence > a.stop_sequence
                           where a.source = 'random' and a.trip_id in (select trip_id from running)),
                journeys (first_dep, stop, arr, rides) as (
                    select dep, alight, arr, 1 from rides where board = ? and dep >= ?
                    union all
                    select j.first_dep, r.alight, r.arr, j.rides + 1
                      from journeys j join rides r on r.board = j.stop and r.dep >= j.arr + 60
                     where j.rides < 3)
                select min(arr - least(first_dep, ?)) from journeys where stop = ?""",
                Integer.class, Date.valueOf(date), from, start, end, to);
    }

    private JsonNode getJson(String path) throws Exception {
        var r = get(path);
        assertThat(r.statusCode()).as(path + " → " + r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        return get(pathAndQuery, null);
    }

    private HttpResponse<String> get(String pathAndQuery, String ifNoneMatch) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery));
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
