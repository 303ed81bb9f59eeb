package de.ortsanker.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.ortsanker.ServiceTest;
import de.ortsanker.imports.ImportOptions;
import de.ortsanker.imports.Imports;
import de.ortsanker.routing.Network;
import de.ortsanker.routing.Networks;
import de.ortsanker.routing.Point;
import de.ortsanker.routing.TravelMode;
import de.ortsanker.testing.TestSchema;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * What a Mitfahrbank connects (/planning/mitfahrbank), on the real extract north of Bayreuth with four
 * benches set at real bus stops. Each bench's villages are checked pair by pair against GraphHopper's own
 * point-to-point car routes (its search and snapping, not the service's one-to-many search), and each
 * village's nearest bench on foot against /planning/reach.
 */
@ServiceTest
@TestPropertySource(properties = {"ortsanker.routing.extracts=../data/osm/north-bayreuth.osm.pbf",
        "ortsanker.routing.cache-dir=target/test-graphs", "ortsanker.test.context=rides"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RidesTest {

    @LocalServerPort
    int port;

    @Autowired
    TestSchema db;

    @Autowired
    Networks networks;

    private final ObjectMapper json = new ObjectMapper();
    private Network network;

    @BeforeAll
    void importAndBuild() throws Exception {
        Imports.importFile(db.dataSource(), RealExtractTest.data("osm/north-bayreuth.osm.pbf"),
                ImportOptions.builder().source("north-bayreuth-" + db.name()).stagingBuffer(1024).build()).orThrow();
        new JdbcTemplate(db.dataSource()).update("""
                insert into places (kind, name, geom, source, source_id, licence, attribution)
                select 'mitfahrbank', 'Mitfahrbank ' || name, geom, 'rides-test', id::text, 'CC0-1.0', 'test'
                  from places where kind = 'bus_stop' and name is not null and GeometryType(geom) = 'POINT'
                 order by id limit 4""");
        networks.refresh().get();
        network = networks.current().get(0);
    }

    @Test
    void eachBenchReachesTheVillagesGraphHoppersOwnRoutesReachInTime() throws Exception {
        int minutes = 8;
        JsonNode answer = getJson("/planning/mitfahrbank?minutes=" + minutes + "&target=third_places");
        assertThat(answer.path("analysis").asText()).isEqualTo("mitfahrbank");
        assertThat(answer.path("inputs").path("ride").asText()).contains("car");
        JsonNode benches = answer.path("benches");
        assertThat(benches).hasSize(4);
        Map<Long, Point> villages = new HashMap<>();
        answer.path("villages").forEach(v -> villages.put(v.path("id").asLong(),
                new Point(v.path("lon").asDouble(), v.path("lat").asDouble())));
        // Villages' lon/lat are not in the village list's JSON: take them from the reach answer.
        getJson("/planning/reach?target=third_places").path("villages").forEach(v -> villages.put(v.path("id").asLong(),
                new Point(v.path("lon").asDouble(), v.path("lat").asDouble())));
        double limit = minutes * 60;
        // GraphHopper's route ignores the leg between a point and its road, which ours counts at 20 km/h: up
        // to 500 m (the snapping distance) at each end, 90 s each.
        double legs = 2 * 90;
        int reachedAll = 0, clearlyWithin = 0, close = 0, compared = 0;
        for (JsonNode b : benches) {
            Point bench = new Point(b.path("lon").asDouble(), b.path("lat").asDouble());
            Map<Long, Double> reached = new HashMap<>();
            b.path("villages").forEach(v -> reached.put(v.path("id").asLong(), v.path("minutes").asDouble() * 60));
            assertThat(b.path("villages_reached").asInt()).isEqualTo(reached.size());
            reachedAll += reached.size();
            for (var v : villages.entrySet()) {
                double route = network.routeSeconds(TravelMode.CAR, bench, v.getValue());
                Double ours = reached.get(v.getKey());
                if (!Double.isNaN(route) && route <= limit * 0.98 - legs) {
                    assertThat(ours).as("village %d: GraphHopper drives there from %s in %.0f s", v.getKey(),
                            b.path("name").asText(), route).isNotNull();
                    clearlyWithin++;
                }
                if (ours != null) {
                    assertThat(ours).isLessThanOrEqualTo(limit + 3);
                    assertThat(route).as("village %d", v.getKey()).isLessThanOrEqualTo(limit * 1.02 + 1);
                    assertThat(ours).isCloseTo(route, within(route * 0.02 + legs + 3));
                    compared++;
                    close += Math.abs(ours - route) <= route * 0.02 + 30 ? 1 : 0;
                }
            }
        }
        assertThat(clearlyWithin).as("village–bench pairs clearly within the ride").isGreaterThan(3);
        assertThat(reachedAll).isLessThan(benches.size() * villages.size());
        assertThat(close).as("of %d rides, within 2 %% + 30 s of GraphHopper's route", compared)
                .isGreaterThanOrEqualTo((int) (compared * 0.8));
    }

    @Test
    void eachVillagesNearestBenchOnFootIsThatOfTheReachAnswer() throws Exception {
        JsonNode rides = getJson("/planning/mitfahrbank");
        assertThat(rides.path("inputs").path("minutes").asInt()).isEqualTo(15);
        JsonNode reach = getJson("/planning/reach?mode=walk&target=mitfahrbank");
        Map<Long, JsonNode> byId = new HashMap<>();
        reach.path("villages").forEach(v -> byId.put(v.path("id").asLong(), v.path("reach").path("mitfahrbank")));
        int withBench = 0;
        for (JsonNode v : rides.path("villages")) {
            JsonNode r = byId.get(v.path("id").asLong());
            assertThat(r).isNotNull();
            if (r.path("nearest").isNull()) {
                assertThat(v.path("nearest_bench").isNull()).isTrue();
                continue;
            }
            withBench++;
            assertThat(v.path("nearest_bench").path("id").asLong()).isEqualTo(r.path("nearest").path("id").asLong());
            assertThat(v.path("walk_min").asDouble()).isEqualTo(r.path("nearest_min").asDouble());
        }
        assertThat(withBench).isGreaterThan(10);
    }

    @Test
    void theCsvHasARowPerBenchAndBadMinutesAreA400() throws Exception {
        var csv = get("/planning/mitfahrbank?f=csv&minutes=10");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body().lines().count()).isEqualTo(5);
        assertThat(csv.body().lines().findFirst().orElseThrow()).contains("Ortsteile erreichbar").contains("Datenquellen");
        for (String bad : new String[] {"0", "61", "ten", "99999999999"}) {
            var r = get("/planning/mitfahrbank?minutes=" + bad);
            assertThat(r.statusCode()).as(bad).isEqualTo(400);
            assertThat(r.body()).contains("minutes");
        }
        assertThat(get("/planning/mitfahrbank?mode=bike").statusCode()).isEqualTo(400);
    }

    private JsonNode getJson(String path) throws Exception {
        var r = get(path);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
