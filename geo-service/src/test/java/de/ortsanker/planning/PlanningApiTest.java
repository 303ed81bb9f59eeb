package de.ortsanker.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.ortsanker.ServiceTest;
import de.ortsanker.accounts.TestAccounts;
import de.ortsanker.cql2.Cql2;
import de.ortsanker.cql2.SqlTranslator;
import de.ortsanker.features.CollectionDefinition;
import de.ortsanker.features.FeatureCollections;
import de.ortsanker.testing.TestSchema;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Known answers on a hand-built county (src/test/resources/planning/fixture.sql) where the right answer is
 * obvious: which village lacks what, who lives there, and which vacant building helps most.
 */
@ServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanningApiTest {

    @LocalServerPort
    int port;

    @Autowired
    TestSchema db;

    @Autowired
    FeatureCollections collections;

    @Autowired
    TestAccounts accounts;

    private final ObjectMapper json = new ObjectMapper();

    /** Publishing is the county administrator's: the POSTs carry an administrator's API token. */
    private String administrator;

    @BeforeAll
    void loadFixture() throws Exception {
        administrator = accounts.administrator();
        db.execute(Files.readString(Path.of(getClass().getResource("/planning/fixture.sql").toURI())));
    }

    @AfterAll
    void removeFixture() {
        db.execute("delete from planning_runs", "delete from places where source = 'planning-fixture'",
                "delete from localities where source = 'planning-fixture'",
                "delete from admin_areas where source = 'planning-fixture'",
                "delete from population_cells where source = 'Zensus 2022' and cell_id like 'fixture-%'",
                "delete from official_population where source = 'Zensus 2022' and ags like '09999%'",
                "delete from import_runs where source = 'planning-fixture'");
    }

    private HttpResponse<String> get(String pathAndQuery, String... headers) throws Exception {
        var b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> post(String pathAndQuery) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
                .header("Authorization", "Bearer " + administrator)
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private JsonNode getJson(String pathAndQuery) throws Exception {
        var r = get(pathAndQuery);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** What PostGIS says directly: the distance from a village to a place, both by name. */
    private double postgisDistance(String village, String place) throws Exception {
        try (var c = db.connect(); var ps = c.prepareStatement("""
                select ST_Distance(l.geog, p.geog) from localities l, places p where l.name = ? and p.name = ?""")) {
            ps.setString(1, village);
            ps.setString(2, place);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getDouble(1);
            }
        }
    }

    private static JsonNode byName(JsonNode items, String name) {
        for (JsonNode n : items) {
            if (n.path("name").asText().equals(name) || n.path("properties").path("name").asText().equals(name)) {
                return n;
            }
        }
        throw new AssertionError(name + " not in " + items);
    }

    @Test
    void reachGivesDistancesAndCountsPerVillage() throws Exception {
        JsonNode r = getJson("/planning/reach?ags=09999&target=third_places&target=" + enc("mitfahrbank|bus_stop")
                + "&radius=1000&radius=5000");
        assertThat(r.path("villages")).hasSize(6);
        JsonNode mitteldorf = byName(r.path("villages"), "Mitteldorf").path("reach");
        assertThat(mitteldorf.path("third_places").path("nearest_m").asDouble())
                .isCloseTo(postgisDistance("Mitteldorf", "Dorfgemeinschaftshaus Mitteldorf"), within(0.5))
                .isCloseTo(556, within(2.0));
        assertThat(mitteldorf.path("third_places").path("nearest").path("name").asText()).isEqualTo("Dorfgemeinschaftshaus Mitteldorf");
        assertThat(mitteldorf.path("third_places").path("within").path("1000").asInt()).isEqualTo(1);
        assertThat(mitteldorf.path("mitfahrbank|bus_stop").path("within").path("1000").asInt()).isEqualTo(1);
        // Both bus stops lie within 5 km of Mitteldorf; the Mitfahrbank in Ostheim does not (14 km).
        assertThat(mitteldorf.path("mitfahrbank|bus_stop").path("within").path("5000").asInt()).isEqualTo(2);

        JsonNode ostheim = byName(r.path("villages"), "Ostheim").path("reach");
        // The pub next door is retired: the nearest third place is the hall in Mitteldorf, 14 km west.
        assertThat(ostheim.path("third_places").path("nearest").path("name").asText()).isEqualTo("Dorfgemeinschaftshaus Mitteldorf");
        assertThat(ostheim.path("third_places").path("nearest_m").asDouble())
                .isCloseTo(postgisDistance("Ostheim", "Dorfgemeinschaftshaus Mitteldorf"), within(0.5));
        assertThat(ostheim.path("third_places").path("within").path("5000").asInt()).isZero();

        JsonNode suedweiler = byName(r.path("villages"), "Südweiler");
        // The private library and the expired mobile café next to it do not count.
        assertThat(suedweiler.path("reach").path("third_places").path("nearest_m").asDouble()).isGreaterThan(3000);

        JsonNode adorf = r.path("municipalities").get(0);
        assertThat(adorf.path("ags").asText()).isEqualTo("09999001");
        assertThat(adorf.path("villages").asInt()).isEqualTo(3);
        assertThat(adorf.path("population").asInt()).isEqualTo(500 + 300 + 75);
        assertThat(r.path("districts")).hasSize(1);
        assertThat(r.path("districts").get(0).path("name").asText()).isEqualTo("Landkreis Testkreis");
    }

    @Test
    void underservedVillagesAreRankedByPeopleAffected() throws Exception {
        JsonNode r = getJson("/planning/underserved?ags=09999");
        List<String> ranked = new ArrayList<>();
        r.path("villages").forEach(v -> ranked.add(v.path("name").asText()));
        // Mitteldorf has its hall and a stop; everyone else misses something.
        assertThat(ranked).containsExactly("Ostheim", "Neudorf", "Nordhof", "Südweiler", "Einzelhof");

        JsonNode ostheim = r.path("villages").get(0);
        assertThat(ostheim.path("rank").asInt()).isEqualTo(1);
        assertThat(ostheim.path("population").asInt()).isEqualTo(1000);
        assertThat(ostheim.path("population_method").asText()).isEqualTo("own");
        assertThat(ostheim.path("missing")).hasSize(1);
        assertThat(ostheim.path("missing").get(0).path("rule").asText()).isEqualTo("third_places:2000");

        JsonNode nordhof = byName(r.path("villages"), "Nordhof");
        assertThat(nordhof.path("ags").asText()).as("found in Adorf by position").isEqualTo("09999001");
        assertThat(nordhof.path("missing")).hasSize(1);   // the bus stop 500 m away serves the mobility rule

        JsonNode neudorf = byName(r.path("villages"), "Neudorf");
        // Bdorf's 3,560 less the own figures of Ostheim and Großstadt (3,000), shared by kind: 560 × 1 / 1.12.
        assertThat(neudorf.path("population").asInt()).isEqualTo(500);
        assertThat(neudorf.path("population_method").asText()).isEqualTo("settlement_kind");
        assertThat(neudorf.path("population_known").asBoolean()).as("a rough share is flagged").isFalse();
        assertThat(neudorf.path("population_uncertainty").asInt()).isPositive();
        assertThat(neudorf.path("population_note").asText()).contains("3560", "Bdorf", "kind of settlement");
        assertThat(neudorf.path("missing")).hasSize(2);

        JsonNode suedweiler = byName(r.path("villages"), "Südweiler");
        assertThat(suedweiler.path("population").asInt()).as("Adorf's 875 less 800 own, all its inhabited cells"
                + " (not the town's 900 nor the retired cell's 1000) nearest to it").isEqualTo(75);
        assertThat(suedweiler.path("population_method").asText()).isEqualTo("zensus");

        JsonNode einzelhof = byName(r.path("villages"), "Einzelhof");
        assertThat(einzelhof.path("population").asInt()).as("560 × 0.12 / 1.12").isEqualTo(60);
        assertThat(einzelhof.path("population_method").asText()).isEqualTo("settlement_kind");

        JsonNode totals = r.path("totals");
        assertThat(totals.path("villages").asInt()).isEqualTo(6);
        assertThat(totals.path("underserved_villages").asInt()).isEqualTo(5);
        assertThat(totals.path("population").asInt()).isEqualTo(500 + 300 + 75 + 1000 + 500 + 60);
        assertThat(totals.path("population_affected").asInt()).isEqualTo(1000 + 500 + 500 + 75 + 60);
        assertThat(totals.path("villages_without_population_figure").asInt()).isEqualTo(2);

        JsonNode bdorf = r.path("municipalities").get(1);
        assertThat(bdorf.path("name").asText()).isEqualTo("Bdorf");
        assertThat(bdorf.path("official_population").asInt()).as("the fixture's official figure").isEqualTo(3560);
        assertThat(r.path("districts").get(0).path("official_population").asInt()).as("Adorf + Bdorf").isEqualTo(875 + 3560);
        assertThat(bdorf.path("underserved_villages").asInt()).isEqualTo(3);
        assertThat(bdorf.path("missing").path("third_places:2000").path("population").asInt()).isEqualTo(1000 + 500 + 60);
        assertThat(bdorf.path("missing").path("mitfahrbank|bus_stop:1000").path("villages").asInt()).isEqualTo(2);

        // Inputs and provenance are stated.
        assertThat(r.path("inputs").path("mode").asText()).isEqualTo("straight");
        assertThat(r.path("inputs").path("rules").get(1).path("kinds").toString()).contains("bus_stop", "mitfahrbank");
        JsonNode places = null;
        for (JsonNode s : r.path("provenance").path("sources")) {
            if (s.path("layer").asText().equals("places")) {
                places = s;
            }
        }
        assertThat(places).isNotNull();
        assertThat(places.path("source").asText()).isEqualTo("planning-fixture");
        assertThat(places.path("licence").asText()).isEqualTo("ODbL-1.0");
        assertThat(places.path("imported_at").asText()).startsWith("2026-11-01T10:05");
        assertThat(r.path("provenance").toString()).contains("Zensus 2022", "Gemeinde Bdorf", "© GeoBasis-DE / BKG (fixture)");
    }

    @Test
    void rulesFromTheRequestReplaceTheDefaults() throws Exception {
        JsonNode r = getJson("/planning/underserved?ags=09999001&rule=" + enc("third_places:4000"));
        // A Land key works although only municipalities and districts are loaded.
        JsonNode land = getJson("/planning/underserved?ags=09&rule=" + enc("third_places:4000"));
        assertThat(land.path("inputs").path("area").path("name").asText()).isEqualTo("3 municipalities with key 09…");
        assertThat(land.path("totals").path("villages").asInt()).isEqualTo(6);
        // With 4 km, Nordhof and Südweiler (3.6 km from the hall) are served: nobody in Adorf is underserved.
        assertThat(r.path("villages")).isEmpty();
        assertThat(r.path("totals").path("villages").asInt()).isEqualTo(3);
    }

    @Test
    void theBestVacantBuildingIsChosenFirst() throws Exception {
        JsonNode r = getJson("/planning/candidates?ags=09999&n=2");
        JsonNode chosen = r.path("chosen");
        assertThat(chosen).hasSize(2);
        assertThat(chosen.get(0).path("label").asText()).isEqualTo("=Alte Schule Ostheim");
        assertThat(chosen.get(0).path("people_gained").asInt()).isEqualTo(1000);
        assertThat(chosen.get(1).path("label").asText()).isEqualTo("Ehemaliger Konsum Nordhof");
        assertThat(chosen.get(1).path("people_gained").asInt()).isEqualTo(500);
        assertThat(r.path("totals").path("coverage_before").path("served_population").asInt()).isEqualTo(300);
        assertThat(r.path("totals").path("coverage_after").path("served_population").asInt()).isEqualTo(1800);
        assertThat(r.path("totals").path("coverage_after").path("population").asInt()).isEqualTo(2375 + 60);
        JsonNode sites = r.path("sites");
        assertThat(sites).hasSize(3);
        assertThat(sites.get(2).path("label").asText()).isEqualTo("Leerstand Südweiler");
        assertThat(sites.get(2).path("people_reached_alone").asInt()).isEqualTo(75);
        assertThat(sites.get(2).path("chosen_rank").isNull()).isTrue();
        assertThat(sites.get(0).path("attribution").asText()).isEqualTo("Leerstandskataster Testkreis");
    }

    @Test
    void aGivenPointBetweenTwoVillagesBeatsEachBuilding() throws Exception {
        // Halfway between Nordhof and Südweiler (3.6 km each) with a 4 km rule, one point serves both …
        JsonNode r = getJson("/planning/candidates?ags=09999001&vacant=false&n=1&rule=" + enc("library:4000")
                + "&candidate=" + enc("11.10,50.10,Mitte"));
        assertThat(r.path("chosen").get(0).path("label").asText()).isEqualTo("Mitte");
        // … and Mitteldorf too: every village of Adorf lacks a library.
        assertThat(r.path("chosen").get(0).path("people_gained").asInt()).isEqualTo(500 + 300 + 75);
        assertThat(r.path("totals").path("coverage_before").path("served_villages").asInt()).isZero();
    }

    @Test
    void csvOpensInGermanExcel() throws Exception {
        var r = get("/planning/underserved?ags=09999&f=csv");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("text/csv"));
        assertThat(r.headers().firstValue("content-disposition")).hasValueSatisfying(cd ->
                assertThat(cd).contains("attachment").contains("underserved-ags_09999.csv"));
        String body = r.body();
        assertThat(body).startsWith("\uFEFF\"Rang\";\"ID\";\"Ortsteil\"");
        String[] lines = body.split("\r\n");
        assertThat(lines).hasSize(1 + 5);
        assertThat(lines[1]).startsWith("1;").contains("\"Ostheim\"").contains(";=\"09999002\";")
                .contains(";11,3;50,1;").contains("planning-fixture (ODbL-1.0), importiert am 2026-11-01");

        var candidates = get("/planning/candidates?ags=09999&f=csv").body();
        // A name that Excel would run as a formula is defused.
        assertThat(candidates).contains("\"'=Alte Schule Ostheim\"").doesNotContain(";\"=Alte");

        var perMunicipality = get("/planning/underserved?ags=09999&f=csv&per=municipality").body().split("\r\n");
        assertThat(perMunicipality).hasSize(3);
        assertThat(perMunicipality[2]).startsWith("=\"09999002\";\"Bdorf\";3;3;1560;1560;2;3560;");
    }

    @Test
    void geoJsonForTheMap() throws Exception {
        var r = get("/planning/underserved?ags=09999", "Accept", "application/geo+json");
        assertThat(r.headers().firstValue("content-type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("application/geo+json"));
        JsonNode doc = json.readTree(r.body());
        assertThat(doc.path("type").asText()).isEqualTo("FeatureCollection");
        assertThat(doc.path("features")).hasSize(5);
        JsonNode first = doc.path("features").get(0);
        assertThat(first.path("geometry").path("coordinates").get(0).asDouble()).isEqualTo(11.30);
        assertThat(first.path("properties").path("name").asText()).isEqualTo("Ostheim");
        assertThat(doc.path("provenance").path("sources")).isNotEmpty();
    }

    @Test
    void aPublicationBecomesTheAreasCurrentResultAndTheOneBeforeIsKept() throws Exception {
        var first = post("/planning/underserved?ags=09999");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        var second = post("/planning/underserved?ags=09999&rule=" + enc("third_places:2000"));
        assertThat(second.statusCode()).isEqualTo(201);
        String location = second.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches("http://localhost:" + port + "/collections/planning_underserved/items\\?run=\\d+");
        try (var c = db.connect(); var st = c.createStatement(); var rs = st.executeQuery("""
                select count(*), string_agg(u.name, ',' order by u.rank), min(r.attribution), min(r.inputs::text),
                       min(r.id), min(array_to_string(r.rules, ';'))
                  from planning_runs r join planning_underserved u on u.run_id = r.id
                 where r.analysis = 'underserved' and r.area_key = 'ags:09999' and r.superseded_at is null""")) {
            rs.next();
            assertThat(rs.getInt(1)).as("only the current run's villages").isEqualTo(5);
            assertThat(rs.getString(2)).isEqualTo("Ostheim,Neudorf,Nordhof,Südweiler,Einzelhof");
            assertThat(rs.getString(3)).contains("© OpenStreetMap contributors");
            assertThat(rs.getString(4)).contains("third_places:2000").doesNotContain("mitfahrbank");
            assertThat(location).endsWith("run=" + rs.getLong(5));
            assertThat(rs.getString(6)).isEqualTo("third_places:2000");
        }
        // the first publication is kept, superseded, with its own rules; the portal sees only the current one
        JsonNode runs = getJson("/planning/publications").path("publications");
        assertThat(runs.get(0).path("rules").get(0).asText()).isEqualTo("third_places:2000");
        assertThat(runs.get(0).path("superseded_at").isNull()).isTrue();
        assertThat(runs.get(1).path("rules")).hasSize(2);
        assertThat(runs.get(1).path("superseded_at").asText()).isNotEmpty();
        JsonNode published = json.readTree(get(location.substring(location.indexOf("/collections")),
                "Accept", "application/geo+json").body());
        assertThat(published.path("numberMatched").asInt()).isEqualTo(5);
        assertThat(published.path("features").get(0).path("properties").path("rules").get(0).asText())
                .isEqualTo("third_places:2000");
        assertThat(published.path("features").get(0).path("properties").path("published_at").asText()).isNotEmpty();
        post("/planning/candidates?ags=09999&n=1");
        try (var c = db.connect(); var st = c.createStatement(); var rs = st.executeQuery("""
                select c.label, c.people_gained, ST_X(c.geom) from planning_candidates c
                  join planning_runs r on r.id = c.run_id where r.area_key = 'ags:09999'""")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("=Alte Schule Ostheim");
            assertThat(rs.getInt(2)).isEqualTo(1000);
        }
    }

    @Test
    void publishedResultsAreOgcCollections() throws Exception {
        assertThat(post("/planning/underserved?ags=09999").statusCode()).isEqualTo(201);
        assertThat(post("/planning/candidates?ags=09999&n=2").statusCode()).isEqualTo(201);
        // every publication is in the audit log: who published which run for which area
        try (var c = db.connect(); var st = c.createStatement(); var rs = st.executeQuery("""
                select count(*) from audit_events a join planning_runs r on r.id = (a.detail->>'run')::bigint
                 where a.event = 'planning-published' and a.actor = 'test-admin' and a.subject = 'planning_candidates'
                   and a.detail->>'area' = r.area_key and r.area_key = 'ags:09999'""")) {
            rs.next();
            assertThat(rs.getInt(1)).isGreaterThanOrEqualTo(1);
        }
        assertThat(select(collections.get("planning_underserved"), "rank <= 2 and area = 'Landkreis Testkreis'", "name"))
                .containsExactly("Ostheim", "Neudorf");
        assertThat(select(collections.get("planning_underserved"), "A_CONTAINS(missing_rules, ('mitfahrbank|bus_stop:1000')) and area = 'Landkreis Testkreis'",
                "population_method")).containsExactly("settlement_kind", "zensus", "settlement_kind");
        // Served by the OGC API like every published layer.
        var items = get("/collections/planning_underserved/items?area=" + enc("Landkreis Testkreis") + "&limit=2",
                "Accept", "application/geo+json");
        assertThat(items.statusCode()).as(items.body()).isEqualTo(200);
        JsonNode features = json.readTree(items.body()).path("features");
        assertThat(features).hasSize(2);
        assertThat(features.get(0).path("properties").path("name").asText()).isEqualTo("Ostheim");
        assertThat(features.get(0).path("properties").path("attribution").asText()).contains("© OpenStreetMap contributors");
        assertThat(get("/collections/planning_candidates/items", "Accept", "application/geo+json").statusCode()).isEqualTo(200);

        // Latest per area: other areas' runs stay beside this one.
        var picks = select(collections.get("planning_candidates"), "area = 'Landkreis Testkreis'", "label", "licence");
        assertThat(picks).hasSize(4);
        assertThat(picks.get(0)).isEqualTo("=Alte Schule Ostheim");
        assertThat(picks.get(1)).startsWith("dl-de/by-2-0; ").contains("ODbL-1.0");
        assertThat(picks.get(2)).isEqualTo("Ehemaliger Konsum Nordhof");
    }

    /** A collection's features as the OGC API would select them: its SQL, a CQL2 filter, ordered by id. */
    private List<String> select(CollectionDefinition d, String cql2, String... properties) throws Exception {
        var where = SqlTranslator.toSql(Cql2.parseText(cql2), d.queryables());
        List<String> columns = new ArrayList<>();
        for (String name : properties) {
            columns.add(name.equals("licence") ? d.provenance().licenceSql()
                    : d.properties().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow().sql());
        }
        List<String> out = new ArrayList<>();
        try (var c = db.connect(); var st = c.prepareStatement("select " + String.join(", ", columns) + " from " + d.from()
                + " where " + d.where() + " and " + where.sql() + " order by " + d.idColumn())) {
            where.bind(st, 1);
            try (var rs = st.executeQuery()) {
                while (rs.next()) {
                    for (int i = 1; i <= columns.size(); i++) {
                        out.add(rs.getString(i));
                    }
                }
            }
        }
        return out;
    }

    @Test
    void anUnchangedAnswerIsNotSentAgain() throws Exception {
        var first = get("/planning/underserved?ags=09999001");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(get("/planning/underserved?ags=09999001", "If-None-Match", etag).statusCode()).isEqualTo(304);
        assertThat(get("/planning/underserved?ags=09999001&f=csv", "If-None-Match", etag).statusCode()).isEqualTo(200);
    }

    @Test
    void theOpenApiDocumentStatesTheConfiguredDefaults() throws Exception {
        String api = get("/api").body();
        assertThat(api).contains("/planning/underserved", "/planning/candidates", "/planning/reach")
                .contains("Default: third_places:2000, mitfahrbank|bus_stop:1000").doesNotContain("${ortsanker").contains("text/csv");
    }

    @Test
    void theOpenApiDocumentDescribesEachAnswer() throws Exception {
        JsonNode api = json.readTree(get("/api").body());
        for (String path : List.of("/planning/reach", "/planning/underserved", "/planning/candidates")) {
            JsonNode content = api.path("paths").path(path).path("get").path("responses").path("200").path("content");
            assertThat(content.has("application/geo+json") && content.has("text/csv")).as(path).isTrue();
            JsonNode answer = schema(api, content.path("application/json").path("schema"));
            assertThat(names(answer)).as(path).startsWith("analysis", "inputs", "totals").endsWith("provenance");
            assertThat(names(schema(api, answer.path("properties").path("provenance")))).contains("sources", "data_versions");
            assertThat(names(schema(api, answer.path("properties").path("inputs")))).contains("area", "step_free", "mode");
        }
        JsonNode reach = schema(api, api.at("/paths/~1planning~1reach/get/responses/200/content/application~1json/schema"));
        assertThat(names(schema(api, reach.at("/properties/totals")))).contains("villages_without_population_figure");
        assertThat(names(schema(api, reach.at("/properties/villages/items"))))
                .contains("population_method", "reach", "lon", "lat");
        JsonNode published = api.at("/paths/~1planning~1underserved/post/responses/201/content");
        JsonNode underserved = schema(api, published.at("/application~1json/schema"));
        assertThat(published.has("text/csv")).isTrue();
        assertThat(names(schema(api, underserved.at("/properties/villages/items"))))
                .contains("rank", "population_method", "population_known", "missing");
        assertThat(names(schema(api, underserved.at("/properties/totals")))).contains("population_affected");
        JsonNode candidates = schema(api, api.at("/paths/~1planning~1candidates/post/responses/201/content/application~1json/schema"));
        assertThat(names(candidates)).contains("chosen", "sites");
        JsonNode site = schema(api, candidates.at("/properties/sites/items"));
        assertThat(names(site)).contains("people_reached_alone", "chosen_rank", "village_ids_gained");
        assertThat(site.at("/properties/id/type").isMissingNode()).as("a number or point-N").isTrue();
    }

    /** A schema of the OpenAPI document, its reference followed. */
    private static JsonNode schema(JsonNode api, JsonNode schema) {
        String ref = schema.path("$ref").asText();
        return ref.isEmpty() ? schema : api.at(ref.substring(1));
    }

    private static List<String> names(JsonNode schema) {
        List<String> names = new ArrayList<>();
        schema.path("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void badInputIsAClearProblem() throws Exception {
        assertProblem("/planning/underserved?rule=" + enc("spaceport:2000"), 400, "rule", "'spaceport' is neither a layer nor a kind");
        assertProblem("/planning/underserved?rule=" + enc("third_places:-5"), 400, "rule", "must be more than 0");
        assertProblem("/planning/underserved?rule=" + enc("third_places:0"), 400, "rule", "must be more than 0");
        assertProblem("/planning/underserved?rule=" + enc("third_places:90000"), 400, "rule", "is more than 50000 m");
        assertProblem("/planning/underserved?rule=third_places", 400, "rule", "lacks a radius");
        assertProblem("/planning/reach?radius=abc", 400, "radius", "whole number of metres");
        assertProblem("/planning/reach?target=" + enc("bus_stop|ufo"), 400, "target", "'ufo'");
        // This service is given no OSM extract: walking and cycling say which data is missing.
        assertProblem("/planning/underserved?mode=walk", 400, "mode", "no OpenStreetMap extract is configured");
        assertProblem("/planning/underserved?rule=" + enc("third_places:walk:20min"), 400, "rule",
                "no OpenStreetMap extract is configured");
        assertProblem("/planning/underserved?mode=transit", 400, "mode", "timetable (GTFS), and none is imported");
        assertProblem("/planning/underserved?rule=" + enc("third_places:transit:30min"), 400, "rule",
                "timetable (GTFS), and none is imported");
        assertProblem("/planning/underserved?mode=car", 400, "mode", "not available");
        assertProblem("/planning/underserved?rule=" + enc("third_places:walk:0min"), 400, "rule", "must be 1 … 180");
        assertProblem("/planning/underserved?rule=" + enc("third_places:20min"), 400, "rule", "needs its mode");
        assertProblem("/planning/candidates?rule=" + enc("third_places:walk:20min"), 400, "rule", "judged by a radius");
        assertProblem("/planning/underserved?mode=teleport", 400, "mode", "not a distance mode");
        assertProblem("/planning/underserved?ags=123", 400, "ags", "not an official key");
        assertProblem("/planning/underserved?ags=09999003", 400, "ags", "no municipality, district or Land has the key");
        assertProblem("/planning/underserved?bbox=1,2,3", 400, "bbox", "must be 4 numbers");
        assertProblem("/planning/candidates?ags=09999&n=0", 400, "n", "must be 1");
        assertProblem("/planning/candidates?candidate=" + enc("200,50"), 400, "candidate", "outside");
        assertProblem("/planning/underserved?f=xlsx", 400, "f", "not a format");
        assertProblem("/planning/underserved?per=street&f=csv", 400, "per", "village, municipality or district");

        // An area without villages: Leerau exists but nobody lives there (in our data).
        var empty = get("/planning/underserved?ags=09998001");
        assertThat(empty.statusCode()).isEqualTo(404);
        assertThat(empty.headers().firstValue("content-type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("application/problem+json"));
        assertThat(empty.body()).contains("no village or hamlet lies in Gemeinde Leerau");
        assertThat(get("/planning/reach?bbox=5,45,5.1,45.1").statusCode()).isEqualTo(404);
    }

    private void assertProblem(String path, int status, String parameter, String reason) throws Exception {
        var r = get(path);
        assertThat(r.statusCode()).as(path + " → " + r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("content-type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(r.body());
        assertThat(problem.path("invalid-params").get(0).path("name").asText()).isEqualTo(parameter);
        assertThat(problem.path("detail").asText()).contains(reason);
    }
}
