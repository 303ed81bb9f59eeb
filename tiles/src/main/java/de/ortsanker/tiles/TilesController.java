package de.ortsanker.tiles;

import de.ortsanker.problem.NotFound;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * Vector tiles over HTTP: {@code /tiles/{tileset}/{z}/{x}/{y}.mvt} (a layer, or {@code all}), their TileJSON
 * at {@code /tiles/{tileset}.json}, a MapLibre style at {@code /tiles/style.json}, and the list of it all at
 * {@code /tiles}. Every answer carries an ETag from the data versions: an unchanged tile costs the client
 * a 304, a changed one is new at once.
 */
@RestController
public class TilesController {

    private final Tiles tiles;
    private final TileResponses responses;
    private final LayerMetadata metadata;
    private final String glyphs;

    private final OgcTiles ogc;

    public TilesController(Tiles tiles, TilesConfiguration.StyleGlyphs glyphs, DataSource dataSource, OgcTiles ogc) {
        this.tiles = tiles;
        this.ogc = ogc;
        this.responses = new TileResponses(tiles);
        this.metadata = new LayerMetadata(dataSource);
        this.glyphs = glyphs.url();
    }

    /**
     * A tile. {@link TileFastPath} answers well-formed requests before they get here; what reaches this
     * method is a request it left alone (a bad tileset, coordinate or filter: answered here as a problem
     * document, the same way as before) or one whose tile failed there (rethrown here, so it gets the
     * service's problem document too).
     */
    @GetMapping("/tiles/{tileset}/{z}/{x}/{y}.mvt")
    public void tile(@PathVariable String tileset, @PathVariable int z, @PathVariable int x, @PathVariable int y,
                     HttpServletRequest request, HttpServletResponse response) throws IOException {
        TileFastPath.rethrowFailure(request);
        TileLayers.Tileset named = tileset(tileset);
        TileAddress address = TileAddress.of(z, x, y);
        TileFilter filter = TileFilter.parse(request.getParameterMap(), named.layers());
        TileResponses.deprecations(named, filter, request, response);
        responses.write(named.id(), named.layers(), address, filter, request, response);
    }

    @GetMapping(path = "/tiles/{tileset}.json", produces = MediaType.APPLICATION_JSON_VALUE)
    public TileJson tileJson(@PathVariable String tileset, HttpServletRequest request,
                                        HttpServletResponse response) {
        TileLayers.Tileset named = tileset(tileset);
        List<TileLayer> layers = named.layers();
        TileFilter filter = TileFilter.parse(request.getParameterMap(), layers);
        TileResponses.deprecations(named, filter, request, response);
        Tiles.State state = tiles.state(layers);
        if (responses.notModified(new ServletWebRequest(request, response), response, state.etag(filter))) {
            return null;
        }
        return TileJson.of(TileResponses.baseUrl(), named.id(), layers, filter, metadata.of(named.id(), layers, state),
                tiles.settings().clusterBelowZoom(), grid(request));
    }

    /** The style; {@code ?tileMatrixSet=AdV_25832} draws from that grid's tiles (for portals in UTM). */
    @GetMapping(path = "/tiles/style.json", produces = MediaType.APPLICATION_JSON_VALUE)
    public MapStyle style(HttpServletRequest request) {
        return MapStyle.of(TileResponses.baseUrl(), glyphs, grid(request));
    }

    /** The grid a {@code tileMatrixSet} parameter names; Web Mercator without one. */
    private static TileMatrixSet grid(HttpServletRequest request) {
        String id = request.getParameter("tileMatrixSet");
        return id == null ? TileMatrixSet.WEB_MERCATOR : TileMatrixSet.byId(id).orElseThrow(() ->
                new de.ortsanker.problem.InvalidParameter("tileMatrixSet", "'" + id + "' is not a tile matrix set; use "
                        + String.join(", ", TileMatrixSet.ALL.stream().map(TileMatrixSet::id).toList())));
    }

    /**
     * What the tile service offers: the OGC API Tiles tileset (WebMercatorQuad, every layer), each tileset
     * with its TileJSON and tile URL, and the style.
     */
    @GetMapping(path = "/tiles", produces = MediaType.APPLICATION_JSON_VALUE)
    public Index index() {
        String base = TileResponses.baseUrl();
        var tileJsons = new ArrayList<Tileset>();
        tileJsons.add(Tileset.of(base, TileLayers.COMBINED, "All layers"));
        TileLayers.all().forEach(l -> tileJsons.add(Tileset.of(base, l.id(), l.title())));
        return new Index(ogc.tilesetItems(base, "/tiles", TileLayers.all(), "Ortsanker (every layer)"), tileJsons, base + "/tiles/style.json",
                List.of(OgcTiles.link("self", base + "/tiles", "application/json", "Tilesets")));
    }

    /**
     * What {@code /tiles} lists: the OGC API Tiles tilesets, every tileset's TileJSON and tile address, the style.
     *
     * @param tilesets the OGC API Tiles list (its entries are OGC's documents)
     */
    public record Index(List<Map<String, Object>> tilesets, List<Tileset> tilejson, String style,
                        List<Map<String, Object>> links) {
    }

    /** A tileset by its XYZ addresses. */
    public record Tileset(String id, String title, String tilejson, String tiles) {
        static Tileset of(String base, String id, String title) {
            return new Tileset(id, title, base + "/tiles/" + id + ".json", base + "/tiles/" + id + "/{z}/{x}/{y}.mvt");
        }
    }

    static TileLayers.Tileset tileset(String tileset) {
        return TileLayers.forTile(tileset).orElseThrow(() -> new NotFound("there is no tileset '" + tileset
                + "'; tilesets: " + TileLayers.ids()));
    }
}
