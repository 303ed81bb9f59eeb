package de.ortsanker.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Whether the database answers, for readiness ({@code /actuator/health/readiness}, component "database").
 * Spring's own indicator logs a full stack trace on every probe while the database is away — hundreds of
 * lines a minute that bury what happened. This one says it once when the database goes and once when it
 * is back, and the probe's answer names the cause in one line. It asks through the pool, so UP means
 * requests can be served again, and answers within the pool's short connection timeout.
 */
@Component("database")
class DatabaseHealth implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(DatabaseHealth.class);

    private final DataSource pool;
    private final AtomicBoolean away = new AtomicBoolean();

    DatabaseHealth(DataSource pool) {
        this.pool = pool;
    }

    @Override
    public Health health() {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.setQueryTimeout(2);
            s.execute("select 1");
            if (away.compareAndSet(true, false)) {
                log.info("database reachable again: readiness UP");
            }
            return Health.up().build();
        } catch (SQLException e) {
            String cause = rootMessage(e);
            if (away.compareAndSet(false, true)) {
                log.warn("database unreachable, readiness DOWN until it is back: {}", cause);
            }
            return Health.down().withDetail("error", cause).build();
        }
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
