package de.ortsanker.features;

import de.ortsanker.vocabulary.Kind;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

/**
 * The OpenAPI operations of OGC API Features Part 4 on a place collection ({@link ItemWrites}): POST on the
 * items, PUT, PATCH and DELETE on an item, with their request bodies, headers and answers.
 */
final class PlaceWritesDefinition {

    private static final String WHO = " Needs 'Authorization: Bearer <token>' (scope edit) or a session with its CSRF"
            + " token, and a role whose territory holds the place (county_administrator, municipality_steward of its"
            + " AGS, source_steward of its source, organisation_editor of its organisation); recorded in the place's"
            + " history with origin 'ogc' and in the audit log.";

    private PlaceWritesDefinition() {
    }

    static void add(CollectionDefinition c, PathItem items, PathItem item) {
        String kinds = String.join(", ", Kind.inGroup(c.places()).stream().map(Kind::code).toList());
        items.post(operation("create_" + c.id(), c.title() + ": add a feature",
                "A GeoJSON Feature (geometry in CRS84) whose properties are the collection's (see its schema) and the"
                        + " editing fields it does not show (is_public, contact_is_public, organisation, comment). The kind"
                        + " must be one of the collection's: " + kinds + ". Fields are checked by the importers' rules and"
                        + " messages: 422 names each invalid one and nothing is stored. Derived properties (kind_label,"
                        + " updated_at, source_id, licence, attribution) are ignored." + WHO, false)
                .requestBody(body("The new feature", Link.GEOJSON, "application/json"))
                .responses(answers(false).addApiResponse("201", new ApiResponse().description("Created: Location names"
                        + " the new feature, ETag its version; the body is the feature as the public sees it (none"
                        + " when it is not public)").addHeaderObject("Location", header("the new feature's URL"))
                        .addHeaderObject("ETag", header("the feature's version, for If-Match"))
                        .content(feature()))));
        item.put(operation("replace_" + c.id(), c.title() + ": replace a feature",
                "The feature's geometry and every property the collection shows are replaced by the body's (a property"
                        + " left out is cleared); what the features do not show (is_public, contact_is_public,"
                        + " organisation, contact values not published) stays unless named. The kind stays within the"
                        + " collection." + WHO, true)
                .requestBody(body("The feature as it shall be", Link.GEOJSON, "application/json"))
                .responses(changed()));
        item.patch(operation("update_" + c.id(), c.title() + ": change a feature",
                "A JSON merge patch (RFC 7396) of the feature: the properties named change (null clears one; details"
                        + " merge member by member), a geometry moves it." + WHO, true)
                .requestBody(body("The changes", ItemWrites.MERGE_PATCH, "application/json"))
                .responses(changed()));
        item.delete(operation("delete_" + c.id(), c.title() + ": delete (retire) a feature",
                "The place is retired: kept with its history (a steward can revert it) and gone from every public answer,"
                        + " tile and collection; GET of the feature answers 404." + WHO, true)
                .responses(answers(true).addApiResponse("204", new ApiResponse().description("Deleted (retired)"))));
    }

    private static Operation operation(String id, String summary, String description, boolean existing) {
        var operation = new Operation().operationId(id).summary(summary).description(description)
                .addTagsItem(OgcApiDefinition.TAG);
        if (existing) {
            operation.addParametersItem(OgcApiDefinition.featureId());
            operation.addParametersItem(new Parameter().name("If-Match").in("header").required(true)
                    .description("The feature's ETag (from GET of the feature or the last write): 428 without it, 412"
                            + " when the feature changed meanwhile").schema(new StringSchema()));
        }
        operation.addParametersItem(new Parameter().name("Content-Crs").in("header").required(false)
                .description("The CRS of the body's geometry: only CRS84 (GeoJSON's)").schema(new StringSchema()
                        ._default("<" + Crs.CRS84.uri() + ">")));
        return operation;
    }

    private static RequestBody body(String description, String... types) {
        var content = new Content();
        for (String type : types) {
            content.addMediaType(type, new MediaType().schema(featureSchema()));
        }
        return new RequestBody().description(description).required(true).content(content);
    }

    private static ObjectSchema featureSchema() {
        ObjectSchema schema = new ObjectSchema();
        StringSchema type = new StringSchema();
        type.addEnumItem("Feature");
        schema.addProperty("type", type);
        schema.addProperty("geometry", new ObjectSchema().description("GeoJSON geometry in CRS84"));
        schema.addProperty("properties", new ObjectSchema().description("the collection's properties (see"
                + " /collections/{id}/schema) and the editing fields"));
        return schema;
    }

    private static Content feature() {
        return new Content().addMediaType(Link.GEOJSON, new MediaType().schema(OgcApiDefinition.object("type",
                "geometry", "properties")));
    }

    private static Header header(String description) {
        return new Header().description(description).schema(new StringSchema());
    }

    private static ApiResponses changed() {
        return answers(true)
                .addApiResponse("200", new ApiResponse().description("Changed: the feature as the public sees it, its new"
                        + " ETag").addHeaderObject("ETag", header("the feature's new version")).content(feature()))
                .addApiResponse("204", new ApiResponse().description("Changed; the public does not see the feature"));
    }

    private static ApiResponses answers(boolean existing) {
        var responses = new ApiResponses()
                .addApiResponse("400", OgcApiDefinition.problem("The body is not a GeoJSON feature (or merge patch), or"
                        + " Content-Crs is not CRS84"))
                .addApiResponse("401", OgcApiDefinition.problem("Not signed in (WWW-Authenticate: Bearer)"))
                .addApiResponse("403", OgcApiDefinition.problem("missing-role, missing-territory or missing-scope"))
                .addApiResponse("404", OgcApiDefinition.problem("No such collection or feature"));
        if (existing) {
            responses.addApiResponse("412", OgcApiDefinition.problem("If-Match is stale: the feature changed meanwhile"
                    + " (current-etag says to what)"))
                    .addApiResponse("428", OgcApiDefinition.problem("If-Match is missing"));
        }
        return responses.addApiResponse("415", OgcApiDefinition.problem("Another media type than the ones listed"))
                .addApiResponse("422", OgcApiDefinition.problem("Invalid fields, each named in invalid-params with the"
                        + " importers' message; nothing was stored"));
    }
}
