package de.ortsanker.service;

import static org.assertj.core.api.Assertions.assertThat;

import de.ortsanker.ServiceTest;
import de.ortsanker.problem.InvalidParameter;
import de.ortsanker.problem.NotFound;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Errors reach clients as RFC 9457 problem documents that say what to fix, never as stack traces. */
@ServiceTest
@Import(ProblemResponsesTest.ProbeController.class)
class ProblemResponsesTest {

    /** A probe endpoint (test classpath only) that exercises the shared error handling. */
    @RestController
    static class ProbeController {
        @GetMapping("/test-probe/echo")
        String echo(@RequestParam double lat, @RequestParam(required = false) String mode) {
            if ("invalid".equals(mode)) {
                throw new InvalidParameter("mode", "must be 'walk' or 'bike'");
            }
            if ("missing".equals(mode)) {
                throw new NotFound("place 42 does not exist");
            }
            if ("boom".equals(mode)) {
                throw new IllegalStateException("secret internal detail");
            }
            return "ok " + lat;
        }
    }

    @LocalServerPort
    int port;

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void unknownPathIs404Problem() throws Exception {
        var r = get("/no/such/thing");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("content-type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("application/problem+json"));
        assertThat(r.body()).contains("\"status\":404");
    }

    @Test
    void wrongTypeNamesTheParameter() throws Exception {
        var r = get("/test-probe/echo?lat=north");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("content-type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("application/problem+json"));
        assertThat(r.body()).contains("parameter 'lat': must be a number, got 'north'")
                .contains("\"invalid-params\":[{\"name\":\"lat\"");
    }

    @Test
    void missingParameterIsNamed() throws Exception {
        var r = get("/test-probe/echo");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("parameter 'lat': is required");
    }

    @Test
    void invalidParameterAndNotFoundFromEndpoints() throws Exception {
        var invalid = get("/test-probe/echo?lat=1&mode=invalid");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("parameter 'mode': must be 'walk' or 'bike'");
        var missing = get("/test-probe/echo?lat=1&mode=missing");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("place 42 does not exist");
    }

    @Test
    void unexpectedFailureHidesItsInternals() throws Exception {
        var r = get("/test-probe/echo?lat=1&mode=boom");
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.headers().firstValue("content-type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("application/problem+json"));
        assertThat(r.body()).contains("reference").doesNotContain("secret internal detail").doesNotContain("at de.ortsanker");
    }
}
