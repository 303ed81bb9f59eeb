package de.ortsanker.editing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.ortsanker.accounts.Role;
import de.ortsanker.accounts.Scope;
import de.ortsanker.accounts.TestAccounts;
import de.ortsanker.imports.Imports;
import de.ortsanker.testing.TestSchema;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the web map's editing pages need besides the editing API, on real PostGIS with the BKG municipalities:
 * the CSRF token for a page's fetches (a session sign-in and write work with it, and are refused without it),
 * a place as its editor sees it (only for those who may edit it: the page offers an edit exactly there), and
 * opening hours read by the service's parser for the form's preview.
 */
@EditingApiTest.Context
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EditorPagesApiTest {

    static final String HEINERSREUTH = EditingApiTest.HEINERSREUTH;

    @LocalServerPort
    int port;

    @Autowired
    TestSchema db;

    @Autowired
    TestAccounts accounts;

    private final ObjectMapper json = new ObjectMapper();
    private JdbcTemplate sql;
    private String steward;
    private String stranger;
    private double[] inside;

    @BeforeAll
    void load() {
        Imports.importFile(db.dataSource(), EditingApiTest.data("vg5000/VG5000_GEM.shp")).orThrow();
        sql = new JdbcTemplate(db.dataSource());
        inside = sql.queryForObject("select ST_X(g), ST_Y(g) from (select ST_PointOnSurface(geom) g from admin_areas"
                + " where level = 'gemeinde' and retired_at is null and ags = ?) q",
                (rs, i) -> new double[] {rs.getDouble(1), rs.getDouble(2)}, HEINERSREUTH);
        String elsewhere = sql.queryForObject("select ags from admin_areas where level = 'gemeinde' and retired_at is null"
                + " and ags <> ? and left(ags, 5) <> left(?, 5) order by ags limit 1", String.class, HEINERSREUTH, HEINERSREUTH);
        steward = accounts.token("pages-steward", Role.MUNICIPALITY_STEWARD, HEINERSREUTH, Scope.EDIT);
        stranger = accounts.token("pages-stranger", Role.MUNICIPALITY_STEWARD, elsewhere, Scope.EDIT);
    }

    private HttpResponse<String> send(HttpClient client, String method, String path, String body, String... headers)
            throws Exception {
        var b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        return send(HttpClient.newHttpClient(), "GET", path, null, headers);
    }

    private String bench(String name) throws Exception {
        return json.writeValueAsString(Map.of("kind", "mitfahrbank", "name", name, "contact_phone", "0921 12345",
                "geometry", Map.of("type", "Point", "coordinates", List.of(inside[0], inside[1]))));
    }

    private static void problem(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    }

    @Test
    void aPageSignsInAndWritesWithTheSessionsCsrfTokenAndIsRefusedWithoutIt() throws Exception {
        var browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        var first = send(browser, "GET", "/account/csrf", null);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode csrf = json.readTree(first.body());
        assertThat(csrf.get("header").asText()).isEqualTo("X-CSRF-TOKEN");
        assertThat(csrf.get("parameter").asText()).isEqualTo("_csrf");

        // Signing in without the token is refused; with it, it works (and says so by not redirecting to ?error).
        String form = "username=pages-steward&password=" + URLEncoder.encode(TestAccounts.PASSWORD, StandardCharsets.UTF_8);
        var refused = send(browser, "POST", "/login", form, "Content-Type", "application/x-www-form-urlencoded");
        assertThat(refused.statusCode()).isEqualTo(403);
        var signedIn = send(browser, "POST", "/login", form + "&_csrf=" + URLEncoder.encode(csrf.get("token").asText(),
                StandardCharsets.UTF_8), "Content-Type", "application/x-www-form-urlencoded");
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        assertThat(json.readTree(send(browser, "GET", "/account", null).body()).at("/account/login").asText())
                .isEqualTo("pages-steward");

        // Sign-in gave the session a new token: the page asks again, and its writes carry it.
        String token = json.readTree(send(browser, "GET", "/account/csrf", null).body()).get("token").asText();
        long before = sql.queryForObject("select count(*) from places", Long.class);
        problem(send(browser, "POST", "/places", bench("Ohne Token"), "Content-Type", "application/json"), 403);
        assertThat(sql.queryForObject("select count(*) from places", Long.class)).isEqualTo(before);
        var created = send(browser, "POST", "/places", bench("Mit Token"), "Content-Type", "application/json",
                "X-CSRF-TOKEN", token);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(sql.queryForObject("select count(*) from places where name = 'Mit Token' and edited_by = 'pages-steward'",
                Long.class)).isEqualTo(1);
        // The history tells the web map's pages (a session) from scripts (a token: EditingApiTest, origin 'api').
        assertThat(sql.queryForObject("select v.origin from place_versions v join places p on p.id = v.place_id"
                + " where p.name = 'Mit Token'", String.class)).isEqualTo("web");
    }

    @Test
    void theEditorsViewIsAnsweredOnlyToWhoMayEditThePlace() throws Exception {
        var created = send(HttpClient.newHttpClient(), "POST", "/places", bench("Bank für die Ansicht"),
                "Content-Type", "application/json", "Authorization", "Bearer " + steward);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = json.readTree(created.body()).get("id").asLong();

        problem(get("/places/" + id + "/editable"), 401);
        var foreign = get("/places/" + id + "/editable", "Authorization", "Bearer " + stranger);
        problem(foreign, 403);
        assertThat(json.readTree(foreign.body()).has("missing-territory")).as(foreign.body()).isTrue();

        var mine = get("/places/" + id + "/editable", "Authorization", "Bearer " + steward);
        assertThat(mine.statusCode()).as(mine.body()).isEqualTo(200);
        JsonNode place = json.readTree(mine.body());
        assertThat(mine.headers().firstValue("ETag")).hasValue(place.get("etag").asText()).hasValue("\"" + id + ".1\"");
        assertThat(mine.headers().firstValue("Cache-Control")).hasValue("no-store");
        // Every field, the private contact value too (the public detail withholds it), and the municipality.
        assertThat(place.at("/properties/contact_phone").asText()).isEqualTo("0921 12345");
        assertThat(get("/places/" + id).body()).doesNotContain("0921 12345");
        assertThat(place.at("/properties/ags").asText()).isEqualTo(HEINERSREUTH);
        assertThat(place.at("/geometry/coordinates/0").asDouble()).isCloseTo(inside[0], org.assertj.core.data.Offset.offset(1e-7));

        // The ETag it gives is the one a PATCH needs.
        var changed = send(HttpClient.newHttpClient(), "PATCH", "/places/" + id, "{\"name\":\"Bank umbenannt\"}",
                "Content-Type", "application/json", "Authorization", "Bearer " + steward, "If-Match", place.get("etag").asText());
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        problem(get("/places/999999999/editable", "Authorization", "Bearer " + steward), 404);
    }

    @Test
    void openingHoursAreReadByTheServicesParserForTheFormsPreview() throws Exception {
        var r = get("/places/opening-hours?value=" + URLEncoder.encode("Mo-Fr 09:00-12:00,14:00-18:00; PH off",
                StandardCharsets.UTF_8) + "&ags=" + HEINERSREUTH);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode preview = json.readTree(r.body());
        assertThat(preview.get("understood").asBoolean()).isTrue();
        JsonNode days = preview.get("hours");
        assertThat(days).hasSize(7);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        for (int i = 0; i < 7; i++) {
            JsonNode day = days.get(i);
            LocalDate date = today.plusDays(i);
            assertThat(day.get("date").asText()).isEqualTo(date.toString());
            boolean weekday = date.getDayOfWeek().getValue() <= 5 && !day.hasNonNull("holiday");
            // Independent of the parser: Monday to Friday two spans, weekends and Bavarian holidays none.
            if (weekday) {
                assertThat(day.get("spans")).hasSize(2);
                assertThat(day.at("/spans/0/from").asText()).isEqualTo("09:00");
                assertThat(day.at("/spans/1/to").asText()).isEqualTo("18:00");
            } else {
                assertThat(day.get("spans")).isEmpty();
            }
        }

        JsonNode wrong = json.readTree(get("/places/opening-hours?value=" + URLEncoder.encode("Mo-Fr 09:00-",
                StandardCharsets.UTF_8)).body());
        assertThat(wrong.get("understood").asBoolean()).isFalse();
        assertThat(wrong.get("problem").asText()).contains("opening_hours");
        assertThat(wrong.has("hours")).isFalse();

        problem(get("/places/opening-hours"), 400);
        problem(get("/places/opening-hours?value=Mo&ags=abc"), 400);
        problem(get("/places/opening-hours?value=%20"), 400);
    }
}
