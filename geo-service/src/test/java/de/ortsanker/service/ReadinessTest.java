package de.ortsanker.service;

import static org.assertj.core.api.Assertions.assertThat;

import de.ortsanker.testing.TcpProxy;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * Readiness follows the database: DOWN within seconds when it becomes unreachable, UP again by itself
 * when it is back — no restart. The database "goes away" by cutting a TCP relay in front of the real
 * PostGIS, which for the service is the same as the server stopping.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = ReadinessTest.ThroughRelay.class)
@ExtendWith(OutputCaptureExtension.class)
class ReadinessTest {

    private static final TcpProxy relay = RelayedDatabase.startRelay();

    static class ThroughRelay extends RelayedDatabase {
        @Override
        protected TcpProxy relay() {
            return relay;
        }
    }

    @AfterAll
    static void closeRelay() throws IOException {
        relay.close();
    }

    @LocalServerPort
    int port;

    private String readiness() throws Exception {
        var r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                        .timeout(Duration.ofSeconds(8)).build(),
                HttpResponse.BodyHandlers.ofString());
        return r.statusCode() + " " + r.body();
    }

    private Duration waitFor(String status, Duration limit) throws Exception {
        Instant start = Instant.now();
        while (Duration.between(start, Instant.now()).compareTo(limit) < 0) {
            // the overall status leads the document; the components' own (readinessState: UP) follow
            if (readiness().contains(" {\"status\":\"" + status + "\"")) {
                return Duration.between(start, Instant.now());
            }
            Thread.sleep(200);
        }
        throw new AssertionError("readiness not " + status + " within " + limit + ": " + readiness());
    }

    @Test
    void followsTheDatabaseDownAndBackUp(CapturedOutput log) throws Exception {
        assertThat(readiness()).startsWith("200").contains("\"status\":\"UP\"");

        relay.cut();
        Duration down = waitFor("DOWN", Duration.ofSeconds(10));
        assertThat(readiness()).startsWith("503").contains("\"database\":{\"status\":\"DOWN\"");
        // Liveness is about the process, not its dependencies: the orchestrator must not restart us.
        var liveness = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/liveness")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(liveness.statusCode()).isEqualTo(200);
        // Requests meanwhile are told to come back, not given an internal error.
        var during = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/places/nearby?lon=11.6&lat=50.0&radius=1000")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(during.statusCode()).isEqualTo(503);
        assertThat(during.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(during.headers().firstValue("Retry-After")).hasValue("10");
        assertThat(during.body()).contains("the database is not reachable or too busy at the moment");

        relay.restore();
        Duration up = waitFor("UP", Duration.ofSeconds(10));
        assertThat(down).isLessThan(Duration.ofSeconds(10));
        assertThat(up).isLessThan(Duration.ofSeconds(10));

        // The outage is told once as it starts and once as it ends, not as a stack trace per probe.
        assertThat(log.getOut().split("readiness DOWN until it is back", -1)).hasSize(2);
        assertThat(log.getOut()).contains("database reachable again").doesNotContain("\tat org.postgresql");
    }
}
