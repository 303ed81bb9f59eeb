package de.ortsanker.tiles;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A MapLibre style (version 8) drawing our layers from the combined tileset — what Masterportal's
 * VectorTile layer and MapLibre maps need besides the tiles. It is an overlay: no base map. Clusters
 * grow with their count; with a glyphs URL configured their count is also written on them (text needs
 * fonts, which we do not serve).
 */
final class MapStyle {

    private MapStyle() {
    }

    static Map<String, Object> of(String baseUrl, String glyphs) {
        var style = new LinkedHashMap<String, Object>();
        style.put("version", 8);
        style.put("name", "Ortsanker");
        if (glyphs != null && !glyphs.isBlank()) {
            style.put("glyphs", glyphs);
        }
        style.put("sources", Map.of("ortsanker", Map.of("type", "vector", "url", baseUrl + "/tiles/" + TileLayers.COMBINED + ".json")));
        var layers = new ArrayList<Map<String, Object>>();
        for (TileLayer layer : TileLayers.all()) {
            if (!layer.clusters()) { // areas: outlines
                layers.add(layer(layer.id(), "line", layer.id(), null,
                        Map.of("line-color", layer.layer().map().colour(), "line-width", 1, "line-dasharray", List.of(3, 2))));
                continue;
            }
            String colour = layer.layer().map().colour();
            layers.add(layer(layer.id() + "-areas", "fill", layer.id(), List.of("==", List.of("geometry-type"), "Polygon"),
                    Map.of("fill-color", colour, "fill-opacity", 0.25, "fill-outline-color", colour)));
            layers.add(layer(layer.id(), "circle", layer.id(), List.of("==", List.of("geometry-type"), "Point"), Map.of(
                    "circle-color", colour,
                    // single places small, clusters growing with the number of places they stand for
                    "circle-radius", List.of("interpolate", List.of("linear"), List.of("coalesce", List.of("get", "count"), 1),
                            1, layer.isPlaces() ? 5 : 3, 10, 9, 100, 14, 1000, 20),
                    "circle-stroke-color", "#ffffff",
                    "circle-stroke-width", 1)));
            if (glyphs != null && !glyphs.isBlank()) {
                var count = layer(layer.id() + "-count", "symbol", layer.id(), List.of(">", List.of("coalesce", List.of("get", "count"), 1), 1),
                        Map.of("text-color", "#ffffff"));
                count.put("layout", Map.of("text-field", List.of("to-string", List.of("get", "count")), "text-size", 11,
                        "text-allow-overlap", true));
                layers.add(count);
            }
        }
        style.put("layers", layers);
        return style;
    }

    private static Map<String, Object> layer(String id, String type, String sourceLayer, List<Object> filter, Map<String, Object> paint) {
        var layer = new LinkedHashMap<String, Object>();
        layer.put("id", id);
        layer.put("type", type);
        layer.put("source", "ortsanker");
        layer.put("source-layer", sourceLayer);
        if (filter != null) {
            layer.put("filter", filter);
        }
        layer.put("paint", paint);
        return layer;
    }
}
