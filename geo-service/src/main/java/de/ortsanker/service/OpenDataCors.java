package de.ortsanker.service;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Open data stays readable from anywhere. With portals listed in {@code ORTSANKER_CORS_ORIGINS} (which may
 * call with credentials, see {@link CrossOrigin}), Spring's CORS processing refused every other origin with
 * 403 — also for open data. This answers a page from any other origin as an open-data reader:
 * {@code Access-Control-Allow-Origin: *}, never credentials (browsers refuse credentials with {@code *}), and
 * hands the request on without its Origin so that Spring's processing, which knows only the portals, does
 * not refuse it. The portals' own requests go through unchanged. Without a list, {@link CrossOrigin} is
 * already open to all, and this filter stands aside.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class OpenDataCors extends OncePerRequestFilter {

    private final CorsConfiguration portals;
    private final boolean active;

    OpenDataCors(@Value("${ortsanker.cors.origins:}") String origins) {
        List<String> list = CrossOrigin.origins(origins);
        this.active = !list.isEmpty();
        this.portals = new CorsConfiguration();
        portals.setAllowedOriginPatterns(list);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (!active || origin == null || portals.checkOrigin(origin) != null) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
        response.setHeader(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, CrossOrigin.EXPOSED);
        String preflightMethod = request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD);
        if ("OPTIONS".equals(request.getMethod()) && preflightMethod != null) {
            response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, CrossOrigin.METHODS);
            String asked = request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS);
            if (asked != null) {
                response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, asked);
            }
            response.setHeader(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "3600");
            response.setStatus(HttpServletResponse.SC_OK);
            return;
        }
        chain.doFilter(new WithoutOrigin(request), response);
    }

    /** The request as a same-origin one: no Origin header for the processing behind. */
    private static final class WithoutOrigin extends HttpServletRequestWrapper {
        WithoutOrigin(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getHeader(String name) {
            return HttpHeaders.ORIGIN.equalsIgnoreCase(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return HttpHeaders.ORIGIN.equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
                    .filter(n -> !HttpHeaders.ORIGIN.equalsIgnoreCase(n)).toList());
        }
    }
}
