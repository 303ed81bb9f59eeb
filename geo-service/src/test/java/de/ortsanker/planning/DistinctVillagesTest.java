package de.ortsanker.planning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.ortsanker.ServiceTest;
import de.ortsanker.imports.Imports;
import de.ortsanker.testing.TestSchema;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * One village is one village in every planning answer, on real data where two sources hold the same things:
 * OpenStreetMap north of Bayreuth (with its own Heinersreuth boundary and villages) and around Herrenberg,
 * the BKG municipalities and districts, and GeoNames' towns. Counts are checked against PostGIS asked directly.
 */
@DistinctVillagesTest.Context
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DistinctVillagesTest {

    /** Its own service and schema: the real data must not meet the other tests' fixtures. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @ServiceTest
    @TestPropertySource(properties = "ortsanker.test.context=planning-real-data")
    @interface Context {
    }

    /** The planner's villages, as PostGIS places them: current villages and hamlets in current municipalities. */
    private static final String VILLAGES = """
            select %s from localities l
              join admin_areas a on a.level = 'gemeinde' and a.retired_at is null and ST_Intersects(a.geom, l.geom)
             where l.retired_at is null and l.kind in ('village', 'hamlet') and a.ags like ? || '%%'""";
    /** Villages with no public place to meet within 2 km. */
    private static final String UNSERVED = """
             and not exists (select 1 from places p join kinds k on k.code = p.kind
                              where k.group_code = 'third_places' and p.is_public and p.retired_at is null
                                and ST_DWithin(p.geog, l.geog, 2000))""";

    @LocalServerPort
    int port;

    @Autowired
    TestSchema db;

    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    void importBothSources() {
        for (String file : List.of("osm/north-bayreuth.osm.pbf", "osm/herrenberg-and-around-2020-04-21.osm.pbf",
                "vg5000/VG5000_GEM.shp", "vg5000/VG5000_KRS.shp", "geonames/de-places-geonames-pop1000.csv")) {
            Imports.importFile(db.dataSource(), RealExtractTest.data(file)).orThrow();
        }
    }

    private JsonNode get(String pathAndQuery) throws Exception {
        var r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    /** Rows of two columns, the second a number, of a query over the villages of the area. */
    private Map<String, Long> postgis(String select, String kreis, String more) throws Exception {
        var out = new LinkedHashMap<String, Long>();
        try (var c = db.connect(); var ps = c.prepareStatement(VILLAGES.formatted(select) + more)) {
            ps.setString(1, kreis);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return out;
    }

    private static List<String> ids(JsonNode list, String field) {
        var ids = new ArrayList<String>();
        list.forEach(n -> ids.add(n.path(field).asText()));
        return ids;
    }

    /** Landkreis Bayreuth and Landkreis Böblingen: the two extracts lie in them. */
    @ParameterizedTest
    @ValueSource(strings = {"09472", "08115"})
    void noVillageIsCountedTwiceInAnyAnswer(String kreis) throws Exception {
        Map<String, Long> expected = postgis("a.ags, count(distinct l.id)", kreis, " group by a.ags");
        assertThat(expected).as("municipalities of the Kreis with villages in the extract").hasSizeGreaterThan(3);
        long total = expected.values().stream().mapToLong(Long::longValue).sum();

        JsonNode reach = get("/planning/reach?ags=" + kreis);
        assertThat(ids(reach.path("villages"), "id")).doesNotHaveDuplicates().hasSize((int) total);
        JsonNode underserved = get("/planning/underserved?ags=" + kreis);
        assertThat(ids(underserved.path("villages"), "id")).doesNotHaveDuplicates();
        assertThat(underserved.path("totals").path("villages").asLong()).isEqualTo(total);
        for (JsonNode answer : List.of(reach, underserved)) {
            assertThat(ids(answer.path("municipalities"), "ags")).doesNotHaveDuplicates();
            assertThat(ids(answer.path("districts"), "ags")).doesNotHaveDuplicates();
            Map<String, Long> counted = new HashMap<>();
            answer.path("municipalities").forEach(m -> counted.put(m.path("ags").asText(), m.path("villages").asLong()));
            assertThat(counted).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"09472", "08115"})
    void aCandidateGainsTheVillagesABruteForceRecountFinds(String kreis) throws Exception {
        // A point at the unserved village with the most unserved villages within 2 km: it gains those, each once.
        String point = postgis("ST_X(l.geom) || ', ' || ST_Y(l.geom), (select count(*) from localities o"
                + " where o.retired_at is null and o.kind in ('village', 'hamlet') and ST_DWithin(o.geog, l.geog, 2000)"
                + UNSERVED.replace("l.geog", "o.geog") + ")",
                kreis, UNSERVED + " order by 2 desc, 1 limit 1").keySet().iterator().next();
        Set<Long> bruteForce = new HashSet<>();
        postgis("l.id::text, 0", kreis, UNSERVED + " and ST_DWithin(l.geog, ST_Point(" + point + ", 4326)::geography, 2000)").keySet().forEach(id -> bruteForce.add(Long.parseLong(id)));
        assertThat(bruteForce).isNotEmpty();

        JsonNode r = get("/planning/candidates?ags=" + kreis + "&vacant=false&n=1&rule=third_places:2000"
                + "&candidate=" + point.replace(" ", "") + ",Mitte");
        JsonNode chosen = r.path("sites").get(0);
        assertThat(chosen.path("chosen_rank").asInt()).isEqualTo(1);
        var actual = new HashSet<Long>();
        chosen.path("village_ids_gained").forEach(n -> actual.add(n.asLong()));
        assertThat(chosen.path("village_ids_gained")).hasSize(actual.size());
        assertThat(actual).isEqualTo(bruteForce);
        assertThat(chosen.path("villages_gained").asInt()).isEqualTo(bruteForce.size());
        JsonNode totals = r.path("totals");
        assertThat(totals.path("coverage_after").path("served_villages").asInt()
                - totals.path("coverage_before").path("served_villages").asInt()).isEqualTo(bruteForce.size());
    }
}
