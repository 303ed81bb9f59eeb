package de.ortsanker.service;

import de.ortsanker.database.LayerVersions;
import java.util.Collection;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;

/**
 * ETag and Last-Modified from the data's version: a response built from some layers is the same as long
 * as those layers' versions are, so an unchanged answer costs one tiny query and a 304 — no feature query.
 *
 * <pre>
 * if (conditional.notModified(request, List.of("mobility"), "geojson")) return null; // 304 sent
 * </pre>
 */
@Component
public class ConditionalResponses {

    private final DataSource dataSource;

    public ConditionalResponses(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Sets ETag and Last-Modified for a response built from the given layers; returns true when the
     * client's copy is current (the 304 is then already set and the caller returns no body).
     *
     * @param variant what else shapes the bytes at the same URL, e.g. the negotiated format; may be null
     */
    public boolean notModified(WebRequest request, Collection<String> layers, String variant) {
        return notModified(request, versions(), layers, variant);
    }

    /** The layers' versions now: read them before a query whose answer is checked only afterwards. */
    public LayerVersions versions() {
        return LayerVersions.read(dataSource);
    }

    /**
     * The same, with versions the caller has read already (and goes on to use for its answer) — also
     * for answers that depend on something only the query tells (which places are open now): read the
     * versions, query, then check with a variant that covers the rest. Versions read before the query
     * can only be older than the data, never newer.
     */
    public boolean notModified(WebRequest request, LayerVersions versions, Collection<String> layers, String variant) {
        // Weak: gzip and chunking change bytes, not meaning.
        String etag = "W/\"" + versions.token(layers) + (variant == null ? "" : "-" + variant) + "\"";
        return request.checkNotModified(etag, versions.lastChanged(layers).toEpochMilli());
    }
}
