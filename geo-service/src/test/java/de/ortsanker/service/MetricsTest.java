package de.ortsanker.service;

import static org.assertj.core.api.Assertions.assertThat;

import de.ortsanker.ServiceTest;
import de.ortsanker.testing.TestSchema;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/** The operator's metrics in Prometheus format, when exposed (they are not by default: MetricsNotPublicTest). */
@ServiceTest
@AutoConfigureObservability  // Spring Boot's tests leave metric exporters off otherwise
@DirtiesContext
@TestPropertySource(properties = "management.endpoints.web.exposure.include=health,info,prometheus")
class MetricsTest {

    @LocalServerPort
    int port;

    @Autowired
    TestSchema db;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void requestClassesPoolTilesTimeoutsAndImportRuns() throws Exception {
        db.execute("insert into import_runs (source, status, finished_at) values ('a', 'succeeded', now()),"
                + " ('b', 'failed', now()), ('c', 'failed', now())");
        assertThat(get("/places/nearby?lon=11.6&lat=50").statusCode()).isEqualTo(200);
        assertThat(get("/map/suggest?q=Harsdorf").statusCode()).isEqualTo(200);
        assertThat(get("/places/nearby?lon=500&lat=50").statusCode()).isEqualTo(400);
        String tile = "/tiles/clubs/14/8718/5561.mvt";
        get(tile);
        get(tile);

        var r = get("/actuator/prometheus");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body())
                .contains("ortsanker_requests_seconds_count{class=\"interactive\",outcome=\"SUCCESS\"} 1")
                .contains("ortsanker_requests_seconds_count{class=\"interactive\",outcome=\"CLIENT_ERROR\"} 1")
                .contains("ortsanker_requests_seconds_count{class=\"search\",outcome=\"SUCCESS\"} 1")
                .contains("ortsanker_requests_seconds_count{class=\"tiles\",outcome=\"SUCCESS\"} 2")
                .contains("ortsanker_tile_cache_hits_total 1", "ortsanker_tile_cache_misses_total 1")
                .contains("ortsanker_requests_refused_total{class=\"search\"} 0")
                .contains("ortsanker_statement_timeouts_total")
                .contains("ortsanker_import_runs{status=\"succeeded\"} 1.0", "ortsanker_import_runs{status=\"failed\"} 2.0")
                .contains("hikaricp_connections_active{pool=\"ortsanker\"}", "hikaricp_connections_pending{pool=\"ortsanker\"}")
                .contains("hikaricp_connections_acquire_seconds_count{pool=\"ortsanker\"}");
    }
}
