package de.ortsanker.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.ortsanker.ServiceTest;
import de.ortsanker.routing.Arrivals;
import de.ortsanker.routing.Network;
import de.ortsanker.routing.Networks;
import de.ortsanker.routing.Objective;
import de.ortsanker.routing.Point;
import de.ortsanker.routing.TravelMode;
import de.ortsanker.testing.TestSchema;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Getting to a place without a car, on the real extract north of Bayreuth (the walking and cycling network
 * built from it) and a small hand-written timetable (journeys/timetable.sql): the expected departures are
 * written by hand from that file — a weekday, a Sunday without buses, a Sunday added and a Monday removed by
 * calendar exceptions, a trip past midnight — and the way is measured by PostGIS, not by the code under test.
 */
@ServiceTest
@TestPropertySource(properties = {"ortsanker.routing.extracts=../data/osm/north-bayreuth.osm.pbf",
        "ortsanker.routing.cache-dir=target/test-graphs"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JourneysTest {

    /** Neudrossenfeld's market square, 30 m from the stop "Neudrossenfeld Marktplatz". */
    static final double START_LON = 11.5031, START_LAT = 50.0161;

    @LocalServerPort
    int port;

    @Autowired
    TestSchema db;

    @Autowired
    Networks networks;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private JdbcTemplate jdbc;
    private long place;
    private long village;
    private String timetable;

    @BeforeAll
    void load() throws Exception {
        jdbc = new JdbcTemplate(db.dataSource());
        place = jdbc.queryForObject("""
                insert into places (kind, name, geom, source, source_id, licence, attribution)
                values ('village_hall', 'Dorfgemeinschaftshaus Harsdorf (Test)', ST_Point(11.5679, 50.0281, 4326),
                        'journeys-test', 'village-hall', 'CC0-1.0', 'Ortsanker test') returning id""", Long.class);
        village = jdbc.queryForObject("""
                insert into localities (name, kind, geom, source, source_id, licence, attribution)
                values ('Neudrossenfeld (Test)', 'village', ST_Point(11.5031, 50.0161, 4326), 'journeys-test', 'nd',
                        'CC0-1.0', 'Ortsanker test') returning id""", Long.class);
        try (InputStream in = getClass().getResourceAsStream("/journeys/timetable.sql")) {
            timetable = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        db.execute(timetable);
        networks.refresh().get();   // the build started at start-up; this waits for it
    }

    @AfterAll
    void clean() {
        jdbc.update("delete from transit_feeds where source = 'journeys-test-feed'");
        jdbc.update("delete from places where source = 'journeys-test'");
        jdbc.update("delete from localities where source = 'journeys-test'");
    }

    // ---- departures -----------------------------------------------------------------------------------

    @Test
    void onAWeekdayTheTripsTowardThePlaceLeaveInOrder() throws Exception {
        JsonNode a = departures("date=2026-12-07&after=07:00");   // a Monday
        assertThat(a.path("status").asText()).isEqualTo("departures");
        assertThat(a.path("weekday").asText()).isEqualTo("monday");
        assertThat(a.path("day_kind").asText()).isEqualTo("weekday");
        // T1 07:10→07:32, T2 12:40→13:02, T3 17:15→17:37, T4 24:10→24:32; not T5 (the other way), not T6 (no boarding).
        assertThat(times(a)).containsExactly("07:10-07:32", "12:40-13:02", "17:15-17:37", "24:10-24:32");
        JsonNode first = a.path("departures").get(0);
        assertThat(first.path("route").asText()).isEqualTo("383");
        assertThat(first.path("headsign").asText()).isEqualTo("Harsdorf");
        assertThat(first.path("departure_at").asText()).isEqualTo("2026-12-07T07:10");
        assertThat(first.path("wheelchair_accessible").asText()).isEqualTo("yes");
        assertThat(a.path("departures").get(2).path("wheelchair_accessible").asText()).isEqualTo("no");
        assertThat(a.path("departures").get(3).path("wheelchair_accessible").asText()).isEqualTo("unknown");
        assertThat(a.path("departures").get(3).path("arrival_at").asText()).isEqualTo("2026-12-08T00:32");
        assertThat(first.path("from_stop").path("name").asText()).isEqualTo("Neudrossenfeld Marktplatz");
        assertThat(first.path("from_stop").path("wheelchair_boarding").asText()).isEqualTo("yes");
        assertThat(first.path("to_stop").path("name").asText()).isEqualTo("Harsdorf Ortsmitte");
        assertThat(first.path("to_stop").path("wheelchair_boarding").asText()).isEqualTo("no");
        // The walk to the stop: along the network, at least the straight line (PostGIS) at 5 km/h.
        double straight = jdbc.queryForObject("select ST_Distance(ST_Point(?, ?, 4326)::geography,"
                + " ST_Point(11.5033, 50.0163, 4326)::geography)", Double.class, START_LON, START_LAT);
        assertThat(first.path("from_stop").path("walk_m").asDouble()).isGreaterThanOrEqualTo(Math.floor(straight));
        assertThat(first.path("from_stop").path("walk_min").asInt()).isBetween(1, 5);
        assertThat(a.path("walk_basis").asText()).isEqualTo("network");
        // Later the same day, only the night trip; the limit counts.
        assertThat(times(departures("date=2026-12-07&after=18:00"))).containsExactly("24:10-24:32");
        assertThat(times(departures("date=2026-12-07&after=07:00&limit=2"))).containsExactly("07:10-07:32", "12:40-13:02");
        // The source, licence and attribution of the feed travel with the answer.
        JsonNode attribution = a.path("attributions").get(0);
        assertThat(attribution.path("licence").asText()).isEqualTo("CC-BY-4.0");
        assertThat(attribution.path("attribution").asText()).isEqualTo("Verkehrsverbund Testland (test feed)");
        assertThat(attribution.path("publisher").asText()).isEqualTo("Testbus GmbH");
        assertThat(a.path("date_in_timetable_period").asBoolean()).isTrue();
    }

    @Test
    void onASundayWithoutBusesTheAnswerSaysSo() throws Exception {
        JsonNode a = departures("date=2026-12-13");
        assertThat(a.path("status").asText()).isEqualTo("no_service_on_day");
        assertThat(a.path("day_kind").asText()).isEqualTo("sunday");
        assertThat(a.path("departures").size()).isZero();
        // The RufBus runs on weekends, in an area around both villages, booked an hour ahead.
        JsonNode rufbus = a.path("on_demand").get(0);
        assertThat(rufbus.path("name").asText()).isEqualTo("RufBus Trebgast-Tal");
        assertThat(rufbus.path("runs_on_date").asBoolean()).isTrue();
        assertThat(rufbus.path("window_start").asText()).isEqualTo("08:00");
        assertThat(rufbus.path("window_end").asText()).isEqualTo("20:00");
        assertThat(rufbus.path("prior_notice_min").asInt()).isEqualTo(60);
        assertThat(rufbus.path("booking_phone").asText()).isEqualTo("+49 921 000000");
        // On a weekday it is listed as not running that day.
        assertThat(departures("date=2026-12-07").path("on_demand").get(0).path("runs_on_date").asBoolean()).isFalse();
    }

    @Test
    void calendarExceptionsAddAndRemoveDays() throws Exception {
        // Sunday 2026-12-20 is added to the weekday service: the weekday trips run.
        assertThat(times(departures("date=2026-12-20&after=00:00")))
                .containsExactly("07:10-07:32", "12:40-13:02", "17:15-17:37", "24:10-24:32");
        // Monday 2026-12-14 is removed: no bus that day (and the Sunday before had no night trip).
        JsonNode removed = departures("date=2026-12-14");
        assertThat(removed.path("status").asText()).isEqualTo("no_service_on_day");
        assertThat(removed.path("day_kind").asText()).isEqualTo("weekday");
    }

    @Test
    void aTripPastMidnightCountsOnTheNextMorning() throws Exception {
        // Friday's night trip (24:10) leaves at 00:10 on Saturday; after it nothing more that Saturday.
        JsonNode saturday = departures("date=2026-12-12&after=00:00");
        assertThat(times(saturday)).containsExactly("00:10-00:32");
        assertThat(saturday.path("departures").get(0).path("departure_at").asText()).isEqualTo("2026-12-12T00:10");
        assertThat(departures("date=2026-12-12&after=01:00").path("status").asText()).isEqualTo("no_more_departures");
    }

    @Test
    void aVillageIsAStartAsAPositionIs() throws Exception {
        JsonNode byVillage = departures("date=2026-12-07&after=07:00", "village=" + village);
        assertThat(byVillage.path("from").path("village_name").asText()).isEqualTo("Neudrossenfeld (Test)");
        assertThat(times(byVillage)).containsExactly("07:10-07:32", "12:40-13:02", "17:15-17:37", "24:10-24:32");
        JsonNode villages = get("/places/" + place + "/villages").body;
        double expected = jdbc.queryForObject("select ST_Distance(ST_Point(11.5031, 50.0161, 4326)::geography,"
                + " ST_Point(11.5679, 50.0281, 4326)::geography)", Double.class);
        // Nearest first, as PostGIS measures them; the list is the nearest few, and other test classes' extracts
        // may fill it with villages nearer than the test's own.
        var listed = new java.util.ArrayList<Double>();
        villages.forEach(v -> listed.add(v.path("distance_m").asDouble()));
        assertThat(listed).isSorted();
        int nearer = jdbc.queryForObject("select count(*) from localities l where l.retired_at is null"
                + " and l.kind in ('city', 'town', 'village', 'hamlet', 'suburb')"
                + " and ST_Distance(l.geog, ST_Point(11.5679, 50.0281, 4326)::geography) < ? - 0.1", Integer.class,
                expected);
        if (nearer >= villages.size()) {
            assertThat(listed).allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(expected + 0.1));
            return;
        }
        JsonNode nd = null;
        for (JsonNode v : villages) {
            if (v.path("name").asText().equals("Neudrossenfeld (Test)")) {
                nd = v;
            }
        }
        assertThat(nd).as("the test's village among the %d nearest", villages.size()).isNotNull();
        assertThat(nd.path("distance_m").asDouble()).isCloseTo(expected, within(0.1));
        assertThat(nd.path("id").asLong()).isEqualTo(village);
    }

    @Test
    void farFromEveryStopOrWithoutATimetableTheAnswerSaysWhy() throws Exception {
        // 4 km east of Harsdorf: no stop of the feed within reach of the start.
        JsonNode far = get("/places/" + place + "/departures?lon=11.62&lat=50.03&date=2026-12-07").body;
        assertThat(far.path("status").asText()).isEqualTo("no_stop_near_start");
        db.execute("delete from transit_feeds where source = 'journeys-test-feed'");
        try {
            JsonNode none = departures("date=2026-12-07");
            assertThat(none.path("status").asText()).isEqualTo("no_timetable");
            assertThat(none.path("attributions").size()).isZero();
        } finally {
            db.execute(timetable);
        }
    }

    @Test
    void theJourneyPlannerLinkCarriesBothEndsAndTheTime() throws Exception {
        JsonNode planner = departures("date=2026-12-07&after=07:00").path("journey_planner");
        assertThat(planner.path("name").asText()).isEqualTo("bbnavi");
        // 2026-12-07 07:00 in Berlin (CET, UTC+1) is 06:00 UTC: 1796623200.
        assertThat(planner.path("url").asText()).isEqualTo("https://bbnavi.de/reiseplan/Start::50.016100,11.503100/"
                + "Dorfgemeinschaftshaus%20Harsdorf%20%28Test%29::50.028100,11.567900?time=1796623200");
    }

    // ---- the way ------------------------------------------------------------------------------------------

    @Test
    void theWalkingWayIsALineAsLongAsItsDistanceAndNoFasterThanTheFastestSearch() throws Exception {
        JsonNode way = get("/places/" + place + "/way?mode=walk&lon=" + START_LON + "&lat=" + START_LAT).body;
        assertThat(way.path("geometry").path("type").asText()).isEqualTo("LineString");
        JsonNode p = way.path("properties");
        double metres = p.path("distance_m").asDouble();
        // PostGIS measures the line on the spheroid: the stated distance is the line's length.
        double measured = jdbc.queryForObject("select ST_Length(ST_GeomFromGeoJSON(?)::geography)", Double.class,
                way.path("geometry").toString());
        assertThat(metres).isCloseTo(measured, within(measured * 0.005));
        assertThat(metres).isGreaterThan(4600);   // at least the straight line between the villages
        Network network = networks.current().get(0);
        Arrivals fastest = network.nearest(TravelMode.WALK, Objective.FASTEST, List.of(new Point(11.5679, 50.0281)),
                List.of(new Point(START_LON, START_LAT)));
        assertThat(p.path("seconds").asDouble()).isGreaterThanOrEqualTo(Math.floor(fastest.seconds()[0]) - 1);
        assertThat(p.path("minutes").asInt()).isEqualTo((int) Math.ceil(p.path("seconds").asDouble() / 60.0));
        assertThat(metres / p.path("seconds").asDouble() * 3.6).isBetween(3.5, 5.01);
        assertThat(p.path("attribution").asText()).contains("OpenStreetMap");
        JsonNode coordinates = way.path("geometry").path("coordinates");
        assertThat(coordinates.get(0).get(0).asDouble()).isEqualTo(START_LON);
        assertThat(coordinates.get(coordinates.size() - 1).get(1).asDouble()).isEqualTo(50.0281);

        JsonNode bike = get("/places/" + place + "/way?mode=bike&village=" + village).body;
        assertThat(bike.path("properties").path("village_name").asText()).isEqualTo("Neudrossenfeld (Test)");
        assertThat(bike.path("properties").path("seconds").asDouble()).isLessThan(p.path("seconds").asDouble() / 1.8);
    }

    @Test
    void badRequestsAreProblemsNamingTheParameter() throws Exception {
        String base = "/places/" + place;
        assertProblem(base + "/way?mode=walk&lon=13.5&lat=52.5", 400, "lon");                  // outside the extract
        assertProblem(base + "/way?mode=car&lon=" + START_LON + "&lat=" + START_LAT, 400, "mode");
        assertProblem(base + "/way?mode=walk", 400, "lon");
        assertProblem(base + "/way?mode=walk&lon=11.5", 400, "lat");
        assertProblem(base + "/way?mode=walk&lon=11.5&lat=50&village=" + village, 400, "village");
        assertProblem(base + "/way?mode=walk&village=999999999", 400, "village");
        assertProblem(base + "/way?mode=walk&lon=NaN&lat=50", 400, "lon");
        assertProblem(base + "/departures?lon=11.5&lat=50&date=2026-02-30", 400, "date");
        assertProblem(base + "/departures?lon=11.5&lat=50&after=25:00", 400, "after");
        assertProblem(base + "/departures?lon=11.5&lat=50&limit=0", 400, "limit");
        assertProblem(base + "/villages?limit=x", 400, "limit");
        assertThat(get("/places/999999999/departures?lon=11.5&lat=50").status).isEqualTo(404);
        assertThat(get("/places/999999999/way?lon=11.5&lat=50").status).isEqualTo(404);
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    private JsonNode departures(String query) throws Exception {
        return departures(query, "lon=" + START_LON + "&lat=" + START_LAT);
    }

    private JsonNode departures(String query, String start) throws Exception {
        Answer a = get("/places/" + place + "/departures?" + start + "&" + query);
        assertThat(a.status).as(a.body.toString()).isEqualTo(200);
        return a.body;
    }

    private static List<String> times(JsonNode answer) {
        List<String> out = new ArrayList<>();
        answer.path("departures").forEach(d -> out.add(d.path("departure").asText() + "-" + d.path("arrival").asText()));
        return out;
    }

    private void assertProblem(String path, int status, String parameter) throws Exception {
        Answer a = get(path);
        assertThat(a.status).as(path + " " + a.body).isEqualTo(status);
        assertThat(a.type).as(path).startsWith("application/problem+json");
        assertThat(a.body.path("invalid-params").findValuesAsText("name")).as(path + " " + a.body).contains(parameter);
    }

    record Answer(int status, String type, JsonNode body) {
    }

    private Answer get(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), json.readTree(r.body()));
    }
}
