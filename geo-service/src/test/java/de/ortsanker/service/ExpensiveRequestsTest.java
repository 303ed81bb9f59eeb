package de.ortsanker.service;

import static org.assertj.core.api.Assertions.assertThat;

import de.ortsanker.ServiceTest;
import de.ortsanker.testing.TestSchema;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A burst of slow searches cannot starve the cheap requests (issue 17: 32 two-letter searches took all
 * connections, every answer 503, readiness DOWN). The searches are made slow for certain: a test session
 * holds a lock on {@code localities}, which type-ahead reads and nearby (by coordinates) and items do not,
 * so every type-ahead waits until its statement timeout. Meanwhile nearby, items and a tile answer 200,
 * readiness stays UP, and the searches beyond the search class's slots are turned away with 429 and
 * Retry-After, or 503 when their statement timed out — never a 500, never a hang.
 */
@ServiceTest
class ExpensiveRequestsTest {

    @LocalServerPort
    int port;

    @Autowired
    TestSchema db;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Answer(String path, int status, String contentType, String retryAfter) {
    }

    private Answer get(String path) throws Exception {
        var r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(path, r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
                r.headers().firstValue("Retry-After").orElse(null));
    }

    @Test
    void aBurstOfSlowSearchesLeavesNearbyItemsTilesAndReadinessAlone() throws Exception {
        List<String> cheap = List.of("/places/nearby?lon=11.6&lat=50.0&radius=1000", "/collections/clubs/items?limit=5",
                "/tiles/clubs/14/8718/5561.mvt", "/actuator/health/readiness");
        for (String path : cheap) {
            assertThat(get(path).status()).as(path).isIn(200, 204);  // the tile is cached from here on
        }
        ExecutorService clients = Executors.newFixedThreadPool(32);
        try (Connection locker = db.connect()) {
            locker.setAutoCommit(false);
            try (var st = locker.createStatement()) {
                st.execute("lock table localities in access exclusive mode");
            }
            List<Future<Answer>> searches = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                searches.add(clients.submit(() -> get("/map/suggest?q=ha")));
            }
            Thread.sleep(300);  // the burst holds the search slots now
            List<Answer> during = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (String path : cheap) {
                    during.add(get(path));
                }
            }
            List<Answer> burst = new ArrayList<>();
            for (var f : searches) {
                burst.add(f.get());
            }
            locker.rollback();

            assertThat(during).allSatisfy(a -> assertThat(a.status()).as(a.path()).isIn(200, 204));
            assertThat(burst).allSatisfy(a -> {
                assertThat(a.status()).as(a.toString()).isIn(429, 503);
                assertThat(a.contentType()).as(a.toString()).isEqualTo("application/problem+json");
                assertThat(a.retryAfter()).as(a.toString()).isNotNull();
            });
            assertThat(burst).filteredOn(a -> a.status() == 429).hasSizeGreaterThanOrEqualTo(32 - 2 * 8);
        } finally {
            clients.shutdownNow();
        }
        // And once the burst is over, searches are served again.
        assertThat(get("/map/suggest?q=ha").status()).isEqualTo(200);
    }
}
