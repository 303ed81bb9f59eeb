package de.ortsanker.planning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.ortsanker.ServiceTest;
import de.ortsanker.accounts.TestAccounts;
import de.ortsanker.imports.ImportOptions;
import de.ortsanker.imports.Imports;
import de.ortsanker.routing.Networks;
import de.ortsanker.testing.TestSchema;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Isochrones published as the OGC collection planning_isochrones (real extract north of Bayreuth): one
 * feature per place of the kind, each the isochrone GET /planning/isochrone draws from that place; a new
 * publication replaces the area's isochrones as a whole, so the collection never mixes two runs; only the
 * county administrator publishes.
 */
@ServiceTest
@TestPropertySource(properties = {"ortsanker.routing.extracts=../data/osm/north-bayreuth.osm.pbf",
        "ortsanker.routing.cache-dir=target/test-graphs", "ortsanker.test.context=isochrones"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IsochronePublicationTest {

    @LocalServerPort
    int port;

    @Autowired
    TestSchema db;

    @Autowired
    Networks networks;

    @Autowired
    TestAccounts accounts;

    private final ObjectMapper json = new ObjectMapper();
    private JdbcTemplate jdbc;
    private String administrator;

    @BeforeAll
    void importAndBuild() throws Exception {
        Imports.importFile(db.dataSource(), RealExtractTest.data("osm/north-bayreuth.osm.pbf"),
                ImportOptions.builder().source("north-bayreuth-" + db.name()).stagingBuffer(1024).build()).orThrow();
        jdbc = new JdbcTemplate(db.dataSource());
        networks.refresh().get();
        administrator = accounts.administrator();
    }

    @Test
    void publishedIsochronesAreOneRunOfOneFeaturePerPlace() throws Exception {
        String ask = "/planning/isochrones?target=third_places&mode=walk&minutes=";
        assertThat(send("POST", ask + "10", null).statusCode()).isEqualTo(401);
        assertThat(items().path("features").size()).isZero();

        var published = send("POST", ask + "10", administrator);
        assertThat(published.statusCode()).as(published.body()).isEqualTo(201);
        assertThat(published.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("planning_isochrones"));
        JsonNode features = items().path("features");
        // One per public, current place of the layer (counted by a query of the test's own), less any off the network.
        long places = jdbc.queryForObject("""
                select count(*) from places p join kinds k on k.code = p.kind
                 where k.group_code = 'third_places' and p.retired_at is null and p.is_public""", Long.class);
        assertThat((long) features.size()).isLessThanOrEqualTo(places).isGreaterThanOrEqualTo(places * 9 / 10);
        Set<Long> runs = new HashSet<>();
        features.forEach(f -> runs.add(f.path("properties").path("run").asLong()));
        assertThat(runs).hasSize(1);

        // Each feature is the isochrone drawn from its place, and covers it.
        int checked = 0;
        for (JsonNode f : features) {
            long place = f.path("properties").path("place_id").asLong();
            double[] at = jdbc.queryForObject("""
                    select array[ST_X(pt), ST_Y(pt)] from (select case when GeometryType(geom) = 'POINT' then geom
                                                                       else ST_PointOnSurface(geom) end as pt
                                                             from places where id = ?) x""",
                    (rs, i) -> (double[]) toDoubles(rs.getArray(1).getArray()), place);
            JsonNode single = json.readTree(send("GET", "/planning/isochrone?lon=" + at[0] + "&lat=" + at[1]
                    + "&mode=walk&minutes=10", null).body());
            // The same outline, to the coordinates' rounding (a metre at most).
            Boolean same = jdbc.queryForObject("select ST_HausdorffDistance(ST_GeomFromGeoJSON(?), ST_GeomFromGeoJSON(?)) < 0.00001", Boolean.class,
                    f.path("geometry").toString(), single.path("geometry").toString());
            assertThat(same).as("place %d", place).isTrue();
            Boolean covers = jdbc.queryForObject("select ST_DWithin(ST_GeomFromGeoJSON(?)::geography,"
                    + " ST_Point(?, ?, 4326)::geography, 500)", Boolean.class, f.path("geometry").toString(), at[0], at[1]);
            assertThat(covers).as("place %d near its isochrone", place).isTrue();
            if (++checked == 8) {
                break;
            }
        }

        // Published again with other minutes: the collection shows the new run only, and it is smaller.
        double before = area(features);
        assertThat(send("POST", ask + "5", administrator).statusCode()).isEqualTo(201);
        JsonNode now = items().path("features");
        Set<Long> newRuns = new HashSet<>();
        now.forEach(f -> {
            newRuns.add(f.path("properties").path("run").asLong());
            assertThat(f.path("properties").path("minutes").asInt()).isEqualTo(5);
        });
        assertThat(newRuns).hasSize(1).doesNotContainAnyElementsOf(runs);
        assertThat(area(now)).isLessThan(before);
        assertThat(jdbc.queryForObject("select count(*) from planning_runs where analysis = 'isochrones'", Long.class)).isEqualTo(2);
    }

    @Test
    void badQuestionsAre400sAndChangeNothing() throws Exception {
        long runs = jdbc.queryForObject("select count(*) from planning_runs", Long.class);
        for (String bad : new String[] {"target=nothing&minutes=10", "target=third_places&minutes=0",
                "target=third_places&minutes=10&mode=transit", "target=third_places&minutes=10&window=sunday-14-18"}) {
            var r = send("POST", "/planning/isochrones?" + bad, administrator);
            assertThat(r.statusCode()).as(bad + ": " + r.body()).isEqualTo(400);
        }
        assertThat(jdbc.queryForObject("select count(*) from planning_runs", Long.class)).isEqualTo(runs);
    }

    private double area(JsonNode features) {
        double sum = 0;
        for (JsonNode f : features) {
            sum += jdbc.queryForObject("select ST_Area(ST_GeomFromGeoJSON(?)::geography)", Double.class, f.path("geometry").toString());
        }
        return sum;
    }

    private static double[] toDoubles(Object array) {
        Object[] a = (Object[]) array;
        return new double[] {((Number) a[0]).doubleValue(), ((Number) a[1]).doubleValue()};
    }

    private JsonNode items() throws Exception {
        var r = send("GET", "/collections/planning_isochrones/items?limit=1000", null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    private HttpResponse<String> send(String method, String path, String token) throws Exception {
        var b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "application/geo+json")
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
