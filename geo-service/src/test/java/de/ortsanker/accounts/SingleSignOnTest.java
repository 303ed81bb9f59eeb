package de.ortsanker.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import de.ortsanker.ServiceTest;
import de.ortsanker.testing.TestSchema;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Single sign-on against a real OpenID Connect provider running in this JVM (NAV's mock-oauth2-server:
 * discovery, authorization endpoint, token endpoint, JWKS, RS256-signed ID tokens). The test is the browser:
 * it follows the redirects of the authorization code flow with a cookie jar, from
 * {@code /oauth2/authorization/county} through the provider back to the callback and into a session. The
 * provider is reached through a relay in the test, which can spoil the ID token on its way back: a token
 * whose signature was altered, or one that another issuer signed, must not sign anybody in.
 */
@ServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SingleSignOnTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"");
    private static final String CLIENT = "ortsanker-test";

    static final MockOAuth2Server provider = new MockOAuth2Server();
    static final Relay relay;

    static {
        provider.start();
        relay = new Relay(provider.baseUrl().toString());
    }

    @DynamicPropertySource
    static void singleSignOn(DynamicPropertyRegistry properties) {
        properties.add("ortsanker.oidc.issuer", () -> relay.base() + "county");
        properties.add("ortsanker.oidc.client-id", () -> CLIENT);
        properties.add("ortsanker.oidc.client-secret", () -> "nicht-so-geheim");
    }

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

    @AfterAll
    void stop() {
        relay.stop();
        provider.shutdown();
    }

    /** The provider's answer for the next sign-in: this subject, with these claims. */
    private static void nextSignIn(String subject, Map<String, Object> claims) {
        provider.enqueueCallback(new DefaultOAuth2TokenCallback("county", subject, "JWT", List.of(CLIENT), claims, 3600));
    }

    private static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
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

    /** The whole authorization code flow, as a browser follows it; the last answer. */
    private HttpResponse<String> signIn(HttpClient browser) throws Exception {
        return send(browser, "GET", "/oauth2/authorization/county", null);
    }

    /** Every address the browser was sent to, in order. */
    private static List<URI> hops(HttpResponse<?> last) {
        var hops = new ArrayList<URI>();
        for (var r = java.util.Optional.<HttpResponse<?>>of(last); r.isPresent(); r = r.get().previousResponse().map(p -> p)) {
            hops.add(0, r.get().uri());
        }
        return hops;
    }

    private String csrf(HttpClient browser) throws Exception {
        var m = CSRF.matcher(send(browser, "GET", "/login", null).body());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private JsonNode body(HttpResponse<String> r) throws Exception {
        return json.readTree(r.body());
    }

    private HttpResponse<String> createPlace(HttpClient browser, String name) throws Exception {
        String place = "{\"kind\": \"mitfahrbank\", \"name\": \"" + name + "\", \"source\": \"sso-quelle\","
                + " \"geometry\": {\"type\": \"Point\", \"coordinates\": [11.58, 49.98]}}";
        return send(browser, "POST", "/places", place, "X-CSRF-TOKEN", csrf(browser));
    }

    @Test
    void theProvidersIdentityIsAnAccountWhoseRolesAdministratorsGrant() throws Exception {
        nextSignIn("county-user-4711", Map.of("preferred_username", "Erika.SSO", "name", "Erika Einmalanmeldung"));
        var browser = browser();
        var last = signIn(browser);
        var hops = hops(last);
        // through the provider (its authorization endpoint) and back to the callback, ending signed in at /
        assertThat(hops).anySatisfy(u -> assertThat(u.toString()).startsWith(relay.base() + "county/authorize"));
        assertThat(hops).anySatisfy(u -> assertThat(u.getPath()).isEqualTo("/login/oauth2/code/county"));
        assertThat(last.uri().getPath()).isEqualTo("/");

        var me = send(browser, "GET", "/account", null);
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(body(me).at("/account/login").asText()).isEqualTo("erika.sso");
        assertThat(body(me).at("/account/display_name").asText()).isEqualTo("Erika Einmalanmeldung");
        assertThat(body(me).get("roles")).isEmpty();
        // mapped by issuer and subject; no password
        assertThat(sql.queryForMap("select a.login, a.password_hash, i.issuer from account_identities i"
                + " join accounts a on a.id = i.account_id where i.subject = 'county-user-4711'"))
                .containsEntry("login", "erika.sso").containsEntry("password_hash", null)
                .containsEntry("issuer", relay.base() + "county");

        // no role yet: the write is refused, and nothing is stored
        var refused = createPlace(browser, "Bank ohne Rolle");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(body(refused).get("missing-role").toString()).contains("source_steward");
        assertThat(sql.queryForObject("select count(*) from places where source = 'sso-quelle'", Integer.class)).isZero();

        // an administrator grants a role, as for a local account; the open session may write at once
        var grant = send(HttpClient.newHttpClient(), "POST", "/admin/accounts/erika.sso/roles",
                "{\"role\": \"source_steward\", \"territory\": \"sso-quelle\"}", "Authorization", "Bearer " + admin);
        assertThat(grant.statusCode()).as(grant.body()).isEqualTo(201);
        var created = createPlace(browser, "Bank mit Rolle");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(sql.queryForObject("select edited_by from places where source = 'sso-quelle'", String.class))
                .isEqualTo("erika.sso");

        // the next sign-in of the same identity is the same account, whatever name the provider sends now
        nextSignIn("county-user-4711", Map.of("preferred_username", "someone.else"));
        var again = browser();
        signIn(again);
        assertThat(body(send(again, "GET", "/account", null)).at("/account/login").asText()).isEqualTo("erika.sso");
        assertThat(sql.queryForObject("select count(*) from account_identities where subject = 'county-user-4711'",
                Integer.class)).isEqualTo(1);

        // a provider's user name that a local account holds is never taken over
        testAccounts.token("lokal.konto", null, null);
        nextSignIn("county-user-4712", Map.of("preferred_username", "lokal.konto"));
        var other = browser();
        signIn(other);
        String login = body(send(other, "GET", "/account", null)).at("/account/login").asText();
        assertThat(login).startsWith("sso-").isNotEqualTo("lokal.konto");

        // such an account has no password: the login form cannot sign it in
        var form = browser();
        var viaForm = send(form, "POST", "/login", "username=erika.sso&password="
                + URLEncoder.encode("", StandardCharsets.UTF_8) + "&_csrf=" + csrf(form),
                "Content-Type", "application/x-www-form-urlencoded");
        assertThat(viaForm.uri().toString()).contains("/login?error");

        var audit = body(send(HttpClient.newHttpClient(), "GET", "/admin/audit?login=erika.sso", null,
                "Authorization", "Bearer " + admin));
        var events = new ArrayList<String>();
        audit.forEach(e -> events.add(e.get("event").asText() + " " + e.at("/detail/via").asText()));
        assertThat(events).contains("account-created oidc", "login oidc");
    }

    @Test
    void publicReadsStaySessionFreeWithSingleSignOnOn() throws Exception {
        var anonymous = HttpClient.newHttpClient();
        for (String path : List.of("/collections?f=json", "/kinds", "/places/nearby?lon=11.58&lat=49.98&radius=5000")) {
            var r = send(anonymous, "GET", path, null);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.headers().firstValue("Set-Cookie")).as(path).isEmpty();
            assertThat(r.headers().firstValue("Cache-Control")).as(path).isNotEqualTo(java.util.Optional.of("no-store"));
        }
        // the sign-in page offers the provider
        assertThat(send(anonymous, "GET", "/login", null).body()).contains("oauth2/authorization/county");
    }

    @Test
    void anIdTokenThatDoesNotVerifySignsNobodyIn() throws Exception {
        for (var spoil : List.of(Relay.Spoil.SIGNATURE, Relay.Spoil.OTHER_ISSUER)) {
            int failures = sql.queryForObject("select count(*) from audit_events where event = 'login-failed'"
                    + " and detail ->> 'via' = 'oidc'", Integer.class);
            relay.spoil = spoil;
            try {
                nextSignIn("mallory-" + spoil, Map.of("preferred_username", "mallory"));
                var browser = browser();
                var last = signIn(browser);
                assertThat(last.uri().toString()).as(spoil.name()).endsWith("/login?error");
                assertThat(relay.spoiled).as("the relay changed the token").isTrue();
                assertThat(send(browser, "GET", "/account", null).statusCode()).isEqualTo(401);
            } finally {
                relay.spoil = Relay.Spoil.NONE;
                relay.spoiled = false;
            }
            assertThat(sql.queryForObject("select count(*) from account_identities where subject like 'mallory%'",
                    Integer.class)).isZero();
            assertThat(sql.queryForObject("select count(*) from accounts where login = 'mallory'", Integer.class)).isZero();
            // audited: one failed sign-in more, for the ID token
            assertThat(sql.queryForObject("select count(*) from audit_events where event = 'login-failed'"
                    + " and detail ->> 'via' = 'oidc'", Integer.class)).isEqualTo(failures + 1);
            assertThat(sql.queryForObject("select detail ->> 'reason' from audit_events where event = 'login-failed'"
                    + " and detail ->> 'via' = 'oidc' order by id desc limit 1", String.class)).isEqualTo("invalid_id_token");
        }
    }

    /**
     * A reverse proxy in front of the provider (it tells the provider its own address, X-Forwarded-Port, so
     * that the provider's issuer and endpoints are the relay's). It can spoil the ID token of the token
     * endpoint's answer: alter its signature, or replace it by one the same provider signed as another issuer.
     */
    static final class Relay {

        enum Spoil { NONE, SIGNATURE, OTHER_ISSUER }

        private static final Set<String> HOP = Set.of("host", "connection", "content-length", "transfer-encoding",
                "expect", "upgrade", "keep-alive");

        private final String target;
        private final HttpServer server;
        private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        private final ObjectMapper json = new ObjectMapper();
        volatile Spoil spoil = Spoil.NONE;
        volatile boolean spoiled;

        Relay(String target) {
            this.target = target.endsWith("/") ? target.substring(0, target.length() - 1) : target;
            try {
                server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            server.createContext("/", this::relay);
            server.start();
        }

        String base() {
            return "http://localhost:" + server.getAddress().getPort() + "/";
        }

        void stop() {
            server.stop(0);
        }

        private void relay(HttpExchange exchange) throws java.io.IOException {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                var request = HttpRequest.newBuilder(URI.create(target + exchange.getRequestURI()))
                        .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
                exchange.getRequestHeaders().forEach((name, values) -> {
                    if (!HOP.contains(name.toLowerCase())) {
                        values.forEach(v -> request.header(name, v));
                    }
                });
                request.header("X-Forwarded-Proto", "http");
                request.header("X-Forwarded-Port", String.valueOf(server.getAddress().getPort()));
                HttpResponse<byte[]> answer = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                byte[] out = answer.body();
                if (spoil != Spoil.NONE && exchange.getRequestURI().getPath().endsWith("/token")) {
                    out = spoiled(out);
                }
                answer.headers().map().forEach((name, values) -> {
                    if (!HOP.contains(name.toLowerCase()) && !name.startsWith(":")) {
                        exchange.getResponseHeaders().put(name, values);
                    }
                });
                exchange.sendResponseHeaders(answer.statusCode(), out.length == 0 ? -1 : out.length);
                exchange.getResponseBody().write(out);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private byte[] spoiled(byte[] tokens) throws java.io.IOException {
            var answer = (ObjectNode) json.readTree(tokens);
            String[] parts = answer.get("id_token").asText().split("\\.");
            String idToken;
            if (spoil == Spoil.SIGNATURE) {
                byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
                signature[signature.length / 2] ^= 0x5a;
                idToken = parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
            } else {
                // as the provider issues it, with the sign-in's nonce, but as issuer "evil" with that issuer's key
                var claims = json.readTree(Base64.getUrlDecoder().decode(parts[1]));
                idToken = provider.issueToken("evil", CLIENT, new DefaultOAuth2TokenCallback("evil",
                        claims.get("sub").asText(), "JWT", List.of(CLIENT), Map.of("nonce", claims.get("nonce").asText()),
                        3600)).serialize();
            }
            answer.put("id_token", idToken);
            spoiled = true;
            return json.writeValueAsBytes(answer);
        }
    }
}
