package de.ortsanker.features;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.ortsanker.database.LayerVersions;
import de.ortsanker.editing.PlaceEdits;
import de.ortsanker.problem.NotFound;
import de.ortsanker.service.ConditionalResponses;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * {@code /collections/{id}/items} (paged, filtered features) and {@code /collections/{id}/items/{featureId}}:
 * request → validated {@link ItemsQuery} → one SQL statement ({@link FeatureStore}) → GeoJSON or HTML.
 */
@Hidden
@RestController
class ItemsEndpoint {

    static final MediaType GEOJSON = MediaType.parseMediaType(Link.GEOJSON);

    private final ObjectMapper json;
    private final FeatureCollections collections;
    private final FeatureStore store;
    private final CollectionDocuments documents;
    private final ConditionalResponses conditional;
    private final DataSource dataSource;
    private final PlaceEdits edits;

    ItemsEndpoint(ObjectMapper json, FeatureCollections collections, FeatureStore store, CollectionDocuments documents,
            ConditionalResponses conditional, DataSource dataSource, PlaceEdits edits) {
        this.edits = edits;
        this.json = json;
        this.collections = collections;
        this.store = store;
        this.documents = documents;
        this.conditional = conditional;
        this.dataSource = dataSource;
    }

    @GetMapping("/collections/{collectionId}/items")
    ResponseEntity<byte[]> items(@PathVariable String collectionId, HttpServletRequest request, WebRequest web)
            throws HttpMediaTypeNotAcceptableException {
        CollectionDefinition c = collections.get(collectionId);
        Format format = Format.of(request);
        ItemsQuery q = ItemsQuery.parse(request.getParameterMap(), c);
        LayerVersions versions = LayerVersions.read(dataSource);
        if (conditional.notModified(web, versions, c.layers(), CollectionsEndpoint.variant(format))) {
            return null;
        }
        FeatureStore.Page page = store.items(c, q, versions);
        RequestUrls urls = RequestUrls.current();
        String path = "/collections/" + c.id() + "/items";
        Map<String, String> params = RequestUrls.parametersWithout(request.getParameterMap(), "f", "offset", "limit",
                "after", "before");
        var links = new ArrayList<Link>();
        links.add(new Link(urls.to(path, page(params, format, q, Position.SAME)), "self",
                format == Format.JSON ? Link.GEOJSON : Link.HTML, "This page"));
        links.add(new Link(urls.to(path, page(params, other(format), q, Position.SAME)), "alternate",
                format == Format.JSON ? Link.HTML : Link.GEOJSON, "This page as " + (format == Format.JSON ? "HTML" : "GeoJSON")));
        var features = page.features();
        if (page.more()) {
            long after = !features.isEmpty() ? features.get(features.size() - 1).id() : q.before() - 1;
            links.add(new Link(urls.to(path, page(params, format, q, Position.after(after))), "next",
                    format == Format.JSON ? Link.GEOJSON : Link.HTML, "Next page"));
        }
        if (page.earlier()) {
            Position previous = !features.isEmpty() ? Position.before(features.get(0).id())
                    : q.offset() > 0 ? Position.offset(Math.max(0, q.offset() - q.limit()))
                    : Position.before(q.after() + 1);
            links.add(new Link(urls.to(path, page(params, format, q, previous)), "prev",
                    format == Format.JSON ? Link.GEOJSON : Link.HTML, "Previous page"));
        }
        links.add(new Link(urls.to("/collections/" + c.id(), "json"), "collection", Link.JSON, c.title()));

        var response = ResponseEntity.ok()
                .header("Content-Crs", q.crs().headerValue())
                .header("OGC-NumberMatched", String.valueOf(page.numberMatched()))
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        if (format == Format.HTML) {
            var extent = documents.extent(c, versions);
            return response.contentType(HtmlPages.HTML_UTF8)
                    .body(HtmlPages.items(json, c, page, q, links, CollectionDocuments.attribution(extent), urls));
        }
        return response.contentType(GEOJSON).body(GeoJsonWriter.collection(json, page.features(), page.numberMatched(), links));
    }

    @GetMapping("/collections/{collectionId}/items/{featureId}")
    ResponseEntity<byte[]> feature(@PathVariable String collectionId, @PathVariable String featureId,
            HttpServletRequest request, WebRequest web) throws HttpMediaTypeNotAcceptableException {
        CollectionDefinition c = collections.get(collectionId);
        Format format = Format.of(request);
        Crs crs = ItemsQuery.parseFeatureCrs(request.getParameterMap());
        long id;
        try {
            id = Long.parseLong(featureId);
        } catch (NumberFormatException e) {
            throw new NotFound("collection '" + c.id() + "' has no feature '" + featureId + "' (ids are numbers)");
        }
        if (c.places() == null && conditional.notModified(web, c.layers(), CollectionsEndpoint.variant(format))) {
            return null;
        }
        FeatureStore.Feature feature = store.item(c, id, crs)
                .orElseThrow(() -> new NotFound("collection '" + c.id() + "' has no feature " + id));
        // Last-Modified: the layer's last change, which every change of the place is one of
        if (c.places() != null && web.checkNotModified(placeEtag(id, format, crs),
                conditional.versions().lastChanged(c.layers()).toEpochMilli())) {
            return null;
        }
        RequestUrls urls = RequestUrls.current();
        String path = "/collections/" + c.id() + "/items/" + id;
        String crsParam = crs == Crs.CRS84 ? null : crs.uri();
        var links = List.of(
                new Link(urls.to(path, query(format, crsParam)), "self",
                        format == Format.JSON ? Link.GEOJSON : Link.HTML, "This feature"),
                new Link(urls.to(path, query(other(format), crsParam)), "alternate",
                        format == Format.JSON ? Link.HTML : Link.GEOJSON, "This feature as " + (format == Format.JSON ? "HTML" : "GeoJSON")),
                new Link(urls.to("/collections/" + c.id(), "json"), "collection", Link.JSON, c.title()));
        var response = ResponseEntity.ok().header("Content-Crs", crs.headerValue()).header(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        if (format == Format.HTML) {
            return response.contentType(HtmlPages.HTML_UTF8).body(HtmlPages.feature(json, c, feature, crs, links, urls));
        }
        return response.contentType(GEOJSON).body(GeoJsonWriter.feature(json, feature, links));
    }

    /**
     * A place's ETag is its version's ({@code "id.version"}, what Part 4's writes require in If-Match) for the
     * GeoJSON in CRS84; another format or CRS is another representation of that version: a weak tag of its own.
     * Read after the feature, so a place no longer shown today is a 404, never a 304.
     */
    private String placeEtag(long id, Format format, Crs crs) {
        String etag = edits.etag(id);
        if (format == Format.JSON && crs == Crs.CRS84) {
            return etag;
        }
        return "W/" + etag.substring(0, etag.length() - 1) + "-" + CollectionsEndpoint.variant(format) + "-"
                + crs.srid() + (crs.latitudeFirst() ? "-latlon" : "") + "\"";
    }

    /** Where a linked page starts: this page's own position, an offset, or after/before an id. */
    private record Position(Long offset, Long after, Long before) {
        static final Position SAME = new Position(null, null, null);

        static Position offset(long offset) {
            return new Position(offset, null, null);
        }

        static Position after(long id) {
            return new Position(null, id, null);
        }

        static Position before(long id) {
            return new Position(null, null, id);
        }
    }

    private static Map<String, String> page(Map<String, String> params, Format format, ItemsQuery q, Position at) {
        var query = new LinkedHashMap<String, String>();
        query.put("f", format.parameter);
        query.putAll(params);
        Position p = at == Position.SAME ? new Position(q.offset(), q.after(), q.before()) : at;
        query.put("offset", p.offset() == null || p.offset() == 0 ? null : String.valueOf(p.offset()));
        query.put("after", p.after() == null ? null : String.valueOf(p.after()));
        query.put("before", p.before() == null ? null : String.valueOf(p.before()));
        query.put("limit", String.valueOf(q.limit()));
        return query;
    }

    private static Map<String, String> query(Format format, String crs) {
        var query = new LinkedHashMap<String, String>();
        query.put("f", format.parameter);
        query.put("crs", crs);
        return query;
    }

    private static Format other(Format format) {
        return format == Format.JSON ? Format.HTML : Format.JSON;
    }
}
