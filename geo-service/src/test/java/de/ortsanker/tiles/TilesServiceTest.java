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

    @Test
    void tilesInThePortalsUtmGridsPerCollectionWithLimitsAndTheirOwnTileJsonAndStyle() throws Exception {
        Fixtures.place(db, "village_hall", "Dorfhaus Harsdorf", LON, LAT);
        var grids = new java.util.ArrayList<String>();
        json(get("/tileMatrixSets")).get("tileMatrixSets").forEach(t -> grids.add(t.get("id").asText()));
        assertThat(grids).containsExactly("WebMercatorQuad", "AdV_25832", "AdV_25833");
        var adv = json(get("/tileMatrixSets/AdV_25832"));
        assertThat(adv.get("crs").asText()).isEqualTo("http://www.opengis.net/def/crs/EPSG/0/25832");
        var level0 = adv.get("tileMatrices").get(0);
        assertThat(level0.get("pointOfOrigin").get(0).asDouble()).isEqualTo(-46133.17); // AdV, basemap.de's WMTS
        assertThat(level0.get("pointOfOrigin").get(1).asDouble()).isEqualTo(6301219.54);
        assertThat(level0.get("scaleDenominator").asDouble()).isCloseTo(17471320.7508974,
                org.assertj.core.api.Assertions.within(1e-3));

        // Harsdorf in UTM 32N by PostGIS, and the AdV grid's tile at level 9 from its published origin
        double e;
        double n;
        try (var c = db.connect(); var rs = c.createStatement().executeQuery("select ST_X(p), ST_Y(p) from (select"
                + " ST_Transform(ST_SetSRID(ST_MakePoint(" + LON + ", " + LAT + "), 4326), 25832) p) s")) {
            rs.next();
            e = rs.getDouble(1);
            n = rs.getDouble(2);
        }
        double span = 4891.96981025127 * 256 / 512;
        long col = (long) Math.floor((e + 46133.17) / span);
        long row = (long) Math.floor((6301219.54 - n) / span);

        var tilesets = json(get("/collections/third_places/tiles")).get("tilesets");
        assertThat(tilesets).hasSize(3);
        JsonNode utm = null;
        for (JsonNode t : tilesets) {
            assertThat(t.get("tileMatrixSetId").asText()).isIn(grids);
            assertThat(t.get("tileMatrixSetLimits")).isNotEmpty();
            var rels = new java.util.ArrayList<String>();
            t.get("links").forEach(l -> rels.add(l.get("rel").asText()));
            assertThat(rels).contains("self", "item", "http://www.opengis.net/def/rel/ogc/1.0/tiling-scheme");
            if (t.get("tileMatrixSetId").asText().equals("AdV_25832")) {
                utm = t;
            }
        }
        var limit9 = new java.util.ArrayList<JsonNode>();
        utm.get("tileMatrixSetLimits").forEach(l -> { if (l.get("tileMatrix").asText().equals("9")) limit9.add(l); });
        assertThat(limit9).singleElement().satisfies(l -> {
            assertThat(col).isBetween(l.get("minTileCol").asLong(), l.get("maxTileCol").asLong());
            assertThat(row).isBetween(l.get("minTileRow").asLong(), l.get("maxTileRow").asLong());
        });
        var tile = get("/collections/third_places/tiles/AdV_25832/9/" + row + "/" + col);
        assertThat(tile.statusCode()).isEqualTo(200);
        assertThat(DecodedTile.of(tile.body()).names("third_places")).contains("Dorfhaus Harsdorf");
        assertThat(DecodedTile.of(get("/tiles/AdV_25832/9/" + row + "/" + col + "?collections=third_places,districts")
                .body()).layers()).containsOnlyKeys("third_places");
        assertThat(get("/collections/districts/tiles").statusCode()).isEqualTo(404); // a collection without tiles
        assertThat(get("/tiles/AdV_25832/15/0/0").statusCode()).isEqualTo(404);

        // collections honoured on the tileset too, with the Features collection ids
        var layers = new java.util.ArrayList<String>();
        json(get("/tiles/AdV_25833?collections=mobility,districts")).get("layers").forEach(l -> layers.add(l.get("id").asText()));
        assertThat(layers).containsExactly("mobility");
        assertThat(get("/tiles/AdV_25833?collections=parking").statusCode()).isEqualTo(400);

        var tileJson = json(get("/tiles/all.json?tileMatrixSet=AdV_25832"));
        assertThat(tileJson.get("tiles").get(0).asText()).isEqualTo("http://localhost:" + port + "/tiles/AdV_25832/{z}/{y}/{x}");
        assertThat(tileJson.get("crs").asText()).isEqualTo("http://www.opengis.net/def/crs/EPSG/0/25832");
        assertThat(tileJson.get("maxzoom").asInt()).isEqualTo(11); // Web Mercator's 16 at the same scale
        var style = json(get("/tiles/style.json?tileMatrixSet=AdV_25833"));
        assertThat(style.get("sources").get("ortsanker").get("url").asText()).endsWith("/tiles/all.json?tileMatrixSet=AdV_25833");
        assertThat(get("/tiles/style.json?tileMatrixSet=Gauss").statusCode()).isEqualTo(400);
    }

    @Test
    void theStyleSizesClustersInStepsQgisCanRead() throws Exception {
        String style = new String(get("/tiles/style.json").body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(style).doesNotContain("interpolate");
        // QGIS 3.22's converter knows no "coalesce" (it wrote the invalid filter "( <= 1)"): single places are
        // those without a count or a count of 1, said with has and !
        assertThat(style).doesNotContain("coalesce");
        json(get("/tiles/style.json")).get("layers").forEach(l -> {
            if (l.get("id").asText().equals("mobility")) {
                assertThat(l.get("filter").toString()).isEqualTo("[\"all\",[\"==\",[\"geometry-type\"],\"Point\"],"
                        + "[\"any\",[\"!\",[\"has\",\"count\"]],[\"<=\",[\"get\",\"count\"],1]]]");
            }
        });
        var radii = new java.util.TreeMap<String, Integer>();
        json(get("/tiles/style.json")).get("layers").forEach(l -> {
            if (l.get("source-layer").asText().equals("mobility") && l.get("type").asText().equals("circle")) {
                radii.put(l.get("id").asText(), l.get("paint").get("circle-radius").asInt());
            }
        });
        assertThat(radii).containsEntry("mobility", 5).containsEntry("mobility-clusters-2", 9)
                .containsEntry("mobility-clusters-10", 14).containsEntry("mobility-clusters-100", 20)
                .containsEntry("mobility-clusters-1000", 24);
        var fields = json(get("/tiles/all.json")).get("vector_layers").get(1).get("fields");
        fields.forEach(f -> assertThat(f.asText()).isIn("String", "Number", "Boolean"));
    }

    @Test
    void stylesTheOgcApiStylesWayAsMapLibreStyleAndSld() throws Exception {
        var styles = json(get("/styles"));
        assertThat(styles.get("default").asText()).isEqualTo("ortsanker");
        var types = new java.util.ArrayList<String>();
        styles.get("styles").get(0).get("links").forEach(l -> types.add(l.get("type").asText()));
        assertThat(types).containsExactly("application/vnd.mapbox.style+json", "application/vnd.ogc.sld+xml;version=1.1");

        var mobility = json(get("/collections/mobility/styles/ortsanker?f=mbs"));
        var sourceLayers = new java.util.TreeSet<String>();
        mobility.get("layers").forEach(l -> sourceLayers.add(l.get("source-layer").asText()));
        assertThat(sourceLayers).containsExactly("mobility");

        var sld = get("/styles/ortsanker?f=sld11");
        assertThat(sld.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/vnd.ogc.sld+xml");
        var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        var doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(sld.body()));
        var names = new java.util.ArrayList<String>();
        var layers = doc.getElementsByTagNameNS("http://www.opengis.net/sld", "NamedLayer");
        for (int i = 0; i < layers.getLength(); i++) {
            names.add(((org.w3c.dom.Element) layers.item(i)).getElementsByTagNameNS("http://www.opengis.net/se", "Name")
                    .item(0).getTextContent());
        }
        assertThat(names).containsExactly("municipalities", "villages", "third_places", "clubs", "meeting_rooms",
                "mobility", "vacant_buildings", "supply");
        String one = new String(get("/collections/mobility/styles/ortsanker?f=sld11").body(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(one).contains("<se:Name>mobility</se:Name>", "#00704a", "<se:Size>10</se:Size>",
                "<ogc:Literal>1000</ogc:Literal>").doesNotContain("third_places");
        assertThat(get("/styles/other").statusCode()).isEqualTo(404);
        assertThat(get("/styles/ortsanker?f=qml").statusCode()).isEqualTo(400);
    }
}
