package de.ortsanker.catalogue;

import de.ortsanker.cql2.Queryable;
import de.ortsanker.cql2.Queryables;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One attribute of a layer's features: its name (in GeoJSON, tiles, CSV and filters), its type, its label
 * in both languages, the SQL it is read with, whether clients may filter on it, and whether vector tiles
 * carry it (and how a cluster of features sums it up).
 *
 * @param sql       trusted SQL over the layer's tables, written by a programmer, never by a user; of a known
 *                  type (a bare literal that is not text needs a cast, e.g. {@code '2024-05-01'::date})
 * @param queryable clients may filter on it: a CQL2 queryable and a {@code name=value} parameter
 * @param inTiles   how the tiles carry it, or null when they leave it out (tiles stay small)
 * @param values    the only values it takes (a code list of the vocabulary or of a database check), for
 *                  schemas and filter tools (drop-down lists); empty when any value of its type may occur
 */
public record Field(String name, FieldType type, Text label, String sql, boolean queryable, InTiles inTiles,
                    List<String> values) {

    /** How a field appears on a cluster of features in a tile (a single feature carries its own value). */
    public enum InTiles {
        /** The value of a single feature; a cluster has none. */
        SINGLE,
        /** The value all features of a cluster share; none where they differ. */
        SHARED,
        /** On a cluster, the sum of the known values. */
        SUM,
        /** Areas only (municipalities are never clustered). */
        PLAIN
    }

    public Field {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(sql, "sql");
        values = values == null ? List.of() : List.copyOf(values);
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("field name '" + name + "' must be lower_snake_case");
        }
        if (queryable && type.queryableType() == null) {
            throw new IllegalArgumentException("'" + name + "': " + type + " fields cannot be filtered on");
        }
        if (inTiles != null && type.tileJsonType() == null) {
            throw new IllegalArgumentException("'" + name + "': vector tiles cannot hold " + type + " values");
        }
    }

    /** A field shown in every feature and offered for filtering. */
    public static Field queryable(String name, FieldType type, Text label, String sql) {
        return new Field(name, type, label, sql, true, null, List.of());
    }

    /** A field shown in every feature but not offered for filtering. */
    public static Field shown(String name, FieldType type, Text label, String sql) {
        return new Field(name, type, label, sql, false, null, List.of());
    }

    /** The same field, carried by vector tiles too. */
    public Field inTiles(InTiles how) {
        return new Field(name, type, label, sql, queryable, how, values);
    }

    /** The same field, taking only these values. */
    public Field oneOf(List<String> allowed) {
        return new Field(name, type, label, sql, queryable, inTiles, allowed);
    }

    public Queryable asQueryable() {
        return Queryable.of(name, type.queryableType(), sql);
    }

    /**
     * What filters on features with these fields may name: the queryable fields, the provenance
     * ({@code source}, {@code licence}) and the geometry (with its indexed geography twin, or null).
     */
    public static Queryables queryables(List<Field> fields, String sourceSql, String licenceSql, String geometrySql,
                                        String geographySql) {
        var list = new ArrayList<Queryable>();
        fields.stream().filter(Field::queryable).forEach(f -> list.add(f.asQueryable()));
        list.add(Queryable.of("source", Queryable.Type.STRING, sourceSql));
        list.add(Queryable.of("licence", Queryable.Type.STRING, licenceSql));
        list.add(Queryable.geometry("geometry", geometrySql, geographySql));
        return Queryables.of(list);
    }
}
