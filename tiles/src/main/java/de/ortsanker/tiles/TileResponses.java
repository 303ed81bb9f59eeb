package de.ortsanker.tiles;

import de.ortsanker.filter.Deprecation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * How a tile goes out over HTTP, whichever URL asked for it: ETag from the tile's bytes, Cache-Control, 304 for a
 * current copy, 204 for an empty tile, gzip for clients that accept it.
 */
final class TileResponses {

    static final String MVT_TYPE = "application/vnd.mapbox-vector-tile";
    static final MediaType MVT = MediaType.parseMediaType(MVT_TYPE);

    private final Tiles tiles;
    private final String cacheControl; // the same for every answer: made once

    TileResponses(Tiles tiles) {
        this.tiles = tiles;
        int maxAge = tiles.settings().maxAgeSeconds();
        this.cacheControl = (maxAge == 0 ? CacheControl.noCache().cachePublic()
                : CacheControl.maxAge(maxAge, TimeUnit.SECONDS).cachePublic()).getHeaderValue();
    }

    /**
     * Answers a tile request on the response itself (no Spring MVC return value), so that
     * {@link TileFastPath} and the controllers share one way of answering.
     */
    void write(String tileset, List<TileLayer> layers, TileAddress address, TileFilter filter,
               HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(tileset, layers, TileMatrixSet.WEB_MERCATOR, address, filter, request, response);
    }

    /** A tile of a grid ({@link TileMatrixSet}). */
    void write(String tileset, List<TileLayer> layers, TileMatrixSet grid, TileAddress address, TileFilter filter,
               HttpServletRequest request, HttpServletResponse response) throws IOException {
        // The ETag is the tile's content: a client revalidating its copy of a tile no change reached gets a
        // 304 from the cache (the tile confirmed, not made again), in one database round trip.
        Tile tile = tiles.answer(tileset, layers, grid, address, filter).tile();
        if (notModified(new ServletWebRequest(request, response), response, tile.etag())) {
            return;
        }
        if (tile.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NO_CONTENT); // consistently 204, cached like any other tile
            return;
        }
        byte[] gzip = acceptsGzip(request.getHeader(HttpHeaders.ACCEPT_ENCODING)) ? tile.gzip() : null;
        byte[] body = gzip != null ? gzip : tile.mvt();
        response.setContentType(MVT_TYPE);
        if (gzip != null) {
            response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /**
     * Marks an answer to a deprecated name — an old tileset id, an old filter name — with a
     * {@code Deprecation} header, and for an old id a {@code successor-version} link to the same resource
     * under its current id. The answer itself is the same.
     */
    static void deprecations(TileLayers.Tileset named, TileFilter filter, HttpServletRequest request,
                             HttpServletResponse response) {
        if (named.deprecatedName()) {
            String path = request.getRequestURI();
            int start = path.indexOf("/tiles/") + "/tiles/".length();
            int end = start;
            while (end < path.length() && path.charAt(end) != '/' && path.charAt(end) != '.') {
                end++;
            }
            String successor = path.substring(0, start) + named.id() + path.substring(end)
                    + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
            response.setHeader(Deprecation.HEADER, Deprecation.VALUE);
            response.addHeader(HttpHeaders.LINK, "<" + successor + ">; rel=\"successor-version\"");
        }
        if (!filter.deprecated().isEmpty()) {
            response.setHeader(Deprecation.HEADER, Deprecation.VALUE);
        }
    }

    /** Sets the caching headers; true when the client's copy is current (a 304 is then set). */
    boolean notModified(WebRequest request, HttpServletResponse response, String etag) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, cacheControl);
        // Added, not set: the CORS processor's Vary (Origin, …) must stay.
        response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        return request.checkNotModified(etag);
    }

    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String part : acceptEncoding.split(",")) {
            String[] coding = part.trim().split(";");
            if (coding[0].trim().equalsIgnoreCase("gzip")) {
                return !(coding.length > 1 && coding[1].replace(" ", "").matches("q=0(\\.0*)?"));
            }
        }
        return false;
    }

    /** The service's URL as the client reached it (behind the county's proxy: its host and scheme). */
    static String baseUrl() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }
}
