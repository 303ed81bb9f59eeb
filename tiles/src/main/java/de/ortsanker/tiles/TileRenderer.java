package de.ortsanker.tiles;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.dao.QueryTimeoutException;

/** Runs a tile's statement in PostGIS and returns the MVT bytes. */
public final class TileRenderer {

    private final DataSource dataSource;

    public TileRenderer(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public byte[] render(TileQuery.Sql sql) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.text())) {
            bind(c, ps, sql.parameters());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                byte[] mvt = rs.getBytes(1);
                return mvt == null ? new byte[0] : mvt;
            }
        } catch (SQLException e) {
            if ("57014".equals(e.getSQLState())) { // statement_timeout: the service answers 503
                throw new QueryTimeoutException("tile query took too long", e);
            }
            throw new IllegalStateException("tile query failed: " + e.getMessage(), e);
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
