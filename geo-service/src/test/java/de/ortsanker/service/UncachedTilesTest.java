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
 * A burst of uncached low-zoom tiles cannot starve the cheap requests (issue 17: "uncached large tiles"). The
 * tiles are made slow for certain: a test session holds a lock on {@code localities}, which the villages
 * tiles read and nearby (by coordinates), items and cached tiles do not, so every uncached villages tile
 * waits until its statement timeout. Meanwhile nearby, items, cached tiles (a low-zoom one of the same
 * tileset among them: a cached tile never takes a slot) and readiness answer 200, and the tiles beyond the
 * tiles class's slots are turned away with 429 and Retry-After, or 503 when their statement timed out —
 * never a 500, never a hang. Both tile paths (XYZ and OGC API Tiles) take their slots from the same bound.
 */
@ServiceTest
class UncachedTilesTest {

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
    void aBurstOfUncachedLowZoomTilesLeavesNearbyItemsCachedTilesAndReadinessAlone() throws Exception {
        List<String> cheap = List.of("/places/nearby?lon=11.6&lat=50.0&radius=1000", "/collections/clubs/items?limit=5",
                "/tiles/clubs/14/8718/5561.mvt", "/tiles/villages/8/136/86.mvt", "/tiles/all/6/34/21.mvt",
                "/actuator/health/readiness");
        for (String path : cheap) {
            assertThat(get(path).status()).as(path).isIn(200, 204);  // the tiles are cached from here on
        }
        ExecutorService clients = Executors.newFixedThreadPool(32);
        try (Connection locker = db.connect()) {
            locker.setAutoCommit(false);
            try (var st = locker.createStatement()) {
                st.execute("lock table localities in access exclusive mode");
            }
            List<Future<Answer>> tiles = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                // Each a tile of its own (no two requests share one rendering), low zooms of both tile paths.
                String path = i % 4 == 3
                        ? "/tiles/WebMercatorQuad/10/" + (300 + i) + "/" + (500 + i) + "?f=mvt"
                        : "/tiles/villages/" + (9 + i % 3) + "/" + (200 + i) + "/" + (150 + i) + ".mvt";
                tiles.add(clients.submit(() -> get(path)));
            }
            Thread.sleep(300);  // the burst holds the tile slots now
            List<Answer> during = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (String path : cheap) {
                    during.add(get(path));
                }
            }
            List<Answer> burst = new ArrayList<>();
            for (var f : tiles) {
                burst.add(f.get());
            }
            locker.rollback();

            assertThat(during).allSatisfy(a -> assertThat(a.status()).as(a.path()).isIn(200, 204));
            assertThat(burst).allSatisfy(a -> {
                assertThat(a.status()).as(a.toString()).isIn(429, 503);
                assertThat(a.contentType()).as(a.toString()).isEqualTo("application/problem+json");
                assertThat(a.retryAfter()).as(a.toString()).isNotNull();
            });
            // Only the tiles class's slots (3 by default) reached the database; all the others were refused.
            assertThat(burst).filteredOn(a -> a.status() == 429).hasSizeGreaterThanOrEqualTo(32 - 3 * 2);
        } finally {
            clients.shutdownNow();
        }
        // Once the burst is over, uncached low-zoom tiles are made again.
        assertThat(get("/tiles/villages/9/201/151.mvt").status()).isIn(200, 204);
        assertThat(get("/tiles/WebMercatorQuad/10/303/503?f=mvt").status()).isIn(200, 204);
    }
}
