package de.ortsanker.tiles;

import de.ortsanker.database.SessionSetting;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.springframework.dao.QueryTimeoutException;

/** Runs a tile's statement in PostGIS and returns the MVT bytes and the data versions it saw. */
public final class TileRenderer {

    /** A tile's bytes and the version of each layer's data in the snapshot that made them. */
    public record Rendered(byte[] mvt, Map<String, Long> versions) {
    }

    private final DataSource dataSource;

    public TileRenderer(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Rendered render(TileQuery.Sql sql) {
        try (Connection c = dataSource.getConnection()) {
            return run(c, sql);
        } catch (SQLException e) {
            if ("57014".equals(e.getSQLState())) { // statement_timeout: the service answers 503
                throw new QueryTimeoutException("tile query took too long", e);
            }
            throw new IllegalStateException("tile query failed: " + e.getMessage(), e);
        }
    }

    /**
     * Runs a tile's statement on a connection (the benchmark runs it bare the same way): the statement
     * is sent with its plan setting in one round trip; the tile is its one result set.
     */
    public static Rendered run(Connection c, TileQuery.Sql sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql.text())) {
            ps.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(1); // keep the plan from the start
            bind(c, ps, sql.parameters());
            try (ResultSet rs = SessionSetting.execute(ps)) {
                rs.next();
                byte[] mvt = rs.getBytes(1);
                var versions = new TreeMap<String, Long>();
                for (String pair : rs.getString(2).split(",")) {
                    int eq = pair.indexOf('=');
                    versions.put(pair.substring(0, eq), Long.parseLong(pair.substring(eq + 1)));
                }
                return new Rendered(mvt == null ? new byte[0] : mvt, versions);
            }
        }
    }

    /** Binds a {@link TileQuery.Sql}'s parameters (a String[] as a text array). */
    public static void bind(Connection c, PreparedStatement ps, List<Object> parameters) throws SQLException {
        int i = 1;
        for (Object p : parameters) {
            if (p instanceof String[] array) {
                ps.setArray(i++, c.createArrayOf("text", array));
            } else if (p instanceof LocalDate date) {
                ps.setObject(i++, date);
            } else {
                ps.setObject(i++, p);
            }
        }
    }
}
