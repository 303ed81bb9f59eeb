package de.ortsanker.accounts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sign-in attempts ({@code POST /login}) and writes (every other state-changing request) are throttled per
 * client address ({@link ClientAddress}: behind the trusted proxies, the forwarded client; IPv6 by /64):
 * a token bucket per client and class ({@link ThrottleSettings}). Beyond it the answer is 429 with
 * {@code Retry-After} (seconds until the next request is allowed) as an RFC 9457 problem document — before
 * Spring Security, so a throttled sign-in costs no bcrypt and counts no failure. Reads are never throttled
 * here (open data; the expensive ones have their own bulkhead, de.ortsanker.service.ExpensiveRequests).
 *
 * <p>The buckets live in this instance's memory (bounded, idle ones forgotten after ten minutes): throttling
 * is about rates, and a restart that forgets them loses a minute's worth. What must survive restarts and be
 * shared between instances — the lockout after repeated failures — is stored ({@link LoginThrottle}).
 */
@Configuration
@EnableConfigurationProperties(ThrottleSettings.class)
public class RequestThrottle {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Bean
    FilterRegistrationBean<Filter> requestThrottleFilter(ThrottleSettings settings, Audit audit) {
        var registration = new FilterRegistrationBean<>(new Filter(settings, audit));
        registration.addUrlPatterns("/*");
        registration.setName("requestThrottle");
        // Ahead of Spring Security (order -100): refused before any authentication is tried.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 110);
        return registration;
    }

    /** Which class a request belongs to, or null when it is not throttled. */
    static String classOf(HttpServletRequest request) {
        if (SAFE.contains(request.getMethod()) || SecurityConfiguration.PUBLIC_QUERIES.matches(request)) {
            return null;
        }
        return request.getRequestURI().equals("/login") ? "sign-in" : "writes";
    }

    /** A token bucket: {@code burst} tokens, refilled continuously at {@code perMinute}. */
    static final class Bucket {
        private final double capacity;
        private final double perNano;
        private double tokens;
        private long at;
        private boolean refusing;

        Bucket(ThrottleSettings.Limit limit, long now) {
            this.capacity = limit.burst();
            this.perNano = limit.perMinute() / 60e9;
            this.tokens = capacity;
            this.at = now;
        }

        /** 0 when a request may pass (and takes its token), else the seconds until one may. */
        synchronized long take(long now) {
            tokens = Math.min(capacity, tokens + (now - at) * perNano);
            at = now;
            if (tokens >= 1) {
                tokens -= 1;
                refusing = false;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) / perNano / 1e9));
        }

        /** Whether this is the first refusal since the client last passed (audited once, not per request). */
        synchronized boolean startsRefusing() {
            boolean first = !refusing;
            refusing = true;
            return first;
        }
    }

    static final class Filter extends OncePerRequestFilter {

        private final ThrottleSettings settings;
        private final Audit audit;
        private final ObjectMapper json = new ObjectMapper();
        private final Cache<String, Bucket> buckets = Caffeine.newBuilder().maximumSize(200_000)
                .expireAfterAccess(Duration.ofMinutes(10)).build();

        Filter(ThrottleSettings settings, Audit audit) {
            this.settings = settings;
            this.audit = audit;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String kind = classOf(request);
            if (kind == null) {
                chain.doFilter(request, response);
                return;
            }
            var limit = kind.equals("sign-in") ? settings.signIn() : settings.writes();
            String client = ClientAddress.of(request);
            long now = System.nanoTime();
            var bucket = buckets.get(kind + " " + client, k -> new Bucket(limit, now));
            long wait = bucket.take(now);
            if (wait == 0) {
                chain.doFilter(request, response);
                return;
            }
            if (bucket.startsRefusing()) {
                // once per episode: an attack's every request must not become a row of the audit log
                audit.record(kind.equals("sign-in") ? "login-throttled" : "writes-throttled", null, client,
                        Map.of("retry_after", wait));
            }
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(wait));
            SecurityConfiguration.problem(json, response, 429, "Too Many Requests", "too many "
                    + (kind.equals("sign-in") ? "sign-in attempts" : "write requests") + " from this address (at most "
                    + limit.burst() + " at once, " + limit.perMinute() + " a minute); try again in " + wait + " s");
        }
    }
}
