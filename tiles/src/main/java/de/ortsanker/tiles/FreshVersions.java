package de.ortsanker.tiles;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;

/**
 * The layers' data versions as of a moment after the caller asked — so a cache keyed on them never answers
 * with data older than the request — read at most once per database round trip however many requests
 * ask at the same time.
 *
 * <p>Requests that arrive while a read is under way join the next read, which starts only after the
 * current one finished: every caller gets versions read after it arrived (no stale tile, ever), and
 * under load one small query serves a whole batch of requests instead of one each.
 *
 * <p>It also remembers the newest versions anyone saw (also those a tile statement read along), as a
 * guess of what a tile's cache key will be — a guess only, never an answer. Versions equal to the newest
 * come back as the very same {@link VersionSnapshot}, so the states made from them are made once.
 */
final class FreshVersions {

    /** Every layer's version, as the tile statement reads them too. */
    private static final String QUERY = "select layer, version from data_versions";

    private final DataSource dataSource;
    private final Object reading = new Object();
    private CompletableFuture<VersionSnapshot> next; // the batch not yet read; guarded by this
    private volatile VersionSnapshot latest;

    FreshVersions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The version of every layer's data, read after this call began. */
    VersionSnapshot read() {
        CompletableFuture<VersionSnapshot> batch;
        boolean leader;
        synchronized (this) {
            leader = next == null;
            if (leader) {
                next = new CompletableFuture<>();
            }
            batch = next;
        }
        if (leader) {
            synchronized (reading) { // one read at a time: the batch fills while the previous read runs
                synchronized (this) {
                    next = null; // closed: whoever comes now waits for the following read
                }
                try {
                    batch.complete(remember(query()));
                } catch (RuntimeException e) {
                    batch.completeExceptionally(e);
                }
            }
        }
        return batch.join();
    }

    private Map<String, Long> query() {
        // A prepared statement: the driver keeps it prepared on each pooled connection, so PostgreSQL
        // neither parses nor plans it again.
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(QUERY);
             ResultSet rs = ps.executeQuery()) {
            var versions = new TreeMap<String, Long>();
            while (rs.next()) {
                versions.put(rs.getString(1), rs.getLong(2));
            }
            return versions;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read data versions: " + e.getMessage(), e);
        }
    }

    /** The newest versions seen so far, or null before the first read. */
    VersionSnapshot latest() {
        return latest;
    }

    /** Keeps versions as the newest seen; equal to the newest, the newest's snapshot is returned. */
    VersionSnapshot remember(Map<String, Long> versions) {
        VersionSnapshot current = latest;
        if (current != null && current.versions().equals(versions)) {
            return current;
        }
        var snapshot = new VersionSnapshot(versions);
        latest = snapshot;
        return snapshot;
    }
}
