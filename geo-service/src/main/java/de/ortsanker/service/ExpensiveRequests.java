package de.ortsanker.service;

import de.ortsanker.problem.Busy;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Expensive requests cannot starve the cheap ones. A name search or type-ahead may cost a scan of many
 * names; with ten pooled connections, 32 of them at once used to hold every connection, so that nearby,
 * items and tiles answered 503 and readiness went DOWN. They now run at most
 * {@code ortsanker.requests.search.concurrency} at a time (a bulkhead: the rest of the pool stays free for
 * everything else); one that finds no free slot within {@code ortsanker.requests.search.wait} is answered at
 * once with 429 and {@code Retry-After} instead of queueing for a connection.
 */
@Configuration
public class ExpensiveRequests {

    /** The paths of the search class. */
    static final String[] SEARCH = {"/places/search", "/map/suggest"};

    @Bean
    FilterRegistrationBean<Bulkhead> searchBulkhead(
            @Value("${ortsanker.requests.search.concurrency:2}") int concurrency,
            @Value("${ortsanker.requests.search.wait:200ms}") Duration wait) {
        var registration = new FilterRegistrationBean<>(new Bulkhead("search", concurrency, wait));
        registration.addUrlPatterns(SEARCH);
        registration.setName("searchBulkhead");
        // Before Spring MVC and the tile fast path, after the container's own filters (encoding, errors).
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
        return registration;
    }

    /**
     * The search class's {@link de.ortsanker.database.Bulkhead} around its requests: one that finds no free slot is
     * answered 429 problem+json here, before Spring MVC. (Uncached tiles are bounded by the same mechanism inside
     * the tile cache, see {@code de.ortsanker.tiles.Tiles}: a cached tile must never wait for a slot.)
     */
    public static final class Bulkhead extends OncePerRequestFilter {

        private final de.ortsanker.database.Bulkhead bulkhead;

        Bulkhead(String name, int concurrency, Duration wait) {
            this.bulkhead = new de.ortsanker.database.Bulkhead(name, concurrency, wait);
        }

        /** How many requests of the class were turned away since the start. */
        public long refused() {
            return bulkhead.refused();
        }

        public String requestClass() {
            return bulkhead.requestClass();
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            de.ortsanker.database.Bulkhead.Slot slot;
            try {
                slot = bulkhead.enter();
            } catch (Busy busy) {
                ProblemResponses.writeBusy(busy, request, response);
                return;
            }
            try (slot) {
                chain.doFilter(request, response);
            }
        }
    }
}
