package de.ortsanker.places;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import de.ortsanker.places.PlaceCollection.Attribution;
import de.ortsanker.places.openinghours.Holidays;
import de.ortsanker.places.openinghours.OpeningHours;
import de.ortsanker.places.openinghours.Week;
import de.ortsanker.problem.InvalidParameter;
import de.ortsanker.problem.NotFound;
import de.ortsanker.service.ConditionalResponses;
import de.ortsanker.vocabulary.Group;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * One place with everything public about it: what it is, when it is open (this week, in a form a map
 * can put into words), whether it is step-free and free, who runs it, where the data comes from — and
 * how to get there without a car: the nearest ride-sharing benches, stops and shared vehicles.
 */
@RestController
@Tag(name = "Places")
class PlaceDetailController {

    /** The place, if the public sees it today; contact details only where they are marked public. */
    static final String PLACE = """
            select p.id, p.name, p.kind, k.label_de, k.label_en, k.group_code, g.label_de as group_label_de,
                   g.label_en as group_label_en, ST_AsGeoJSON(p.geom, 7) as geometry, p.description,
                   p.opening_hours, p.wheelchair, p.free_entry, p.addr_street, p.addr_housenumber, p.addr_postcode,
                   p.addr_city, p.operator, p.operator_type,
                   case when p.contact_is_public then p.contact_role end as contact_role,
                   case when p.contact_is_public then p.contact_phone end as contact_phone,
                   case when p.contact_is_public then p.contact_email end as contact_email,
                   p.website, p.capacity, p.equipment, p.booking_url, p.target_groups, p.valid_from, p.valid_to,
                   p.details::text as details, p.source, p.source_id, p.source_url, p.licence, p.attribution,
                   p.last_verified, p.source_edited, p.updated_at, {source_title} as source_title,
                   case when cast(:lon as float8) is null then null else ST_Distance(p.geog,
                        ST_Point(cast(:lon as float8), cast(:lat as float8), 4326)::geography) end as distance_m,
                   (select left(a.ags, 2) from admin_areas a where a.retired_at is null
                     and ST_Intersects(a.geom, p.geom) limit 1) as land
              from places p join kinds k on k.code = p.kind join kind_groups g on g.code = k.group_code
             where p.id = :id and %s""".formatted(PlaceFilters.PUBLIC).replace("{source_title}", SourceTitle.SQL);

    /**
     * Getting there without a car: up to three of each — ride-sharing benches (Mitfahrbänke, car-pool
     * spots) within 5 km, bus and train stops within 2 km, shared vehicles and mobility stations within
     * 2 km — nearest first.
     */
    static final String GETTING_THERE = """
            select m.id, m.kind, m.label_de, m.label_en, m.name, m.lon, m.lat, m.distance_m,
                   m.source, m.licence, m.attribution
              from (select geog from places where id = :id) o,
                   lateral (select * from (values (1, array['mitfahrbank', 'mitfahrparkplatz'], 5000),
                                                  (2, array['bus_stop', 'train_station'], 2000),
                                                  (3, array['mobility_station', 'car_sharing', 'bike_rental'], 2000))
                                   as c(category, kinds, radius)) c,
                   lateral (select p.id, p.kind, k.label_de, k.label_en, p.name,
                                   ST_X(ST_PointOnSurface(p.geom)) as lon, ST_Y(ST_PointOnSurface(p.geom)) as lat,
                                   ST_Distance(p.geog, o.geog) as distance_m, p.source, p.licence, p.attribution
                              from places p join kinds k on k.code = p.kind
                             where p.kind = any(c.kinds) and p.id <> :id and ST_DWithin(p.geog, o.geog, c.radius)
                               and %s
                             order by p.geog <-> o.geog
                             limit 3) m
             order by m.distance_m""";

    private final NamedParameterJdbcTemplate jdbc;
    private final ConditionalResponses conditional;
    private final Clock clock = Clock.system(PlaceFilters.BERLIN);

    PlaceDetailController(NamedParameterJdbcTemplate jdbc, ConditionalResponses conditional) {
        this.jdbc = jdbc;
        this.conditional = conditional;
    }

    @GetMapping(path = "/places/{id}", produces = {PlacesController.GEOJSON, "application/json"})
    @Operation(summary = "One place: everything public, its hours this week, and how to get there without a car",
            description = "A GeoJSON Feature. `hours` gives the next seven days' opening times (Europe/Berlin,"
                    + " with the Land's public holidays); `getting_there` the nearest Mitfahrbänke (5 km), stops"
                    + " (2 km) and shared vehicles (2 km). With `lon`/`lat`, also `distance_m` from there.")
    PlaceDetail place(
            @Parameter(description = "the place's id") @PathVariable String id,
            @Parameter(description = "longitude to measure `distance_m` from")
            @RequestParam(required = false) @DecimalMin("-180") @DecimalMax("180") Double lon,
            @Parameter(description = "latitude to measure `distance_m` from")
            @RequestParam(required = false) @DecimalMin("-90") @DecimalMax("90") Double lat,
            HttpServletRequest request, HttpServletResponse response) {
        long placeId = parseId(id);
        if ((lon == null) != (lat == null)) {
            throw new InvalidParameter(lon == null ? "lon" : "lat", "give lon and lat together");
        }
        LocalDateTime now = LocalDateTime.now(clock);
        var versions = conditional.versions();
        var params = new MapSqlParameterSource("id", placeId).addValue("day", now.toLocalDate())
                .addValue("lon", lon).addValue("lat", lat);
        var found = jdbc.query(PLACE, params, (rs, i) -> properties(rs, now));
        if (found.isEmpty()) {
            throw new NotFound("there is no public place with id " + placeId);
        }
        Properties p = found.get(0);
        var around = jdbc.query(GETTING_THERE.formatted(PlaceFilters.PUBLIC), params, (rs, i) -> new Nearby(
                rs.getLong("id"), rs.getString("kind"), rs.getString("label_de"), rs.getString("label_en"),
                rs.getString("name"), rs.getDouble("lon"), rs.getDouble("lat"),
                Math.round(rs.getDouble("distance_m") * 100) / 100.0, "/places/" + rs.getLong("id"),
                rs.getString("source"), rs.getString("licence"), rs.getString("attribution")));
        // Built from the place's group, mobility (getting there) and admin areas (holidays); ages with "now".
        var layers = List.of(p.group(), Group.MOBILITY.code(), "admin_areas");
        response.setHeader("Cache-Control", "no-cache");
        String timeState = Integer.toHexString((String.valueOf(p.openNow()) + p.nextChange() + now.toLocalDate()).hashCode());
        if (conditional.notModified(new ServletWebRequest(request, response), versions, layers, "geojson-" + timeState)) {
            return null;
        }
        var attributions = new LinkedHashSet<Attribution>();
        attributions.add(new Attribution(p.source(), p.licence(), p.attribution()));
        around.forEach(n -> attributions.add(new Attribution(n.source(), n.licence(), n.attribution())));
        return new PlaceDetail("Feature", placeId, p.geometry(), p.withGettingThere(around), List.copyOf(attributions));
    }

    private static long parseId(String id) {
        try {
            long value = Long.parseLong(id);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new NotFound("there is no place with id '" + id + "' (ids are positive whole numbers)");
    }

    private static Properties properties(ResultSet rs, LocalDateTime now) throws SQLException {
        String text = rs.getString("opening_hours");
        var holidays = Holidays.ofLand(rs.getString("land"));
        Boolean openNow = null;
        String nextChange = null;
        List<Week.Day> week = null;
        String problem = null;
        if (text != null) {
            var oh = OpeningHours.of(text);
            openNow = oh.at(now, holidays).asBoolean();
            nextChange = oh.nextChange(now, holidays).map(t -> t.atZone(PlaceFilters.BERLIN).toOffsetDateTime().toString())
                    .orElse(null);
            problem = oh.problem().orElse(null);
            week = oh.understood() ? Week.from(oh, now.toLocalDate(), holidays) : null;
        }
        double distance = rs.getDouble("distance_m");
        Double distanceM = rs.wasNull() ? null : Math.round(distance * 100) / 100.0;
        return new Properties(rs.getString("name"), rs.getString("kind"), rs.getString("label_de"),
                rs.getString("label_en"), rs.getString("group_code"), rs.getString("group_label_de"),
                rs.getString("group_label_en"), rs.getString("description"), distanceM,
                text, openNow, nextChange, problem, week, rs.getString("wheelchair"), (Boolean) rs.getObject("free_entry"),
                rs.getString("addr_street"), rs.getString("addr_housenumber"), rs.getString("addr_postcode"),
                rs.getString("addr_city"), rs.getString("operator"), rs.getString("operator_type"),
                rs.getString("contact_role"), rs.getString("contact_phone"), rs.getString("contact_email"),
                rs.getString("website"), (Integer) rs.getObject("capacity"), strings(rs.getArray("equipment")),
                rs.getString("booking_url"), strings(rs.getArray("target_groups")),
                date(rs, "valid_from"), date(rs, "valid_to"), rs.getString("details"),
                rs.getString("source"), rs.getString("source_title"), rs.getString("source_id"), rs.getString("source_url"),
                rs.getString("licence"), rs.getString("attribution"), date(rs, "last_verified"), date(rs, "source_edited"),
                rs.getTimestamp("updated_at").toInstant().toString(), null, rs.getString("geometry"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        var d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    /** The detail answer: a GeoJSON Feature with the attributions of everything in it. */
    @JsonPropertyOrder({"type", "id", "geometry", "properties", "attributions"})
    record PlaceDetail(String type, long id, @JsonRawValue @Schema(type = "object") String geometry,
                       Properties properties, List<Attribution> attributions) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Properties(String name, String kind, String kindLabelDe, String kindLabelEn, String group,
                      String groupLabelDe, String groupLabelEn, String description,
                      @Schema(description = "metres from lon/lat, when given") Double distanceM,
                      String openingHours,
                      @JsonInclude(JsonInclude.Include.ALWAYS) @Schema(nullable = true,
                              description = "open now; null when unknown, not given or not understood") Boolean openNow,
                      String nextChange,
                      @Schema(description = "why opening_hours could not be evaluated") String openingHoursProblem,
                      @Schema(description = "the next seven days, from today") List<Week.Day> hours,
                      String wheelchair, Boolean freeEntry,
                      String addrStreet, String addrHousenumber, String addrPostcode, String addrCity,
                      String operator, String operatorType,
                      String contactRole, String contactPhone, String contactEmail, String website,
                      Integer capacity, List<String> equipment, String bookingUrl, List<String> targetGroups,
                      LocalDate validFrom, LocalDate validTo,
                      @JsonRawValue @Schema(type = "object", description = "kind-specific details") String details,
                      String source,
                      @Schema(description = "what the source is called, to show people (\"OpenStreetMap\")") String sourceTitle,
                      String sourceId, String sourceUrl, String licence, String attribution,
                      @Schema(description = "when someone last checked the record (a real check, not an edit)")
                      LocalDate lastVerified,
                      @Schema(description = "when the source last edited the record (OpenStreetMap: the last edit); not a check")
                      LocalDate sourceEdited, String updatedAt,
                      @Schema(description = "nearest Mitfahrbänke, stops and shared vehicles, nearest first")
                      List<Nearby> gettingThere,
                      @JsonIgnore String geometry) {

        Properties withGettingThere(List<Nearby> around) {
            return new Properties(name, kind, kindLabelDe, kindLabelEn, group, groupLabelDe, groupLabelEn, description,
                    distanceM, openingHours, openNow, nextChange, openingHoursProblem, hours, wheelchair, freeEntry,
                    addrStreet, addrHousenumber, addrPostcode, addrCity, operator, operatorType, contactRole,
                    contactPhone, contactEmail, website, capacity, equipment, bookingUrl, targetGroups, validFrom,
                    validTo, details, source, sourceTitle, sourceId, sourceUrl, licence, attribution, lastVerified,
                    sourceEdited, updatedAt,
                    around, geometry);
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Nearby(long id, String kind, String kindLabelDe, String kindLabelEn, String name, double lon, double lat,
                  double distanceM, String href, String source, String licence, String attribution) {
    }
}
