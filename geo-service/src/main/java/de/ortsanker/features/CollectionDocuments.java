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
    Documents.Collection describe(CollectionDefinition c, CollectionExtents.Extent e, RequestUrls urls) {
        Documents.Spatial spatial = e.bbox() == null ? null : new Documents.Spatial(
                List.of(List.of(e.bbox()[0], e.bbox()[1], e.bbox()[2], e.bbox()[3])), Crs.CRS84.uri());
        Documents.Temporal temporal = !e.temporal() ? null : new Documents.Temporal(List.of(java.util.Arrays.asList(
                e.start() == null ? null : e.start().toString(), e.end() == null ? null : e.end().toString())),
                "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian");
        return new Documents.Collection(c.id(), c.title(), c.description(),
                e.sources().isEmpty() ? null : attribution(e), "feature", links(c, e, urls),
                spatial == null && temporal == null ? null : new Documents.Extent(spatial, temporal),
                Crs.SUPPORTED.stream().map(Crs::uri).toList(), Crs.CRS84.uri());
    }

    List<Link> links(CollectionDefinition c, CollectionExtents.Extent e, RequestUrls urls) {
        String path = "/collections/" + c.id();
        var links = new ArrayList<Link>(List.of(
                new Link(urls.to(path, "json"), "self", Link.JSON, "This collection"),
                new Link(urls.to(path, "html"), "alternate", Link.HTML, "This collection as HTML"),
                // no query: GDAL appends "/{featureId}" to this link to read one feature (GetFeature)
                new Link(urls.to(path + "/items", Map.of()), "items", Link.GEOJSON, c.title() + " as GeoJSON"),
                new Link(urls.to(path + "/items", "html"), "items", Link.HTML, c.title() + " as HTML"),
                new Link(urls.to(path + "/queryables", "json"), QUERYABLES_REL, Link.SCHEMA,
                        "Properties to filter on"),
                new Link(urls.to(path + "/schema", Map.of()), FeatureSchemas.SCHEMA_REL, Link.SCHEMA,
                        "What every feature carries (JSON Schema)"),
                new Link(urls.to(path + "/schema", Map.of()), "describedby", Link.SCHEMA,
                        "What every feature carries (JSON Schema)"),
                // GDAL's OAPIF driver matches this spelling of the relation only, and prefers an XML schema.
                new Link(urls.to(path + "/schema.xsd", Map.of()), "describedBy", FeatureSchemas.XSD_TYPE,
                        "What every feature carries (GML application schema)")));
        // a layer in the vector tiles: its tilesets (OGC API Tiles), in every grid; GDAL's OGCAPI driver looks here
        if (de.ortsanker.catalogue.Catalogue.byId(c.id()).filter(de.ortsanker.catalogue.Layer::inTiles).isPresent()) {
            links.add(new Link(urls.to(path + "/tiles", Map.of()), OgcApiRoot.TILESETS_VECTOR, Link.JSON,
                    c.title() + " as vector tiles"));
        }
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
    Documents.Queryables queryables(CollectionDefinition c, RequestUrls urls) {
        var descriptions = new LinkedHashMap<String, String>();
        c.properties().forEach(p -> descriptions.put(p.name(), p.label().en()));
        descriptions.put("source", "Where the record comes from");
        descriptions.put("licence", "The licence of the record");
        var properties = new LinkedHashMap<String, Documents.Property>();
        for (Queryable q : c.queryables().all()) {
            properties.put(q.name(), q.type() == Queryable.Type.GEOMETRY
                    ? new Documents.Property(q.name(), "The feature's geometry (stored in WGS 84)", null, "geometry-any",
                            null, "primary-geometry")
                    : typed(q.name(), descriptions.getOrDefault(q.name(), ""), q.type()));
        }
        return new Documents.Queryables("https://json-schema.org/draft/2020-12/schema",
                urls.to("/collections/" + c.id() + "/queryables", Map.of()), "object", c.title(),
                "The properties of " + c.title() + " that filters, and name=value query parameters, may use",
                properties, false);
    }

    /** A queryable's JSON Schema: its type, and the format of dates and times. */
    static Documents.Property typed(String title, String description, Queryable.Type type) {
        return switch (type) {
            case STRING -> new Documents.Property(title, description, "string", null, null, null);
            case INTEGER -> new Documents.Property(title, description, "integer", null, null, null);
            case NUMBER -> new Documents.Property(title, description, "number", null, null, null);
            case BOOLEAN -> new Documents.Property(title, description, "boolean", null, null, null);
            case DATE -> new Documents.Property(title, description, "string", "date", null, null);
            case TIMESTAMP -> new Documents.Property(title, description, "string", "date-time", null, null);
            case STRING_ARRAY -> new Documents.Property(title, description, "array", null, Documents.Property.of("string"), null);
            case GEOMETRY -> new Documents.Property(title, description, null, "geometry-any", null, null);
        };
    }

    static String instant(Instant i) {
        return i == null ? ".." : i.toString();
    }
}
