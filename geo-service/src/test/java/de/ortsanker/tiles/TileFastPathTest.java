package de.ortsanker.tiles;

import static de.ortsanker.tiles.Fixtures.LAT;
import static de.ortsanker.tiles.Fixtures.LON;
import static org.assertj.core.api.Assertions.assertThat;

import de.ortsanker.ServiceTest;
import de.ortsanker.imports.Imports;
import de.ortsanker.testing.TestSchema;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Tiles answered ahead of Spring MVC ({@link TileFastPath}) keep everything a map client and a secured
 * portal rely on: ETag and 304, the portal's origin echoed with credentials, an unlisted origin refused,
 * an import shown at the next request — while what the fast path leaves alone still reaches Spring MVC.
 */
@ServiceTest
@Import(TileFastPathTest.MvcProbe.class)
@TestPropertySource(properties = "ortsanker.cors.origins=https://geoportal.lkee.de")
class TileFastPathTest {

    static final String PORTAL = "https://geoportal.lkee.de";

    /** Notes every tile request Spring MVC handled (test classpath only). */
    @TestConfiguration
    static class MvcProbe implements WebMvcConfigurer {
        final List<String> tileRequests = new CopyOnWriteArrayList<>();

        @Override
        public void addInterceptors(InterceptorRegistry registry) {
            registry.addInterceptor(new HandlerInterceptor() {
                @Override
                public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                    if (request.getRequestURI().endsWith(".mvt")) {
                        tileRequests.add(request.getRequestURI());
                    }
                    return true;
                }
            });
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    TestSchema db;

    @Autowired
    MvcProbe mvc;

    @BeforeEach
    void forget() {
        mvc.tileRequests.clear();
    }

    @AfterEach
    void cleanUp() {
        db.execute("delete from places where source = 'fixture'");
    }

    private HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String tilePath(TileAddress a) {
        return "/tiles/all/" + a.z() + "/" + a.x() + "/" + a.y() + ".mvt";
    }

    private static String header(HttpResponse<?> r, String name) {
        return r.headers().firstValue(name).orElse(null);
    }

    @Test
    void aCachedTileRevalidatesTo304AndEchoesThePortalWithoutSpringMvc() throws Exception {
        Fixtures.place(db, "village_hall", "Dorfhaus Harsdorf", LON, LAT);
        String path = tilePath(Fixtures.tileAt(14, LON, LAT));
        var first = get(path, "Origin", PORTAL);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(DecodedTile.of(first.body()).names("third_places")).contains("Dorfhaus Harsdorf");
        assertThat(header(first, "Access-Control-Allow-Origin")).isEqualTo(PORTAL);
        assertThat(header(first, "Access-Control-Allow-Credentials")).isEqualTo("true");
        assertThat(first.headers().allValues("Vary")).contains("Origin", "Accept-Encoding");
        assertThat(header(first, "Cache-Control")).isEqualTo("no-cache, public");
        String etag = header(first, "ETag");

        var current = get(path, "Origin", PORTAL, "If-None-Match", etag);
        assertThat(current.statusCode()).isEqualTo(304);
        assertThat(current.body()).isEmpty();
        assertThat(header(current, "ETag")).isEqualTo(etag);
        assertThat(header(current, "Access-Control-Allow-Origin")).isEqualTo(PORTAL);

        var cached = get(path);
        assertThat(cached.body()).isEqualTo(first.body());
        assertThat(header(cached, "Access-Control-Allow-Origin")).isNull();
        assertThat(mvc.tileRequests).isEmpty();

        // What the fast path does not take on is Spring MVC's, with its problem documents.
        var outOfGrid = get("/tiles/all/3/8/0.mvt");
        assertThat(outOfGrid.statusCode()).isEqualTo(400);
        assertThat(header(outOfGrid, "Content-Type")).contains("application/problem+json");
        assertThat(get("/tiles/all/3/+1/0.mvt").statusCode()).isIn(200, 204); // Spring MVC binds "+1" as 1
        assertThat(get(path + "?kinds=spaceport").statusCode()).isEqualTo(400);
        assertThat(mvc.tileRequests).containsExactly("/tiles/all/3/8/0.mvt", "/tiles/all/3/+1/0.mvt", path);
    }

    @Test
    void anUnlistedOriginReadsTilesWithoutCredentialsAsFromSpringMvc() throws Exception {
        // Issue 17: open data stays readable from anywhere; only credentials are the portals' (OpenDataCors).
        String path = tilePath(Fixtures.tileAt(14, LON, LAT));
        var tile = get(path, "Origin", "https://evil.example.com");
        var json = get("/tiles/all.json", "Origin", "https://evil.example.com");
        assertThat(tile.statusCode()).isIn(200, 204);
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(header(tile, "Access-Control-Allow-Origin")).isEqualTo("*").isEqualTo(header(json, "Access-Control-Allow-Origin"));
        assertThat(header(tile, "Access-Control-Allow-Credentials")).isNull();
        assertThat(mvc.tileRequests).isEmpty();
    }

    @Test
    void anImportShowsInTheNextTileThoughTheOldOneWasCached() throws Exception {
        String overview = tilePath(Fixtures.tileAt(8, 11.54, 50.01)); // the extract's region
        var before = get(overview);
        assertThat(get(overview).body()).isEqualTo(before.body()); // now cached
        String oldEtag = header(before, "ETag");
        long placesBefore = places(before.body());

        assertThat(Imports.importFile(db.dataSource(), Path.of("../data/osm/north-bayreuth.osm.pbf")).added()).isPositive();

        var after = get(overview, "If-None-Match", oldEtag);
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(header(after, "ETag")).isNotEqualTo(oldEtag);
        assertThat(places(after.body())).isGreaterThan(placesBefore);
        assertThat(get(overview, "If-None-Match", header(after, "ETag")).statusCode()).isEqualTo(304);
        assertThat(mvc.tileRequests).isEmpty();
    }

    /** Places in a tile, clusters counted by what they stand for. */
    private static long places(byte[] mvt) {
        return DecodedTile.of(mvt).layers().entrySet().stream()
                .filter(e -> TileLayers.byId(e.getKey()).orElseThrow().isPlaces())
                .flatMap(e -> e.getValue().stream()).mapToLong(DecodedTile.Feature::count).sum();
    }
}
