package de.ortsanker.planning;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.ortsanker.accounts.Role;
import de.ortsanker.accounts.Scope;
import de.ortsanker.accounts.TestAccounts;
import static org.assertj.core.api.Assertions.assertThat;

import de.ortsanker.ServiceTest;
import de.ortsanker.testing.TestSchema;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Asking is not publishing: a GET of any planning answer changes no table and no data version, and a POST
 * by anyone but the county administrator is refused and changes nothing either.
 */
@ServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanningWithoutSideEffectsTest {

    @LocalServerPort
    int port;

    @Autowired
    TestSchema db;

    @Autowired
    TestAccounts accounts;

    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    void loadFixture() throws Exception {
        db.execute(Files.readString(Path.of(getClass().getResource("/planning/fixture.sql").toURI())));
    }

    @AfterAll
    void removeFixture() {
        db.execute("delete from places where source = 'planning-fixture'",
                "delete from localities where source = 'planning-fixture'",
                "delete from admin_areas where source = 'planning-fixture'",
                "delete from population_cells where source = 'Zensus 2022' and cell_id like 'fixture-%'",
                "delete from official_population where source = 'Zensus 2022' and ags like '09999%'",
                "delete from import_runs where source = 'planning-fixture'");
    }

    private HttpResponse<String> send(String method, String pathAndQuery, String... headers) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
                .method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /**
     * Every table's rows (as a digest of their text) and every data version: the state a request may not change.
     * The accounts' tables are not data: a refused attempt is rightly audited, and a token's use noted.
     */
    private Map<String, String> state() throws Exception {
        var state = new TreeMap<String, String>();
        try (var c = db.connect(); var tables = c.createStatement().executeQuery(
                "select table_name from information_schema.tables where table_schema = current_schema()"
                        + " and table_type = 'BASE TABLE' and table_name not like 'flyway%'"
                        + " and table_name not in ('accounts', 'account_roles', 'api_tokens', 'login_failures',"
                        + " 'audit_events')")) {
            while (tables.next()) {
                String table = tables.getString(1);
                try (var rows = c.createStatement().executeQuery("select count(*) || ':' || coalesce(md5(string_agg(t::text,"
                        + " '|' order by t::text)), '') from \"" + table + "\" t")) {
                    rows.next();
                    state.put(table, rows.getString(1));
                }
            }
        }
        return state;
    }

    @Test
    void gettingAnswersChangesNothing() throws Exception {
        var before = state();
        assertThat(before.get("planning_runs")).startsWith("0:");
        for (String path : new String[] {"/planning/underserved?ags=09999", "/planning/underserved?ags=09999&f=csv&per=municipality",
                "/planning/candidates?ags=09999&n=2", "/planning/candidates?ags=09999&f=geojson",
                "/planning/reach?ags=09999&target=third_places", "/planning/underserved?ags=09999&step_free=yes",
                "/planning/underserved?rule=" + URLEncoder.encode("third_place:3000", StandardCharsets.UTF_8)}) {
            assertThat(send("GET", path).statusCode()).as(path).isEqualTo(200);
        }
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void publishingIsTheCountyAdministrators() throws Exception {
        String steward = accounts.token("steward-09999", Role.MUNICIPALITY_STEWARD, "09999");
        String adminWithoutPublish = accounts.token("test-admin", Role.COUNTY_ADMINISTRATOR, null, Scope.ADMINISTER);
        var before = state();
        for (String path : new String[] {"/planning/underserved?ags=09999", "/planning/candidates?ags=09999"}) {
            var anonymous = send("POST", path);
            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                    .startsWith("application/problem+json"));
            assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(h -> assertThat(h)
                    .startsWith("Bearer"));
            var stewards = send("POST", path, "Authorization", "Bearer " + steward);
            assertThat(stewards.statusCode()).isEqualTo(403);
            assertThat(json.readTree(stewards.body()).get("missing-role").toString())
                    .isEqualTo("[\"county_administrator\"]");
            var unscoped = send("POST", path, "Authorization", "Bearer " + adminWithoutPublish);
            assertThat(unscoped.statusCode()).isEqualTo(403);
            assertThat(json.readTree(unscoped.body()).get("missing-scope").asText()).isEqualTo("publish");
        }
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void oldLayerCodesInRulesStillWorkAndSaySo() throws Exception {
        var old = send("GET", "/planning/underserved?ags=09999&rule=" + URLEncoder.encode("third_place:2000", StandardCharsets.UTF_8));
        var current = send("GET", "/planning/underserved?ags=09999&rule=" + URLEncoder.encode("third_places:2000", StandardCharsets.UTF_8));
        assertThat(old.headers().firstValue("Deprecation")).isPresent();
        assertThat(current.headers().firstValue("Deprecation")).isEmpty();
        assertThat(old.body().replace("third_place:", "third_places:").replaceAll("\"computed_?[aA]t\":\"[^\"]*\"", ""))
                .isEqualTo(current.body().replaceAll("\"computed_?[aA]t\":\"[^\"]*\"", ""));
    }
}
