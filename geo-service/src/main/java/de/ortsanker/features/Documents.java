package de.ortsanker.features;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The JSON documents of OGC API Features besides the features themselves, as the standard names their
 * members: the landing page, the conformance declaration, collections, and queryables (JSON Schema).
 */
final class Documents {

    private Documents() {
    }

    /** {@code /}: OGC API Features, Part 1, 7.2.2. */
    record LandingPage(String title, String description, List<Link> links) {
    }

    /** {@code /conformance}: Part 1, 7.4.2. */
    record ConformanceDeclaration(List<Link> links, List<String> conformsTo) {
    }

    /** {@code /collections}: Part 1, 7.13.2. */
    record Collections(List<Link> links, List<Collection> collections) {
    }

    /**
     * {@code /collections/{id}}: Part 1, 7.14 and Part 2 (crs, storageCrs).
     *
     * @param attribution everyone whose data is in the collection; left out when it is empty
     * @param extent      left out when the collection holds nothing yet
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Collection(String id, String title, String description, String attribution, String itemType,
                      List<Link> links, Extent extent, List<String> crs, String storageCrs) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Extent(Spatial spatial, Temporal temporal) {
    }

    /** One box in CRS84, [west, south, east, north]. */
    record Spatial(List<List<Double>> bbox, String crs) {
    }

    /** One interval of ISO 8601 instants; null for an open end. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Temporal(List<List<String>> interval, String trs) {
    }

    /** {@code /collections/{id}/queryables}: Part 3, a JSON Schema (2020-12) of what filters may name. */
    record Queryables(@JsonProperty("$schema") String schema, @JsonProperty("$id") String id, String type, String title,
                      String description, Map<String, Property> properties, boolean additionalProperties) {
    }

    /**
     * One property in a JSON Schema.
     *
     * @param role OGC's {@code x-ogc-role}, e.g. {@code primary-geometry}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Property(String title, String description, String type, String format, Property items,
                    @JsonProperty("x-ogc-role") String role) {

        static Property of(String type) {
            return new Property(null, null, type, null, null, null);
        }
    }
}
