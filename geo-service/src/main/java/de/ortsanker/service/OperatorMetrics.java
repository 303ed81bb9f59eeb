package de.ortsanker.service;

import de.ortsanker.tiles.Tiles;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What an operator watches, for Prometheus ({@code /actuator/prometheus}, exposed only when
 * {@code ORTSANKER_ACTUATOR_EXPOSE} names it; best on a management port of its own, {@code MANAGEMENT_SERVER_PORT}):
 * requests and their latency per class ({@code ortsanker_requests_seconds{class, outcome}}: tiles, search,
 * interactive data, planning, pages), the search class's refusals, statement timeouts, tile-cache hits and
 * misses, import runs by outcome. The connection pool's use and waits are Hikari's own meters
 * ({@code hikaricp_connections_active}, {@code _pending}, {@code _acquire_seconds}, {@code _timeout_total}).
 */
@Configuration
public class OperatorMetrics {

    /** Counted by {@link ProblemResponses} whenever a statement ran into its timeout. */
    public static final String STATEMENT_TIMEOUTS = "ortsanker.statement.timeouts";

    /** The class a request belongs to, by its path: what shares a pool, a timeout and a budget. */
    static String requestClass(String path) {
        if (path.startsWith("/tiles/") || path.startsWith("/tiles.")) {
            return "tiles";
        }
        for (String search : ExpensiveRequests.SEARCH) {
            if (path.equals(search)) {
                return "search";
            }
        }
        if (path.startsWith("/planning/")) {
            return "planning";
        }
        if (path.startsWith("/places") || path.startsWith("/collections") || path.startsWith("/kinds")) {
            return "interactive";
        }
        if (path.startsWith("/actuator")) {
            return "actuator";
        }
        return "pages";
    }

    @Bean
    FilterRegistrationBean<RequestTimer> requestTimer(ObjectProvider<MeterRegistry> registry) {
        var registration = new FilterRegistrationBean<>(new RequestTimer(registry));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** A timer per request class and outcome; the meters are looked up once, a request only records. */
    static final class RequestTimer extends OncePerRequestFilter {
        private final ObjectProvider<MeterRegistry> registry;
        private final Map<String, Timer> timers = new ConcurrentHashMap<>();

        RequestTimer(ObjectProvider<MeterRegistry> registry) {
            this.registry = registry;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            long start = System.nanoTime();
            try {
                chain.doFilter(request, response);
            } finally {
                MeterRegistry meters = registry.getIfAvailable();
                if (meters != null) {
                    String c = requestClass(request.getRequestURI());
                    int status = response.getStatus();
                    String outcome = status >= 500 ? "SERVER_ERROR" : status >= 400 ? "CLIENT_ERROR" : "SUCCESS";
                    timers.computeIfAbsent(c + "|" + outcome, k -> Timer.builder("ortsanker.requests")
                                    .description("requests answered, per class of request and outcome")
                                    .tags("class", c, "outcome", outcome).publishPercentileHistogram(false)
                                    .register(meters))
                            .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                }
            }
        }
    }

    @Bean
    MeterBinder ortsankerMeters(ObjectProvider<Tiles> tiles, List<FilterRegistrationBean<?>> filters, JdbcTemplate jdbc) {
        return registry -> {
            Tiles t = tiles.getIfAvailable();
            if (t != null) {
                FunctionCounter.builder("ortsanker.tile.cache.hits", t, Tiles::cacheHits)
                        .description("tile requests answered from the in-memory cache").register(registry);
                FunctionCounter.builder("ortsanker.tile.cache.misses", t, Tiles::cacheMisses)
                        .description("tile requests that made their tile (or read it from disk)").register(registry);
                FunctionCounter.builder("ortsanker.tile.cache.confirmed", t, Tiles::cacheConfirmed)
                        .description("cache hits whose tile no change had reached, kept for newer data versions")
                        .register(registry);
                FunctionCounter.builder("ortsanker.requests.refused", t, Tiles::rendersRefused)
                        .description("requests turned away with 429: their class had no free slot")
                        .tag("class", "tiles").register(registry);
            }
            for (var f : filters) {
                if (f.getFilter() instanceof ExpensiveRequests.Bulkhead b) {
                    FunctionCounter.builder("ortsanker.requests.refused", b, ExpensiveRequests.Bulkhead::refused)
                            .description("requests turned away with 429: their class had no free slot")
                            .tag("class", b.requestClass()).register(registry);
                }
            }
            registry.counter(STATEMENT_TIMEOUTS);
            var runs = new ImportRuns(jdbc);
            for (String status : ImportRuns.STATUSES) {
                Gauge.builder("ortsanker.import.runs", runs, r -> r.count(status))
                        .description("import runs recorded in import_runs, by outcome").tag("status", status)
                        .strongReference(true)  // nothing else holds it: a weak one would read NaN after a GC
                        .register(registry);
            }
        };
    }

    /** Import runs by status, read at most every 30 s (a scrape must not cost a query per gauge). */
    static final class ImportRuns {
        static final List<String> STATUSES = List.of("succeeded", "failed", "aborted", "dry_run", "running");
        private static final Duration FRESH = Duration.ofSeconds(30);
        private final JdbcTemplate jdbc;
        private volatile Map<String, Long> counts = Map.of();
        private volatile long readAt;

        ImportRuns(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        double count(String status) {
            if (System.nanoTime() - readAt > FRESH.toNanos()) {
                readAt = System.nanoTime();
                try {
                    var m = new ConcurrentHashMap<String, Long>();
                    jdbc.query("select status, count(*) from import_runs group by status",
                            rs -> {
                                m.put(rs.getString(1), rs.getLong(2));
                            });
                    counts = m;
                } catch (RuntimeException e) {
                    org.slf4j.LoggerFactory.getLogger(OperatorMetrics.class).debug("import runs not counted", e);
                    readAt = 0;
                    return Double.NaN;  // the database is away: readiness says so
                }
            }
            return counts.getOrDefault(status, 0L);
        }
    }
}
