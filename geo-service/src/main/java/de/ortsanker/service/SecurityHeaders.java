package de.ortsanker.service;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The headers a browser needs to keep our pages and data from being misused: a Content-Security-Policy (our
 * pages load only our own scripts, images also from the basemap's https servers), {@code nosniff} (a GeoJSON
 * or CSV answer is never run as a script), a Referrer-Policy (a page's query — a place, an address — does not
 * travel to the basemap's servers), and who may put our pages in a frame: the bare map {@code /embed} the
 * portals configured in {@code ortsanker.security.embed-origins}, every other page only our own.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class SecurityHeaders extends OncePerRequestFilter {

    private final String policy;
    private final String embedPolicy;
    private final String referrer;

    SecurityHeaders(@Value("${ortsanker.security.content-security-policy}") String policy,
                    @Value("${ortsanker.security.embed-origins:}") String embedOrigins,
                    @Value("${ortsanker.security.referrer-policy:strict-origin-when-cross-origin}") String referrer,
                    @Value("${ortsanker.webmap.basemap-url:}") String basemap) {
        policy = withBasemap(policy, basemap);
        String origins = Arrays.stream(embedOrigins.split("[,\\s]+")).map(String::trim).filter(s -> !s.isEmpty())
                .peek(SecurityHeaders::checkOrigin).collect(Collectors.joining(" "));
        this.policy = policy.strip() + "; frame-ancestors 'self'";
        this.embedPolicy = policy.strip() + "; frame-ancestors 'self'" + (origins.isEmpty() ? "" : " " + origins);
        this.referrer = referrer;
    }

    /**
     * The policy with the basemap's origin among the image sources when it is plain http (an intranet tile
     * server): https ones are allowed already. {@code {s}.} subdomains become a wildcard.
     */
    static String withBasemap(String policy, String basemap) {
        var m = java.util.regex.Pattern.compile("^(http://[^/]+)").matcher(basemap.strip());
        if (!m.find() || !policy.contains("img-src ")) {
            return policy;
        }
        String origin = m.group(1).replace("{s}.", "*.").replaceAll("[{}]", "");
        return policy.replace("img-src ", "img-src " + origin + " ");
    }

    /** A portal's origin is scheme, host and port: a path or a wildcard scheme would be a mistake. */
    private static void checkOrigin(String origin) {
        if (!origin.matches("https?://[^/\\s;,']+")) {
            throw new IllegalArgumentException("ortsanker.security.embed-origins: '" + origin
                    + "' is not an origin like https://portal.landkreis.de");
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean embed = request.getRequestURI().equals("/embed") || request.getRequestURI().startsWith("/embed/");
        response.setHeader("Content-Security-Policy", embed ? embedPolicy : policy);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", referrer);
        chain.doFilter(request, response);
    }
}
