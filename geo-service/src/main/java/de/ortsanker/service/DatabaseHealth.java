package de.ortsanker.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.postgresql.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.stereotype.Component;

/**
 * Whether the database answers, for readiness ({@code /actuator/health/readiness}, component "database").
 *
 * <p>Readiness means "this replica can serve", not "the pool is busy": the check never waits for the pool.
 * It opens a connection of its own with short connect and socket timeouts, asks {@code select 1} and closes
 * it, all under a hard deadline ({@code ortsanker.readiness.timeout}): a burst of slow searches that holds
 * every pooled connection leaves readiness UP, and a database that went silent (packets dropped, no reset)
 * makes it DOWN within the deadline instead of after the outage.
 *
 * <p>Spring's own indicator logs a full stack trace on every probe while the database is away — hundreds of
 * lines a minute that bury what happened. This one says it once when the database goes and once when it
 * is back, and the probe's answer names the cause in one line.
 */
@Component("database")
class DatabaseHealth implements HealthIndicator, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DatabaseHealth.class);

    private final DataSourceProperties database;
    private final Duration deadline;
    private final AtomicBoolean away = new AtomicBoolean();
    private final ExecutorService checker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "readiness-database");
        t.setDaemon(true);
        return t;
    });
    private Future<?> running;

    DatabaseHealth(DataSourceProperties database, @Value("${ortsanker.readiness.timeout:4s}") Duration deadline) {
        this.database = database;
        this.deadline = deadline;
    }

    @Override
    public synchronized Health health() {
        // A check still hanging from before (a socket that never answered) is not started twice.
        if (running == null || running.isDone()) {
            running = checker.submit(() -> {
                check();
                return null;
            });
        }
        try {
            running.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
            if (away.compareAndSet(true, false)) {
                log.info("database reachable again: readiness UP");
            }
            return Health.up().build();
        } catch (TimeoutException e) {
            return down("no answer from the database within " + deadline.toMillis() + " ms");
        } catch (ExecutionException e) {
            return down(rootMessage(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return down("interrupted");
        }
    }

    private Health down(String cause) {
        if (away.compareAndSet(false, true)) {
            log.warn("database unreachable, readiness DOWN until it is back: {}", cause);
        }
        return Health.down().withDetail("error", cause).build();
    }

    /** One connection of its own, bounded at every step: connecting, logging in, every read. */
    private void check() throws SQLException {
        long seconds = Math.max(1, (deadline.toMillis() + 999) / 1000);
        var props = new Properties();
        if (database.determineUsername() != null) {
            props.setProperty("user", database.determineUsername());
        }
        if (database.determinePassword() != null) {
            props.setProperty("password", database.determinePassword());
        }
        props.setProperty("connectTimeout", String.valueOf(seconds));
        props.setProperty("loginTimeout", String.valueOf(seconds));
        props.setProperty("socketTimeout", String.valueOf(seconds));
        props.setProperty("tcpKeepAlive", "true");
        props.setProperty("ApplicationName", "ortsanker readiness");
        try (Connection c = new Driver().connect(database.determineUrl(), props)) {
            if (c == null) {
                throw new SQLException("not a PostgreSQL URL: " + database.determineUrl());
            }
            try (Statement s = c.createStatement()) {
                s.execute("select 1");
            }
        }
    }

    @Override
    public void destroy() {
        checker.shutdownNow();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String rootCause = root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
        return root == e ? rootCause : e.getMessage() + " (" + rootCause + ")";
    }
}
