package de.ortsanker.tiles;

import static de.ortsanker.tiles.Fixtures.LAT;
import static de.ortsanker.tiles.Fixtures.LON;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.ortsanker.ServiceTest;
import de.ortsanker.testing.TestSchema;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The tiles as a map client sees them: MVT over HTTP, TileJSON, the style, caching headers and errors. */
@ServiceTest
class TilesServiceTest {

    static final ObjectMapper JSON = new ObjectMapper();
    final TileAddress harsdorf = Fixtures.tileAt(14, LON, LAT);

    @LocalServerPort
    int port;

    @Autowired
    TestSchema db;

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

    private String tilePath(String tileset, TileAddress a) {
        return "/tiles/" + tileset + "/" + a.z() + "/" + a.x() + "/" + a.y() + ".mvt";
    }

    private static JsonNode json(HttpResponse<byte[]> r) throws Exception {
        return JSON.readTree(r.body());
    }

    @Test
    void servesMvtThatChangesWithTheDataWithoutARestart() throws Exception {
        Fixtures.place(db, "village_hall", "Dorfhaus Harsdorf", LON, LAT);
        var first = get(tilePath("all", harsdorf));
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type")).contains("application/vnd.mapbox-vector-tile");
        assertThat(first.headers().firstValue("Cache-Control")).hasValueSatisfying(cc -> assertThat(cc).contains("no-cache"));
        assertThat(DecodedTile.of(first.body()).names("third_places")).containsExactly("Dorfhaus Harsdorf");
        String etag = first.headers().firstValue("ETag").orElseThrow();

        var unchanged = get(tilePath("all", harsdorf), "If-None-Match", etag);
        assertThat(unchanged.statusCode()).isEqualTo(304);
        assertThat(unchanged.body()).isEmpty();

        Fixtures.place(db, "mitfahrbank", "Bank am Anger", LON + 0.001, LAT);
        var changed = get(tilePath("all", harsdorf), "If-None-Match", etag);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.headers().firstValue("ETag")).isPresent().isNotEqualTo(etag);
        assertThat(DecodedTile.of(changed.body()).names("mobility")).containsExactly("Bank am Anger");
        assertThat(DecodedTile.of(get(tilePath("mobility", harsdorf)).body()).layers()).containsOnlyKeys("mobility");
    }

    @Test
    void filtersArePartOfTheRequestAndOfTheETag() throws Exception {
        Fixtures.place(db, "pub", "Gasthof Krone", LON, LAT, "wheelchair", "'no'");
        Fixtures.place(db, "library", "Bücherei", LON, LAT, "wheelchair", "'yes'");
        var stepFree = get(tilePath("third_places", harsdorf) + "?step_free=yes");
        var pubs = get(tilePath("third_places", harsdorf) + "?kinds=pub");
        assertThat(DecodedTile.of(stepFree.body()).names("third_places")).containsExactly("Bücherei");
        assertThat(DecodedTile.of(pubs.body()).names("third_places")).containsExactly("Gasthof Krone");
        assertThat(stepFree.headers().firstValue("ETag")).isNotEqualTo(pubs.headers().firstValue("ETag"));
        assertThat(get(tilePath("third_places", harsdorf) + "?kinds=club").statusCode()).isEqualTo(400);

        var cql2 = get(tilePath("all", harsdorf) + "?filter=" + java.net.URLEncoder.encode("name LIKE 'Gast%'",
                java.nio.charset.StandardCharsets.UTF_8));
        assertThat(DecodedTile.of(cql2.body()).names("third_places")).containsExactly("Gasthof Krone");
        var bad = get(tilePath("all", harsdorf) + "?filter=" + java.net.URLEncoder.encode("colour = 'red'",
                java.nio.charset.StandardCharsets.UTF_8));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad).get("invalid-params").get(0).get("reason").asText()).contains("unknown property 'colour'");
    }

    @Test
    void compressesForClientsThatAcceptGzip() throws Exception {
        for (int i = 0; i < 20; i++) {
            Fixtures.place(db, "bus_stop", "Haltestelle " + i, LON + i * 0.0001, LAT);
        }
        byte[] plain = get(tilePath("mobility", harsdorf)).body();
        var zipped = get(tilePath("mobility", harsdorf), "Accept-Encoding", "gzip");
        assertThat(zipped.headers().firstValue("Content-Encoding")).contains("gzip");
        // Accept-Encoding besides CORS's Origin (an echoed origin must not be served to another from a cache).
        assertThat(zipped.headers().allValues("Vary")).contains("Accept-Encoding", "Origin");
        assertThat(zipped.body().length).isLessThan(plain.length);
        assertThat(new GZIPInputStream(new ByteArrayInputStream(zipped.body())).readAllBytes()).isEqualTo(plain);
    }

    @Test
    void anEmptyTileIs204EveryTime() throws Exception {
        var empty = Fixtures.tileAt(14, -30.0, 40.0);
        for (int i = 0; i < 2; i++) {
            var r = get(tilePath("all", empty));
            assertThat(r.statusCode()).isEqualTo(204);
            assertThat(r.headers().firstValue("ETag")).isPresent();
            assertThat(r.body()).isEmpty();
        }
    }

    @Test
    void badRequestsAreProblemDocuments() throws Exception {
        var unknown = get("/tiles/parking/14/1/1.mvt");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(json(unknown).get("detail").asText()).contains("no tileset 'parking'").contains("mobility");

        var outOfRange = get("/tiles/all/3/8/0.mvt");
        assertThat(outOfRange.statusCode()).isEqualTo(400);
        assertThat(outOfRange.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(json(outOfRange).get("invalid-params").get(0).get("name").asText()).isEqualTo("x");

        var notANumber = get("/tiles/all/3/a/0.mvt");
        assertThat(notANumber.statusCode()).isEqualTo(400);
        assertThat(json(notANumber).get("invalid-params").get(0).get("name").asText()).isEqualTo("x");

        var badFilter = get("/tiles/all.json?wheelchair=maybe");
        assertThat(badFilter.statusCode()).isEqualTo(400);
        assertThat(json(badFilter).get("invalid-params").get(0).get("name").asText()).isEqualTo("wheelchair");
        assertThat(get("/tiles/parking.json").statusCode()).isEqualTo(404);
    }

    @Test
    void tileJsonPointsAtTheTilesAsTheClientReachedTheService() throws Exception {
        Fixtures.place(db, "club", "SV Harsdorf", LON, LAT);
        var direct = json(get("/tiles/clubs.json?kinds=club"));
        assertThat(direct.get("tilejson").asText()).isEqualTo("3.0.0");
        assertThat(direct.get("tiles").get(0).asText())
                .isEqualTo("http://localhost:" + port + "/tiles/clubs/{z}/{x}/{y}.mvt?kinds=club");
        assertThat(direct.get("attribution").asText()).contains("© OpenStreetMap contributors");

        var proxied = json(get("/tiles/clubs.json", "X-Forwarded-Proto", "https", "X-Forwarded-Host", "geoportal.lkee.de"));
        assertThat(proxied.get("tiles").get(0).asText()).isEqualTo("https://geoportal.lkee.de/tiles/clubs/{z}/{x}/{y}.mvt");
    }

    @Test
    void theOldLayerIdsAnswerTheSameForOneReleaseAndSaySo() throws Exception {
        Fixtures.place(db, "village_hall", "Dorfhaus Harsdorf", LON, LAT);
        Fixtures.place(db, "pub", "Gasthof Krone", LON, LAT, "wheelchair", "'limited'");
        var old = get(tilePath("third_place", harsdorf) + "?wheelchair=limited");
        var current = get(tilePath("third_places", harsdorf) + "?step_free=limited");
        assertThat(old.statusCode()).isEqualTo(200);
        assertThat(DecodedTile.of(old.body()).names("third_places")).containsExactly("Gasthof Krone");
        assertThat(old.body()).isEqualTo(current.body());
        assertThat(old.headers().firstValue("Deprecation")).hasValue("@1796515200");
        assertThat(old.headers().firstValue("Link")).hasValue("<" + tilePath("third_places", harsdorf)
                + "?wheelchair=limited>; rel=\"successor-version\"");
        assertThat(current.headers().firstValue("Deprecation")).isEmpty();

        var oldTileJson = get("/tiles/vacant.json");
        assertThat(oldTileJson.statusCode()).isEqualTo(200);
        assertThat(oldTileJson.headers().firstValue("Deprecation")).isPresent();
        assertThat(json(oldTileJson).get("tiles").get(0).asText()).endsWith("/tiles/vacant_buildings/{z}/{x}/{y}.mvt");
    }

    @Test
    void theStyleDrawsEveryLayerFromTheCombinedTileset() throws Exception {
        var style = json(get("/tiles/style.json"));
        assertThat(style.get("version").asInt()).isEqualTo(8);
        assertThat(style.get("sources").get("ortsanker").get("url").asText()).isEqualTo("http://localhost:" + port + "/tiles/all.json");
        var sourceLayers = new java.util.TreeSet<String>();
        style.get("layers").forEach(l -> sourceLayers.add(l.get("source-layer").asText()));
        assertThat(sourceLayers).containsExactlyInAnyOrder("municipalities", "villages", "third_places", "clubs",
                "meeting_rooms", "mobility", "vacant_buildings", "supply");

        var index = json(get("/tiles"));
        assertThat(index.get("tilejson")).hasSize(9);
        assertThat(index.get("tilesets").get(0).get("tileMatrixSetURI").asText())
                .isEqualTo("http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad");
        assertThat(index.get("style").asText()).endsWith("/tiles/style.json");
    }

    @Test
    void theSameTilesTheOgcApiTilesWay() throws Exception {
        Fixtures.place(db, "village_hall", "Dorfhaus Harsdorf", LON, LAT);
        Fixtures.place(db, "mitfahrbank", "Bank am Anger", LON, LAT);
        var tms = json(get("/tileMatrixSets/WebMercatorQuad"));
        assertThat(tms.get("crs").asText()).isEqualTo("http://www.opengis.net/def/crs/EPSG/0/3857");
        assertThat(tms.get("tileMatrices").get(14).get("matrixWidth").asLong()).isEqualTo(16384);
        assertThat(tms.get("tileMatrices").get(0).get("cellSize").asDouble()).isCloseTo(156543.03392804097,
                org.assertj.core.api.Assertions.within(1e-6));

        var tileset = json(get("/tiles/WebMercatorQuad"));
        assertThat(tileset.get("dataType").asText()).isEqualTo("vector");
        assertThat(tileset.get("layers")).hasSize(8);
        var item = new java.util.ArrayList<JsonNode>();
        tileset.get("links").forEach(l -> { if (l.get("rel").asText().equals("item")) item.add(l); });
        assertThat(item).singleElement().satisfies(l -> assertThat(l.get("href").asText())
                .isEqualTo("http://localhost:" + port + "/tiles/WebMercatorQuad/{tileMatrix}/{tileRow}/{tileCol}"));

        String ogc = "/tiles/WebMercatorQuad/" + harsdorf.z() + "/" + harsdorf.y() + "/" + harsdorf.x();
        assertThat(get(ogc).body()).isEqualTo(get(tilePath("all", harsdorf)).body());
        assertThat(DecodedTile.of(get(ogc + "?collections=mobility,villages").body()).layers()).containsOnlyKeys("mobility");
        assertThat(get(ogc + "?collections=parking").statusCode()).isEqualTo(400);
        assertThat(get("/tiles/WebMercatorQuad/17/0/0").statusCode()).isEqualTo(404);
        assertThat(get("/tiles/WorldCRS84Quad/1/0/0").statusCode()).isEqualTo(404);
    }
}
