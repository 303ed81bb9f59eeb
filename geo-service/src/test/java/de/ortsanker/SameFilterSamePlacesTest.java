package de.ortsanker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.ortsanker.catalogue.Catalogue;
import de.ortsanker.catalogue.Layer;
import de.ortsanker.imports.ImportOptions;
import de.ortsanker.imports.Imports;
import de.ortsanker.testing.TestSchema;
import de.ortsanker.tiles.DecodedTile;
import de.ortsanker.vocabulary.Kind;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One filter, one meaning: for each filter of the language — every layer, a kind, kinds and layers mixed,
 * step-free, free entry, and none — the places API, the OGC collections (by parameters and by CQL2), the
 * vector tiles and the planning answers hold the same places, on the real OSM extract of Herrenberg and
 * around plus a municipal list of engagement offers imported with the product's importers (OSM has no
 * initiatives or volunteering; the list also holds an offer of 2099, one of 2019 and a hidden one, which no
 * endpoint may show today).
 */
@ServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SameFilterSamePlacesTest {

    private static final String OSM = "same-filter-osm";
    private static final String LIST = "same-filter-list";
    private static final int Z = 12;  // the tiles' first zoom without clusters: every place is a feature of its own
    private static final int FAR = 50_000;

    @LocalServerPort
    int port;

    @Autowired
    TestSchema db;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private int minX, maxX, minY, maxY;
    private String bbox;

    @BeforeAll
    void importRealData() throws Exception {
        removeData();
        Imports.importFile(db.dataSource(), repo("data/osm/herrenberg-and-around-2020-04-21.osm.pbf"),
                ImportOptions.builder().source(OSM).build());
        Imports.importFile(db.dataSource(), Path.of(getClass().getResource("/filter/engagement-herrenberg.csv").toURI()),
                ImportOptions.builder().source(LIST).licence("CC0-1.0").attribution("Ortsanker test fixture").build());
        // The area: the z12 tiles over all the data, so that tiles, items and lists see the same ground.
        try (var c = db.connect(); var rs = c.createStatement().executeQuery(
                "select ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) from (select ST_Extent(geom) e from places"
                        + " where source in ('" + OSM + "', '" + LIST + "')) x")) {
            rs.next();
            minX = tileX(rs.getDouble(1));
            maxX = tileX(rs.getDouble(3));
            minY = tileY(rs.getDouble(4));
            maxY = tileY(rs.getDouble(2));
        }
        bbox = String.format(Locale.ROOT, "%.7f,%.7f,%.7f,%.7f", lon(minX), lat(maxY + 1), lon(maxX + 1), lat(minY));
    }

    @AfterAll
    void removeData() {
        for (String source : List.of(OSM, LIST)) {
            db.execute("delete from places where source = '" + source + "'", "delete from localities where source = '" + source + "'",
                    "delete from addresses where source = '" + source + "'", "delete from admin_areas where source = '" + source + "'");
        }
    }

    /** A filter as a request writes it: the kinds (layer ids and kind codes), step_free, free_entry. */
    record Case(String kinds, String stepFree, String freeEntry) {
        String query() {
            var q = new ArrayList<String>();
            if (kinds != null) {
                q.add("kinds=" + kinds);
            }
            if (stepFree != null) {
                q.add("step_free=" + stepFree);
            }
            if (freeEntry != null) {
                q.add("free_entry=" + freeEntry);
            }
            return String.join("&", q);
        }

        @Override
        public String toString() {
            return query().isEmpty() ? "no filter" : query();
        }
    }

    static Stream<Case> filters() {
        var cases = new ArrayList<Case>();
        Catalogue.places().forEach(l -> cases.add(new Case(l.id(), null, null)));  // every layer
        cases.add(new Case("club", null, null));                                  // the kind, not the layer
        cases.add(new Case("mitfahrbank,third_places", null, null));              // a kind and a layer
        cases.add(new Case("mobility", "yes", null));
        cases.add(new Case("third_places", "limited", null));
        cases.add(new Case("supply", "yes", null));
        cases.add(new Case("third_places,mobility", null, "true"));
        cases.add(new Case("third_places", null, "false"));
        cases.add(new Case(null, "yes", null));
        cases.add(new Case(null, null, null));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filters")
    void theSamePlacesEverywhere(Case f) throws Exception {
        Set<Long> list = placesApi(f);
        assertThat(list).as("the places API finds something to compare").isNotEmpty();
        assertThat(names(list)).doesNotContain("Sommerbiergarten 2099", "Adventscafé 2019", "Internes Planungstreffen");

        assertThat(ogcItems(f, false)).as("OGC API Features items, filter parameters").isEqualTo(list);
        assertThat(ogcItems(f, true)).as("OGC API Features items, the same filter in CQL2").isEqualTo(list);
        assertThat(tiles(f)).as("vector tiles").isEqualTo(list);
        planningCounts(f, list);
    }

    @Test
    void aLayerHoldsAllItsKindsAndAKindCodeOnlyItself() throws Exception {
        assertThat(names(placesApi(new Case("clubs", null, null)))).contains("Bürgerbus-Initiative Gäu",
                "Lesepaten Stadtbibliothek Herrenberg", "Musikverein Gültstein");
        assertThat(names(placesApi(new Case("club", null, null)))).contains("Musikverein Gültstein")
                .doesNotContain("Bürgerbus-Initiative Gäu", "Lesepaten Stadtbibliothek Herrenberg");
    }

    // ---- the four endpoints -------------------------------------------------------------------------------

    private Set<Long> placesApi(Case f) throws Exception {
        var ids = new TreeSet<Long>();
        String next = "/places/within?limit=1000&bbox=" + bbox + "&" + f.query();
        while (next != null) {
            JsonNode page = getJson(next);
            page.path("features").forEach(feature -> ids.add(feature.path("id").asLong()));
            next = null;
            for (JsonNode link : page.path("links")) {
                if (link.path("rel").asText().equals("next")) {
                    next = URI.create(link.path("href").asText()).getRawPath() + "?" + URI.create(link.path("href").asText()).getRawQuery();
                }
            }
        }
        return ids;
    }

    /** Each place layer the filter reaches, asked with the part of the filter that concerns it. */
    private Set<Long> ogcItems(Case f, boolean cql2) throws Exception {
        var ids = new TreeSet<Long>();
        for (Layer layer : Catalogue.places()) {
            List<String> codes = codesIn(f, layer);
            if (codes != null && codes.isEmpty()) {
                continue;
            }
            String query;
            if (cql2) {
                var conditions = new ArrayList<String>();
                if (codes != null) {
                    conditions.add("kind IN (" + String.join(", ", kindsOf(codes).stream().map(k -> "'" + k + "'").toList()) + ")");
                }
                if (f.stepFree() != null) {
                    conditions.add(f.stepFree().equals("yes") ? "wheelchair = 'yes'" : "wheelchair IN ('yes', 'limited')");
                }
                if (f.freeEntry() != null) {
                    conditions.add("free_entry = " + f.freeEntry());
                }
                query = conditions.isEmpty() ? "" : "filter=" + enc(String.join(" AND ", conditions));
            } else {
                var q = new ArrayList<String>();
                if (codes != null) {
                    q.add("kinds=" + String.join(",", codes));
                }
                if (f.stepFree() != null) {
                    q.add("step_free=" + f.stepFree());
                }
                if (f.freeEntry() != null) {
                    q.add("free_entry=" + f.freeEntry());
                }
                query = String.join("&", q);
            }
            JsonNode page = getJson("/collections/" + layer.id() + "/items?limit=10000&bbox=" + bbox + "&" + query);
            assertThat(page.path("numberMatched").asInt()).isEqualTo(page.path("features").size());
            page.path("features").forEach(feature -> ids.add(feature.path("id").asLong()));
        }
        return ids;
    }

    /** The combined tileset's place layers, tile by tile over the area (a tile also holds its edge's neighbours). */
    private Set<Long> tiles(Case f) throws Exception {
        var ids = new TreeSet<Long>();
        for (int x = minX; x <= maxX; x++) {
            for (int y = minY; y <= maxY; y++) {
                var r = http.send(request("/tiles/all/" + Z + "/" + x + "/" + y + ".mvt?" + f.query()).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                assertThat(r.statusCode()).isIn(200, 204);
                if (r.statusCode() == 204) {
                    continue;
                }
                DecodedTile tile = DecodedTile.of(r.body());
                for (Layer layer : Catalogue.places()) {
                    tile.layer(layer.id()).forEach(feature -> {
                        assertThat(feature.count()).as("no clusters at z12").isEqualTo(1);
                        ids.add(feature.id());
                    });
                }
            }
        }
        // Only the area: a tile's buffer reaches beyond it (clipped by PostGIS, not by any filter).
        return inArea(ids);
    }

    /**
     * Planning counts, for a village in the middle, the places of the target within 50 km (the whole area):
     * as many as the list holds, and the nearest one is the places API's nearest.
     */
    private void planningCounts(Case f, Set<Long> list) throws Exception {
        String target = f.kinds() == null ? String.join("|", Catalogue.places().stream().map(Layer::id).toList())
                : f.kinds().replace(",", "|");
        var q = new StringBuilder("/planning/reach?bbox=" + bbox + "&radius=" + FAR + "&target=" + enc(target));
        if (f.stepFree() != null) {
            q.append("&step_free=").append(f.stepFree());
        }
        if (f.freeEntry() != null) {
            q.append("&free_entry=").append(f.freeEntry());
        }
        JsonNode answer = getJson(q.toString());
        JsonNode village = answer.path("villages").get(answer.path("villages").size() / 2);
        JsonNode reach = village.path("reach").path(target);
        assertThat(reach.path("within").path(String.valueOf(FAR)).asInt()).as("planning: places within 50 km").isEqualTo(list.size());
        JsonNode nearest = getJson("/places/nearby?limit=1&radius=100000&lon=" + village.path("lon").asDouble() + "&lat="
                + village.path("lat").asDouble() + "&" + f.query()).path("features").get(0);
        assertThat(reach.path("nearest").path("id").asLong()).as("planning: the nearest place").isEqualTo(nearest.path("id").asLong());
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    /** The codes of the filter that concern one layer (null: the filter names no kinds, so all of it). */
    private static List<String> codesIn(Case f, Layer layer) {
        if (f.kinds() == null) {
            return null;
        }
        var codes = new ArrayList<String>();
        for (String code : f.kinds().split(",")) {
            if (code.equals(layer.id()) || Kind.fromCode(code).map(k -> Catalogue.layerOf(k) == layer).orElse(false)) {
                codes.add(code);
            }
        }
        return codes;
    }

    private static List<String> kindsOf(List<String> codes) {
        var kinds = new ArrayList<String>();
        for (String code : codes) {
            Catalogue.byId(code).ifPresentOrElse(l -> l.kinds().forEach(k -> kinds.add(k.code())), () -> kinds.add(code));
        }
        return kinds;
    }

    private Set<Long> inArea(Set<Long> ids) throws Exception {
        var inside = new TreeSet<Long>();
        try (var c = db.connect(); var ps = c.prepareStatement("select id from places where id = any(?)"
                + " and ST_Intersects(geom, ST_MakeEnvelope(" + bbox + ", 4326))")) {
            ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    inside.add(rs.getLong(1));
                }
            }
        }
        return inside;
    }

    private List<String> names(Set<Long> ids) throws Exception {
        var names = new ArrayList<String>();
        try (var c = db.connect(); var ps = c.prepareStatement("select coalesce(name, '') from places where id = any(?)")) {
            ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    private JsonNode getJson(String pathAndQuery) throws Exception {
        var r = http.send(request(pathAndQuery).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(URLDecoder.decode(pathAndQuery, StandardCharsets.UTF_8) + " → " + r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Deprecation")).as("current names only").isEmpty();
        return json.readTree(r.body());
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Path repo(String path) {
        return Path.of("..").resolve(path).toAbsolutePath().normalize();
    }

    private static int tileX(double lon) {
        return (int) Math.floor((lon + 180) / 360 * (1 << Z));
    }

    private static int tileY(double lat) {
        double r = Math.toRadians(lat);
        return (int) Math.floor((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2 * (1 << Z));
    }

    private static double lon(int x) {
        return x * 360.0 / (1 << Z) - 180;
    }

    private static double lat(int y) {
        return Math.toDegrees(Math.atan(Math.sinh(Math.PI * (1 - 2.0 * y / (1 << Z)))));
    }
}
