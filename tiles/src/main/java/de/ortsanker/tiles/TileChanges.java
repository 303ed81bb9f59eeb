package de.ortsanker.tiles;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Whether the changes between two states of a tile's layers can have changed the tile, from where each
 * data version changed its layer ({@code tile_changes}, V180: written by the same triggers that bump the
 * versions, in the same transaction). A tile none of them reaches keeps its bytes and its ETag; one that a
 * change reaches — or whose span is not fully logged any more, or that a change without a place reached
 * (a bulk import, a TRUNCATE) — is made again. The log is in the database, so every replica decides alike.
 */
final class TileChanges {

    private final DataSource dataSource;
    private final int clusterBelowZoom;

    TileChanges(DataSource dataSource, int clusterBelowZoom) {
        this.dataSource = dataSource;
        this.clusterBelowZoom = clusterBelowZoom;
    }

    /** True when a tile made in state {@code from} is also the tile of state {@code to}. */
    boolean unchanged(Tiles.State from, Tiles.State to, TileMatrixSet grid, TileAddress address) {
        if (!from.day().equals(to.day()) || !from.format().equals(to.format())) {
            return false;
        }
        var layers = new ArrayList<String>();
        var after = new ArrayList<Long>();
        var upto = new ArrayList<Long>();
        long expected = 0;
        for (Map.Entry<String, Long> e : to.layerVersions().entrySet()) {
            Long was = from.layerVersions().get(e.getKey());
            if (was == null) {
                return false;
            }
            if (was < e.getValue()) {
                layers.add(e.getKey());
                after.add(was);
                upto.add(e.getValue());
                expected += e.getValue() - was;
            }
            // was > now: the tile was confirmed at newer versions than this request read; still its tile.
        }
        if (layers.isEmpty()) {
            return true;
        }
        TileQuery.Sql sql = TileQuery.changesReaching(address, grid, clusterBelowZoom);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.text())) {
            TileRenderer.bind(c, ps, sql.parameters());
            int i = sql.parameters().size();
            ps.setArray(++i, c.createArrayOf("text", layers.toArray()));
            ps.setArray(++i, c.createArrayOf("bigint", after.toArray()));
            ps.setArray(++i, c.createArrayOf("bigint", upto.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) == 0 && rs.getLong(2) == expected;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read tile changes: " + e.getMessage(), e);
        }
    }
}
