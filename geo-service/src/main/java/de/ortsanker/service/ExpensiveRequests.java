package de.ortsanker.service;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
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

    /** At most n requests of a class at once; the others are turned away with 429 problem+json. */
    public static final class Bulkhead extends OncePerRequestFilter {

        private final String name;
        private final Semaphore slots;
        private final long waitNanos;
        private final AtomicLong refused = new AtomicLong();

        Bulkhead(String name, int concurrency, Duration wait) {
            if (concurrency < 1) {
                throw new IllegalArgumentException("ortsanker.requests." + name + ".concurrency must be at least 1, not "
                        + concurrency);
            }
            this.name = name;
            this.slots = new Semaphore(concurrency, true);
            this.waitNanos = wait.toNanos();
        }

        /** How many requests of the class were turned away since the start. */
        public long refused() {
            return refused.get();
        }

        public String requestClass() {
            return name;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            boolean acquired;
            try {
                acquired = slots.tryAcquire(waitNanos, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                acquired = false;
            }
            if (!acquired) {
                refused.incrementAndGet();
                response.setStatus(429);
                response.setHeader(HttpHeaders.RETRY_AFTER, "1");
                response.setContentType("application/problem+json");  // JSON is UTF-8: no charset parameter
                response.getOutputStream().write(ProblemJson.of(429, "Too Many Requests", "too many " + name
                        + " requests at once; try again in a second", request.getRequestURI(), null, null));
                return;
            }
            try {
                chain.doFilter(request, response);
            } finally {
                slots.release();
            }
        }

    }
}
