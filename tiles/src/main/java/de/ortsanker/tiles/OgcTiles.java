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
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The same tiles the OGC API Tiles way (OGC 20-057, dataset tilesets, vector tiles, WebMercatorQuad):
 * {@code /tiles/WebMercatorQuad} describes the tileset, {@code /tiles/WebMercatorQuad/{tileMatrix}/{tileRow}/{tileCol}}
 * answers a tile of every layer or of those named in {@code collections}, and {@code /tileMatrixSets}
 * defines the grid. Filters work as on {@code /tiles/all/…}.
 */
@RestController
public class OgcTiles {

    static final String TMS = "WebMercatorQuad";
    static final String TMS_URI = "http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad";
    static final String CRS = "http://www.opengis.net/def/crs/EPSG/0/3857";
    private static final String TILING_SCHEME = "http://www.opengis.net/def/rel/ogc/1.0/tiling-scheme";
    private static final double ORIGIN = 20037508.3427892;
    private static final int TMS_MAX_ZOOM = 24;

    /** Conformance classes of OGC API Tiles these endpoints implement (for the service's /conformance). */
    public static final List<String> CONFORMANCE = List.of(
            "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/core",
            "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/tileset",
            "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/tilesets-list",
            "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/dataset-tilesets",
            "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/collections-selection",
            "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/mvt");

    private final TileResponses responses;

    public OgcTiles(Tiles tiles) {
        this.responses = new TileResponses(tiles);
    }

    @GetMapping(path = "/tileMatrixSets", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> tileMatrixSets() {
        String base = TileResponses.baseUrl();
        return Map.of("tileMatrixSets", List.of(Map.of("id", TMS, "title", "Google Maps Compatible for the World",
                "uri", TMS_URI, "links", List.of(link("self", base + "/tileMatrixSets/" + TMS, "application/json", TMS)))));
    }

    @GetMapping(path = "/tileMatrixSets/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> tileMatrixSet(@PathVariable String id) {
        requireTms(id);
        var matrices = new ArrayList<Map<String, Object>>();
        for (int z = 0; z <= TMS_MAX_ZOOM; z++) {
            var m = new LinkedHashMap<String, Object>();
            m.put("id", Integer.toString(z));
            m.put("scaleDenominator", 559082264.0287178 / (1L << z));
            m.put("cellSize", 156543.03392804097 / (1L << z));
            m.put("cornerOfOrigin", "topLeft");
            m.put("pointOfOrigin", List.of(-ORIGIN, ORIGIN));
            m.put("tileWidth", 256);
            m.put("tileHeight", 256);
            m.put("matrixWidth", 1L << z);
            m.put("matrixHeight", 1L << z);
            matrices.add(m);
        }
        var tms = new LinkedHashMap<String, Object>();
        tms.put("id", TMS);
        tms.put("title", "Google Maps Compatible for the World");
        tms.put("uri", TMS_URI);
        tms.put("crs", CRS);
        tms.put("orderedAxes", List.of("X", "Y"));
        tms.put("wellKnownScaleSet", "http://www.opengis.net/def/wkss/OGC/1.0/GoogleMapsCompatible");
        tms.put("tileMatrices", matrices);
        return tms;
    }

    @GetMapping(path = "/tiles/{tms}", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> tileset(@PathVariable String tms) {
        requireTms(tms);
        String base = TileResponses.baseUrl();
        var tileset = new LinkedHashMap<String, Object>();
        tileset.put("title", "Ortsanker");
        tileset.put("description", "Places to meet, clubs, meeting rooms, mobility, vacant buildings and supply, with"
                + " villages and municipalities; clustered below zoom 12.");
        tileset.put("dataType", "vector");
        tileset.put("crs", CRS);
        tileset.put("tileMatrixSetURI", TMS_URI);
        var limits = new ArrayList<Map<String, Object>>();
        for (int z = 0; z <= Catalogue.MAX_ZOOM; z++) {
            limits.add(Map.of("tileMatrix", Integer.toString(z), "minTileRow", 0, "maxTileRow", (1 << z) - 1,
                    "minTileCol", 0, "maxTileCol", (1 << z) - 1));
        }
        tileset.put("tileMatrixSetLimits", limits);
        tileset.put("layers", TileLayers.all().stream().map(OgcTiles::layer).toList());
        var links = new ArrayList<Map<String, Object>>();
        links.add(link("self", base + "/tiles/" + TMS, "application/json", "This tileset"));
        links.add(link(TILING_SCHEME, base + "/tileMatrixSets/" + TMS, "application/json", "The tile grid"));
        var item = link("item", base + "/tiles/" + TMS + "/{tileMatrix}/{tileRow}/{tileCol}",
                TileResponses.MVT.toString(), "A tile (Mapbox Vector Tile)");
        item.put("templated", true);
        links.add(item);
        links.add(link("describedby", base + "/tiles/" + TileLayers.COMBINED + ".json", "application/json", "TileJSON"));
        links.add(link("stylesheet", base + "/tiles/style.json", "application/vnd.mapbox.style+json", "MapLibre style"));
        tileset.put("links", links);
        return tileset;
    }

    @GetMapping("/tiles/{tms}/{tileMatrix}/{tileRow}/{tileCol}")
    public void tile(@PathVariable String tms, @PathVariable String tileMatrix, @PathVariable String tileRow,
                     @PathVariable String tileCol, HttpServletRequest request, HttpServletResponse response) throws IOException {
        requireTms(tms);
        TileAddress address = inGrid(tileMatrix, tileRow, tileCol);
        List<TileLayer> layers = collections(request.getParameterValues("collections"));
        String id = layers.equals(TileLayers.all()) ? TileLayers.COMBINED
                : String.join("+", layers.stream().map(TileLayer::id).toList());
        TileFilter filter = TileFilter.parse(request.getParameterMap(), layers);
        TileResponses.deprecations(new TileLayers.Tileset(id, layers, false), filter, request, response);
        responses.write(id, layers, address, filter, request, response);
    }

    /** The tileset's entry in a tilesets list ({@code /tiles}). */
    static Map<String, Object> tilesetItem(String base) {
        var item = new LinkedHashMap<String, Object>();
        item.put("title", "Ortsanker (every layer)");
        item.put("dataType", "vector");
        item.put("crs", CRS);
        item.put("tileMatrixSetURI", TMS_URI);
        item.put("links", List.of(link("self", base + "/tiles/" + TMS, "application/json", "Tileset"),
                link(TILING_SCHEME, base + "/tileMatrixSets/" + TMS, "application/json", "The tile grid")));
        return item;
    }

    static Map<String, Object> link(String rel, String href, String type, String title) {
        var link = new LinkedHashMap<String, Object>();
        link.put("rel", rel);
        link.put("href", href);
        link.put("type", type);
        link.put("title", title);
        return link;
    }

    private static Map<String, Object> layer(TileLayer layer) {
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
        json.put("minTileMatrix", Integer.toString(layer.minZoom()));
        json.put("maxTileMatrix", Integer.toString(layer.maxZoom()));
        json.put("propertiesSchema", Map.of("type", "object", "properties", properties));
        return json;
    }

    private static void requireTms(String id) {
        if (!TMS.equals(id)) {
            throw new NotFound("there is no tile matrix set '" + id + "'; there is " + TMS);
        }
    }

    /** A tile of the grid within the tileset's limits; anything else is not there (404, as OGC API Tiles asks). */
    private static TileAddress inGrid(String tileMatrix, String tileRow, String tileCol) {
        try {
            int z = Integer.parseInt(tileMatrix);
            int y = Integer.parseInt(tileRow);
            int x = Integer.parseInt(tileCol);
            if (z >= 0 && z <= Catalogue.MAX_ZOOM && x >= 0 && y >= 0 && x < 1 << z && y < 1 << z) {
                return new TileAddress(z, x, y);
            }
        } catch (NumberFormatException e) {
            // not a tile of the grid either
        }
        throw new NotFound("there is no tile " + tileMatrix + "/" + tileRow + "/" + tileCol + " in " + TMS
                + " with tile matrices 0 to " + Catalogue.MAX_ZOOM);
    }

    private static List<TileLayer> collections(String[] values) {
        if (values == null) {
            return TileLayers.all();
        }
        var ids = Arrays.stream(values).flatMap(v -> Arrays.stream(v.split(","))).map(String::trim)
                .filter(s -> !s.isEmpty()).toList();
        var named = new java.util.HashSet<TileLayer>();
        for (String id : ids) {
            named.add(TileLayers.byId(id).orElseThrow(() -> new InvalidParameter("collections", "unknown collection '"
                    + id + "'; collections: " + String.join(", ", TileLayers.all().stream().map(TileLayer::id).toList()))));
        }
        return TileLayers.all().stream().filter(named::contains).toList(); // in drawing order
    }
}
