package de.ortsanker.tiles;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One layer of the vector tiles: a kind group of places, the villages, or the municipalities. It names
 * the rows it draws ({@link Source}), the attributes each feature carries (kept to what styling and
 * popups need), the zooms it appears at, and the data versions that invalidate its tiles.
 *
 * @param kinds for a place layer the kind codes it holds; empty otherwise
 * @param clusters whether points (and footprints smaller than a cluster cell) are aggregated into
 *                 clusters with a count at low zooms; municipalities are areas and are simplified instead
 */
public record TileLayer(String id, String title, String description, Source source, List<String> kinds,
                        int minZoom, int maxZoom, boolean clusters, List<Field> fields) {

    /** Where a layer's rows come from; each source is one named query in {@link TileQuery}. */
    public enum Source { PLACES, VILLAGES, MUNICIPALITIES }

    /**
     * An attribute of the layer's features.
     *
     * @param clusterValue the SQL aggregate giving the attribute's value on a cluster (rows of one grid
     *                     cell); {@code null} there means the attribute is left out of the cluster feature
     */
    public record Field(String name, String description, String clusterValue) {
    }

    /** The layer in the data_versions table whose version invalidates this layer's tiles. */
    public String versionLayer() {
        return switch (source) {
            case PLACES -> id;
            case VILLAGES -> "localities";
            case MUNICIPALITIES -> "admin_areas";
        };
    }

    /** By id alone (ids are unique; equal layers have equal ids): tile states are looked up per layer list. */
    @Override
    public int hashCode() {
        return id.hashCode();
    }

    public boolean isPlaces() {
        return source == Source.PLACES;
    }

    /** The fields as TileJSON's {@code vector_layers[].fields} wants them: name → description. */
    public Map<String, String> fieldDescriptions(int clusterBelowZoom) {
        var map = fields.stream().collect(Collectors.toMap(Field::name, Field::description,
                (a, b) -> a, java.util.LinkedHashMap::new));
        if (clusters && clusterBelowZoom > minZoom) {
            map.put("count", "Number: how many features a cluster stands for (only below zoom "
                    + clusterBelowZoom + "; 1 is a single feature with all its attributes)");
        }
        return map;
    }
}
