package de.ortsanker.places;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;

/** A GeoJSON FeatureCollection (RFC 7946) of places, with the attributions of what it contains. */
@JsonPropertyOrder({"type", "features", "numberReturned", "attributions", "origin", "radius_m", "links"})
@Schema(name = "PlaceCollection", description = "GeoJSON FeatureCollection (RFC 7946, lon/lat WGS 84)")
record PlaceCollection(
        @Schema(allowableValues = "FeatureCollection") String type,
        List<Feature> features,
        int numberReturned,
        @Schema(description = "source, licence and attribution of every dataset the features come from; show them with the data")
        List<Attribution> attributions,
        @Schema(description = "the point distances are measured from (nearby only), with what `near` resolved to")
        Origin origin,
        @JsonProperty("radius_m")
        @Schema(description = "nearby only: how far was searched, in metres (the `radius` asked for, else the"
                + " service's default); with no place that near, a `wider` link asks again farther out")
        Integer radiusM,
        List<Link> links) {

    static PlaceCollection of(List<Feature> features, Origin origin, List<Link> links) {
        return of(features, origin, null, links);
    }

    static PlaceCollection of(List<Feature> features, Origin origin, Integer radiusM, List<Link> links) {
        var attributions = new LinkedHashSet<Attribution>();
        features.forEach(f -> attributions.add(f.properties().attributionRecord()));
        return new PlaceCollection("FeatureCollection", features, features.size(), List.copyOf(attributions), origin,
                radiusM, links);
    }

    /** One place as a GeoJSON Feature. */
    @JsonPropertyOrder({"type", "id", "geometry", "properties"})
    record Feature(
            @Schema(allowableValues = "Feature") String type,
            long id,
            @JsonRawValue @Schema(type = "object", description = "GeoJSON geometry, lon/lat WGS 84") String geometry,
            Place properties) {
        Feature(Place p) {
            this("Feature", p.id(), p.geometry(), p);
        }
    }

    /** What a list shows of a place: enough for a map marker, a list entry and "open now". */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonPropertyOrder({"name", "kind", "kind_label_de", "kind_label_en", "group", "distance_m", "score",
            "opening_hours", "open_now", "next_change", "wheelchair", "free_entry"})
    record Place(
            @JsonIgnore long id,
            @JsonIgnore String geometry,
            String name,
            @Schema(description = "kind code, see /kinds") String kind,
            String kindLabelDe,
            String kindLabelEn,
            @Schema(description = "kind group code, see /kinds") String group,
            @Schema(description = "metres from the origin, on the WGS 84 spheroid (nearby only)") Double distanceM,
            @Schema(description = "search relevance, 0…1 (search only)") Double score,
            @Schema(description = "OSM opening_hours syntax") String openingHours,
            @JsonInclude(JsonInclude.Include.ALWAYS)
            @Schema(description = "open at the time asked about (now unless open_at); null when unknown or not given",
                    nullable = true)
            Boolean openNow,
            @Schema(description = "when open_now next changes (Europe/Berlin, ISO 8601), within a week") String nextChange,
            @Schema(allowableValues = {"yes", "limited", "no"}) String wheelchair,
            @Schema(description = "free entry and no obligation to buy; absent when unknown") Boolean freeEntry,
            String addrStreet,
            String addrHousenumber,
            String addrPostcode,
            String addrCity,
            @Schema(description = "the source's id (as in import runs and OGC API features)") String source,
            @Schema(description = "what the source is called, to show people (\"OpenStreetMap\")") String sourceTitle,
            String licence,
            String attribution,
            @Schema(description = "when someone last checked the record (a real check, not an edit)") LocalDate lastVerified,
            @Schema(description = "when the source last edited the record (OpenStreetMap: the last edit); not a check")
            LocalDate sourceEdited,
            @Schema(description = "the place's own page: everything public and how to get there") String href) {

        Attribution attributionRecord() {
            return new Attribution(source, licence, attribution);
        }
    }

    record Attribution(String source, String licence, String attribution) {
    }

    /** Where "nearby" was measured from. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Origin(double lon, double lat,
                  @Schema(description = "what `near` resolved to, e.g. \"Harsdorf (village)\"") String label) {
    }

    record Link(String rel, String href, String type) {
    }
}
