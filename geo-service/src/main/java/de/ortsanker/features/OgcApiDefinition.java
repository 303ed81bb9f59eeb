package de.ortsanker.features;

import de.ortsanker.cql2.Queryable;
import de.ortsanker.filter.PlaceFilter;
import de.ortsanker.vocabulary.Kind;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.DateSchema;
import io.swagger.v3.oas.models.media.DateTimeSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.tags.Tag;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Describes the OGC API paths in the OpenAPI definition at {@code /api} — one set of paths per collection,
 * each with its parameters (limit, offset, bbox, bbox-crs, crs, datetime, filter, filter-lang, filter-crs
 * and a parameter per queryable) exactly as OGC API Features Parts 1–3 define them: clients such as the
 * OGC test suite read the paths and parameter definitions from here.
 */
@Component
class OgcApiDefinition implements OpenApiCustomizer {

    static final String TAG = "OGC API Features";
    private static final String PROBLEM = "application/problem+json";

    private final FeatureCollections collections;

    OgcApiDefinition(FeatureCollections collections) {
        this.collections = collections;
    }

    @Override
    public void customise(OpenAPI api) {
        if (api.getPaths() == null) {
            api.setPaths(new Paths());
        }
        api.addTagsItem(new Tag().name(TAG).description("Our layers as OGC API Features (Part 1 Core, Part 2 CRS by"
                + " reference, Part 3 Filtering with CQL2), for GIS portals, QGIS and ArcGIS"));
        Paths paths = api.getPaths();
        paths.addPathItem("/", get("landingPage", "Landing page", "Links to the API definition, the conformance"
                + " declaration and the collections; HTML with the way to the web map.", List.of(format()),
                json(object("links")), true));
        paths.addPathItem("/conformance", get("conformance", "Conformance declaration",
                "The conformance classes this API implements.", List.of(format()), json(object("conformsTo", "links")), true));
        paths.addPathItem("/collections", get("collections", "Collections", "The collections of features: one per layer.",
                List.of(format()), json(object("collections", "links")), true));
        for (CollectionDefinition c : collections.all()) {
            String base = "/collections/" + c.id();
            paths.addPathItem(base, get("collection_" + c.id(), "Collection '" + c.title() + "'",
                    c.description(), List.of(format()), json(object("id", "links")), true));
            PathItem items = get("items_" + c.id(), c.title() + ": features",
                    "Features of '" + c.title() + "' in id order, paged by limit (follow the next/prev links), filtered by bbox,"
                            + " datetime, a CQL2 filter and name=value on queryables, in the CRS asked for.",
                    itemsParameters(c), content(Link.GEOJSON, object("type", "features", "links")), true);
            PathItem item = get("item_" + c.id(), c.title() + ": one feature",
                    "A single feature of '" + c.title() + "'." + (c.places() == null ? ""
                            : " Its ETag (GeoJSON in CRS84) is the place's version, which PUT, PATCH and DELETE require"
                            + " in If-Match."), List.of(featureId(), format(), crs()),
                    content(Link.GEOJSON, object("type", "geometry", "properties")), true);
            if (c.places() != null) {
                PlaceWritesDefinition.add(c, items, item);
            }
            paths.addPathItem(base + "/items", items);
            paths.addPathItem(base + "/items/{featureId}", item);
            paths.addPathItem(base + "/queryables", get("queryables_" + c.id(), c.title() + ": queryables",
                    "The properties of '" + c.title() + "' that filters may use, as JSON Schema.", List.of(format()),
                    content(Link.SCHEMA, object("properties")), false));
        }
    }

    private static List<Parameter> itemsParameters(CollectionDefinition c) {
        var parameters = new ArrayList<Parameter>(List.of(format(),
                query("limit", "The number of features per page (default " + ItemsQuery.DEFAULT_LIMIT + ", at most "
                        + ItemsQuery.MAX_LIMIT + "); follow the next links for more.", new IntegerSchema().minimum(BigDecimal.ONE)
                        .maximum(BigDecimal.valueOf(ItemsQuery.MAX_LIMIT))._default(ItemsQuery.DEFAULT_LIMIT)),
                query("offset", "How many features to skip.", new IntegerSchema()
                        .minimum(BigDecimal.ZERO).maximum(BigDecimal.valueOf(ItemsQuery.MAX_OFFSET))._default(0)),
                query("after", "Only features after this id (the next links page this way: fast at any depth).",
                        new IntegerSchema().minimum(BigDecimal.ZERO)),
                query("before", "The page right before this id (the prev links page this way).",
                        new IntegerSchema().minimum(BigDecimal.ZERO)),
                query("bbox", "Only features whose geometry intersects the box: lower corner, upper corner (4 numbers,"
                        + " or 6 with heights) in the axis order of bbox-crs (CRS84: lon,lat,lon,lat). A box may cross"
                        + " the antimeridian.", new ArraySchema().items(new NumberSchema()).minItems(4).maxItems(6)),
                crsParameter("bbox-crs", "The CRS of bbox (default CRS84)."),
                crs(),
                query("datetime", "Only features valid at this time or in this period: 2024-05-01,"
                        + " 2024-05-01T10:00:00Z, 2024-05-01/2024-05-31, ../2024-05-31 or 2024-05-01/..; features"
                        + " without a validity period are always included. Without it: what is valid today.",
                        new StringSchema()),
                query("filter", "A CQL2 filter over the queryables, e.g. capacity >= 20 AND wheelchair = 'yes' AND"
                        + " S_INTERSECTS(geometry, BBOX(11.5, 50.0, 11.7, 50.1)).", new StringSchema()),
                query("filter-lang", "The encoding of filter.", enumeration("cql2-text", "cql2-json")._default("cql2-text")),
                crsParameter("filter-crs", "The CRS of geometries in filter (default CRS84)."),
                query("properties", "Only these properties (comma-separated; see the collection's schema).",
                        new ArraySchema().items(enumeration(ItemsQuery.returnables(c).toArray(String[]::new)))),
                query("exclude-properties", "All properties but these (comma-separated).",
                        new ArraySchema().items(enumeration(ItemsQuery.returnables(c).toArray(String[]::new)))),
                query("skipGeometry", "true: features without their geometry.", new BooleanSchema()._default(false))));
        if (c.places() != null) {
            // The service's filter language, with the meaning it has in the places API, tiles and planning.
            var kinds = new ArraySchema().items(enumeration(Stream.concat(Stream.of(c.places().code()),
                    Kind.inGroup(c.places()).stream().map(Kind::code)).toArray(String[]::new)));
            parameters.add(query(PlaceFilter.KINDS, "Only places of these kinds (comma-separated kind codes; the"
                    + " layer's id stands for all of them).", kinds));
            parameters.add(query(PlaceFilter.STEP_FREE, "yes: only step-free places; limited: at least partly"
                    + " step-free (wheelchair yes or limited).", enumeration("yes", "limited")));
        }
        for (Queryable q : c.queryables().all()) {
            if (q.type() != Queryable.Type.GEOMETRY) {
                parameters.add(query(q.name(), "Only features whose " + q.name() + (q.type() == Queryable.Type.STRING_ARRAY
                        ? " contains" : " equals") + " this value.", schema(q.type())));
            }
        }
        return parameters;
    }

    private static Schema<?> schema(Queryable.Type type) {
        return switch (type) {
            case INTEGER -> new IntegerSchema();
            case NUMBER -> new NumberSchema();
            case BOOLEAN -> new BooleanSchema();
            case DATE -> new DateSchema();
            case TIMESTAMP -> new DateTimeSchema();
            default -> new StringSchema();
        };
    }

    private static Parameter format() {
        return query("f", "The format: json (GeoJSON for features) or html; without it, the Accept header decides.",
                enumeration("json", "html"));
    }

    private static Parameter crs() {
        return crsParameter("crs", "The CRS of the geometries in the response (default CRS84); the Content-Crs header"
                + " names it. Axis order as the CRS defines it: EPSG:4326 latitude first, UTM easting first.");
    }

    private static Parameter crsParameter(String name, String description) {
        StringSchema schema = new StringSchema();
        schema.format("uri");
        Crs.SUPPORTED.forEach(crs -> schema.addEnumItem(crs.uri()));
        schema.setDefault(Crs.CRS84.uri());
        return query(name, description, schema);
    }

    private static StringSchema enumeration(String... values) {
        StringSchema schema = new StringSchema();
        for (String v : values) {
            schema.addEnumItem(v);
        }
        return schema;
    }

    static Parameter featureId() {
        return new Parameter().name("featureId").in("path").required(true).description("The feature's id")
                .schema(new StringSchema());
    }

    private static Parameter query(String name, String description, Schema<?> schema) {
        return new Parameter().name(name).in("query").required(false).description(description)
                .style(Parameter.StyleEnum.FORM).explode(false).schema(schema);
    }

    static ObjectSchema object(String... required) {
        ObjectSchema schema = new ObjectSchema();
        for (String r : required) {
            schema.addRequiredItem(r);
        }
        return schema;
    }

    private static Content json(Schema<?> schema) {
        return content(Link.JSON, schema);
    }

    private static Content content(String type, Schema<?> schema) {
        return new Content().addMediaType(type, new MediaType().schema(schema))
                .addMediaType(Link.HTML, new MediaType().schema(new StringSchema()));
    }

    private static PathItem get(String operationId, String summary, String description, List<Parameter> parameters,
            Content ok, boolean notFound) {
        var responses = new ApiResponses()
                .addApiResponse("200", new ApiResponse().description("OK").content(ok))
                .addApiResponse("304", new ApiResponse().description("Not modified since the ETag or Last-Modified"
                        + " the client has (the data version is unchanged)"))
                .addApiResponse("400", problem("A parameter is invalid or unknown; the problem names it"));
        if (notFound) {
            responses.addApiResponse("404", problem("No such collection or feature"));
        }
        responses.addApiResponse("406", problem("Neither JSON nor HTML is acceptable to the client"));
        var operation = new Operation().operationId(operationId).summary(summary).description(description)
                .addTagsItem(TAG).responses(responses);
        parameters.forEach(operation::addParametersItem);
        return new PathItem().get(operation);
    }

    static ApiResponse problem(String description) {
        return new ApiResponse().description(description)
                .content(new Content().addMediaType(PROBLEM, new MediaType().schema(object("status"))));
    }
}
