package de.ortsanker.tiles;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * How a tile goes out over HTTP, whichever URL asked for it: ETag from the state, Cache-Control, 304 for a
 * current copy, 204 for an empty tile, gzip for clients that accept it.
 */
final class TileResponses {

    static final MediaType MVT = MediaType.parseMediaType("application/vnd.mapbox-vector-tile");

    private final Tiles tiles;

    TileResponses(Tiles tiles) {
        this.tiles = tiles;
    }

    ResponseEntity<byte[]> tile(String tileset, List<TileLayer> layers, TileAddress address, TileFilter filter,
                                WebRequest request, HttpServletResponse response) {
        // A client revalidating its copy is answered from the versions alone (304 without a tile);
        // otherwise the tile comes with the state it shows, in one database round trip.
        Tiles.Answer answer = request.getHeader(HttpHeaders.IF_NONE_MATCH) == null
                ? tiles.answer(tileset, layers, address, filter) : null;
        Tiles.State state = answer != null ? answer.state() : tiles.state(layers);
        if (notModified(request, response, state.etag(filter))) {
            return null;
        }
        Tile tile = answer != null ? answer.tile() : tiles.tile(tileset, layers, address, filter, state);
        if (tile.isEmpty()) {
            return ResponseEntity.noContent().build(); // consistently 204, cached like any other tile
        }
        var ok = ResponseEntity.ok().contentType(MVT);
        byte[] gzip = acceptsGzip(request.getHeader(HttpHeaders.ACCEPT_ENCODING)) ? tile.gzip() : null;
        if (gzip != null) {
            return ok.header(HttpHeaders.CONTENT_ENCODING, "gzip").body(gzip);
        }
        return ok.body(tile.mvt());
    }

    /** Sets the caching headers; true when the client's copy is current (a 304 is then set). */
    boolean notModified(WebRequest request, HttpServletResponse response, String etag) {
        int maxAge = tiles.settings().maxAgeSeconds();
        CacheControl cc = maxAge == 0 ? CacheControl.noCache().cachePublic()
                : CacheControl.maxAge(maxAge, TimeUnit.SECONDS).cachePublic();
        response.setHeader(HttpHeaders.CACHE_CONTROL, cc.getHeaderValue());
        response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
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
