package de.ortsanker.service;

import static org.assertj.core.api.Assertions.assertThat;

import de.ortsanker.ServiceTest;
import de.ortsanker.testing.TestSchema;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/** Conditional requests keyed on data versions, CORS for secured portals, and gzip. */
@ServiceTest
@Import(HttpSemanticsTest.ClubsProbe.class)
@TestPropertySource(properties = "ortsanker.cors.origins=https://geoportal.lkee.de,https://*.example.org")
class HttpSemanticsTest {

    /** A probe endpoint (test classpath only) answering from the club layer. */
    @RestController
    static class ClubsProbe {
        private final ConditionalResponses conditional;

        ClubsProbe(ConditionalResponses conditional) {
            this.conditional = conditional;
        }

        @GetMapping("/test-probe/clubs")
        String clubs(WebRequest request) {
            if (conditional.notModified(request, List.of("clubs"), "json")) {
                return null;
            }
            return "{\"clubs\":\"" + "x".repeat(4000) + "\"}";
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    TestSchema db;

    private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    @Test
    void unchangedDataAnswers304AndAChangeInvalidates() throws Exception {
        var first = send(get("/test-probe/clubs"));
        assertThat(first.statusCode()).isEqualTo(200);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(first.headers().firstValue("Last-Modified")).isPresent();

        var again = send(get("/test-probe/clubs").header("If-None-Match", etag));
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();

        // A change in another layer leaves the club answer valid …
        db.execute("insert into places (kind, geom, source, source_id, licence, attribution)"
                + " values ('bus_stop', ST_Point(11.57, 50.03, 4326), 'http-test', 'stop', 'x', 'y')");
        assertThat(send(get("/test-probe/clubs").header("If-None-Match", etag)).statusCode()).isEqualTo(304);

        // … a change to a club does not.
        db.execute("insert into places (kind, name, geom, source, source_id, licence, attribution)"
                + " values ('club', 'SV Harsdorf', ST_Point(11.57, 50.03, 4326), 'http-test', 'club', 'x', 'y')");
        var changed = send(get("/test-probe/clubs").header("If-None-Match", etag));
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.headers().firstValue("ETag")).isPresent().isNotEqualTo(etag);
        db.execute("delete from places where source = 'http-test'");
    }

    @Test
    void aListedPortalGetsItsOriginEchoedWithCredentials() throws Exception {
        var r = send(get("/test-probe/clubs").header("Origin", "https://geoportal.lkee.de"));
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).contains("https://geoportal.lkee.de");
        assertThat(r.headers().firstValue("Access-Control-Allow-Credentials")).contains("true");

        var pattern = send(get("/test-probe/clubs").header("Origin", "https://maps.example.org"));
        assertThat(pattern.headers().firstValue("Access-Control-Allow-Origin")).contains("https://maps.example.org");

        var preflight = send(get("/test-probe/clubs").method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://geoportal.lkee.de").header("Access-Control-Request-Method", "GET"));
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains("https://geoportal.lkee.de");
    }

    @Test
    void anUnlistedOriginReadsOpenDataWithoutCredentials() throws Exception {
        // Issue 17: open data stays readable from anywhere; only credentials are the portals' (OpenDataCors).
        var r = send(get("/test-probe/clubs").header("Origin", "https://evil.example.com"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
        assertThat(r.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
    }

    @Test
    void compressesWhenAsked() throws Exception {
        var r = HttpClient.newHttpClient().send(get("/test-probe/clubs").header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(r.body().length).isLessThan(1000);
    }
}
