package de.ortsanker.tiles;

import de.ortsanker.catalogue.Catalogue;
import de.ortsanker.problem.InvalidParameter;
import de.ortsanker.problem.NotFound;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tiles the OGC API Tiles way (OGC 20-057: dataset and collection tilesets, vector tiles) in every grid of
 * {@link TileMatrixSet}: WebMercatorQuad, and AdV_25832 / AdV_25833 for portals in UTM.
 *
 * <ul>
 * <li>{@code /tileMatrixSets}, {@code /tileMatrixSets/{tileMatrixSetId}}: the grids;</li>
 * <li>{@code /tiles/{tileMatrixSetId}}: the tileset of every layer (or of those in {@code collections}),
 *     {@code /tiles/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}} a tile;</li>
 * <li>{@code /collections/{collectionId}/tiles[/{tileMatrixSetId}[/{tileMatrix}/{tileRow}/{tileCol}]]}: the
 *     same for one collection (a catalogue layer: the OGC API Features collection id).</li>
 * </ul>
 * Filters work as on {@code /tiles/all/…}; tiles are cached and invalidated by the data versions in every grid.
 */
@RestController
public class OgcTiles {

    private static final String TILING_SCHEME = "http://www.opengis.net/def/rel/ogc/1.0/tiling-scheme";
    private static final String GEODATA = "http://www.opengis.net/def/rel/ogc/1.0/geodata";

    /** Conformance classes of OGC API Tiles these endpoints implement (for the service's /conformance). */
    public static final List<String> CONFORMANCE = List.of(
            "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/core",
            "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/tileset",
            "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/tilesets-list",
            "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/dataset-tilesets",
            "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/geodata-tilesets",
            "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/collections-selection",
            "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/oas30",
            "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/mvt");

    private final Tiles tiles;
    private final TileResponses responses;
    private final LayerMetadata metadata;

    public OgcTiles(Tiles tiles, DataSource dataSource) {
        this.tiles = tiles;
        this.responses = new TileResponses(tiles);
        this.metadata = new LayerMetadata(dataSource);
    }

    @GetMapping(path = "/tileMatrixSets", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> tileMatrixSets() {
        String base = TileResponses.baseUrl();
        var list = new ArrayList<Map<String, Object>>();
        for (TileMatrixSet t : TileMatrixSet.ALL) {
            var item = new LinkedHashMap<String, Object>();
            item.put("id", t.id());
            item.put("title", t.title());
            if (t.uri() != null) {
                item.put("uri", t.uri());
            }
            item.put("crs", t.crs());
            item.put("links", List.of(link("self", base + "/tileMatrixSets/" + t.id(), "application/json", t.title())));
            list.add(item);
        }
        return Map.of("tileMatrixSets", list, "links",
                List.of(link("self", base + "/tileMatrixSets", "application/json", "Tile matrix sets")));
    }

    @GetMapping(path = "/tileMatrixSets/{tileMatrixSetId}", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> tileMatrixSet(@PathVariable String tileMatrixSetId) {
        return grid(tileMatrixSetId).definition(TileResponses.baseUrl() + "/tileMatrixSets/" + tileMatrixSetId);
    }

    // ---- dataset tilesets -------------------------------------------------------------------------------

    @GetMapping(path = "/tiles/{tileMatrixSetId}", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> tileset(@PathVariable String tileMatrixSetId, HttpServletRequest request) {
        TileMatrixSet grid = grid(tileMatrixSetId);
        String[] named = request.getParameterValues("collections");
        List<TileLayer> layers = collections(named);
        String query = named == null ? "" : "?collections=" + String.join(",", layers.stream().map(TileLayer::id).toList());
        return tilesetDocument(grid, "/tiles/" + grid.id(), query, "Ortsanker", layers);
    }

    @GetMapping("/tiles/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}")
    public void tile(@PathVariable String tileMatrixSetId, @PathVariable String tileMatrix, @PathVariable String tileRow,
                     @PathVariable String tileCol, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        TileMatrixSet grid = grid(tileMatrixSetId);
        TileAddress address = inGrid(grid, tileMatrix, tileRow, tileCol);
        List<TileLayer> layers = collections(request.getParameterValues("collections"));
        String id = layers.equals(TileLayers.all()) ? TileLayers.COMBINED
                : String.join("+", layers.stream().map(TileLayer::id).toList());
        TileFilter filter = TileFilter.parse(request.getParameterMap(), layers);
        TileResponses.deprecations(new TileLayers.Tileset(id, layers, false), filter, request, response);
        responses.write(id, layers, grid, address, filter, request, response);
    }

    // ---- collection tilesets ----------------------------------------------------------------------------

    @GetMapping(path = "/collections/{collectionId}/tiles", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> collectionTilesets(@PathVariable String collectionId) {
        TileLayer layer = collection(collectionId);
        String base = TileResponses.baseUrl();
        String path = "/collections/" + layer.id() + "/tiles";
        return Map.of("tilesets", tilesetItems(base, path, List.of(layer), layer.title()),
                "links", List.of(link("self", base + path, "application/json", "Tilesets of " + layer.title())));
    }

    @GetMapping(path = "/collections/{collectionId}/tiles/{tileMatrixSetId}", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> collectionTileset(@PathVariable String collectionId, @PathVariable String tileMatrixSetId) {
        TileLayer layer = collection(collectionId);
        TileMatrixSet grid = grid(tileMatrixSetId);
        return tilesetDocument(grid, "/collections/" + layer.id() + "/tiles/" + grid.id(), "", layer.title(),
                List.of(layer));
    }

    @GetMapping("/collections/{collectionId}/tiles/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}")
    public void collectionTile(@PathVariable String collectionId, @PathVariable String tileMatrixSetId,
                               @PathVariable String tileMatrix, @PathVariable String tileRow, @PathVariable String tileCol,
                               HttpServletRequest request, HttpServletResponse response) throws IOException {
        TileLayer layer = collection(collectionId);
        TileMatrixSet grid = grid(tileMatrixSetId);
        TileAddress address = inGrid(grid, tileMatrix, tileRow, tileCol);
        List<TileLayer> layers = List.of(layer);
        TileFilter filter = TileFilter.parse(request.getParameterMap(), layers);
        TileResponses.deprecations(new TileLayers.Tileset(layer.id(), layers, false), filter, request, response);
        responses.write(layer.id(), layers, grid, address, filter, request, response);
    }

    // ---- documents --------------------------------------------------------------------------------------

    /** The tilesets list entries ({@code /tiles} and a collection's): one per grid, with limits and tile links. */
    List<Map<String, Object>> tilesetItems(String base, String path, List<TileLayer> layers, String title) {
        var items = new ArrayList<Map<String, Object>>();
        for (TileMatrixSet grid : TileMatrixSet.ALL) {
            var item = new LinkedHashMap<String, Object>();
            item.put("title", title + " (" + grid.id() + ")");
            item.put("dataType", "vector");
            item.put("crs", grid.crs());
            item.put("tileMatrixSetId", grid.id());
            item.put("tileMatrixSetURI", tileMatrixSetUri(base, grid));
            item.put("tileMatrixSetLimits", limits(grid, layers));
            item.put("links", tilesetLinks(base, path.endsWith("/tiles") ? path + "/" + grid.id() : path, grid, ""));
            items.add(item);
        }
        return items;
    }

    private Map<String, Object> tilesetDocument(TileMatrixSet grid, String path, String query, String title,
                                                List<TileLayer> layers) {
        String base = TileResponses.baseUrl();
        var tileset = new LinkedHashMap<String, Object>();
        tileset.put("title", title + " (" + grid.id() + ")");
        tileset.put("description", "Places to meet, clubs, meeting rooms, mobility, vacant buildings and supply, with"
                + " villages and municipalities; points clustered at small scales.");
        tileset.put("dataType", "vector");
        tileset.put("crs", grid.crs());
        tileset.put("tileMatrixSetId", grid.id());
        tileset.put("tileMatrixSetURI", tileMatrixSetUri(base, grid));
        tileset.put("tileMatrixSetLimits", limits(grid, layers));
        tileset.put("layers", layers.stream().map(l -> layer(l, grid)).toList());
        var links = tilesetLinks(base, path, grid, query);
        String tileJson = base + "/tiles/" + (layers.size() == 1 ? layers.get(0).id() : TileLayers.COMBINED) + ".json"
                + (grid.isWebMercator() ? "" : "?tileMatrixSet=" + grid.id());
        links.add(link("describedby", tileJson, "application/json", "TileJSON"));
        links.add(link("stylesheet", base + "/tiles/style.json" + (grid.isWebMercator() ? "" : "?tileMatrixSet=" + grid.id()),
                "application/vnd.mapbox.style+json", "MapLibre style"));
        tileset.put("links", links);
        return tileset;
    }

    /**
     * The registered URI of a grid, or for one the OGC registry does not hold (the AdV grids) its definition
     * here: GDAL's OGCAPI driver picks a tileset by finding the grid's id in this URI.
     */
    private static String tileMatrixSetUri(String base, TileMatrixSet grid) {
        return grid.uri() != null ? grid.uri() : base + "/tileMatrixSets/" + grid.id();
    }

    private static List<Map<String, Object>> tilesetLinks(String base, String path, TileMatrixSet grid, String query) {
        var links = new ArrayList<Map<String, Object>>();
        links.add(link("self", base + path + query, "application/json", "This tileset"));
        links.add(link(TILING_SCHEME, base + "/tileMatrixSets/" + grid.id(), "application/json", "The tile grid"));
        var item = link("item", base + path + "/{tileMatrix}/{tileRow}/{tileCol}" + query,
                TileResponses.MVT.toString(), "A tile (Mapbox Vector Tile)");
        item.put("templated", true);
        links.add(item);
        return links;
    }

    /**
     * Which tiles hold data, per tile matrix: the layers' bounds in the grid's CRS (the box densified, so its
     * curved edges in UTM are inside) as columns and rows; the whole grid while there is no data.
     */
    List<Map<String, Object>> limits(TileMatrixSet grid, List<TileLayer> layers) {
        String key = layers.equals(TileLayers.all()) ? TileLayers.COMBINED
                : String.join("+", layers.stream().map(TileLayer::id).toList());
        double[] box = layers.isEmpty() ? null : metadata.extentIn(metadata.of(key, layers, tiles.state(layers)), grid);
        var limits = new ArrayList<Map<String, Object>>();
        int min = layers.stream().mapToInt(l -> Math.max(0, grid.level(l.minZoom()))).min().orElse(0);
        for (int z = min; z <= maxLevel(grid); z++) {
            long last = (1L << z) - 1;
            long minCol = 0, maxCol = last, minRow = 0, maxRow = last;
            if (box != null) {
                double span = grid.tileSpan(z);
                minCol = clamp((long) Math.floor((box[0] - grid.originX()) / span), last);
                maxCol = clamp((long) Math.floor((box[2] - grid.originX()) / span), last);
                minRow = clamp((long) Math.floor((grid.originY() - box[3]) / span), last);
                maxRow = clamp((long) Math.floor((grid.originY() - box[1]) / span), last);
            }
            var l = new LinkedHashMap<String, Object>();
            l.put("tileMatrix", Integer.toString(z));
            l.put("minTileRow", minRow);
            l.put("maxTileRow", maxRow);
            l.put("minTileCol", minCol);
            l.put("maxTileCol", maxCol);
            limits.add(l);
        }
        return limits;
    }

    private static long clamp(long v, long last) {
        return Math.max(0, Math.min(last, v));
    }

    /** The deepest level with tiles of their own: the catalogue's deepest zoom at that scale (clients overzoom). */
    static int maxLevel(TileMatrixSet grid) {
        return Math.max(0, Math.min(grid.maxLevel(), grid.level(Catalogue.MAX_ZOOM)));
    }

    static Map<String, Object> link(String rel, String href, String type, String title) {
        var link = new LinkedHashMap<String, Object>();
        link.put("rel", rel);
        link.put("href", href);
        link.put("type", type);
        link.put("title", title);
        return link;
    }

    private static Map<String, Object> layer(TileLayer layer, TileMatrixSet grid) {
        var properties = new LinkedHashMap<String, Object>();
        layer.fields().forEach(f -> properties.put(f.name(), Map.of("type", f.type().jsonType(),
                "description", f.label().en())));
        if (layer.hasCount(12)) {
            properties.put("count", Map.of("type", "integer", "description", TileLayer.countDescription(12)));
        }
        var json = new LinkedHashMap<String, Object>();
        json.put("id", layer.id());
        json.put("title", layer.title());
        json.put("description", layer.description());
        json.put("dataType", "vector");
        switch (layer.layer().geometry()) {
            case POINT -> json.put("geometryDimension", 0);
            case POLYGON -> json.put("geometryDimension", 2);
            case MIXED -> { } // points and areas
        }
        json.put("minTileMatrix", Integer.toString(Math.max(0, grid.level(layer.minZoom()))));
        json.put("maxTileMatrix", Integer.toString(maxLevel(grid)));
        json.put("propertiesSchema", Map.of("type", "object", "properties", properties));
        json.put("links", List.of(link(GEODATA, TileResponses.baseUrl() + "/collections/" + layer.id(), "application/json",
                "The collection")));
        return json;
    }

    static TileMatrixSet grid(String id) {
        return TileMatrixSet.byId(id).orElseThrow(() -> new NotFound("there is no tile matrix set '" + id
                + "'; there are " + String.join(", ", TileMatrixSet.ALL.stream().map(TileMatrixSet::id).toList())));
    }

    /** A tile of the grid within its levels; anything else is not there (404, as OGC API Tiles asks). */
    private static TileAddress inGrid(TileMatrixSet grid, String tileMatrix, String tileRow, String tileCol) {
        int deepest = grid.isWebMercator() ? Catalogue.MAX_ZOOM : grid.maxLevel();
        try {
            int z = Integer.parseInt(tileMatrix);
            int y = Integer.parseInt(tileRow);
            int x = Integer.parseInt(tileCol);
            if (z >= 0 && z <= deepest && x >= 0 && y >= 0 && x < 1 << z && y < 1 << z) {
                return new TileAddress(z, x, y);
            }
        } catch (NumberFormatException e) {
            // not a tile of the grid either
        }
        throw new NotFound("there is no tile " + tileMatrix + "/" + tileRow + "/" + tileCol + " in " + grid.id()
                + " with tile matrices 0 to " + deepest);
    }

    /** A collection with tiles: a layer of the tiles, by the collection id (or an id it had before). */
    private static TileLayer collection(String id) {
        return TileLayers.byId(id).orElseThrow(() -> new NotFound("collection '" + id + "' has no tiles; collections"
                + " with tiles: " + String.join(", ", TileLayers.all().stream().map(TileLayer::id).toList())));
    }

    /**
     * The layers a {@code collections} parameter names (comma-separated or repeated), in drawing order; all
     * without it. Any collection of the catalogue may be named: one without tiles (districts) adds nothing.
     */
    static List<TileLayer> collections(String[] values) {
        if (values == null) {
            return TileLayers.all();
        }
        var ids = Arrays.stream(values).flatMap(v -> Arrays.stream(v.split(","))).map(String::trim)
                .filter(s -> !s.isEmpty()).toList();
        var named = new LinkedHashSet<TileLayer>();
        for (String id : ids) {
            var layer = TileLayers.byId(id);
            if (layer.isPresent()) {
                named.add(layer.get());
            } else if (Catalogue.resolve(id).isEmpty()) {
                throw new InvalidParameter("collections", "unknown collection '" + id + "'; collections: "
                        + String.join(", ", Catalogue.all().stream().map(de.ortsanker.catalogue.Layer::id).toList()));
            }
        }
        return TileLayers.all().stream().filter(named::contains).toList(); // in drawing order
    }
}
