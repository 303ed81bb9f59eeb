package de.ortsanker.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.ortsanker.ServiceTest;
import de.ortsanker.testing.TestSchema;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * DSGVO: an account's data exported — everything about it, nothing about others, checked against the
 * database — and erased: the account, its roles and tokens gone, its place versions and audit events kept
 * under a pseudonym, and its login and name in no answer and no table any more.
 */
@ServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PersonalDataTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"");
    private static final String ERIKA = "daten.erika@example.org";
    private static final String ERIKA_NAME = "Erika Löschbar-Privat";
    private static final String OTTO = "daten.otto";

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts testAccounts;

    @Autowired
    TestSchema db;

    private final ObjectMapper json = new ObjectMapper();
    private JdbcTemplate sql;
    private String admin;

    @BeforeAll
    void setUp() {
        admin = testAccounts.administrator();
        sql = new JdbcTemplate(db.dataSource());
    }

    private HttpResponse<String> send(HttpClient client, String method, String path, String body, String... headers)
            throws Exception {
        var b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null && !body.contains("=")) {
            b.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> as(String token, String method, String path, String body, String... headers)
            throws Exception {
        var all = new ArrayList<>(List.of(headers));
        all.addAll(List.of("Authorization", "Bearer " + token));
        return send(HttpClient.newHttpClient(), method, path, body, all.toArray(String[]::new));
    }

    private JsonNode ok(HttpResponse<String> r, int status) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return json.readTree(r.body());
    }

    private static String place(String name, double lon, String comment) {
        return "{\"kind\": \"mitfahrbank\", \"name\": \"" + name + "\", \"source\": \"dsgvo-quelle\", \"comment\": \""
                + comment + "\", \"geometry\": {\"type\": \"Point\", \"coordinates\": [" + lon + ", 49.98]}}";
    }

    private HttpClient signedIn(String login) throws Exception {
        var browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        var signIn = send(browser, "POST", "/login", "username=" + URLEncoder.encode(login, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(TestAccounts.PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
                + csrf(browser), "Content-Type", "application/x-www-form-urlencoded");
        assertThat(signIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        return browser;
    }

    private String csrf(HttpClient browser) throws Exception {
        var m = CSRF.matcher(send(browser, "GET", "/login", null).body());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    /** Every table of the schema whose rows mention the text anywhere (PostgreSQL's own text of each row). */
    private List<String> tablesMentioning(String text) {
        var found = new ArrayList<String>();
        for (String table : sql.queryForList("select table_name from information_schema.tables"
                + " where table_schema = current_schema() and table_type = 'BASE TABLE'", String.class)) {
            if (sql.queryForObject("select count(*) from \"" + table + "\" x where x::text ilike ?", Long.class,
                    "%" + text + "%") > 0) {
                found.add(table);
            }
        }
        return found;
    }

    @Test
    void anAccountsDataIsExportedWholeAndWithoutOthers() throws Exception {
        // Erika and Otto steward the same source; Erika makes a place, Otto changes it and makes another
        ok(as(admin, "POST", "/admin/accounts", "{\"login\": \"" + ERIKA + "\", \"display_name\": \"" + ERIKA_NAME
                + "\", \"password\": \"" + TestAccounts.PASSWORD + "\"}"), 201);
        String erika = testAccounts.token(ERIKA, Role.SOURCE_STEWARD, "dsgvo-quelle");
        String otto = testAccounts.token(OTTO, Role.SOURCE_STEWARD, "dsgvo-quelle");
        var a = ok(as(erika, "POST", "/places", place("Bank am Weiher", 11.581, "angelegt von " + ERIKA + " ("
                + ERIKA_NAME + ")")), 201);
        long placeA = a.get("id").asLong();
        var renamed = as(otto, "PATCH", "/places/" + placeA, "{\"name\": \"Von Otto umbenannt\"}",
                "If-Match", a.get("etag").asText());
        ok(renamed, 200);
        ok(as(erika, "PATCH", "/places/" + placeA, "{\"description\": \"Erikas Beschreibung\"}",
                "If-Match", renamed.headers().firstValue("ETag").orElseThrow()), 200);
        ok(as(otto, "POST", "/places", place("Ottos Bank", 11.582, "von Otto")), 201);
        // a failed sign-in
        var browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        send(browser, "POST", "/login", "username=" + URLEncoder.encode(ERIKA, StandardCharsets.UTF_8)
                + "&password=vertippt&_csrf=" + csrf(browser), "Content-Type", "application/x-www-form-urlencoded");

        long erikaId = sql.queryForObject("select id from accounts where login = ?", Long.class, ERIKA);
        var export = ok(as(erika, "GET", "/account/export", null), 200);

        // everything: compared with the database, not with the code's own idea of it
        assertThat(export.at("/account/login").asText()).isEqualTo(ERIKA);
        assertThat(export.at("/account/display_name").asText()).isEqualTo(ERIKA_NAME);
        assertThat(export.at("/roles/0/territory").asText()).isEqualTo("dsgvo-quelle");
        var tokenIds = new HashSet<Long>();
        export.get("tokens").forEach(t -> tokenIds.add(t.get("id").asLong()));
        assertThat(tokenIds).isEqualTo(new HashSet<>(sql.queryForList("select id from api_tokens where account_id = ?",
                Long.class, erikaId)));
        assertThat(export.get("audit_events")).hasSize(sql.queryForObject("select count(*) from audit_events"
                + " where actor = ? or subject = ?", Integer.class, ERIKA, ERIKA));
        var events = new HashSet<String>();
        export.get("audit_events").forEach(e -> events.add(e.get("event").asText()));
        assertThat(events).contains("account-created", "role-granted", "token-created", "token-used", "login-failed",
                "account-exported");
        var edits = new HashSet<String>();
        export.get("edits").forEach(e -> edits.add(e.get("place").asText() + "/" + e.get("version").asText()));
        assertThat(edits).isEqualTo(new HashSet<>(sql.queryForList("select place_id || '/' || version from place_versions"
                + " where account_id = ?", String.class, erikaId))).hasSize(2);
        assertThat(export.at("/sign_in_failures/0/failures").asInt()).isEqualTo(1);
        // never a hash, nothing about anybody else
        for (String hash : sql.queryForList("select secret_hash from api_tokens where account_id = ?", String.class, erikaId)) {
            assertThat(export.toString()).doesNotContain(hash);
        }
        assertThat(export.toString()).doesNotContain(OTTO).doesNotContain("test-admin").doesNotContain("Ottos Bank")
                .doesNotContain("Von Otto umbenannt").doesNotContain("password_hash").doesNotContain("$2a$");
        assertThat(export.at("/account/created_by").asText()).isEqualTo(PersonalData.SOMEONE);

        // an administrator gets the same; another account does not get it at all
        var byAdmin = ok(as(admin, "GET", "/admin/accounts/" + ERIKA.replace("@", "%40").toUpperCase() + "/export",
                null), 200);
        assertThat(byAdmin.get("edits")).isEqualTo(export.get("edits"));
        assertThat(byAdmin.get("tokens").size()).isEqualTo(export.get("tokens").size());
        assertThat(as(otto, "GET", "/admin/accounts/" + ERIKA + "/export", null).statusCode()).isEqualTo(403);

        // erased by the administrator
        int versionsOfA = sql.queryForObject("select count(*) from place_versions where place_id = ?", Integer.class, placeA);
        int eventsAboutErika = sql.queryForObject("select count(*) from audit_events where actor = ? or subject = ?",
                Integer.class, ERIKA, ERIKA);
        var erased = ok(as(admin, "POST", "/admin/accounts/" + ERIKA + "/erase", null), 200);
        String pseudonym = erased.get("pseudonym").asText();
        assertThat(pseudonym).matches("erased-[0-9a-f]{12}");

        assertThat(sql.queryForObject("select count(*) from accounts where id = ?", Integer.class, erikaId)).isZero();
        assertThat(sql.queryForObject("select count(*) from account_roles where account_id = ?", Integer.class, erikaId)).isZero();
        assertThat(sql.queryForObject("select count(*) from api_tokens where account_id = ?", Integer.class, erikaId)).isZero();
        assertThat(as(erika, "GET", "/account", null).statusCode()).isEqualTo(401);
        // history kept, pseudonymised; audit kept
        assertThat(sql.queryForObject("select count(*) from place_versions where place_id = ?", Integer.class, placeA))
                .isEqualTo(versionsOfA);
        assertThat(sql.queryForList("select erased_editor from place_versions where place_id = ? and account_id is null"
                + " order by version", String.class, placeA)).containsExactly(pseudonym, pseudonym);
        assertThat(sql.queryForObject("select count(*) from audit_events where (actor = ? or subject = ?)"
                + " and event <> 'account-erased'", Integer.class, pseudonym, pseudonym)).isEqualTo(eventsAboutErika);
        var adminHistory = ok(as(admin, "GET", "/places/" + placeA + "/history", null), 200).get("versions");
        var by = new ArrayList<String>();
        adminHistory.forEach(v -> by.add(v.get("by").asText()));
        assertThat(by).containsExactly(pseudonym, OTTO, pseudonym);
        var publicHistory = ok(send(HttpClient.newHttpClient(), "GET", "/places/" + placeA + "/history", null), 200);
        by.clear();
        publicHistory.get("versions").forEach(v -> by.add(v.get("by").asText()));
        assertThat(by).containsExactly("editor 1", "editor 2", "editor 1");

        // the login and the name: in no answer, public or administrative, and in no table
        var anonymous = HttpClient.newHttpClient();
        for (String path : List.of("/places/" + placeA, "/places/" + placeA + "/history",
                "/collections/mobility/items?limit=1000", "/places/nearby?lon=11.58&lat=49.98&radius=5000")) {
            var r = send(anonymous, "GET", path, null);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.body()).as(path).doesNotContainIgnoringCase("daten.erika").doesNotContain("Löschbar");
        }
        for (String path : List.of("/admin/accounts", "/admin/audit?limit=100000", "/admin/audit.csv?limit=100000",
                "/admin/accounts/" + OTTO, "/admin/accounts/" + OTTO + "/export", "/places/" + placeA + "/history")) {
            var r = as(admin, "GET", path, null);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.body()).as(path).doesNotContainIgnoringCase("daten.erika").doesNotContain("Löschbar");
        }
        assertThat(tablesMentioning("daten.erika")).isEmpty();
        assertThat(tablesMentioning("Löschbar")).isEmpty();
        assertThat(sql.queryForObject("select comment from place_versions where place_id = ? and version = 1",
                String.class, placeA)).isEqualTo("angelegt von " + pseudonym + " (" + pseudonym + ")");
    }

    @Test
    void anAccountErasesItselfWithItsSessionOnly() throws Exception {
        String token = testAccounts.token("daten.selbst", Role.MODERATOR, null);
        assertThat(as(token, "POST", "/account/erase", null).statusCode()).isEqualTo(403);
        var browser = signedIn("daten.selbst");
        assertThat(send(browser, "POST", "/account/erase", null).statusCode()).as("CSRF").isEqualTo(403);
        var erased = send(browser, "POST", "/account/erase", null, "X-CSRF-TOKEN", csrf(browser));
        String pseudonym = ok(erased, 200).get("pseudonym").asText();
        assertThat(send(browser, "GET", "/account", null).statusCode()).isEqualTo(401);
        assertThat(tablesMentioning("daten.selbst")).isEmpty();
        // its own erasure is recorded under the pseudonym, without its address
        assertThat(sql.queryForMap("select actor, remote_address from audit_events where event = 'account-erased'"
                + " and subject = ?", pseudonym)).containsEntry("actor", pseudonym).containsEntry("remote_address", null);
    }
}
