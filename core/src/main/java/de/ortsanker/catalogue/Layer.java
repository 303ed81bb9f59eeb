package de.ortsanker.catalogue;

import de.ortsanker.cql2.Queryables;
import de.ortsanker.vocabulary.Group;
import de.ortsanker.vocabulary.Kind;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One published layer, described once: its id (the same in the OGC collections, tiles, TileJSON, the style,
 * {@code kinds=} and the web map), titles and descriptions in German and English, the kinds it holds, its
 * fields, geometry, where its rows come from and how the map draws it. Everything that publishes a layer
 * is derived from this.
 *
 * @param group        for a layer of places, its kind group (whose code is the layer id); else null
 * @param aliases      ids the tiles used before, answered for one release with a {@code Deprecation} header
 * @param map          how maps draw it (colour, zooms, clusters); null when it is not in the vector tiles
 * @param versionLayer the {@code data_versions} layer whose version changes with its rows
 */
public record Layer(String id, Text title, Text description, Source source, Group group, Geometry geometry,
                    List<Field> fields, String versionLayer, List<String> aliases, MapStyle map) {

    /** What geometries a layer's features have, for schemas and clients that need one type per layer. */
    public enum Geometry {
        POINT("Point"), POLYGON("MultiPolygon"), MIXED(null);

        private final String geoJsonType;

        Geometry(String geoJsonType) {
            this.geoJsonType = geoJsonType;
        }

        /** The GeoJSON type of every feature, or null when a layer mixes points and areas. */
        public String geoJsonType() {
            return geoJsonType;
        }

        static Geometry of(List<Kind> kinds) {
            var shapes = kinds.stream().map(Kind::shape).collect(Collectors.toSet());
            return shapes.equals(java.util.Set.of(Kind.Shape.POINT)) ? POINT
                    : shapes.equals(java.util.Set.of(Kind.Shape.AREA)) ? POLYGON : MIXED;
        }
    }

    /**
     * How maps draw the layer: a colour (dark enough for white text on it, WCAG AA), from which zoom, and
     * whether points are clustered at low zooms (areas are simplified instead).
     */
    public record MapStyle(String colour, int minZoom, boolean clusters) {
    }

    public Layer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, id + ": title");
        Objects.requireNonNull(source, id + ": source");
        if (!id.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("layer id '" + id + "' must be lower_snake_case");
        }
        if (source.isPlaces() != (group != null)) {
            throw new IllegalArgumentException(id + ": a layer of places has a kind group, other layers none");
        }
        if (group != null && !group.code().equals(id)) {
            throw new IllegalArgumentException(id + ": a place layer's id is its group's code, " + group.code());
        }
        fields = List.copyOf(fields);
        aliases = List.copyOf(aliases);
        var names = new java.util.HashSet<String>();
        for (Field f : fields) {
            if (!names.add(f.name())) {
                throw new IllegalArgumentException(id + ": field '" + f.name() + "' is defined twice");
            }
        }
    }

    public boolean isPlaces() {
        return group != null;
    }

    /** The kinds a layer of places holds, in the vocabulary's order; empty for other layers. */
    public List<Kind> kinds() {
        return group == null ? List.of() : Kind.inGroup(group);
    }

    public boolean inTiles() {
        return map != null;
    }

    /** The fields vector tiles carry. */
    public List<Field> tileFields() {
        return fields.stream().filter(f -> f.inTiles() != null).toList();
    }

    /** What filters on this layer may name: its queryable fields, provenance and geometry. */
    public Queryables queryables() {
        return Field.queryables(fields, source.sourceColumn(), source.licenceColumn(), source.geometry(),
                source.geography());
    }

    /**
     * The layer's kinds as an SQL list of literals ({@code p.kind in ('cafe', 'pub', …)}), not a bound array
     * nor a join on the group: PostgreSQL then estimates from the statistics of {@code places.kind} how
     * many rows match (a small box of a town's places to meet: 1 ms instead of 23 ms). The codes are the
     * vocabulary's, never a request's.
     */
    public String kindsSql() {
        return kinds().stream().map(k -> "'" + k.code() + "'").collect(Collectors.joining(", ", "p.kind in (", ")"));
    }
}
