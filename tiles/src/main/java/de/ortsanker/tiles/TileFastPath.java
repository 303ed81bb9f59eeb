package de.ortsanker.tiles;

import de.ortsanker.problem.InvalidParameter;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.core.Ordered;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.CorsProcessor;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Answers {@code GET /tiles/{tileset}/{z}/{x}/{y}.mvt} ahead of Spring MVC. A cached tile is a few
 * microseconds of work; finding the handler, resolving arguments and writing a return value cost Spring
 * MVC several times that per request (the benchmark's cached tiles, docs/benchmarks.md "Tiles"). What it
 * answers is exactly what {@link TilesController} would answer — the same {@link TileResponses} writes it,
 * with the same per-request check of the data versions:
 *
 * <ul>
 * <li>CORS by Spring MVC's own configuration and processor (the {@code requestMappingHandlerMapping}'s,
 *     which the service's CORS settings fill), so the rules live in one place;</li>
 * <li>anything it does not take on — another method, an encoded or odd path, an unknown tileset, a bad
 *     coordinate or filter — goes on to Spring MVC untouched, which answers it (problem documents);</li>
 * <li>a tile that fails here (a statement timeout, the database gone) goes on to the controller with the
 *     failure, which rethrows it ({@link #rethrowFailure}) so the service's error handling answers.</li>
 * </ul>
 *
 * <p>It runs after the forwarded-header filter (so a same-origin check sees the proxy's host) and after
 * the observation filter (the service turns observations off for tile paths).
 */
public final class TileFastPath implements Filter, Ordered {

    /** After Spring Boot's forwarded-header and character-encoding filters and its observation filter. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 2;

    private static final String PREFIX = "/tiles/";
    private static final String SUFFIX = ".mvt";
    private static final String FAILURE = TileFastPath.class.getName() + ".failure";

    private final TileResponses responses;
    private final BeanFactory beans;
    private volatile Cors cors; // looked up on first use: the handler mapping is made after the filters

    /** Spring MVC's CORS configuration (null when it has none) and processor. */
    private record Cors(CorsConfigurationSource source, CorsProcessor processor) {
    }

    private record TileRequest(TileLayers.Tileset tileset, TileAddress address, TileFilter filter) {
    }

    TileFastPath(Tiles tiles, BeanFactory beans) {
        this.responses = new TileResponses(tiles);
        this.beans = beans;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)
                || !"GET".equals(request.getMethod())) {
            chain.doFilter(req, res);
            return;
        }
        TileRequest tile = parse(request);
        Cors cors = tile == null ? null : cors();
        if (cors == null) {
            chain.doFilter(req, res);
            return;
        }
        CorsConfiguration config = null;
        if (cors.source() != null) {
            ServletRequestPathUtils.parseAndCache(request); // what the CORS configuration is matched on
            config = cors.source().getCorsConfiguration(request);
        }
        if (config != null && !cors.processor().processRequest(config, request, response)) {
            return; // rejected (403), as Spring MVC would
        }
        try {
            TileResponses.deprecations(tile.tileset(), tile.filter(), request, response);
            responses.write(tile.tileset().id(), tile.tileset().layers(), tile.address(), tile.filter(), request, response);
        } catch (RuntimeException e) {
            if (response.isCommitted()) {
                throw e;
            }
            response.reset();
            request.setAttribute(FAILURE, e);
            chain.doFilter(req, res);
        }
    }

    /** In the controller: a failure met here is the controller's to answer. */
    static void rethrowFailure(HttpServletRequest request) {
        if (request.getAttribute(FAILURE) instanceof RuntimeException e) {
            throw e;
        }
    }

    /** Whether the path is a tile's, {@code /tiles/…/….mvt} (behind a proxy's prefix, the context path holds it). */
    public static boolean isTilePath(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return uri.startsWith(PREFIX, request.getContextPath().length()) && uri.endsWith(SUFFIX);
    }

    /** The tile asked for, or null when the request is not a well-formed tile request (Spring MVC answers it). */
    private static TileRequest parse(HttpServletRequest request) {
        String uri = request.getRequestURI();
        int start = request.getContextPath().length();
        if (!isTilePath(request) || uri.indexOf('%') >= 0 || uri.indexOf(';') >= 0) {
            return null;
        }
        String[] parts = uri.substring(start + PREFIX.length(), uri.length() - SUFFIX.length()).split("/", -1);
        if (parts.length != 4) {
            return null;
        }
        Optional<TileLayers.Tileset> tileset = TileLayers.forTile(parts[0]);
        int z = number(parts[1]);
        int x = number(parts[2]);
        int y = number(parts[3]);
        if (tileset.isEmpty() || z < 0 || x < 0 || y < 0) {
            return null;
        }
        try {
            return new TileRequest(tileset.get(), TileAddress.of(z, x, y),
                    TileFilter.parse(request.getParameterMap(), tileset.get().layers()));
        } catch (InvalidParameter e) {
            return null;
        }
    }

    /** A plain decimal (as Spring MVC would bind to an int), or -1. */
    private static int number(String s) {
        if (s.isEmpty() || s.length() > 9) {
            return -1;
        }
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /** Spring MVC's CORS configuration and processor, or null without Spring MVC (then this filter stands aside). */
    private Cors cors() {
        Cors c = cors;
        if (c == null) {
            try {
                var mapping = beans.getBean("requestMappingHandlerMapping", AbstractHandlerMapping.class);
                c = new Cors(mapping.getCorsConfigurationSource(), mapping.getCorsProcessor());
                cors = c;
            } catch (NoSuchBeanDefinitionException e) {
                return null;
            }
        }
        return c;
    }
}
