package de.ortsanker.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.ortsanker.ServiceTest;
import de.ortsanker.imports.ImportOptions;
import de.ortsanker.imports.Imports;
import de.ortsanker.routing.Arrivals;
import de.ortsanker.routing.Network;
import de.ortsanker.routing.Networks;
import de.ortsanker.routing.Objective;
import de.ortsanker.routing.Point;
import de.ortsanker.routing.TravelMode;
import de.ortsanker.testing.TestSchema;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Planning in minutes on the real extract north of Bayreuth (places and villages imported by the OSM
 * importer, the walking and cycling network built from the same file). The service's one search per target
 * must give each village the travel time and place that the best of one search per place gives — the
 * places read by a query of their own, not the service's.
 */
@ServiceTest
@TestPropertySource(properties = {"ortsanker.routing.extracts=../data/osm/north-bayreuth.osm.pbf",
        "ortsanker.routing.cache-dir=target/test-graphs"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TravelTimesTest {

    @LocalServerPort
    int port;

    @Autowired
    TestSchema db;

    @Autowired
    Networks networks;

    private final ObjectMapper json = new ObjectMapper();
    private JdbcTemplate jdbc;
    private Network network;

    @BeforeAll
    void importAndBuild() throws Exception {
        Imports.importFile(db.dataSource(), RealExtractTest.data("osm/north-bayreuth.osm.pbf"),
                ImportOptions.builder().source("north-bayreuth-" + db.name()).stagingBuffer(1024).build()).orThrow();
        jdbc = new JdbcTemplate(db.dataSource());
        networks.refresh().get();   // the build started at start-up; this waits for it
        assertThat(networks.current()).hasSize(1);
        network = networks.current().get(0);
    }

    /** Per village id, the fewest seconds to any place of the layer: one search per place, the minimum taken. */
    private Map<Long, double[]> bruteForce(String layer, TravelMode mode, JsonNode villages) {
        List<double[]> places = jdbc.query("""
                select p.id, ST_X(pt), ST_Y(pt)
                  from (select p.id, case when GeometryType(p.geom) = 'POINT' then p.geom
                                          else ST_PointOnSurface(p.geom) end as pt
                          from places p join kinds k on k.code = p.kind
                         where k.group_code = ? and p.retired_at is null and p.is_public) p""",
                (rs, i) -> new double[] {rs.getLong(1), rs.getDouble(2), rs.getDouble(3)}, layer);
        assertThat(places).as(layer).hasSizeGreaterThanOrEqualTo(3);
        List<Long> ids = new ArrayList<>();
        List<Point> points = new ArrayList<>();
        villages.forEach(v -> {
            ids.add(v.path("id").asLong());
            points.add(new Point(v.path("lon").asDouble(), v.path("lat").asDouble()));
        });
        Map<Long, double[]> best = new HashMap<>();   // id → {seconds, place id}
        for (double[] p : places) {
            Arrivals a = network.nearest(mode, Objective.FASTEST, List.of(new Point(p[1], p[2])), points);
            for (int v = 0; v < ids.size(); v++) {
                if (a.reached(v) && (!best.containsKey(ids.get(v)) || a.seconds()[v] < best.get(ids.get(v))[0])) {
                    best.put(ids.get(v), new double[] {a.seconds()[v], p[0]});
                }
            }
        }
        return best;
    }

    @Test
    void reachGivesEachVillageTheMinutesOfItsFastestWayToTheNearestPlace() throws Exception {
        for (TravelMode mode : List.of(TravelMode.WALK, TravelMode.BIKE)) {   // the planning modes
          for (String layer : List.of("third_places", "mobility")) {
            JsonNode answer = getJson("/planning/reach?mode=" + mode.code() + "&target=" + layer);
            assertThat(answer.path("inputs").path("mode").asText()).isEqualTo(mode.code());
            assertThat(answer.path("inputs").path("distance").asText()).contains("network");
            JsonNode villages = answer.path("villages");
            assertThat(villages.size()).isGreaterThan(50);
            Map<Long, double[]> expected = bruteForce(layer, mode, villages);
            int reached = 0;
            for (JsonNode v : villages) {
                JsonNode r = v.path("reach").path(layer);
                double[] e = expected.get(v.path("id").asLong());
                if (e == null) {
                    assertThat(r.path("nearest_min").isNull()).as(v.path("name").asText()).isTrue();
                    continue;
                }
                reached++;
                assertThat(r.path("nearest_min").asDouble()).as(mode + " " + v.path("name").asText())
                        .isCloseTo(e[0] / 60, within(0.051));
                assertThat(r.path("nearest_m").asLong()).isPositive();
                assertThat(r.path("within").size()).isZero();
                if (r.path("nearest").path("id").asLong() != (long) e[1]) {
                    // Another place at the same time (two places at one spot): the times must tie.
                    assertThat(r.path("nearest_min").asDouble()).isCloseTo(e[0] / 60, within(0.01));
                }
            }
            assertThat(reached).as(mode + ": villages with a place of " + layer + " reachable").isGreaterThan(40);
          }
        }
    }

    @Test
    void theUnderservedInMinutesAreTheVillagesWhoseFastestWayTakesLonger() throws Exception {
        String walk = "third_places:walk:20min", bike = "bus_stop|train_station:bike:5min";
        JsonNode all = getJson("/planning/reach?mode=walk&target=third_places").path("villages");
        Map<Long, double[]> byFoot = bruteForce("third_places", TravelMode.WALK, all);
        JsonNode answer = getJson("/planning/underserved?rule=" + enc(walk) + "&rule=" + enc(bike) + "&rule="
                + enc("third_places:2000"));
        assertThat(answer.path("inputs").path("rules").get(0).path("minutes").asInt()).isEqualTo(20);
        assertThat(answer.path("inputs").path("rules").get(0).path("mode").asText()).isEqualTo("walk");
        assertThat(answer.path("inputs").path("rules").get(2).path("radius_m").asInt()).isEqualTo(2000);
        Set<Long> missingWalk = new HashSet<>();
        for (JsonNode v : answer.path("villages")) {
            for (JsonNode m : v.path("missing")) {
                if (m.path("rule").asText().equals(walk)) {
                    missingWalk.add(v.path("id").asLong());
                    if (!m.path("nearest").isNull()) {
                        assertThat(m.path("nearest_min").asDouble()).isGreaterThan(20.0);
                    }
                }
                if (m.path("rule").asText().equals("third_places:2000")) {
                    assertThat(m.path("nearest_min").isNull()).isTrue();   // a straight line has no minutes
                }
            }
        }
        Set<Long> expected = new HashSet<>();
        for (JsonNode v : all) {
            double[] e = byFoot.get(v.path("id").asLong());
            if (e == null || e[0] > 20 * 60) {
                expected.add(v.path("id").asLong());
            }
        }
        assertThat(missingWalk).isEqualTo(expected).isNotEmpty();
        assertThat(expected.size()).isLessThan(all.size());
    }

    @Test
    void aRadiusAlongTheNetworkIsRefusedAndTransitNamesTheMissingTimetable() throws Exception {
        var r = get("/planning/reach?mode=walk&radius=1000");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("straight line only");
        r = get("/planning/underserved?rule=" + enc("third_places:transit:30min"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("content-type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("application/problem+json"));
        assertThat(json.readTree(r.body()).path("detail").asText()).contains("GTFS");
    }

    @Test
    void villagesOutsideTheExtractAreA400NamingIt() throws Exception {
        // A box around Herrenberg: no network covers it (this service has the Bayreuth extract only).
        var r = get("/planning/underserved?bbox=8.8,48.5,9.0,48.7&rule=" + enc("third_places:walk:20min"));
        assertThat(r.statusCode()).as(r.body()).isIn(400, 404);
        assertThat(Arrays.asList(200, 500)).doesNotContain(r.statusCode());
    }

    @Test
    void anIsochroneIsAPolygonAroundTheNetworkReachedInTime() throws Exception {
        // From a village of the extract: its nearest third place on foot lies inside the walk isochrone of the
        // village's minutes to it (plus one).
        JsonNode villages = getJson("/planning/reach?mode=walk&target=third_places").path("villages");
        JsonNode village = null;
        for (JsonNode v : villages) {
            JsonNode min = v.path("reach").path("third_places").path("nearest_min");
            if (!min.isNull() && !min.isMissingNode() && min.asDouble() < 60) {
                village = v;
                break;
            }
        }
        assertThat(village).isNotNull();
        int minutes = (int) Math.ceil(village.path("reach").path("third_places").path("nearest_min").asDouble()) + 1;
        String at = "lon=" + village.path("lon").asText() + "&lat=" + village.path("lat").asText();
        var r = get("/planning/isochrone?" + at + "&mode=walk&minutes=" + minutes);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type"))
                .hasValueSatisfying(ct -> assertThat(ct).startsWith("application/geo+json"));
        JsonNode feature = json.readTree(r.body());
        assertThat(feature.path("geometry").path("type").asText()).isEqualTo("Polygon");
        assertThat(feature.path("properties").path("network_nodes_reached").asInt()).isGreaterThan(10);
        long place = village.path("reach").path("third_places").path("nearest").path("id").asLong();
        // 300 m around the hull: the place itself may lie off the way it is reached by.
        Boolean inside = jdbc.queryForObject(
                "select ST_Covers(ST_Buffer(ST_GeomFromGeoJSON(?)::geography, 300)::geometry,"
                        + " (select case when GeometryType(geom) = 'POINT' then geom else ST_PointOnSurface(geom) end"
                        + " from places where id = ?))", Boolean.class, feature.path("geometry").toString(), place);
        assertThat(inside).isTrue();

        assertThat(get("/planning/isochrone?" + at + "&mode=transit&minutes=10").body()).contains("GTFS");
        assertThat(get("/planning/isochrone?" + at + "&mode=walk&minutes=0").statusCode()).isEqualTo(400);
        assertThat(get("/planning/isochrone?lon=8.87&lat=48.59&mode=walk&minutes=10").body()).contains("outside");
    }

    private JsonNode getJson(String path) throws Exception {
        var r = get(path);
        assertThat(r.statusCode()).as(path + " → " + r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
