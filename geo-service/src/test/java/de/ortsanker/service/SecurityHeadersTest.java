package de.ortsanker.service;

import static org.assertj.core.api.Assertions.assertThat;

import de.ortsanker.ServiceTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Security headers on every answer, /embed framed only by the configured portals, forwarded headers believed
 * only from configured proxies, and open data readable from any origin without credentials although a
 * portal with credentials is configured (issue 17, item 9).
 */
@ServiceTest
@DirtiesContext
@TestPropertySource(properties = {
        "ortsanker.security.embed-origins=https://portal.landkreis-bayreuth.de",
        "ortsanker.cors.origins=https://geoportal.lkee.de",
        // The test client (127.0.0.1) is no trusted proxy here.
        "server.tomcat.remoteip.internal-proxies=10\\.9\\.9\\.9"})
class SecurityHeadersTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(String method, String path, String... headers) throws Exception {
        var b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String header(HttpResponse<?> r, String name) {
        return r.headers().firstValue(name).orElse(null);
    }

    @Test
    void pagesAndDataCarryTheSecurityHeaders() throws Exception {
        for (String path : new String[] {"/map/", "/places/nearby?lon=11.6&lat=50", "/collections?f=html", "/nothing"}) {
            var r = send("GET", path);
            assertThat(header(r, "X-Content-Type-Options")).as(path).isEqualTo("nosniff");
            assertThat(header(r, "Referrer-Policy")).as(path).isEqualTo("strict-origin-when-cross-origin");
            assertThat(header(r, "Content-Security-Policy")).as(path)
                    .contains("script-src 'self'", "object-src 'none'").endsWith("frame-ancestors 'self'");
        }
    }

    @Test
    void onlyTheConfiguredPortalsMayFrameTheEmbeddedMap() throws Exception {
        var embed = send("GET", "/embed");
        assertThat(embed.statusCode()).isEqualTo(200);
        assertThat(header(embed, "Content-Security-Policy"))
                .endsWith("frame-ancestors 'self' https://portal.landkreis-bayreuth.de");
        assertThat(header(send("GET", "/map/"), "Content-Security-Policy"))
                .doesNotContain("portal.landkreis-bayreuth.de");
    }

    @Test
    void openDataIsReadableFromAnyOriginWithoutCredentials() throws Exception {
        var other = send("GET", "/places/nearby?lon=11.6&lat=50", "Origin", "https://example.org");
        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(header(other, "Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(header(other, "Access-Control-Allow-Credentials")).isNull();
        var preflight = send("OPTIONS", "/collections/clubs/items", "Origin", "https://example.org",
                "Access-Control-Request-Method", "GET");
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(header(preflight, "Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(header(preflight, "Access-Control-Allow-Credentials")).isNull();

        var portal = send("GET", "/places/nearby?lon=11.6&lat=50", "Origin", "https://geoportal.lkee.de");
        assertThat(header(portal, "Access-Control-Allow-Origin")).isEqualTo("https://geoportal.lkee.de");
        assertThat(header(portal, "Access-Control-Allow-Credentials")).isEqualTo("true");
    }

    @Test
    void forwardedHeadersFromAnUntrustedClientDoNotRewriteLinks() throws Exception {
        var r = send("GET", "/collections", "X-Forwarded-Proto", "https", "X-Forwarded-Host", "evil.example",
                "Accept", "application/json");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("http://localhost:" + port + "/collections").doesNotContain("evil.example");
    }
}
