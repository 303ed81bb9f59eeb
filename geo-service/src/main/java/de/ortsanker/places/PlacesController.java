package de.ortsanker.places;

import de.ortsanker.database.LayerVersions;
import de.ortsanker.filter.Deprecation;
import de.ortsanker.places.PlaceCollection.Feature;
import de.ortsanker.places.PlaceCollection.Link;
import de.ortsanker.places.PlaceCollection.Origin;
import de.ortsanker.places.PlaceCollection.Place;
import de.ortsanker.problem.InvalidParameter;
import de.ortsanker.service.ConditionalResponses;
import de.ortsanker.service.StatementTimeouts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The citizen's questions as GeoJSON: what is near me, what is called so, what is in this area — each
 * filterable by kind or group, step-free access, free entry, and open now or at a given time.
 */
@RestController
@RequestMapping(produces = {PlacesController.GEOJSON, "application/json"})  // GeoJSON is JSON: clients asking for either get it
@Tag(name = "Places", description = "Places near a point or village, by name, or within an area (GeoJSON)")
class PlacesController {

    static final String GEOJSON = "application/geo+json";
    static final int NEARBY_LIMIT = 10;
    static final int NEARBY_MAX = 100;
    static final int SEARCH_LIMIT = 20;
    static final int SEARCH_MAX = 100;
    static final int WITHIN_LIMIT = 100;
    static final int WITHIN_MAX = 1000;
    static final int MAX_RADIUS_M = 100_000;
    static final int MAX_BODY_BYTES = 2_000_000;

    private static final Set<String> FILTERS = filters();

    private static Set<String> filters() {
        var names = new java.util.HashSet<>(PlaceFilters.PARAMETERS);
        names.add("limit");
        return Set.copyOf(names);
    }

    private final PlaceQueries queries;
    private final Gazetteer gazetteer;
    private final ConditionalResponses conditional;
    private final StatementTimeouts timeouts;
    private final int nearbyRadiusM;
    private final Clock clock = Clock.system(PlaceFilters.BERLIN);

    /**
     * @param nearbyRadiusM how far "nearby" looks unless asked otherwise: a citizen in Herzberg (Elster) is
     *                      not helped by pubs 200 km away ({@code ortsanker.places.nearby-radius-m})
     */
    PlacesController(PlaceQueries queries, Gazetteer gazetteer, ConditionalResponses conditional,
                     StatementTimeouts timeouts, @Value("${ortsanker.places.nearby-radius-m:25000}") int nearbyRadiusM) {
        if (nearbyRadiusM < 1 || nearbyRadiusM > MAX_RADIUS_M) {
            throw new IllegalArgumentException("ortsanker.places.nearby-radius-m (ORTSANKER_NEARBY_RADIUS_M) must be"
                    + " 1 … " + MAX_RADIUS_M + " metres, not " + nearbyRadiusM);
        }
        this.queries = queries;
        this.timeouts = timeouts;
        this.gazetteer = gazetteer;
        this.conditional = conditional;
        this.nearbyRadiusM = nearbyRadiusM;
    }

    @GetMapping("/places/nearby")
    @Operation(summary = "Places nearest to a point, a village, a place or an address",
            description = "The `limit` nearest public places within `radius` metres (default"
                    + " ${ortsanker.places.nearby-radius-m:25000}), sorted by `distance_m` (metres on the WGS 84"
                    + " spheroid). Give `lon` and `lat`, or `near` (a village, municipality, place name or address,"
                    + " e.g. `Harsdorf` or `Hauptstraße 3, Harsdorf`; when it fits several places or none, the answer"
                    + " is 400 with `suggestions`). `radius_m` says how far was searched; when nothing is that near,"
                    + " the answer is empty with a `wider` link that searches farther out.")
    PlaceCollection nearby(
            @Parameter(description = "longitude, WGS 84") @RequestParam(required = false) @DecimalMin("-180") @DecimalMax("180") Double lon,
            @Parameter(description = "latitude, WGS 84") @RequestParam(required = false) @DecimalMin("-90") @DecimalMax("90") Double lat,
            @Parameter(description = "instead of lon/lat: a village, municipality, place name or address; `Name, Municipality` narrows it")
            @RequestParam(required = false) String near,
            @Parameter(description = "only places within this many metres (at most 100000; default"
                    + " ${ortsanker.places.nearby-radius-m:25000})")
            @RequestParam(required = false) @Positive @Max(MAX_RADIUS_M) Double radius,
            @Parameter(description = "how many places, nearest first (default 10, at most 100)")
            @RequestParam(defaultValue = "" + NEARBY_LIMIT) @Min(1) @Max(NEARBY_MAX) int limit,
            @ParameterObject FilterParameters filter,
            HttpServletRequest request, HttpServletResponse response) {
        allowOnly(request, "lon", "lat", "near", "radius");
        var filters = PlaceFilters.parse(filter, now());
        Origin origin = origin(lon, lat, near, filters);
        var layers = new TreeSet<>(PlaceQueries.layersOf(filters, null));
        if (near != null) {
            layers.addAll(List.of("localities", "admin_areas"));
        }
        var params = new MapSqlParameterSource("lon", origin.lon()).addValue("lat", origin.lat());
        List<String> where = new ArrayList<>(List.of(filters.sql(params)));
        double searched = radius != null ? radius : nearbyRadiusM;
        where.add(PlaceQueries.WITHIN_RADIUS);
        params.addValue("radius", searched);
        String sql = PlaceQueries.statement(PlaceQueries.NEARBY, where);
        // The origin is part of the answer: a village or address resolved anew may move it.
        String variant = "geojson-" + Integer.toHexString(origin.hashCode());
        var page = answer(request, response, layers, filters, variant, () -> queries.list(sql, params, filters, limit));
        if (page == null) {
            return null;
        }
        var features = features(PlaceQueries.byDistance(page.places()));
        return PlaceCollection.of(features, origin, (int) Math.round(searched),
                features.isEmpty() ? widerLink(request, searched) : List.of());
    }

    /** Nothing that near: the same question four times as far out (up to the maximum), if that is farther. */
    private static List<Link> widerLink(HttpServletRequest request, double searched) {
        if (searched >= MAX_RADIUS_M) {
            return List.of();
        }
        long wider = Math.min(MAX_RADIUS_M, Math.round(searched * 4));
        String href = ServletUriComponentsBuilder.fromRequest(request).replaceQueryParam("radius", wider).build()
                .toUriString();
        return List.of(new Link("wider", href, GEOJSON));
    }

    @GetMapping("/places/search")
    @Operation(summary = "Places by name",
            description = "Fuzzy search over names, insensitive to case, umlauts and ß (\"Muhle\", \"Mühle\" and"
                    + " \"muehle\" all find \"Mühle\"), exact names first, then names starting with the query,"
                    + " then by similarity (`score`); among equals the nearest first when `lon`/`lat` are given."
                    + " A query of two letters finds names starting with them."
                    + " Combine with `bbox` or `municipality` and the filters.")
    PlaceCollection search(
            @Parameter(description = "what to look for (at least 2 letters)") @RequestParam String q,
            @Parameter(description = BBOX) @RequestParam(required = false) String bbox,
            @Parameter(description = MUNICIPALITY) @RequestParam(required = false) String municipality,
            @Parameter(description = "longitude: among equally good matches the nearest first, with `distance_m`")
            @RequestParam(required = false) @DecimalMin("-180") @DecimalMax("180") Double lon,
            @Parameter(description = "latitude, with lon")
            @RequestParam(required = false) @DecimalMin("-90") @DecimalMax("90") Double lat,
            @Parameter(description = "how many places, best first (default 20, at most 100)")
            @RequestParam(defaultValue = "" + SEARCH_LIMIT) @Min(1) @Max(SEARCH_MAX) int limit,
            @ParameterObject FilterParameters filter,
            HttpServletRequest request, HttpServletResponse response) {
        allowOnly(request, "q", "bbox", "municipality", "lon", "lat");
        if ((lon == null) != (lat == null)) {
            throw new InvalidParameter(lon == null ? "lon" : "lat", "give lon and lat together");
        }
        String text = q.strip();
        if (text.codePointCount(0, text.length()) < 2 || text.length() > 200) {
            throw new InvalidParameter("q", "must have 2 to 200 characters");
        }
        var filters = PlaceFilters.parse(filter, now());
        var params = new MapSqlParameterSource("q", text).addValue("qLike", escapeLike(text))
                .addValue("lon", lon).addValue("lat", lat);
        List<String> where = new ArrayList<>(List.of(filters.sql(params)));
        Area area = optionalArea(bbox, municipality, null);
        if (area != null) {
            where.add(area.sql(params));
        }
        boolean shortQuery = text.codePointCount(0, text.length()) < PlaceQueries.FUZZY_MIN;
        String sql = PlaceQueries.statement(shortQuery ? PlaceQueries.SEARCH_PREFIX : PlaceQueries.SEARCH, where);
        var page = answer(request, response, PlaceQueries.layersOf(filters, area), filters, "geojson",
                () -> timeouts.search(() -> queries.list(sql, params, filters, limit)));
        return page == null ? null : PlaceCollection.of(features(page.places()), null, List.of());
    }

    @GetMapping("/places/within")
    @Operation(summary = "Places within an area: a bounding box, a municipality, or a polygon",
            description = "One page of the public places in the area, in id order; the `next` link (`after`)"
                    + " gives the following page. Exactly one of `bbox`, `municipality`, `polygon`. Larger"
                    + " polygons: POST the GeoJSON geometry to the same path.")
    PlaceCollection within(
            @Parameter(description = BBOX) @RequestParam(required = false) String bbox,
            @Parameter(description = MUNICIPALITY) @RequestParam(required = false) String municipality,
            @Parameter(description = "a GeoJSON Polygon or MultiPolygon (lon/lat), URL-encoded")
            @RequestParam(required = false) String polygon,
            @Parameter(description = "places per page (default 100, at most 1000)")
            @RequestParam(defaultValue = "" + WITHIN_LIMIT) @Min(1) @Max(WITHIN_MAX) int limit,
            @Parameter(description = "the id after which this page starts (from the `next` link)")
            @RequestParam(defaultValue = "0") @Min(0) long after,
            @ParameterObject FilterParameters filter,
            HttpServletRequest request, HttpServletResponse response) {
        allowOnly(request, "bbox", "municipality", "polygon", "after");
        Area area = optionalArea(bbox, municipality, polygon == null ? null : Area.polygon("polygon", polygon));
        if (area == null) {
            throw new InvalidParameter("bbox", "give the area: bbox, municipality or polygon");
        }
        return withinArea(area, limit, after, PlaceFilters.parse(filter, now()),
                request, response);
    }

    @PostMapping(path = "/places/within", consumes = {"application/geo+json", "application/json"})
    @Operation(summary = "Places within a polygon sent as GeoJSON",
            description = "As GET /places/within, with the area as the request body: a GeoJSON Polygon or"
                    + " MultiPolygon (lon/lat WGS 84, at most 10,000 vertices).",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    description = "a GeoJSON Polygon or MultiPolygon, or a Feature with one (at most 2 MB)",
                    content = @Content(mediaType = "application/geo+json", schema = @Schema(type = "object"))))
    PlaceCollection withinPolygon(
            @RequestParam(defaultValue = "" + WITHIN_LIMIT) @Min(1) @Max(WITHIN_MAX) int limit,
            @RequestParam(defaultValue = "0") @Min(0) long after,
            @ParameterObject FilterParameters filter,
            HttpServletRequest request, HttpServletResponse response) {
        allowOnly(request, "after");
        return withinArea(Area.polygon("body", body(request)), limit, after,
                PlaceFilters.parse(filter, now()), request, response);
    }

    private PlaceCollection withinArea(Area area, int limit, long after, PlaceFilters filters,
                                       HttpServletRequest request, HttpServletResponse response) {
        var params = new MapSqlParameterSource("after", after);
        String sql = PlaceQueries.statement(PlaceQueries.WITHIN, List.of(filters.sql(params), area.sql(params)));
        var page = answer(request, response, PlaceQueries.layersOf(filters, area), filters, "geojson",
                () -> queries.list(sql, params, filters, limit));
        return page == null ? null : PlaceCollection.of(features(page.places()), null, nextLink(request, page));
    }

    /**
     * Runs a list query behind the conditional-request check. An answer at a fixed time ({@code open_at})
     * is checked against the data versions before the query, so an unchanged one costs no feature query.
     * One about "now" also depends on who is open, which only the query tells: it is checked after the
     * query, against versions read before it (in the same round trip where possible — see
     * {@link PlaceQueries#list}). Returns null when the client's copy is current (304 already set).
     */
    private PlaceQueries.Page answer(HttpServletRequest request, HttpServletResponse response, Set<String> layers,
                                     PlaceFilters filters, String variant, Supplier<PlaceQueries.Page> query) {
        if (!filters.places().deprecated().isEmpty()) {
            response.setHeader(Deprecation.HEADER, Deprecation.VALUE);
        }
        var web = new ServletWebRequest(request, response);
        LayerVersions before = filters.openOnly() ? conditional.versions() : null;
        if (filters.fixedTime() && conditional.notModified(web, before, layers, variant)) {
            return null;
        }
        var page = query.get();
        if (!filters.fixedTime()) {
            response.setHeader("Cache-Control", "no-cache");  // "open now" ages: always revalidate
            var versions = before != null ? before : page.versions();
            if (conditional.notModified(web, versions, layers, variant + "-" + PlaceQueries.timeState(page.places()))) {
                return null;
            }
        }
        return page;
    }

    private static List<Feature> features(List<Place> places) {
        return places.stream().map(Feature::new).toList();
    }

    private Origin origin(Double lon, Double lat, String near, PlaceFilters filters) {
        if (near != null && (lon != null || lat != null)) {
            throw new InvalidParameter("near", "give either near or lon and lat, not both");
        }
        if (near != null) {
            if (near.length() > 200) {
                throw new InvalidParameter("near", "must have at most 200 characters");
            }
            return gazetteer.resolve(near, filters.day());
        }
        if (lon == null || lat == null) {
            throw new InvalidParameter(lon == null ? "lon" : "lat", "is required (or give near=<village or address>)");
        }
        return new Origin(lon, lat, null);
    }

    private Area optionalArea(String bbox, String municipality, Area polygon) {
        int given = (bbox == null ? 0 : 1) + (municipality == null ? 0 : 1) + (polygon == null ? 0 : 1);
        if (given > 1) {
            throw new InvalidParameter(bbox != null ? "bbox" : "municipality",
                    "give only one area: bbox, municipality or polygon");
        }
        if (bbox != null) {
            return Area.bbox(bbox);
        }
        if (municipality != null) {
            var m = Area.municipality(municipality);
            if (!queries.municipalityExists(m.ags())) {
                throw new InvalidParameter("municipality", "no municipality has the AGS " + m.ags());
            }
            return m;
        }
        return polygon;
    }

    /** A link to the page after this one, when there may be one. */
    private static List<Link> nextLink(HttpServletRequest request, PlaceQueries.Page page) {
        if (page.continueAfter() == null) {
            return List.of();
        }
        String next = ServletUriComponentsBuilder.fromRequest(request)
                .replaceQueryParam("after", page.continueAfter()).build().toUriString();
        return List.of(new Link("next", next, GEOJSON));
    }

    /** The request body, read no further than {@link #MAX_BODY_BYTES}: a polygon, not a flood. */
    private static String body(HttpServletRequest request) {
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw new InvalidParameter("body", "is larger than " + MAX_BODY_BYTES / 1_000_000 + " MB; simplify the polygon");
            }
            if (bytes.length == 0) {
                throw new InvalidParameter("body", "send the area as a GeoJSON Polygon or MultiPolygon");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidParameter("body", "could not be read completely");
        }
    }

    /** Unknown parameters are mistakes ("radious=500" would otherwise silently search everywhere). */
    private static void allowOnly(HttpServletRequest request, String... own) {
        for (String name : request.getParameterMap().keySet()) {
            if (!FILTERS.contains(name) && !List.of(own).contains(name)) {
                var known = new TreeSet<>(FILTERS);
                known.addAll(List.of(own));
                throw new InvalidParameter(name, "is not a parameter of this endpoint; known: " + String.join(", ", known));
            }
        }
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    static final String BBOX = "minLon,minLat,maxLon,maxLat (WGS 84)";
    static final String MUNICIPALITY = "the municipality's 8-digit AGS, e.g. `09472147`";
}
