package de.ortsanker.tiles;

import de.ortsanker.database.LayerVersions;
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
 * guess of what a tile's cache key will be — a guess only, never an answer.
 */
final class FreshVersions {

    private final DataSource dataSource;
    private final Object reading = new Object();
    private CompletableFuture<Map<String, Long>> next; // the batch not yet read; guarded by this
    private volatile Map<String, Long> latest;

    FreshVersions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The version of every tile layer's data, read after this call began. */
    Map<String, Long> read() {
        CompletableFuture<Map<String, Long>> batch;
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
                    LayerVersions read = LayerVersions.read(dataSource);
                    var map = new TreeMap<String, Long>();
                    TileLayers.all().forEach(l -> map.put(l.versionLayer(), read.of(l.versionLayer()).version()));
                    remember(map);
                    batch.complete(map);
                } catch (RuntimeException e) {
                    batch.completeExceptionally(e);
                }
            }
        }
        return batch.join();
    }

    /** The newest versions seen so far, or null before the first read. */
    Map<String, Long> latest() {
        return latest;
    }

    void remember(Map<String, Long> versions) {
        latest = versions;
    }
}
