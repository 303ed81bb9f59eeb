package de.ortsanker.features;

import de.ortsanker.cql2.Queryable;
import de.ortsanker.database.LayerVersions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The JSON documents that describe collections: collection metadata and queryables. */
@Component
class CollectionDocuments {

    static final String QUERYABLES_REL = "http://www.opengis.net/def/rel/ogc/1.0/queryables";

    private final CollectionExtents extents;

    CollectionDocuments(CollectionExtents extents) {
        this.extents = extents;
    }

    CollectionExtents.Extent extent(CollectionDefinition c, LayerVersions versions) {
        return extents.of(c, versions);
    }

    /** A collection as in {@code /collections} and {@code /collections/{id}} (OGC API Features Part 1 and 2). */
    Map<String, Object> describe(CollectionDefinition c, CollectionExtents.Extent e, RequestUrls urls) {
        var doc = new LinkedHashMap<String, Object>();
        doc.put("id", c.id());
        doc.put("title", c.title());
        doc.put("description", c.description());
        if (!e.sources().isEmpty()) {
            doc.put("attribution", attribution(e));
        }
        doc.put("itemType", "feature");
        doc.put("links", links(c, e, urls));
        var extent = new LinkedHashMap<String, Object>();
        if (e.bbox() != null) {
            extent.put("spatial", Map.of("bbox", List.of(List.of(e.bbox()[0], e.bbox()[1], e.bbox()[2], e.bbox()[3])),
                    "crs", Crs.CRS84.uri()));
        }
        if (e.temporal()) {
            var interval = new ArrayList<String>();
            interval.add(e.start() == null ? null : e.start().toString());
            interval.add(e.end() == null ? null : e.end().toString());
            extent.put("temporal", Map.of("interval", List.of(interval),
                    "trs", "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian"));
        }
        if (!extent.isEmpty()) {
            doc.put("extent", extent);
        }
        doc.put("crs", Crs.SUPPORTED.stream().map(Crs::uri).toList());
        doc.put("storageCrs", Crs.CRS84.uri());
        return doc;
    }

    List<Link> links(CollectionDefinition c, CollectionExtents.Extent e, RequestUrls urls) {
        String path = "/collections/" + c.id();
        var links = new ArrayList<Link>(List.of(
                new Link(urls.to(path, "json"), "self", Link.JSON, "This collection"),
                new Link(urls.to(path, "html"), "alternate", Link.HTML, "This collection as HTML"),
                new Link(urls.to(path + "/items", "json"), "items", Link.GEOJSON, c.title() + " as GeoJSON"),
                new Link(urls.to(path + "/items", "html"), "items", Link.HTML, c.title() + " as HTML"),
                new Link(urls.to(path + "/queryables", "json"), QUERYABLES_REL, Link.SCHEMA,
                        "Properties to filter on")));
        Set<String> seen = new LinkedHashSet<>();
        for (CollectionExtents.Source s : e.sources()) {
            String url = Licences.url(s.licence());
            if (url != null && seen.add(url)) {
                links.add(new Link(url, "license", Link.HTML, s.licence()));
            }
        }
        return links;
    }

    /** Everyone whose data is in the collection, most features first. */
    static String attribution(CollectionExtents.Extent e) {
        return e.sources().stream().map(CollectionExtents.Source::attribution).distinct()
                .collect(Collectors.joining("; "));
    }

    /** The queryables as JSON Schema (OGC API Features Part 3). */
    Map<String, Object> queryables(CollectionDefinition c, RequestUrls urls) {
        var properties = new LinkedHashMap<String, Object>();
        var descriptions = new LinkedHashMap<String, String>();
        c.properties().forEach(p -> descriptions.put(p.name(), p.label().en()));
        descriptions.put("source", "Where the record comes from");
        descriptions.put("licence", "The licence of the record");
        for (Queryable q : c.queryables().all()) {
            var schema = new LinkedHashMap<String, Object>();
            schema.put("title", q.name());
            if (q.type() == Queryable.Type.GEOMETRY) {
                schema.put("description", "The feature's geometry (stored in WGS 84)");
                schema.put("format", "geometry-any");
                schema.put("x-ogc-role", "primary-geometry");
            } else {
                schema.put("description", descriptions.getOrDefault(q.name(), ""));
                schema.putAll(jsonSchemaType(q.type()));
            }
            properties.put(q.name(), schema);
        }
        var doc = new LinkedHashMap<String, Object>();
        doc.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        doc.put("$id", urls.to("/collections/" + c.id() + "/queryables", Map.of()));
        doc.put("type", "object");
        doc.put("title", c.title());
        doc.put("description", "The properties of " + c.title() + " that filters, and name=value query parameters, may use");
        doc.put("properties", properties);
        doc.put("additionalProperties", false);
        return doc;
    }

    static Map<String, Object> jsonSchemaType(Queryable.Type type) {
        return switch (type) {
            case STRING -> Map.of("type", "string");
            case INTEGER -> Map.of("type", "integer");
            case NUMBER -> Map.of("type", "number");
            case BOOLEAN -> Map.of("type", "boolean");
            case DATE -> Map.of("type", "string", "format", "date");
            case TIMESTAMP -> Map.of("type", "string", "format", "date-time");
            case STRING_ARRAY -> Map.of("type", "array", "items", Map.of("type", "string"));
            case GEOMETRY -> Map.of("format", "geometry-any");
        };
    }

    static String instant(Instant i) {
        return i == null ? ".." : i.toString();
    }
}
