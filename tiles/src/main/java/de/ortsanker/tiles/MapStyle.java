package de.ortsanker.tiles;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A MapLibre style (version 8) drawing our layers from the combined tileset — what Masterportal's
 * VectorTile layer and MapLibre maps need besides the tiles. It is an overlay: no base map. Each layer in
 * the catalogue's colour; clusters grow with their count in steps (see {@link #CLUSTER_CLASSES}); with a glyphs URL configured their count is
 * also written on them (text needs fonts, which we do not serve).
 *
 * @param glyphs where the fonts are, or null (then no layer draws text)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MapStyle(int version, String name, String glyphs, Map<String, Source> sources, List<Layer> layers) {

    private static final String SOURCE = "ortsanker";

    /** A vector source, described by its TileJSON. */
    public record Source(String type, String url) {
    }

    /** One style layer: what it draws (type), from which tile layer, which features, and how. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Layer(String id, String type, String source, @JsonProperty("source-layer") String sourceLayer,
                        List<Object> filter, Map<String, Object> layout, Map<String, Object> paint) {
    }

    /**
     * Cluster sizes by how many places a cluster stands for: one style layer per class, each filtered and drawn
     * with a fixed radius (px). QGIS 3.22's converter reads filters and constants but not a radius interpolated
     * over a feature's count (it drew every point as a 40 px disc), so the sizes are steps, not a curve.
     */
    static final int[][] CLUSTER_CLASSES = {{2, 10, 9}, {10, 100, 14}, {100, 1000, 20}, {1000, Integer.MAX_VALUE, 24}};

    static MapStyle of(String baseUrl, String glyphs) {
        return of(baseUrl, glyphs, TileMatrixSet.WEB_MERCATOR);
    }

    static MapStyle of(String baseUrl, String glyphs, TileMatrixSet grid) {
        boolean text = glyphs != null && !glyphs.isBlank();
        var layers = new ArrayList<Layer>();
        for (TileLayer layer : TileLayers.all()) {
            String colour = layer.layer().map().colour();
            if (!layer.clusters()) { // areas: outlines
                layers.add(new Layer(layer.id(), "line", SOURCE, layer.id(), null, null,
                        Map.of("line-color", colour, "line-width", 1, "line-dasharray", List.of(3, 2))));
                continue;
            }
            layers.add(new Layer(layer.id() + "-areas", "fill", SOURCE, layer.id(),
                    List.of("==", List.of("geometry-type"), "Polygon"), null,
                    Map.of("fill-color", colour, "fill-opacity", 0.25, "fill-outline-color", colour)));
            var point = List.of("==", List.of("geometry-type"), "Point");
            // "no count, or 1", spelled with has/!: QGIS 3.22's style converter skips "coalesce" and left an
            // invalid filter "( <= 1)" (scripts/qgis-check.sh); MapLibre reads both the same
            var single = List.of("any", List.of("!", List.of("has", "count")), List.of("<=", List.of("get", "count"), 1));
            layers.add(new Layer(layer.id(), "circle", SOURCE, layer.id(), List.of("all", point, single), null,
                    circle(colour, layer.isPlaces() ? 5 : 3)));
            for (int[] c : CLUSTER_CLASSES) {
                var count = List.of("get", "count");
                List<Object> filter = c[1] == Integer.MAX_VALUE
                        ? List.of("all", point, List.of(">=", count, c[0]))
                        : List.of("all", point, List.of(">=", count, c[0]), List.of("<", count, c[1]));
                layers.add(new Layer(layer.id() + "-clusters-" + c[0], "circle", SOURCE, layer.id(), filter, null,
                        circle(colour, c[2])));
            }
            if (text) {
                layers.add(new Layer(layer.id() + "-count", "symbol", SOURCE, layer.id(),
                        List.of("all", List.of("has", "count"), List.of(">", List.of("get", "count"), 1)),
                        Map.of("text-field", List.of("to-string", List.of("get", "count")), "text-size", 11,
                                "text-allow-overlap", true),
                        Map.of("text-color", "#ffffff")));
            }
        }
        return new MapStyle(8, "Ortsanker", text ? glyphs : null,
                Map.of(SOURCE, new Source("vector", baseUrl + "/tiles/" + TileLayers.COMBINED + ".json"
                        + (grid.isWebMercator() ? "" : "?tileMatrixSet=" + grid.id()))), layers);
    }

    private static Map<String, Object> circle(String colour, int radius) {
        return Map.of("circle-color", colour, "circle-radius", radius, "circle-stroke-color", "#ffffff",
                "circle-stroke-width", 1);
    }
}
