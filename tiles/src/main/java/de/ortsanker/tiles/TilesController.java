package de.ortsanker.tiles;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Vector tiles over HTTP: {@code /tiles/{tileset}/{z}/{x}/{y}.mvt} (a layer, or {@code all}), their TileJSON
 * at {@code /tiles/{tileset}.json}, and a MapLibre style at {@code /tiles/style.json}. Every answer carries
 * an ETag from the data versions: an unchanged tile costs the client a 304, a changed one is new at once.
 */
@RestController
public class TilesController {

    static final MediaType MVT = MediaType.parseMediaType("application/vnd.mapbox-vector-tile");

    private final Tiles tiles;
    private final LayerMetadata metadata;
    private final String glyphs;

    public TilesController(Tiles tiles, TilesConfiguration.StyleGlyphs glyphs, javax.sql.DataSource dataSource) {
        this.tiles = tiles;
        this.metadata = new LayerMetadata(dataSource);
        this.glyphs = glyphs.url();
    }

    @GetMapping("/tiles/{tileset}/{z}/{x}/{y}.mvt")
    public ResponseEntity<byte[]> tile(@PathVariable String tileset, @PathVariable int z, @PathVariable int x,
                                       @PathVariable int y, WebRequest request, HttpServletResponse response,
                                       @RequestHeader(value = HttpHeaders.ACCEPT_ENCODING, required = false) String acceptEncoding) {
        List<TileLayer> layers = layers(tileset);
        TileAddress address = TileAddress.of(z, x, y);
        TileFilter filter = TileFilter.parse(request.getParameterMap(), layers);
        // A client revalidating its copy is answered from the versions alone (304 without a tile);
        // otherwise the tile comes with the state it shows, in one database round trip.
        Tiles.Answer answer = request.getHeader(HttpHeaders.IF_NONE_MATCH) == null
                ? tiles.answer(tileset, layers, address, filter) : null;
        Tiles.State state = answer != null ? answer.state() : tiles.state(layers);
        if (notModified(request, response, state.etag(filter))) {
            return null;
        }
        Tile tile = answer != null ? answer.tile() : tiles.tile(tileset, layers, address, filter, state);
        if (tile.isEmpty()) {
            return ResponseEntity.noContent().build(); // consistently 204, cached like any other tile
        }
        var ok = ResponseEntity.ok().contentType(MVT);
        byte[] gzip = acceptsGzip(acceptEncoding) ? tile.gzip() : null;
        if (gzip != null) {
            return ok.header(HttpHeaders.CONTENT_ENCODING, "gzip").body(gzip);
        }
        return ok.body(tile.mvt());
    }

    @GetMapping(path = "/tiles/{tileset}.json", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> tileJson(@PathVariable String tileset, WebRequest request, HttpServletResponse response) {
        List<TileLayer> layers = layers(tileset);
        TileFilter filter = TileFilter.parse(request.getParameterMap(), layers);
        Tiles.State state = tiles.state(layers);
        if (notModified(request, response, state.etag(filter))) {
            return null;
        }
        return TileJson.of(baseUrl(), tileset, layers, filter, metadata.of(tileset, layers, state),
                tiles.settings().clusterBelowZoom());
    }

    @GetMapping(path = "/tiles/style.json", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> style() {
        return MapStyle.of(baseUrl(), glyphs);
    }

    /** What the tile service offers: each tileset with its TileJSON and tile URL, and the style. */
    @GetMapping(path = "/tiles", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> index() {
        String base = baseUrl();
        var tilesets = new java.util.ArrayList<Map<String, Object>>();
        tilesets.add(entry(base, TileLayers.COMBINED, "All layers"));
        TileLayers.all().forEach(l -> tilesets.add(entry(base, l.id(), l.title())));
        return Map.of("tilesets", tilesets, "style", base + "/tiles/style.json");
    }

    private static Map<String, Object> entry(String base, String id, String title) {
        var e = new LinkedHashMap<String, Object>();
        e.put("id", id);
        e.put("title", title);
        e.put("tilejson", base + "/tiles/" + id + ".json");
        e.put("tiles", base + "/tiles/" + id + "/{z}/{x}/{y}.mvt");
        return e;
    }

    private static List<TileLayer> layers(String tileset) {
        return TileLayers.forTile(tileset).orElseThrow(() -> TileProblems.notFound("there is no tileset '" + tileset
                + "'; tilesets: " + TileLayers.COMBINED + ", "
                + String.join(", ", TileLayers.all().stream().map(TileLayer::id).toList())));
    }

    /** Sets the caching headers; true when the client's copy is current (a 304 is then set). */
    private boolean notModified(WebRequest request, HttpServletResponse response, String etag) {
        int maxAge = tiles.settings().maxAgeSeconds();
        CacheControl cc = maxAge == 0 ? CacheControl.noCache().cachePublic()
                : CacheControl.maxAge(maxAge, TimeUnit.SECONDS).cachePublic();
        response.setHeader(HttpHeaders.CACHE_CONTROL, cc.getHeaderValue());
        response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        return request.checkNotModified(etag);
    }

    private static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String part : acceptEncoding.split(",")) {
            String[] coding = part.trim().split(";");
            if (coding[0].trim().equalsIgnoreCase("gzip")) {
                return !(coding.length > 1 && coding[1].replace(" ", "").matches("q=0(\\.0*)?"));
            }
        }
        return false;
    }

    private static String baseUrl() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }

}
