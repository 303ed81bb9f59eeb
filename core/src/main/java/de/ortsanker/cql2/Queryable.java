package de.ortsanker.cql2;

import java.util.Objects;

/**
 * A property a filter may name, and the SQL it stands for. The SQL is written by the programmer (a column
 * or an expression over trusted columns); what a user types is only ever compared against {@link #name()}.
 *
 * @param name         the name in filters, e.g. {@code capacity}
 * @param type         what values it holds; literals are checked against it
 * @param sql          the SQL expression, e.g. {@code p.capacity}
 * @param geographySql for geometries: an indexed geography expression (e.g. {@code p.geog}) that
 *                     S_DWITHIN measures metres on; null to cast {@code sql} to geography
 */
public record Queryable(String name, Type type, String sql, String geographySql) {

    /** What a queryable holds. */
    public enum Type {
        STRING, INTEGER, NUMBER, BOOLEAN, DATE, TIMESTAMP, GEOMETRY, STRING_ARRAY
    }

    public Queryable {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(sql, "sql");
    }

    public static Queryable of(String name, Type type, String sql) {
        return new Queryable(name, type, sql, null);
    }

    /** A geometry queryable with an indexed geography twin for distances in metres. */
    public static Queryable geometry(String name, String geometrySql, String geographySql) {
        return new Queryable(name, Type.GEOMETRY, geometrySql, geographySql);
    }
}
