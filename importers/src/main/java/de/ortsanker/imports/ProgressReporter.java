package de.ortsanker.imports;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Once a second, tells the listener how far a run is and writes it to the run's import_runs row, over a
 * connection of its own (the run's transaction is invisible until it commits).
 */
final class ProgressReporter implements AutoCloseable {

    private final DataSource dataSource;
    private final ImportRun run;
    private final ImportContext context;
    private final long bytesTotal;
    private final ProgressListener listener;
    private final Supplier<String> phase;
    private final Supplier<Duration> elapsed;
    private final ScheduledExecutorService timer;
    private Connection connection;

    ProgressReporter(DataSource dataSource, ImportRun run, ImportContext context, long bytesTotal,
                     ProgressListener listener, Supplier<String> phase, Supplier<Duration> elapsed) {
        this.dataSource = dataSource;
        this.run = run;
        this.context = context;
        this.bytesTotal = bytesTotal;
        this.listener = listener;
        this.phase = phase;
        this.elapsed = elapsed;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "import-progress-" + run.id);
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    /** Reports now (e.g. when the phase changes). */
    void report() {
        timer.execute(this::tick);
    }

    private void tick() {
        var p = new ProgressListener.Progress(phase.get(), context.features(), context.bytesRead(), bytesTotal,
                elapsed.get().toMillis() / 1000.0);
        try {
            listener.progress(p);
        } catch (RuntimeException e) {
            // a listener's failure must not stop the import
        }
        try {
            if (connection == null) {
                connection = dataSource.getConnection();
                connection.setAutoCommit(true);
            }
            run.progress(connection, p.phase(), p.features(), p.bytesRead());
        } catch (SQLException e) {
            // progress is a courtesy; the import goes on without it
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // nothing left to do
            }
        }
    }
}
