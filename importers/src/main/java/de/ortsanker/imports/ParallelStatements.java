package de.ortsanker.imports;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs statements side by side, one at a time per connection, each committed on its own: index builds
 * on one table take a SHARE lock each, which do not exclude each other. A unique index that a repeated
 * key refuses is handed back instead of failing the rest; any other failure fails the whole.
 */
final class ParallelStatements {

    private static final String UNIQUE_VIOLATION = "23505";

    private ParallelStatements() {
    }

    /**
     * Runs the statements in their order over the connections (autocommit off) and waits for all.
     *
     * @return the statements refused for a repeated key
     */
    static List<String> run(List<Connection> connections, Collection<String> statements) throws SQLException {
        var queue = new ConcurrentLinkedQueue<>(statements);
        var refused = new ConcurrentLinkedQueue<String>();
        ExecutorService pool = Executors.newFixedThreadPool(connections.size());
        try {
            var workers = new ArrayList<Future<?>>();
            for (Connection c : connections) {
                workers.add(pool.submit(() -> {
                    work(c, queue, refused);
                    return null;
                }));
            }
            // Every worker ends before anything is thrown: a connection is never used by two threads at once.
            Throwable failure = null;
            for (Future<?> worker : workers) {
                try {
                    worker.get();
                } catch (ExecutionException e) {
                    queue.clear();
                    failure = failure == null ? e.getCause() : failure;
                }
            }
            if (failure instanceof SQLException s) {
                throw s;
            } else if (failure != null) {
                throw new IllegalStateException(failure);
            }
            return List.copyOf(refused);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for " + statements.size() + " statements", e);
        } finally {
            pool.shutdown();
        }
    }

    private static void work(Connection c, ConcurrentLinkedQueue<String> queue, ConcurrentLinkedQueue<String> refused)
            throws SQLException {
        try (var st = c.createStatement()) {
            for (String sql = queue.poll(); sql != null; sql = queue.poll()) {
                try {
                    st.execute(sql);
                    c.commit();
                } catch (SQLException e) {
                    c.rollback();
                    if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                        throw e;
                    }
                    refused.add(sql);
                }
            }
        }
    }
}
