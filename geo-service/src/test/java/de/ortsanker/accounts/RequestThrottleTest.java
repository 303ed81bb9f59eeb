package de.ortsanker.accounts;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Throttling per client address and the lockout that a stranger cannot use against the owner. The test
 * connects from 127.0.0.1, a trusted proxy (ORTSANKER_TRUSTED_PROXIES' default), so the X-Forwarded-For it
 * sends is the client the service counts — as behind the county's reverse proxy.
 */
@ServiceTest
@TestPropertySource(properties = {"ortsanker.accounts.throttle.sign-in.burst=8",
        "ortsanker.accounts.throttle.sign-in.per-minute=1", "ortsanker.accounts.throttle.writes.burst=4",
        "ortsanker.accounts.throttle.writes.per-minute=1"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestThrottleTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts testAccounts;

    @Autowired
    TestSchema db;

    private final ObjectMapper json = new ObjectMapper();
    private JdbcTemplate sql;

    @BeforeAll
    void setUp() {
        sql = new JdbcTemplate(db.dataSource());
    }

    private HttpResponse<String> send(HttpClient client, String from, String method, String path, String body,
                                      String... headers) throws Exception {
        var b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        b.header("X-Forwarded-For", from);
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A browser at {@code from} posts the login form; the answer (302 to / or to /login?error, or 429). */
    private HttpResponse<String> signIn(String from, String login, String password) throws Exception {
        var browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        var page = send(browser, from, "GET", "/login", null);
        var m = CSRF.matcher(page.body());
        assertThat(m.find()).isTrue();
        return send(browser, from, "POST", "/login", "username=" + login + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + m.group(1),
                "Content-Type", "application/x-www-form-urlencoded");
    }

    private static boolean signedIn(HttpResponse<String> r) {
        return r.statusCode() == 302 && r.headers().firstValue("Location").orElse("").endsWith("/");
    }

    private static boolean refused(HttpResponse<String> r) {
        return r.statusCode() == 302 && r.headers().firstValue("Location").orElse("").endsWith("/login?error");
    }

    private void tooMany(HttpResponse<String> r) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(429);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t ->
                assertThat(t).startsWith("application/problem+json"));
        var problem = json.readTree(r.body());
        assertThat(problem.get("status").asInt()).isEqualTo(429);
        assertThat(problem.get("title").asText()).isEqualTo("Too Many Requests");
        // one per minute: the next one within 60 s
        long retryAfter = Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 60L);
        assertThat(problem.get("detail").asText()).contains("try again in " + retryAfter + " s");
    }

    @Test
    void aStrangersFailuresDoNotLockTheOwnerOut() throws Exception {
        testAccounts.token("opfer", Role.MODERATOR, null);
        String attacker = "198.51.100.7";
        for (int i = 0; i < 5; i++) {
            assertThat(refused(signIn(attacker, "opfer", "geraten " + i))).isTrue();
        }
        // locked for the attacker's address, even with the right password
        assertThat(refused(signIn(attacker, "opfer", TestAccounts.PASSWORD))).isTrue();
        assertThat(sql.queryForObject("select locked_until > now() + interval '14 minutes' from login_failures"
                + " where login = 'opfer' and client = ?", Boolean.class, attacker)).isTrue();
        // the owner, elsewhere, signs in; the attacker's lock stays
        assertThat(signedIn(signIn("203.0.113.20", "opfer", TestAccounts.PASSWORD))).isTrue();
        assertThat(refused(signIn(attacker, "opfer", TestAccounts.PASSWORD))).isTrue();
        // the audit log has the forwarded client, as the trusted-proxy rule gives it
        assertThat(sql.queryForList("select distinct remote_address from audit_events where subject = 'opfer'"
                + " and event = 'login-failed'", String.class)).containsExactly(attacker);
        assertThat(sql.queryForObject("select count(*) from audit_events where subject = 'opfer' and event = 'login'"
                + " and remote_address = '203.0.113.20'", Integer.class)).isEqualTo(1);
    }

    @Test
    void signInAttemptsPerAddressAreThrottled() throws Exception {
        String from = "192.0.2.50";
        for (int i = 0; i < 8; i++) {
            assertThat(refused(signIn(from, "niemand-" + i, "irgendwas " + i))).as("attempt " + (i + 1)).isTrue();
        }
        int failures = sql.queryForObject("select count(*) from audit_events where event = 'login-failed'", Integer.class);
        tooMany(signIn(from, "niemand-9", "irgendwas"));
        // refused before authentication: no failure counted, no bcrypt spent
        assertThat(sql.queryForObject("select count(*) from audit_events where event = 'login-failed'", Integer.class))
                .isEqualTo(failures);
        assertThat(sql.queryForObject("select count(*) from login_failures where login = 'niemand-9'", Integer.class)).isZero();
        // another address is not affected; reading is never throttled
        assertThat(refused(signIn("192.0.2.51", "niemand-9", "irgendwas"))).isTrue();
        var client = HttpClient.newHttpClient();
        assertThat(send(client, from, "GET", "/collections", null).statusCode()).isEqualTo(200);
        // IPv6 clients count by /64: a neighbour address in the same network shares the bucket
        for (int i = 0; i < 8; i++) {
            signIn("2001:db8:aa:1::" + Integer.toHexString(i + 1), "niemand", "x" + i);
        }
        tooMany(signIn("2001:db8:aa:1:ffff::9", "niemand", "y"));
        assertThat(refused(signIn("2001:db8:aa:2::1", "niemand", "y"))).isTrue();
        assertThat(sql.queryForObject("select count(*) from audit_events where event = 'login-throttled'",
                Integer.class)).isEqualTo(2);
    }

    @Test
    void writesPerAddressAreThrottled() throws Exception {
        String token = testAccounts.token("schreiber", Role.MODERATOR, null);
        String from = "192.0.2.60";
        var client = HttpClient.newHttpClient();
        for (int i = 0; i < 4; i++) {
            var r = send(client, from, "POST", "/places", "{}", "Authorization", "Bearer " + token,
                    "Content-Type", "application/json");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(422);   // passed the throttle: checked, refused
        }
        tooMany(send(client, from, "POST", "/places", "{}", "Authorization", "Bearer " + token,
                "Content-Type", "application/json"));
        tooMany(send(client, from, "DELETE", "/account/tokens/1", null, "Authorization", "Bearer " + token));
        assertThat(send(client, from, "GET", "/account", null, "Authorization", "Bearer " + token).statusCode())
                .isEqualTo(200);
        assertThat(send(client, "192.0.2.61", "POST", "/places", "{}", "Authorization", "Bearer " + token,
                "Content-Type", "application/json").statusCode()).isEqualTo(422);
    }
}
