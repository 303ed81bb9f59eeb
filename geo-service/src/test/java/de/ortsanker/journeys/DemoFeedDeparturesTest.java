package de.ortsanker.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.ortsanker.ServiceTest;
import de.ortsanker.imports.Imports;
import de.ortsanker.testing.TestSchema;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The departures on the feeds as the GTFS importer loads them: the bundled Herrenberg demo feed
 * (data/gtfs/herrenberg-demo; line 773 Herrenberg ZOB → Gültstein → Mönchberg → Kayh runs Monday to Friday
 * only, not on 25 December) and bbnavi's real GTFS-Flex feed (RufBus zones in Uckermark, 2023). Expected
 * times are read by hand from stop_times.txt, calendar.txt, calendar_dates.txt and booking_rules.txt.
 */
@ServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoFeedDeparturesTest {

    static final Path DATA = Path.of(System.getProperty("ortsanker.data", "../data"));
    /** Herrenberg ZOB, the stop (48.594408, 8.864715), and a place in Kayh 25 m from "Kayh Herrenberger Straße". */
    static final String FROM_ZOB = "lon=8.864715&lat=48.594408";

    @LocalServerPort
    int port;

    @Autowired
    TestSchema db;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private JdbcTemplate jdbc;
    private long kayh;
    private long rufbusPlace;
    private double[] rufbusPoint;

    @BeforeAll
    void load() {
        jdbc = new JdbcTemplate(db.dataSource());
        Imports.importFile(db.dataSource(), DATA.resolve("gtfs/herrenberg-demo")).orThrow();
        Imports.importFile(db.dataSource(), DATA.resolve("gtfs/bbnavi-gtfs-flex-2024-01-09")).orThrow();
        kayh = jdbc.queryForObject("""
                insert into places (kind, name, geom, source, source_id, licence, attribution)
                values ('village_hall', 'Bürgerhaus Kayh (Test)', ST_Point(8.9160, 48.5762, 4326), 'demo-feed-test', 'kayh',
                        'CC0-1.0', 'Ortsanker test') returning id""", Long.class);
        rufbusPoint = point();
        rufbusPlace = jdbc.queryForObject("""
                insert into places (kind, name, geom, source, source_id, licence, attribution)
                values ('village_hall', 'Gemeindehaus im RufBus-Gebiet (Test)', ST_Point(?, ?, 4326), 'demo-feed-test',
                        'rufbus', 'CC0-1.0', 'Ortsanker test') returning id""", Long.class, rufbusPoint[0], rufbusPoint[1]);
    }

    /** A point inside RufBus 476's zone (its area as the importer made it). */
    private double[] point() {
        String[] xy = jdbc.queryForObject("""
                select ST_X(p) || ',' || ST_Y(p) from (select ST_PointOnSurface(geom) as p from transit_on_demand_areas
                 where trip_id = 'flex-476-weekdays') a""", String.class).split(",");
        return new double[] {Double.parseDouble(xy[0]), Double.parseDouble(xy[1])};
    }

    @AfterAll
    void clean() {
        jdbc.update("delete from places where source = 'demo-feed-test'");
    }

    @Test
    void line773RunsOnWeekdaysOnly() throws Exception {
        JsonNode monday = departures(kayh, FROM_ZOB + "&date=2026-12-07&after=06:00");
        assertThat(monday.path("status").asText()).isEqualTo("departures");
        // 773-WK-out-0620, -1220, -1620: ZOB 06:20 → Kayh Herrenberger Straße 06:35 (and 12:…, 16:…).
        assertThat(times(monday)).containsExactly("06:20-06:35", "12:20-12:35", "16:20-16:35");
        JsonNode first = monday.path("departures").get(0);
        assertThat(first.path("route").asText()).isEqualTo("773");
        assertThat(first.path("headsign").asText()).isEqualTo("Kayh");
        assertThat(first.path("from_stop").path("name").asText()).isEqualTo("Herrenberg ZOB");
        assertThat(first.path("to_stop").path("name").asText()).isEqualTo("Kayh Herrenberger Straße");
        JsonNode feed = monday.path("attributions").get(0);
        assertThat(feed.path("source").asText()).isNotBlank();
        assertThat(feed.path("licence").asText()).isNotBlank();

        JsonNode sunday = departures(kayh, FROM_ZOB + "&date=2026-12-13");
        assertThat(sunday.path("status").asText()).isEqualTo("no_service_on_day");
        assertThat(sunday.path("day_kind").asText()).isEqualTo("sunday");
        assertThat(sunday.path("departures").size()).isZero();
        // Christmas Day, a Friday: calendar_dates.txt removes the weekday service (and adds Sunday's, which 773 has not).
        JsonNode christmas = departures(kayh, FROM_ZOB + "&date=2026-12-25");
        assertThat(christmas.path("status").asText()).isEqualTo("no_service_on_day");
        assertThat(christmas.path("day_kind").asText()).isEqualTo("weekday");
        assertThat(times(departures(kayh, FROM_ZOB + "&date=2026-12-28&after=12:00"))).containsExactly("12:20-12:35", "16:20-16:35");
    }

    @Test
    void theRufBusCoveringBothEndsIsOfferedWithItsBookingRules() throws Exception {
        String at = "lon=" + rufbusPoint[0] + "&lat=" + rufbusPoint[1];
        // Monday 5 June 2023: RufBus 476 on weekdays 17:30–22:00, booked 60 minutes ahead (booking_rules.txt).
        JsonNode weekday = departures(rufbusPlace, at + "&date=2023-06-05");
        JsonNode r476 = null;
        for (JsonNode o : weekday.path("on_demand")) {
            if (o.path("route").asText().equals("476") && o.path("runs_on_date").asBoolean()) {
                r476 = o;
            }
        }
        assertThat(r476).as(weekday.path("on_demand").toString()).isNotNull();
        assertThat(r476.path("window_start").asText()).isEqualTo("17:30");
        assertThat(r476.path("window_end").asText()).isEqualTo("22:00");
        assertThat(r476.path("prior_notice_min").asInt()).isEqualTo(60);
        assertThat(r476.path("booking_phone").asText()).isEqualTo("+49 3332 442 755");
        // Sunday 4 June 2023: the weekend trip, 08:00–22:00; the weekday one does not run.
        JsonNode sunday = departures(rufbusPlace, at + "&date=2023-06-04");
        List<String> running = new ArrayList<>();
        for (JsonNode o : sunday.path("on_demand")) {
            if (o.path("route").asText().equals("476")) {
                running.add(o.path("runs_on_date").asBoolean() + " " + o.path("window_start").asText() + "-"
                        + o.path("window_end").asText());
            }
        }
        assertThat(running).containsExactlyInAnyOrder("true 08:00-22:00", "false 17:30-22:00");
        assertThat(sunday.path("attributions").findValuesAsText("publisher")).contains("DigitalAgentur Brandenburg GmbH");
    }

    private JsonNode departures(long place, String query) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/places/" + place
                + "/departures?" + query)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    private static List<String> times(JsonNode answer) {
        List<String> out = new ArrayList<>();
        answer.path("departures").forEach(d -> out.add(d.path("departure").asText() + "-" + d.path("arrival").asText()));
        return out;
    }
}
