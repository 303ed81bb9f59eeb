package de.ortsanker.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * The data version of each layer (a kind group, or localities / admin_areas / population_cells), bumped
 * by triggers in the same transaction as every change. Caches and ETags key on it: equal versions mean
 * equal data, so a cached answer is never stale and an unchanged one can be answered 304.
 */
public final class LayerVersions {

    /** One layer's version and when it last changed. */
    public record Version(long version, Instant changedAt) {
    }

    private final Map<String, Version> versions;

    private LayerVersions(Map<String, Version> versions) {
        this.versions = versions;
    }

    /** The query {@link #from(ResultSet)} reads, for callers that send it along with their own query. */
    public static final String QUERY = "select layer, version, changed_at from data_versions";

    /** Reads all layers' versions (a table of a dozen rows: cheap enough to read per request). */
    public static LayerVersions read(DataSource dataSource) {
        try (Connection c = dataSource.getConnection(); var rs = c.createStatement().executeQuery(QUERY)) {
            return from(rs);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read data versions: " + e.getMessage(), e);
        }
    }

    /** The versions from the rows of {@link #QUERY}. */
    public static LayerVersions from(ResultSet rs) throws SQLException {
        var map = new TreeMap<String, Version>();
        while (rs.next()) {
            map.put(rs.getString(1), new Version(rs.getLong(2), rs.getTimestamp(3).toInstant()));
        }
        return new LayerVersions(map);
    }

    public Version of(String layer) {
        Version v = versions.get(layer);
        if (v == null) {
            throw new IllegalArgumentException("unknown layer '" + layer + "', known: " + versions.keySet());
        }
        return v;
    }

    /**
     * A token that changes whenever any of the layers changes, e.g. for an ETag or a cache key:
     * {@code "mobility.12-third_place.40"}.
     */
    public String token(Collection<String> layers) {
        var sb = new StringBuilder();
        layers.stream().sorted().distinct().forEach(layer ->
                sb.append(sb.isEmpty() ? "" : "-").append(layer).append('.').append(of(layer).version()));
        return sb.toString();
    }

    /** When the newest of the layers last changed (for Last-Modified). */
    public Instant lastChanged(Collection<String> layers) {
        return layers.stream().map(l -> of(l).changedAt()).max(Instant::compareTo).orElse(Instant.EPOCH);
    }
}
