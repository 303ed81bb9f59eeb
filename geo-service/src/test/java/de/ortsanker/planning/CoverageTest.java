package de.ortsanker.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.ortsanker.ServiceTest;
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
 * The share of people within each rule (/planning/coverage) on the real Herrenberg extract with the official
 * boundaries and population figures. Every figure is recomputed here without the service's code: the
 * villages and their municipalities by a query of the test's own, their travel times by one search per place
 * (the best taken), the straight-line distances by PostGIS alone, and the counts and shares by SQL over a
 * table of those times.
 */
@ServiceTest
@TestPropertySource(properties = {"ortsanker.routing.extracts=../data/osm/herrenberg-and-around-2020-04-21.osm.pbf",
        "ortsanker.routing.cache-dir=target/test-graphs", "ortsanker.test.context=coverage"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CoverageTest {

    private static final String WALK = "third_places:walk:20min", BIKE = "third_places:bike:5min",
            STRAIGHT = "third_places:2000";

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
        for (String f : List.of("vg5000/VG5000_GEM.shp", "vg5000/VG5000_KRS.shp", "population/AuszugGV4QAktuell_2024.xlsx",
                "osm/herrenberg-and-around-2020-04-21.osm.pbf")) {
            Imports.importFile(db.dataSource(), RealExtractTest.data(f)).orThrow();
        }
        jdbc = new JdbcTemplate(db.dataSource());
        networks.refresh().get();
        assertThat(networks.current()).hasSize(1);
        network = networks.current().get(0);
        // The test's own villages: current settlements, each record once, in the municipality of their own key or
        // else the official one they lie in; their people as the villages layer has them (V68).
        jdbc.execute("""
                create table test_villages as
                select l.id, l.geom,
                       coalesce(l.ags, (select a.ags from admin_areas a where a.level = 'gemeinde' and a.retired_at is null
                                          and ST_Intersects(a.geom, l.geom) order by a.id limit 1)) as ags,
                       coalesce(p.people, 0) as people
                  from localities l left join village_population p on p.locality_id = l.id
                 where l.retired_at is null and l.kind in ('village', 'hamlet')""");
    }

    @Test
    void theSharesAreThoseOfABruteForceOverTheVillagesTravelTimes() throws Exception {
        JsonNode answer = getJson("/planning/coverage?rule=" + enc(WALK) + "&rule=" + enc(BIKE) + "&rule=" + enc(STRAIGHT));
        assertThat(answer.path("analysis").asText()).isEqualTo("coverage");
        JsonNode villages = answer.path("villages");

        // Each village once, and the same villages the test's own query finds.
        List<Long> ids = new ArrayList<>();
        villages.forEach(v -> ids.add(v.path("id").asLong()));
        assertThat(new HashSet<>(ids)).hasSize(ids.size());
        assertThat(new HashSet<>(ids)).isEqualTo(new HashSet<>(jdbc.queryForList("select id from test_villages", Long.class)));
        assertThat(ids.size()).isGreaterThan(10);

        // Travel times by one search per place, the best taken; written to a table for SQL to sum.
        jdbc.execute("create table test_times (rule text, village bigint, seconds double precision)");
        bruteForce(WALK, "k.group_code = 'third_places'", TravelMode.WALK, villages);
        bruteForce(BIKE, "k.group_code = 'third_places'", TravelMode.BIKE, villages);
        // The straight line: PostGIS alone, on the spheroid, to every public current place of the layer.
        jdbc.update("""
                insert into test_times
                select ?, v.id, (select min(ST_Distance(v.geom::geography, p.geom::geography))
                                   from places p join kinds k on k.code = p.kind
                                  where k.group_code = 'third_places' and p.retired_at is null and p.is_public)
                  from test_villages v""", STRAIGHT);

        Map<String, Double> threshold = Map.of(WALK, 1200.0, BIKE, 300.0, STRAIGHT, 2000.0);
        int checkedAreas = 0;
        for (String level : List.of("municipalities", "districts")) {
            String key = level.equals("municipalities") ? "v.ags" : "left(v.ags, 5)";
            for (JsonNode area : answer.path(level)) {
                String ags = area.path("ags").asText();
                for (String rule : List.of(WALK, BIKE, STRAIGHT)) {
                    Map<String, Object> expected = jdbc.queryForMap("""
                            select count(*) as villages, sum(v.people) as people,
                                   count(*) filter (where t.seconds <= ?) as villages_within,
                                   coalesce(sum(v.people) filter (where t.seconds <= ?), 0) as people_within
                              from test_villages v left join test_times t on t.village = v.id and t.rule = ?
                             where %s = ?""".formatted(key), threshold.get(rule), threshold.get(rule), rule, ags);
                    JsonNode within = area.path("within").path(rule);
                    String what = level + " " + ags + " " + rule;
                    assertThat(area.path("villages").asLong()).as(what).isEqualTo(((Number) expected.get("villages")).longValue());
                    assertThat(area.path("population").asLong()).as(what).isEqualTo(((Number) expected.get("people")).longValue());
                    assertThat(within.path("villages").asLong()).as(what)
                            .isEqualTo(((Number) expected.get("villages_within")).longValue());
                    long people = ((Number) expected.get("people")).longValue();
                    long peopleWithin = ((Number) expected.get("people_within")).longValue();
                    assertThat(within.path("population").asLong()).as(what).isEqualTo(peopleWithin);
                    if (people > 0) {
                        assertThat(within.path("share").asDouble()).as(what).isCloseTo((double) peopleWithin / people,
                                within(0.00006));
                    } else {
                        assertThat(within.path("share").isNull()).as(what).isTrue();
                    }
                }
                checkedAreas++;
            }
        }
        assertThat(answer.path("districts").size()).isGreaterThanOrEqualTo(1);
        assertThat(checkedAreas).isGreaterThan(3);
        // Neither all nor none: the figures distinguish something.
        long walkWithin = answer.path("total").path("within").path(WALK).path("villages").asLong();
        assertThat(walkWithin).isPositive().isLessThan(ids.size());
        assertThat(answer.path("total").path("population").asLong())
                .isEqualTo(jdbc.queryForObject("select sum(people) from test_villages", Long.class)).isPositive();
        // A village's own minutes are those of the brute force.
        for (JsonNode v : villages) {
            List<Double> s = jdbc.queryForList("select seconds from test_times where rule = ? and village = ?",
                    Double.class, WALK, v.path("id").asLong());
            JsonNode r = v.path("rules").path(WALK);
            if (s.isEmpty() || s.get(0) == null) {
                assertThat(r.path("nearest_min").isNull()).isTrue();
            } else {
                assertThat(r.path("nearest_min").asDouble()).isCloseTo(s.get(0) / 60, within(0.051));
                assertThat(r.path("within").asBoolean()).isEqualTo(s.get(0) <= 1200);
            }
        }
    }

    @Test
    void theTableIsPerMunicipalityByDefaultAndCitesItsSources() throws Exception {
        var r = get("/planning/coverage?f=csv&rule=" + enc(STRAIGHT));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        String header = r.body().lines().findFirst().orElseThrow();
        assertThat(header).contains("Gemeinde").contains("Anteil mit " + STRAIGHT).contains("Datenquellen");
        JsonNode answer = getJson("/planning/coverage?rule=" + enc(STRAIGHT));
        assertThat(r.body().lines().count() - 1).isEqualTo(answer.path("municipalities").size());
        var perVillage = get("/planning/coverage?f=csv&per=village&rule=" + enc(STRAIGHT));
        assertThat(perVillage.body().lines().count() - 1).isEqualTo(answer.path("villages").size());
        var geo = get("/planning/coverage?f=geojson&rule=" + enc(WALK));
        assertThat(json.readTree(geo.body()).path("features").size()).isEqualTo(answer.path("villages").size());
    }

    @Test
    void aBadRuleIsA400NamingIt() throws Exception {
        var r = get("/planning/coverage?rule=" + enc("third_places:walk:999min"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("rule").contains("180");
    }

    private void bruteForce(String rule, String placeCondition, TravelMode mode, JsonNode villages) {
        List<double[]> places = jdbc.query("""
                select p.id, ST_X(pt), ST_Y(pt)
                  from (select p.id, case when GeometryType(p.geom) = 'POINT' then p.geom
                                          else ST_PointOnSurface(p.geom) end as pt
                          from places p join kinds k on k.code = p.kind
                         where %s and p.retired_at is null and p.is_public) p""".formatted(placeCondition),
                (rs, i) -> new double[] {rs.getLong(1), rs.getDouble(2), rs.getDouble(3)});
        assertThat(places).as(rule).hasSizeGreaterThanOrEqualTo(3);
        List<Long> ids = new ArrayList<>();
        List<Point> points = new ArrayList<>();
        villages.forEach(v -> {
            ids.add(v.path("id").asLong());
            points.add(new Point(v.path("lon").asDouble(), v.path("lat").asDouble()));
        });
        Map<Long, Double> best = new HashMap<>();
        for (double[] p : places) {
            Arrivals a = network.nearest(mode, Objective.FASTEST, List.of(new Point(p[1], p[2])), points);
            for (int v = 0; v < ids.size(); v++) {
                if (a.reached(v)) {
                    best.merge(ids.get(v), a.seconds()[v], Math::min);
                }
            }
        }
        Set<Long> seen = new HashSet<>();
        for (Long id : ids) {
            if (seen.add(id)) {
                jdbc.update("insert into test_times values (?, ?, ?)", rule, id, best.get(id));
            }
        }
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

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
