package de.ortsanker.tiles;

import de.ortsanker.database.LayerVersions;
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
 */
final class FreshVersions {

    private final DataSource dataSource;
    private final Object reading = new Object();
    private CompletableFuture<LayerVersions> next; // the batch not yet read; guarded by this

    FreshVersions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    LayerVersions read() {
        CompletableFuture<LayerVersions> batch;
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
                    batch.complete(LayerVersions.read(dataSource));
                } catch (RuntimeException e) {
                    batch.completeExceptionally(e);
                }
            }
        }
        return batch.join();
    }
}
