package de.ortsanker.tiles;

import de.ortsanker.catalogue.Catalogue;
import de.ortsanker.catalogue.Field;
import de.ortsanker.catalogue.FieldType;
import de.ortsanker.catalogue.Layer;
import de.ortsanker.catalogue.Text;
import de.ortsanker.vocabulary.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A catalogue layer as the vector tiles draw it: the attributes each feature carries (the catalogue's tile
 * fields and the provenance, kept to what styling and popups need), how a cluster sums each of them up, the
 * zooms it appears at, and the data version that invalidates its tiles.
 */
public record TileLayer(Layer layer, List<TileField> fields) {

    /**
     * An attribute of the layer's features.
     *
     * @param sql          the column or expression over the layer's table it is read from
     * @param clusterValue the SQL aggregate giving the attribute's value on a cluster (rows of one grid cell,
     *                     by the attribute's name); {@code null} leaves it out of a cluster feature
     */
    public record TileField(String name, FieldType type, Text label, String sql, String clusterValue) {
    }

    // Cluster aggregates: a value shared by all rows of the cell, or the single row's value.
    private static final String SINGLE = "case when count(*) = 1 then min(%s) end";
    private static final String SHARED = "case when min(%1$s) = max(%1$s) then min(%1$s) end";
    private static final String SINGLE_BOOLEAN = "case when count(*) = 1 then bool_and(%s) end";
    private static final String SHARED_BOOLEAN = "case when bool_and(%1$s) = bool_or(%1$s) then bool_and(%1$s) end";

    static TileLayer of(Layer layer) {
        var fields = new ArrayList<TileField>();
        for (Field f : layer.tileFields()) {
            fields.add(new TileField(f.name(), f.type(), f.label(), f.sql(), clusterValue(f.name(), f.type(), f.inTiles())));
        }
        var source = layer.source();
        fields.add(new TileField("licence", FieldType.STRING, Text.of("Lizenz der Daten des Eintrags (z. B. ODbL-1.0)",
                "Licence of the record's data (e.g. ODbL-1.0)"), source.licenceColumn(),
                clusterValue("licence", FieldType.STRING, Field.InTiles.SHARED)));
        fields.add(new TileField("attribution", FieldType.STRING, Text.of("Namensnennung, die die Quelle verlangt",
                "Attribution the record's source requires, shown in popups"), source.attributionColumn(),
                clusterValue("attribution", FieldType.STRING, Field.InTiles.SHARED)));
        return new TileLayer(layer, List.copyOf(fields));
    }

    private static String clusterValue(String name, FieldType type, Field.InTiles how) {
        boolean bool = type == FieldType.BOOLEAN;
        return switch (how) {
            case SINGLE -> (bool ? SINGLE_BOOLEAN : SINGLE).formatted(name);
            case SHARED -> (bool ? SHARED_BOOLEAN : SHARED).formatted(name);
            case SUM -> "sum(" + name + ")";
            case PLAIN -> null;
        };
    }

    public String id() {
        return layer.id();
    }

    public String title() {
        return layer.title().en();
    }

    public String description() {
        return layer.description().en();
    }

    public int minZoom() {
        return layer.map().minZoom();
    }

    public int maxZoom() {
        return Catalogue.MAX_ZOOM;
    }

    public boolean clusters() {
        return layer.map().clusters();
    }

    public boolean isPlaces() {
        return layer.isPlaces();
    }

    public List<Kind> kinds() {
        return layer.kinds();
    }

    /** The layer in the data_versions table whose version invalidates this layer's tiles. */
    public String versionLayer() {
        return layer.versionLayer();
    }

    /** By id alone (ids are unique; equal layers have equal ids): tile states are looked up per layer list. */
    @Override
    public int hashCode() {
        return id().hashCode();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TileLayer t && t.id().equals(id());
    }

    /**
     * The fields as TileJSON's {@code vector_layers[].fields} wants them: name → type ({@code String},
     * {@code Number}, {@code Boolean}), the words GDAL and QGIS type their columns by.
     */
    public Map<String, String> fieldTypes(int clusterBelowZoom) {
        var map = new LinkedHashMap<String, String>();
        fields.forEach(f -> map.put(f.name(), f.type().tileJsonType()));
        if (hasCount(clusterBelowZoom)) {
            map.put("count", FieldType.INTEGER.tileJsonType());
        }
        return map;
    }

    /** Whether features may carry a {@code count}: a clustered layer drawn below the cluster zoom. */
    boolean hasCount(int clusterBelowZoom) {
        return clusters() && clusterBelowZoom > minZoom();
    }

    /** What a cluster's {@code count} is, for descriptions of the fields. */
    static String countDescription(int clusterBelowZoom) {
        return "how many features a cluster stands for (only below zoom " + clusterBelowZoom
                + "; 1 is a single feature with all its attributes)";
    }
}
