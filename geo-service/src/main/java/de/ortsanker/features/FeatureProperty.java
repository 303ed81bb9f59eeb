package de.ortsanker.features;

import de.ortsanker.cql2.Queryable;
import java.util.Objects;

/**
 * One property of a collection's features: its name in GeoJSON, the SQL that computes it, its type, and
 * whether clients may filter on it (then it is a queryable: in CQL2 filters, as {@code name=value} query
 * parameter and in {@code /collections/{id}/queryables}).
 *
 * @param sql trusted SQL over the collection's {@code from} clause, written by a programmer — never by a user;
 *            of a known type (a bare literal that is not text needs a cast, e.g. {@code '2024-05-01'::date})
 */
public record FeatureProperty(String name, String sql, Type type, String description, boolean queryable) {

    /** What a property holds; decides its JSON Schema and how filters compare it. */
    public enum Type {
        STRING(Queryable.Type.STRING), INTEGER(Queryable.Type.INTEGER), NUMBER(Queryable.Type.NUMBER),
        BOOLEAN(Queryable.Type.BOOLEAN), DATE(Queryable.Type.DATE), TIMESTAMP(Queryable.Type.TIMESTAMP),
        STRING_ARRAY(Queryable.Type.STRING_ARRAY), OBJECT(null);

        private final Queryable.Type queryableType;

        Type(Queryable.Type queryableType) {
            this.queryableType = queryableType;
        }

        Queryable.Type queryableType() {
            return queryableType;
        }
    }

    public FeatureProperty {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(type, "type");
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("property name '" + name + "' must be lower_snake_case");
        }
        if (queryable && type.queryableType() == null) {
            throw new IllegalArgumentException("'" + name + "': " + type + " properties cannot be filtered on");
        }
        description = description == null ? "" : description;
    }

    /** A property shown in every feature but not offered for filtering. */
    public static FeatureProperty shown(String name, String sql, Type type, String description) {
        return new FeatureProperty(name, sql, type, description, false);
    }

    /** A property shown in every feature and offered for filtering. */
    public static FeatureProperty queryable(String name, String sql, Type type, String description) {
        return new FeatureProperty(name, sql, type, description, true);
    }

    Queryable asQueryable() {
        return Queryable.of(name, type.queryableType(), sql);
    }
}
