package de.ortsanker.tiles;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A MapLibre style (version 8) drawing our layers from the combined tileset — what Masterportal's
 * VectorTile layer and MapLibre maps need besides the tiles. It is an overlay: no base map. Each layer in
 * the catalogue's colour; clusters grow with their count; with a glyphs URL configured their count is
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

    static MapStyle of(String baseUrl, String glyphs) {
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
            layers.add(new Layer(layer.id(), "circle", SOURCE, layer.id(), List.of("==", List.of("geometry-type"), "Point"),
                    null, Map.of(
                    "circle-color", colour,
                    // single places small, clusters growing with the number of places they stand for
                    "circle-radius", List.of("interpolate", List.of("linear"), List.of("coalesce", List.of("get", "count"), 1),
                            1, layer.isPlaces() ? 5 : 3, 10, 9, 100, 14, 1000, 20),
                    "circle-stroke-color", "#ffffff",
                    "circle-stroke-width", 1)));
            if (text) {
                layers.add(new Layer(layer.id() + "-count", "symbol", SOURCE, layer.id(),
                        List.of(">", List.of("coalesce", List.of("get", "count"), 1), 1),
                        Map.of("text-field", List.of("to-string", List.of("get", "count")), "text-size", 11,
                                "text-allow-overlap", true),
                        Map.of("text-color", "#ffffff")));
            }
        }
        return new MapStyle(8, "Ortsanker", text ? glyphs : null,
                Map.of(SOURCE, new Source("vector", baseUrl + "/tiles/" + TileLayers.COMBINED + ".json")), layers);
    }
}
