package de.ortsanker.service;

import static org.assertj.core.api.Assertions.assertThat;

import de.ortsanker.ServiceTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** With the default configuration the metrics are not public: only health and info are exposed. */
@ServiceTest
class MetricsNotPublicTest {

    @LocalServerPort
    int port;

    @Test
    void prometheusIsNotExposedByDefault() throws Exception {
        var http = HttpClient.newHttpClient();
        var metrics = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.statusCode()).isEqualTo(404);
        assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        var readiness = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(readiness.statusCode()).isEqualTo(200);
    }
}
