package de.ortsanker.features;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.ortsanker.database.LayerVersions;
import de.ortsanker.service.ConditionalResponses;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/** {@code /collections}, {@code /collections/{id}}, its {@code /queryables} and its {@code /schema}. */
@Hidden
@RestController
class CollectionsEndpoint {

    private final ObjectMapper json;
    private final FeatureCollections collections;
    private final CollectionDocuments documents;
    private final ConditionalResponses conditional;
    private final DataSource dataSource;

    CollectionsEndpoint(ObjectMapper json, FeatureCollections collections, CollectionDocuments documents,
            ConditionalResponses conditional, DataSource dataSource) {
        this.json = json;
        this.collections = collections;
        this.documents = documents;
        this.conditional = conditional;
        this.dataSource = dataSource;
    }

    @GetMapping("/collections")
    ResponseEntity<byte[]> all(HttpServletRequest request, WebRequest web) throws HttpMediaTypeNotAcceptableException,
            JsonProcessingException {
        ItemsQuery.checkKnown(request.getParameterMap(), List.of("f"), List.of());
        Format format = Format.of(request);
        var layers = collections.all().stream().flatMap(c -> c.layers().stream()).distinct().toList();
        LayerVersions versions = LayerVersions.read(dataSource);
        if (conditional.notModified(web, versions, layers, variant(format))) {
            return null;
        }
        RequestUrls urls = RequestUrls.current();
        var described = new ArrayList<Documents.Collection>();
        for (CollectionDefinition c : collections.all()) {
            described.add(documents.describe(c, documents.extent(c, versions), urls));
        }
        if (format == Format.HTML) {
            Html h = Html.page("Collections", List.of(new Link(urls.to("/", "html"), "up", Link.HTML, OgcApiRoot.TITLE)),
                    urls.to("/collections", "json")).raw("<table><tr><th>Collection</th><th>Description</th>"
                            + "<th>Features</th><th>Data from</th></tr>");
            for (CollectionDefinition c : collections.all()) {
                var e = documents.extent(c, versions);
                h.raw("<tr><td>").link(urls.to("/collections/" + c.id(), "html"), c.title()).raw("<br><code>")
                        .text(c.id()).raw("</code></td><td>").text(c.description()).raw("</td><td>")
                        .link(urls.to("/collections/" + c.id() + "/items", "html"), String.valueOf(e.features()))
                        .raw("</td><td>").text(CollectionDocuments.attribution(e)).raw("</td></tr>");
            }
            return OgcApiRoot.html(h.raw("</table>").end(null));
        }
        return OgcApiRoot.json(json.writeValueAsBytes(new Documents.Collections(List.of(
                new Link(urls.to("/collections", "json"), "self", Link.JSON, "This document"),
                new Link(urls.to("/collections", "html"), "alternate", Link.HTML, "This document as HTML")), described)));
    }

    @GetMapping("/collections/{collectionId}")
    ResponseEntity<byte[]> one(@PathVariable String collectionId, HttpServletRequest request, WebRequest web)
            throws HttpMediaTypeNotAcceptableException, JsonProcessingException {
        CollectionDefinition c = collections.get(collectionId);
        ItemsQuery.checkKnown(request.getParameterMap(), List.of("f"), List.of());
        Format format = Format.of(request);
        LayerVersions versions = LayerVersions.read(dataSource);
        if (conditional.notModified(web, versions, c.layers(), variant(format))) {
            return null;
        }
        RequestUrls urls = RequestUrls.current();
        var extent = documents.extent(c, versions);
        if (format == Format.HTML) {
            return OgcApiRoot.html(HtmlPages.collection(c, extent, urls));
        }
        return OgcApiRoot.json(json.writeValueAsBytes(documents.describe(c, extent, urls)));
    }

    @GetMapping("/collections/{collectionId}/queryables")
    ResponseEntity<byte[]> queryables(@PathVariable String collectionId, HttpServletRequest request)
            throws HttpMediaTypeNotAcceptableException, JsonProcessingException {
        CollectionDefinition c = collections.get(collectionId);
        ItemsQuery.checkKnown(request.getParameterMap(), List.of("f"), List.of());
        Format format = Format.of(request);
        RequestUrls urls = RequestUrls.current();
        var schema = documents.queryables(c, urls);
        if (format == Format.HTML) {
            return OgcApiRoot.html(HtmlPages.queryables(c, schema, urls));
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(Link.SCHEMA))
                .header("Vary", "Accept").body(json.writeValueAsBytes(schema));
    }

    /** The returnables as JSON Schema (OGC API Features Part 5): what every feature of the collection carries. */
    @GetMapping("/collections/{collectionId}/schema")
    ResponseEntity<byte[]> schema(@PathVariable String collectionId, HttpServletRequest request)
            throws JsonProcessingException {
        CollectionDefinition c = collections.get(collectionId);
        ItemsQuery.checkKnown(request.getParameterMap(), List.of("f"), List.of());
        String f = ItemsQuery.one(request.getParameterMap(), "f");
        if (f != null && !f.equals("json")) {
            throw new de.ortsanker.problem.InvalidParameter("f", "'" + f + "' is not a format of the schema; use json"
                    + " (the GML application schema is at /collections/" + c.id() + "/schema.xsd)");
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(Link.SCHEMA))
                .body(json.writeValueAsBytes(FeatureSchemas.returnables(c, RequestUrls.current())));
    }

    /** The same as a GML application schema, for GDAL's OAPIF driver (see {@link FeatureSchemas}). */
    @GetMapping("/collections/{collectionId}/schema.xsd")
    ResponseEntity<byte[]> xmlSchema(@PathVariable String collectionId, HttpServletRequest request) {
        CollectionDefinition c = collections.get(collectionId);
        ItemsQuery.checkKnown(request.getParameterMap(), List.of(), List.of());
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(FeatureSchemas.XSD_TYPE + ";charset=UTF-8"))
                .body(FeatureSchemas.gmlApplicationSchema(c).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** What else shapes the bytes besides the data: the format, and the day (expired offers drop out at midnight). */
    static String variant(Format format) {
        return format.parameter + "-" + LocalDate.now(DateTimeFilter.LOCAL);
    }
}
