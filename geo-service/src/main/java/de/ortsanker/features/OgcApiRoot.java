package de.ortsanker.features;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The service root: the OGC API landing page (JSON for programs, HTML with the way to the map for people)
 * and the conformance declaration. Documented in the OpenAPI definition by {@link OgcApiDefinition}.
 */
@Hidden
@RestController
class OgcApiRoot {

    static final String TITLE = "Ortsanker";
    static final String DESCRIPTION = "Places to meet, clubs, meeting rooms, ride-sharing benches and mobility, and"
            + " vacant buildings in rural counties — as OGC API Features (Part 1 Core, Part 2 CRS, Part 3"
            + " Filtering with CQL2). Every feature carries its source, licence and attribution.";

    /** The OGC link relation from a landing page to its vector tilesets (OGC API Tiles, 7.2). */
    static final String TILESETS_VECTOR = "http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector";
    static final String STYLES = "http://www.opengis.net/def/rel/ogc/1.0/styles";

    private final ObjectMapper json;
    private final FeatureCollections collections;

    OgcApiRoot(ObjectMapper json, FeatureCollections collections) {
        this.json = json;
        this.collections = collections;
    }

    @GetMapping("/")
    ResponseEntity<byte[]> landingPage(HttpServletRequest request) throws HttpMediaTypeNotAcceptableException,
            JsonProcessingException {
        ItemsQuery.checkKnown(request.getParameterMap(), List.of("f"), List.of());
        Format format = Format.of(request);
        RequestUrls urls = RequestUrls.current();
        List<Link> links = List.of(
                new Link(urls.to("/", "json"), "self", Link.JSON, "This document"),
                new Link(urls.to("/", "html"), "alternate", Link.HTML, "This document as HTML"),
                new Link(urls.to("/api", Map.of()), "service-desc", Link.OPENAPI, "The API definition (OpenAPI 3.0)"),
                new Link(urls.to("/api/ui", Map.of()), "service-doc", Link.HTML, "The API documentation"),
                new Link(urls.to("/conformance", "json"), "conformance", Link.JSON, "Conformance classes implemented"),
                new Link(urls.to("/conformance", "html"), "conformance", Link.HTML, "Conformance classes as HTML"),
                new Link(urls.to("/collections", "json"), "data", Link.JSON, "The collections"),
                new Link(urls.to("/collections", "html"), "data", Link.HTML, "The collections as HTML"),
                new Link(urls.to("/tiles", Map.of()), TILESETS_VECTOR, Link.JSON, "Vector tilesets (OGC API Tiles)"),
                new Link(urls.to("/styles", Map.of()), STYLES, Link.JSON, "Styles: MapLibre and SLD 1.1 (OGC API Styles)"),
                new Link(urls.to("/map/", Map.of()), "related", Link.HTML, "The web map"));
        if (format == Format.HTML) {
            Html h = Html.page(TITLE, List.of(), urls.to("/", "json"))
                    .element("p", DESCRIPTION)
                    .raw("<p><a class=\"map\" href=\"").attr(urls.to("/map/", Map.of())).raw("\">Zur Karte</a></p>")
                    .raw("<h2>Daten</h2><ul>");
            for (CollectionDefinition c : collections.all()) {
                h.raw("<li>").link(urls.to("/collections/" + c.id(), "html"), c.title()).raw(" – ").text(c.description())
                        .raw("</li>");
            }
            h.raw("</ul><h2>Für Programme und GIS</h2><ul>")
                    .raw("<li>").link(urls.to("/collections", "html"), "Collections").raw(" (OGC API Features; in QGIS:"
                            + " Layer › Add Layer › Add WFS / OGC API – Features Layer, URL ").text(urls.to("/", Map.of()))
                    .raw(")</li><li>").link(urls.to("/api/ui", Map.of()), "API documentation")
                    .raw(" · ").link(urls.to("/api", Map.of()), "OpenAPI definition")
                    .raw("</li><li>").link(urls.to("/conformance", "html"), "Conformance classes").raw("</li></ul>");
            return html(h.end(null));
        }
        return json(json.writeValueAsBytes(new Documents.LandingPage(TITLE, DESCRIPTION, links)));
    }

    @GetMapping("/conformance")
    ResponseEntity<byte[]> conformance(HttpServletRequest request) throws HttpMediaTypeNotAcceptableException,
            JsonProcessingException {
        ItemsQuery.checkKnown(request.getParameterMap(), List.of("f"), List.of());
        Format format = Format.of(request);
        RequestUrls urls = RequestUrls.current();
        if (format == Format.HTML) {
            Html h = Html.page("Conformance", List.of(new Link(urls.to("/", "html"), "up", Link.HTML, TITLE)),
                    urls.to("/conformance", "json")).raw("<ul>");
            Conformance.CLASSES.forEach(c -> h.raw("<li>").link(c, c).raw("</li>"));
            return html(h.raw("</ul>").end(null));
        }
        return json(json.writeValueAsBytes(new Documents.ConformanceDeclaration(List.of(
                new Link(urls.to("/conformance", "json"), "self", Link.JSON, "This document"),
                new Link(urls.to("/conformance", "html"), "alternate", Link.HTML, "This document as HTML")),
                Conformance.CLASSES)));
    }

    static ResponseEntity<byte[]> html(byte[] body) {
        return ResponseEntity.ok().contentType(HtmlPages.HTML_UTF8)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT).body(body);
    }

    static ResponseEntity<byte[]> json(byte[] body) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT).body(body);
    }
}
