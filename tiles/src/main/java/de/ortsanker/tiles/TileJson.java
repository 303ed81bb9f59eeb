package de.ortsanker.tiles;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import de.ortsanker.catalogue.Catalogue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * TileJSON 3.0.0 for a tileset (https://github.com/mapbox/tilejson-spec/tree/master/3.0.0): where the
 * tiles are, their zooms, where the data lies, which layers and fields they hold, and the attribution of
 * the data actually in them.
 */
@JsonPropertyOrder({"tilejson", "name", "description", "version", "attribution", "scheme", "tiles", "minzoom",
    "maxzoom", "bounds", "center", "vector_layers", "crs", "tileMatrixSet"})
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
public record TileJson(String tilejson, String name, String description, String version, String attribution,
                       String scheme, List<String> tiles, int minzoom, int maxzoom, List<Double> bounds,
                       List<Double> center, @JsonProperty("vector_layers") List<VectorLayer> vectorLayers,
                       String crs, String tileMatrixSet) {

    /**
     * A layer in the tiles, with its fields typed as GDAL and QGIS read them ({@code String}, {@code Number},
     * {@code Boolean}).
     */
    public record VectorLayer(String id, String description, int minzoom, int maxzoom, Map<String, String> fields) {
    }

    /** The whole Web Mercator world, TileJSON's default bounds. */
    private static final double MAX_LAT = 85.0511287798066;

    // Licences our sources use, linked in the attribution; others are shown as text.
    private static final Map<String, String> LICENCE_LINKS = Map.of(
            "ODbL-1.0", "https://www.openstreetmap.org/copyright",
            "ODbL", "https://www.openstreetmap.org/copyright",
            "dl-de/by-2-0", "https://www.govdata.de/dl-de/by-2-0",
            "dl-de/zero-2-0", "https://www.govdata.de/dl-de/zero-2-0",
            "CC-BY-4.0", "https://creativecommons.org/licenses/by/4.0/",
            "CC0-1.0", "https://creativecommons.org/publicdomain/zero/1.0/");

    /**
     * @param baseUrl the service's absolute URL (as the client reached it), without a trailing slash
     */
    static TileJson of(String baseUrl, String tileset, List<TileLayer> layers, TileFilter filter,
                       LayerMetadata.Summary data, int clusterBelowZoom) {
        return of(baseUrl, tileset, layers, filter, data, clusterBelowZoom, TileMatrixSet.WEB_MERCATOR);
    }

    /**
     * The same for a grid: zooms are the grid's levels, tiles its OGC API Tiles URLs ({z}/{y}/{x}: row before
     * column), and {@code crs} and {@code tileMatrixSet} (not in TileJSON; as ldproxy writes them) name the grid.
     */
    static TileJson of(String baseUrl, String tileset, List<TileLayer> layers, TileFilter filter,
                       LayerMetadata.Summary data, int clusterBelowZoom, TileMatrixSet grid) {
        if (!grid.isWebMercator()) {
            var json = of(baseUrl, tileset, layers, filter, data, clusterBelowZoom, TileMatrixSet.WEB_MERCATOR);
            String path = tileset.equals(TileLayers.COMBINED) ? "/tiles/" + grid.id()
                    : "/collections/" + tileset + "/tiles/" + grid.id();
            int max = OgcTiles.maxLevel(grid);
            return new TileJson(json.tilejson(), json.name(), json.description(), json.version(), json.attribution(),
                    json.scheme(), List.of(baseUrl + path + "/{z}/{y}/{x}" + filter.query()),
                    Math.max(0, grid.level(json.minzoom())), max, json.bounds(),
                    List.of(json.center().get(0), json.center().get(1),
                            (double) Math.max(0, Math.min(max, grid.level(json.center().get(2).intValue())))),
                    json.vectorLayers().stream().map(v -> new VectorLayer(v.id(), v.description(),
                            Math.max(0, grid.level(v.minzoom())), max, v.fields())).toList(),
                    grid.crs(), grid.id());
        }
        int minZoom = layers.stream().mapToInt(TileLayer::minZoom).min().orElse(0);
        int maxZoom = Catalogue.MAX_ZOOM;
        double[] bounds = data.bounds() == null ? new double[] {-180, -MAX_LAT, 180, MAX_LAT} : clamp(data.bounds());

        return new TileJson("3.0.0",
                layers.size() == 1 ? "Ortsanker: " + layers.get(0).title() : "Ortsanker",
                layers.size() == 1 ? layers.get(0).description()
                        : "Places to meet, clubs, meeting rooms, mobility, vacant buildings and supply, with villages and"
                        + " municipalities" + (filter.isEmpty() ? "" : "; places filtered by " + filter.describe()),
                "1.0.0", attribution(data.origins()), "xyz",
                List.of(baseUrl + "/tiles/" + tileset + "/{z}/{x}/{y}.mvt" + filter.query()), minZoom, maxZoom,
                List.of(bounds[0], bounds[1], bounds[2], bounds[3]),
                List.of((bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2,
                        (double) Math.max(minZoom, Math.min(maxZoom, zoomToFit(bounds)))),
                layers.stream().map(l -> new VectorLayer(l.id(), l.description(), l.minZoom(), l.maxZoom(),
                        l.fieldTypes(clusterBelowZoom))).toList(), null, null);
    }

    /** The attribution of the data in the tiles, most frequent source first, as escaped HTML. */
    static String attribution(List<LayerMetadata.Origin> origins) {
        var parts = new ArrayList<String>();
        for (LayerMetadata.Origin o : origins) {
            String link = LICENCE_LINKS.get(o.licence());
            String licence = link == null ? escape(o.licence())
                    : "<a href=\"" + link + "\">" + escape(o.licence()) + "</a>";
            String part = escape(o.attribution()) + " (" + licence + ")";
            if (!parts.contains(part)) {
                parts.add(part);
            }
        }
        return parts.stream().collect(Collectors.joining(" | "));
    }

    /** HTML-escapes text from the data: TileJSON clients may show the attribution as HTML. */
    static String escape(String text) {
        var sb = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private static double[] clamp(double[] b) {
        return new double[] {Math.max(-180, b[0]), Math.max(-MAX_LAT, b[1]), Math.min(180, b[2]), Math.min(MAX_LAT, b[3])};
    }

    /** The deepest zoom at which the bounds still fit a 1024 px wide view. */
    private static int zoomToFit(double[] b) {
        double span = Math.max(b[2] - b[0], (b[3] - b[1]) * 1.5);
        if (span <= 0) {
            return 14;
        }
        return (int) Math.floor(Math.log(360 * 4 / span) / Math.log(2));
    }
}
