package de.ortsanker.features;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.ortsanker.editing.EditProblems;
import de.ortsanker.editing.PlaceEdits;
import de.ortsanker.editing.PlaceWrites;
import de.ortsanker.problem.InvalidParameter;
import de.ortsanker.problem.NotFound;
import de.ortsanker.vocabulary.Kind;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * OGC API Features Part 4 (Create, Replace, Update, Delete) on the place collections: a GeoJSON feature in,
 * the editing API's write out ({@link PlaceWrites}: the same authentication, {@code Permissions}, rules and
 * messages, history — with origin {@code ogc} — and audit). What is OGC's is done here: the feature's
 * properties as fields ({@link PlaceProperties}), the kind kept within the collection, replace and JSON merge
 * patch (RFC 7396), {@code If-Match} on every change, 405 for collections that are not places. The ETag is
 * the place's ({@code "id.version"}), the same a GET of the item answers.
 */
@Hidden
@RestController
class ItemWrites {

    static final String MERGE_PATCH = "application/merge-patch+json";
    /** What the items and item paths of a collection that is not places allow. */
    static final String READ_ONLY = "GET, HEAD";

    private final FeatureCollections collections;
    private final FeatureStore store;
    private final PlaceWrites writes;
    private final PlaceEdits edits;
    private final ObjectMapper json;

    ItemWrites(FeatureCollections collections, FeatureStore store, PlaceWrites writes, PlaceEdits edits, ObjectMapper json) {
        this.collections = collections;
        this.store = store;
        this.writes = writes;
        this.edits = edits;
        this.json = json;
    }

    @PostMapping(path = "/collections/{collectionId}/items", consumes = {Link.GEOJSON, "application/json"})
    ResponseEntity<byte[]> create(@PathVariable String collectionId,
                                  @RequestHeader(value = "Content-Crs", required = false) String contentCrs,
                                  @RequestBody(required = false) byte[] body) {
        CollectionDefinition c = places(collectionId);
        writes.actor();
        crs(contentCrs);
        var feature = feature(body, true);
        var fields = PlaceProperties.of(c).toFields(properties(feature), true);
        fields.put("geometry", feature.get("geometry"));
        kindOf(c, fields, true);
        var created = writes.create(fields, PlaceEdits.Origin.OGC);
        String location = RequestUrls.current().to("/collections/" + c.id() + "/items/" + created.id(), Map.of());
        return answer(HttpStatus.CREATED, c, created).location(URI.create(location)).body(body(c, created));
    }

    @PutMapping(path = "/collections/{collectionId}/items/{featureId}", consumes = {Link.GEOJSON, "application/json"})
    ResponseEntity<byte[]> replace(@PathVariable String collectionId, @PathVariable String featureId,
                                   @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                   @RequestHeader(value = "Content-Crs", required = false) String contentCrs,
                                   @RequestBody(required = false) byte[] body) {
        CollectionDefinition c = places(collectionId);
        writes.actor();
        var current = member(c, featureId);
        crs(contentCrs);
        var feature = feature(body, true);
        var fields = PlaceProperties.of(c).replacing(properties(feature),
                Boolean.TRUE.equals(current.fields().get("contact_is_public")));
        fields.put("geometry", feature.get("geometry"));
        kindOf(c, fields, true);
        return changed(c, writes.update(current.id(), ifMatch, fields, PlaceEdits.Origin.OGC));
    }

    @PatchMapping(path = "/collections/{collectionId}/items/{featureId}",
            consumes = {MERGE_PATCH, "application/json", Link.GEOJSON})
    ResponseEntity<byte[]> update(@PathVariable String collectionId, @PathVariable String featureId,
                                  @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                  @RequestHeader(value = "Content-Crs", required = false) String contentCrs,
                                  @RequestBody(required = false) byte[] body) {
        CollectionDefinition c = places(collectionId);
        writes.actor();
        var current = member(c, featureId);
        crs(contentCrs);
        var patch = feature(body, false);
        var mapping = PlaceProperties.of(c);
        var fields = new LinkedHashMap<String, Object>();
        mapping.toFields(properties(patch), false).forEach((field, value) ->
                // RFC 7396: a member's null removes it, an object merges into the one there
                fields.put(field, field.equals("details") ? MergePatch.apply(current.fields().get("details"), value) : value));
        if (patch.containsKey("geometry")) {
            fields.put("geometry", patch.get("geometry"));
        }
        kindOf(c, fields, false);
        return changed(c, writes.update(current.id(), ifMatch, fields, PlaceEdits.Origin.OGC));
    }

    @DeleteMapping(path = "/collections/{collectionId}/items/{featureId}")
    ResponseEntity<byte[]> delete(@PathVariable String collectionId, @PathVariable String featureId,
                                  @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        CollectionDefinition c = places(collectionId);
        writes.actor();
        var current = member(c, featureId);
        var retired = writes.retire(current.id(), ifMatch, true, null, PlaceEdits.Origin.OGC);
        return ResponseEntity.noContent().eTag(retired.etag()).build();
    }

    @PostMapping(path = "/collections/{collectionId}/items/{featureId}")
    ResponseEntity<byte[]> postToItem(@PathVariable String collectionId, @PathVariable String featureId) {
        var c = collections.get(collectionId);
        throw methodNotAllowed(c.places() == null ? READ_ONLY : "GET, HEAD, PUT, PATCH, DELETE",
                "a feature is replaced (PUT), changed (PATCH) or deleted (DELETE); new features are POSTed to"
                        + " /collections/" + c.id() + "/items");
    }

    /** The collection, if it holds places; 405 naming what it allows otherwise. */
    private CollectionDefinition places(String collectionId) {
        CollectionDefinition c = collections.get(collectionId);
        if (c.places() == null) {
            throw methodNotAllowed(READ_ONLY, "collection '" + c.id() + "' is read-only: only the place collections"
                    + " can be written (OGC API Features Part 4)");
        }
        return c;
    }

    /** The place behind a feature id, if it is a current feature of the collection (its kind in the layer). */
    private PlaceEdits.Current member(CollectionDefinition c, String featureId) {
        long id;
        try {
            id = Long.parseLong(featureId);
        } catch (NumberFormatException e) {
            throw new NotFound("collection '" + c.id() + "' has no feature '" + featureId + "' (ids are numbers)");
        }
        PlaceEdits.Current place;
        try {
            place = edits.current(id);
        } catch (NotFound e) {
            throw new NotFound("collection '" + c.id() + "' has no feature " + id);
        }
        if (place.retiredAt() != null || !kinds(c).contains(String.valueOf(place.fields().get("kind")))) {
            throw new NotFound("collection '" + c.id() + "' has no feature " + id);
        }
        return place;
    }

    private static List<String> kinds(CollectionDefinition c) {
        return Kind.inGroup(c.places()).stream().map(Kind::code).toList();
    }

    /** A new or changed place stays in the collection written to: its kind must be one of the layer's. */
    private static void kindOf(CollectionDefinition c, Map<String, Object> fields, boolean required) {
        if (!fields.containsKey("kind") && !required) {
            return;
        }
        Object kind = fields.get("kind");
        if (kind == null) {
            throw EditProblems.invalid("kind", "is required: one of " + String.join(", ", kinds(c)));
        }
        if (!kinds(c).contains(String.valueOf(kind))) {
            throw EditProblems.invalid("kind", "'" + kind + "' is not a kind of collection '" + c.id() + "' (kinds: "
                    + String.join(", ", kinds(c)) + ")");
        }
    }

    /** Geometries are read in CRS84 (GeoJSON's); another Content-Crs is refused rather than misread. */
    private static void crs(String contentCrs) {
        if (contentCrs == null || contentCrs.isBlank()) {
            return;
        }
        String uri = contentCrs.strip().replaceAll("^<|>$", "");
        if (!uri.equals(Crs.CRS84.uri())) {
            throw new InvalidParameter("Content-Crs", "geometries are accepted in CRS84 only (<" + Crs.CRS84.uri()
                    + ">, GeoJSON's longitude, latitude), not " + contentCrs);
        }
    }

    /** The body as a JSON object: a GeoJSON Feature ({@code type} required) or a merge patch of one. */
    private Map<String, Object> feature(byte[] body, boolean whole) {
        if (body == null || body.length == 0) {
            throw new InvalidParameter("body", whole ? "send a GeoJSON Feature" : "send a JSON merge patch of a feature");
        }
        Map<String, Object> object;
        try {
            object = json.readValue(body, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new InvalidParameter("body", "is not a JSON object: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new InvalidParameter("body", "could not be read");
        }
        if (object == null) {
            throw new InvalidParameter("body", "is not a JSON object");
        }
        Object type = object.get("type");
        if ((whole || type != null) && !"Feature".equals(type)) {
            throw new InvalidParameter("body", "must be a GeoJSON Feature (\"type\": \"Feature\"), not " + type);
        }
        if (object.containsKey("properties") && object.get("properties") != null
                && !(object.get("properties") instanceof Map<?, ?>)) {
            throw new InvalidParameter("body", "'properties' must be an object");
        }
        return object;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Map<String, Object> feature) {
        return feature.get("properties") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private ResponseEntity<byte[]> changed(CollectionDefinition c, PlaceEdits.Current place) {
        byte[] body = body(c, place);
        return answer(body == null ? HttpStatus.NO_CONTENT : HttpStatus.OK, c, place).body(body);
    }

    private static ResponseEntity.BodyBuilder answer(HttpStatus status, CollectionDefinition c, PlaceEdits.Current place) {
        return ResponseEntity.status(status).eTag(place.etag()).header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    /** The feature as a GET shows it (the public's view); none when the public does not see it (not public, not yet valid). */
    private byte[] body(CollectionDefinition c, PlaceEdits.Current place) {
        return store.item(c, place.id(), Crs.CRS84).map(f -> {
            var urls = RequestUrls.current();
            String path = "/collections/" + c.id() + "/items/" + f.id();
            return GeoJsonWriter.feature(json, f, List.of(new Link(urls.to(path, "json"), "self", Link.GEOJSON,
                    "This feature"), new Link(urls.to("/collections/" + c.id(), "json"), "collection", Link.JSON, c.title())));
        }).orElse(null);
    }

    static ErrorResponseException methodNotAllowed(String allow, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.METHOD_NOT_ALLOWED, detail);
        problem.setTitle("Method not allowed");
        problem.setType(URI.create("urn:ortsanker:problem:method-not-allowed"));
        var e = new ErrorResponseException(HttpStatus.METHOD_NOT_ALLOWED, problem, null);
        e.getHeaders().set(HttpHeaders.ALLOW, allow);
        return e;
    }

    /** JSON merge patch (RFC 7396) of one value. */
    static final class MergePatch {
        private MergePatch() {
        }

        @SuppressWarnings("unchecked")
        static Object apply(Object target, Object patch) {
            if (!(patch instanceof Map<?, ?> changes)) {
                return patch;
            }
            var result = target instanceof Map<?, ?> m ? new LinkedHashMap<>((Map<String, Object>) m) : new LinkedHashMap<String, Object>();
            ((Map<String, Object>) changes).forEach((k, v) -> {
                if (v == null) {
                    result.remove(k);
                } else {
                    result.put(k, apply(result.get(k), v));
                }
            });
            return result;
        }
    }
}
