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
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Accounts over HTTP as clients meet them: 401/403 problem documents, the administrators' API, tokens
 * (hashed at rest, expiring, revocable), sign-in lockout, CSRF on session posts, the audit log — and no
 * account data in any public answer.
 */
@ServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountsApiTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"");

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

    private HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
        return send(HttpClient.newHttpClient(), method, path, body, headers);
    }

    private HttpResponse<String> asAdmin(String method, String path, String body) throws Exception {
        return send(method, path, body, "Authorization", "Bearer " + admin);
    }

    private static void problem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t ->
                assertThat(t).startsWith("application/problem+json"));
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at de.ortsanker");
    }

    private JsonNode body(HttpResponse<String> response) throws Exception {
        return json.readTree(response.body());
    }

    @Test
    void withoutAuthenticationEveryAccountEndpointAnswers401() throws Exception {
        for (String[] call : new String[][] {{"GET", "/admin/accounts"}, {"POST", "/admin/accounts"},
                {"GET", "/admin/audit"}, {"GET", "/admin/audit.csv"}, {"DELETE", "/admin/tokens/1"},
                {"GET", "/account"}, {"POST", "/account/tokens"}}) {
            var answer = send(call[0], call[1], call[0].equals("POST") ? "{}" : null);
            problem(answer, 401);
            assertThat(answer.headers().firstValue("WWW-Authenticate")).isPresent();
            assertThat(answer.headers().firstValue("Cache-Control")).hasValue("no-store");
        }
        problem(send("GET", "/account", null, "Authorization", "Bearer oat_guessed"), 401);
    }

    @Test
    void othersThanTheAdministratorGet403NamingTheRole() throws Exception {
        String steward = testAccounts.token("api-steward", Role.MUNICIPALITY_STEWARD, "12062224");
        for (String path : List.of("/admin/accounts", "/admin/audit")) {
            var answer = send("GET", path, null, "Authorization", "Bearer " + steward);
            problem(answer, 403);
            assertThat(body(answer).get("missing-role").get(0).asText()).isEqualTo("county_administrator");
        }
        String adminWithoutAdminister = testAccounts.token("test-admin", Role.COUNTY_ADMINISTRATOR, null, Scope.EDIT);
        var unscoped = send("GET", "/admin/accounts", null, "Authorization", "Bearer " + adminWithoutAdminister);
        problem(unscoped, 403);
        assertThat(body(unscoped).get("missing-scope").asText()).isEqualTo("administer");
    }

    @Test
    void theAdministratorManagesAccountsRolesAndTokens() throws Exception {
        // the password policy, each rule named on the field
        for (String[] bad : new String[][] {{"kurz12", "at least 12"}, {"Password1234", "commonly used"},
                {"xx-api-herzberg-xx", "must not contain the login"}}) {
            var refused = asAdmin("POST", "/admin/accounts",
                    "{\"login\":\"api-herzberg\",\"password\":\"" + bad[0] + "\"}");
            problem(refused, 400);
            assertThat(body(refused).get("invalid-params").get(0).get("name").asText()).isEqualTo("password");
            assertThat(body(refused).get("invalid-params").get(0).get("reason").asText()).contains(bad[1]);
            assertThat(refused.body()).doesNotContain(bad[0]);
        }
        problem(asAdmin("POST", "/admin/accounts", "{\"login\":\"A B\",\"password\":\"" + TestAccounts.PASSWORD + "\"}"), 400);

        var created = asAdmin("POST", "/admin/accounts", "{\"login\":\"api-herzberg\",\"display_name\":\"Stadt Herzberg\","
                + "\"password\":\"" + TestAccounts.PASSWORD + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).doesNotContain("password").doesNotContain("$2a$");
        assertThat(sql.queryForObject("select password_hash from accounts where login = 'api-herzberg'", String.class))
                .startsWith("$2a$12$").doesNotContain(TestAccounts.PASSWORD);
        problem(asAdmin("POST", "/admin/accounts", "{\"login\":\"api-herzberg\",\"password\":\""
                + TestAccounts.PASSWORD + "\"}"), 400);

        var badTerritory = asAdmin("POST", "/admin/accounts/api-herzberg/roles",
                "{\"role\":\"municipality_steward\",\"territory\":\"Herzberg\"}");
        problem(badTerritory, 400);
        assertThat(body(badTerritory).get("invalid-params").get(0).get("name").asText()).isEqualTo("territory");
        var grant = asAdmin("POST", "/admin/accounts/api-herzberg/roles",
                "{\"role\":\"municipality_steward\",\"territory\":\"12062224\"}");
        assertThat(grant.statusCode()).as(grant.body()).isEqualTo(201);
        long grantId = body(grant).get("id").asLong();

        for (String[] bad : new String[][] {{"{\"name\":\"x\",\"scopes\":[\"edit\"],\"expires_in_days\":400}", "expires_in_days"},
                {"{\"name\":\"x\",\"scopes\":[\"root\"]}", "scopes"}, {"{\"name\":\"x\",\"scopes\":[]}", "scopes"},
                {"{\"scopes\":[\"edit\"]}", "name"}}) {
            var refused = asAdmin("POST", "/admin/accounts/api-herzberg/tokens", bad[0]);
            problem(refused, 400);
            assertThat(body(refused).get("invalid-params").get(0).get("name").asText()).isEqualTo(bad[1]);
        }
        var issued = asAdmin("POST", "/admin/accounts/api-herzberg/tokens",
                "{\"name\":\"Stadtportal\",\"scopes\":[\"edit\"],\"expires_in_days\":30}");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        String token = body(issued).get("token").asText();
        var me = send("GET", "/account", null, "Authorization", "Bearer " + token);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(body(me).get("account").get("login").asText()).isEqualTo("api-herzberg");
        assertThat(body(me).get("roles").get(0).get("territory").asText()).isEqualTo("12062224");

        var view = body(asAdmin("GET", "/admin/accounts/api-herzberg", null));
        assertThat(view.get("tokens").get(0).get("name").asText()).isEqualTo("Stadtportal");
        assertThat(view.toString()).doesNotContain(token).doesNotContain("secret");
        assertThat(asAdmin("DELETE", "/admin/accounts/api-herzberg/roles/" + grantId, null).statusCode()).isEqualTo(204);
        assertThat(body(send("GET", "/account", null, "Authorization", "Bearer " + token)).get("roles")).isEmpty();
        problem(asAdmin("DELETE", "/admin/accounts/api-herzberg/roles/" + grantId, null), 404);

        // the audit log: who did what to whom, as JSON and as CSV
        var audit = body(asAdmin("GET", "/admin/audit?login=api-herzberg", null));
        var events = new ArrayList<String>();
        audit.forEach(e -> events.add(e.get("event").asText() + " by " + e.get("actor").asText()));
        assertThat(events).contains("account-created by test-admin", "role-granted by test-admin",
                "role-revoked by test-admin", "token-created by test-admin");
        var csv = asAdmin("GET", "/admin/audit.csv?login=api-herzberg", null);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        var lines = csv.body().split("\r\n");
        assertThat(lines[0]).isEqualTo("id,at,event,actor,subject,detail,remote_address");
        assertThat(lines).anySatisfy(l -> assertThat(l).contains(",role-granted,test-admin,api-herzberg,")
                .contains("12062224"));
        assertThat(lines).hasSize(audit.size() + 1);
    }

    @Test
    void tokensAreHashedAtRestExpireAndCanBeRevoked() throws Exception {
        String token = testAccounts.token("api-tokens", Role.MODERATOR, null);
        assertThat(token).startsWith("oat_").hasSizeGreaterThan(40);
        // at rest: the SHA-256 (computed here by PostgreSQL, not by the code under test), never the token
        assertThat(sql.queryForObject("select count(*) from api_tokens where secret_hash ="
                + " encode(sha256(convert_to(?, 'UTF8')), 'hex')", Integer.class, token)).isEqualTo(1);
        assertThat(sql.queryForObject("select count(*) from api_tokens t where t::text like '%' || ? || '%'",
                Integer.class, token.substring(4, 20))).isZero();
        assertThat(send("GET", "/account", null, "Authorization", "Bearer " + token).statusCode()).isEqualTo(200);
        assertThat(sql.queryForObject("select last_used_at is not null from api_tokens where secret_hash ="
                + " encode(sha256(convert_to(?, 'UTF8')), 'hex')", Boolean.class, token)).isTrue();

        sql.update("update api_tokens set expires_at = now() - interval '1 second' where secret_hash ="
                + " encode(sha256(convert_to(?, 'UTF8')), 'hex')", token);
        var expired = send("GET", "/account", null, "Authorization", "Bearer " + token);
        problem(expired, 401);
        assertThat(expired.body()).contains("expired or revoked");

        String second = testAccounts.token("api-tokens", Role.MODERATOR, null);
        long id = sql.queryForObject("select id from api_tokens where secret_hash = encode(sha256(convert_to(?, 'UTF8')),"
                + " 'hex')", Long.class, second);
        var listed = send("GET", "/account/tokens", null, "Authorization", "Bearer " + second);
        assertThat(listed.body()).contains("\"id\":" + id).doesNotContain(second);
        // a token revokes itself (no CSRF: a Bearer request), then is refused
        assertThat(send("DELETE", "/account/tokens/" + id, null, "Authorization", "Bearer " + second).statusCode())
                .isEqualTo(204);
        problem(send("GET", "/account", null, "Authorization", "Bearer " + second), 401);
        // tokens cannot make tokens
        String third = testAccounts.token("api-tokens", Role.MODERATOR, null);
        var minted = send("POST", "/account/tokens", "{\"name\":\"x\",\"scopes\":[\"edit\"]}", "Authorization",
                "Bearer " + third);
        problem(minted, 403);

        var events = body(asAdmin("GET", "/admin/audit?login=api-tokens", null));
        var names = new ArrayList<String>();
        events.forEach(e -> names.add(e.get("event").asText()));
        assertThat(names).contains("token-created", "token-used", "token-revoked");
    }

    /** A browser session: GET /login for the CSRF token, POST the form. */
    private HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    }

    private String csrf(HttpClient browser) throws Exception {
        var page = send(browser, "GET", "/login", null);
        var m = CSRF.matcher(page.body());
        assertThat(m.find()).as(page.body()).isTrue();
        return m.group(1);
    }

    private HttpResponse<String> signIn(HttpClient browser, String login, String password) throws Exception {
        return send(browser, "POST", "/login", "username=" + login + "&password="
                        + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + csrf(browser),
                "Content-Type", "application/x-www-form-urlencoded");
    }

    @Test
    void repeatedFailuresLockTheLoginEvenForTheRightPassword() throws Exception {
        testAccounts.token("api-locked", Role.MODERATOR, null);
        var browser = browser();
        for (int i = 0; i < 5; i++) {
            var failed = signIn(browser, "api-locked", "not the password " + i);
            assertThat(failed.statusCode()).isEqualTo(302);
            assertThat(failed.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
        }
        assertThat(sql.queryForObject("select failures = 5 and locked_until > now() + interval '14 minutes'"
                + " from login_failures where login = 'api-locked'", Boolean.class)).isTrue();
        var locked = signIn(browser, "api-locked", TestAccounts.PASSWORD);
        assertThat(locked.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
        problem(send(browser, "GET", "/account", null), 401);

        var events = body(asAdmin("GET", "/admin/audit?login=api-locked", null));
        var names = new ArrayList<String>();
        events.forEach(e -> names.add(e.get("event").asText()));
        assertThat(names.stream().filter("login-failed"::equals)).hasSize(5);
        assertThat(names).contains("login-locked", "login-refused").doesNotContain("login");

        assertThat(asAdmin("DELETE", "/admin/accounts/api-locked/lockout", null).statusCode()).isEqualTo(204);
        var signedIn = signIn(browser, "api-locked", TestAccounts.PASSWORD);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        assertThat(body(send(browser, "GET", "/account", null)).get("account").get("login").asText()).isEqualTo("api-locked");
    }

    @Test
    void unknownLoginsAreThrottledAlike() throws Exception {
        var browser = browser();
        for (int i = 0; i < 5; i++) {
            signIn(browser, "api-nobody-such", "whatever it is " + i);
        }
        assertThat(sql.queryForObject("select locked_until > now() from login_failures where login = 'api-nobody-such'",
                Boolean.class)).isTrue();
    }

    @Test
    void sessionPostsNeedTheCsrfToken() throws Exception {
        testAccounts.token("api-csrf", Role.MODERATOR, null);
        var browser = browser();
        // signing in without the form's token is refused
        var forged = send(browser, "POST", "/login", "username=api-csrf&password="
                + URLEncoder.encode(TestAccounts.PASSWORD, StandardCharsets.UTF_8), "Content-Type",
                "application/x-www-form-urlencoded");
        problem(forged, 403);
        assertThat(forged.body()).contains("CSRF");

        assertThat(signIn(browser, "api-csrf", TestAccounts.PASSWORD).headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        String newToken = "{\"name\":\"mein Skript\",\"scopes\":[\"moderate\"],\"expires_in_days\":7}";
        var withoutCsrf = send(browser, "POST", "/account/tokens", newToken);
        problem(withoutCsrf, 403);
        assertThat(withoutCsrf.body()).contains("CSRF");
        assertThat(sql.queryForObject("select count(*) from api_tokens t join accounts a on a.id = t.account_id"
                + " where a.login = 'api-csrf' and t.name = 'mein Skript'", Integer.class)).isZero();

        var withCsrf = send(browser, "POST", "/account/tokens", newToken, "X-CSRF-TOKEN", csrf(browser));
        assertThat(withCsrf.statusCode()).as(withCsrf.body()).isEqualTo(201);
        assertThat(body(withCsrf).get("token").asText()).startsWith("oat_");
    }

    @Test
    void publicAnswersCarryNoAccountData() throws Exception {
        var created = asAdmin("POST", "/admin/accounts", "{\"login\":\"erika.geheim@example.org\",\"display_name\":"
                + "\"Erika Mustermann-Geheim\",\"password\":\"" + TestAccounts.PASSWORD + "\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        asAdmin("POST", "/admin/accounts/erika.geheim@example.org/roles",
                "{\"role\":\"source_steward\",\"territory\":\"Geheimquelle-Erika\"}");
        var secrets = List.of("erika", "Mustermann-Geheim", "Geheimquelle", "test-admin", "$2a$", "oat_");

        // every GET the OpenAPI document lists, path variables filled with the collections and kinds
        var api = body(send("GET", "/api/openapi.json", null));
        var collections = new ArrayList<String>();
        body(send("GET", "/collections?f=json", null)).get("collections").forEach(c -> collections.add(c.get("id").asText()));
        var paths = new ArrayList<String>();
        api.get("paths").fields().forEachRemaining(p -> {
            if (!p.getValue().has("get") || p.getKey().startsWith("/admin") || p.getKey().startsWith("/account")) {
                return;
            }
            if (p.getKey().contains("{collectionId}") && !p.getKey().replace("{collectionId}", "").contains("{")) {
                collections.forEach(c -> paths.add(p.getKey().replace("{collectionId}", c)));
            } else if (!p.getKey().contains("{")) {
                paths.add(p.getKey());
            }
        });
        // (no search for the secrets themselves: answers rightly echo the query in their links)
        paths.addAll(List.of("/", "/login", "/places/search?q=Herzberg", "/places/nearby?lat=51.68&lon=13.23&radius=50000",
                "/planning/publications", "/map/config.json"));
        assertThat(paths).hasSizeGreaterThan(20);
        assertThat(api.get("paths").has("/admin/accounts")).as("the administrators' API is documented in /api").isTrue();
        assertThat(api.get("paths").has("/admin/audit.csv")).isTrue();
        for (String path : paths) {
            var answer = send("GET", path, null);
            assertThat(answer.statusCode()).as(path).isLessThan(500);
            for (String secret : secrets) {
                assertThat(answer.body()).as(path).doesNotContainIgnoringCase(secret);
            }
        }
    }

    @Test
    void publicAnswersKeepTheirHeaders() throws Exception {
        // Spring Security's default headers (no-cache, frame denial) would break caching and the embed page
        var landing = send("GET", "/collections?f=json", null);
        assertThat(landing.headers().firstValue("Cache-Control")).isNotEqualTo(java.util.Optional.of("no-store"));
        assertThat(landing.headers().firstValue("X-Frame-Options")).isEmpty();
        assertThat(landing.headers().firstValue("Set-Cookie")).as("no session for public reads").isEmpty();
        assertThat(landing.headers().firstValue("Pragma")).isEmpty();
    }
}
