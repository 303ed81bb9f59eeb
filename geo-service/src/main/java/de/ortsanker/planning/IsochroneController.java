package de.ortsanker.planning;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.ortsanker.planning.distance.Mode;
import de.ortsanker.planning.rules.Rule;
import de.ortsanker.problem.InvalidParameter;
import de.ortsanker.routing.Isochrone;
import de.ortsanker.routing.Networks;
import de.ortsanker.routing.Point;
import de.ortsanker.routing.TravelMode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The area reachable from a point within so many minutes on foot or by bike, as a GeoJSON feature. */
@RestController
@RequestMapping("/planning")
@Tag(name = "Planning")
public class IsochroneController {

    private static final MediaType GEOJSON = MediaType.parseMediaType("application/geo+json");

    private final Networks networks;
    private final ObjectMapper json;
    private final Planning planning;
    private final de.ortsanker.planning.area.Areas areas;
    private final de.ortsanker.accounts.Permissions permissions;
    private final de.ortsanker.accounts.Audit audit;

    public IsochroneController(Networks networks, ObjectMapper json, Planning planning,
                               de.ortsanker.planning.area.Areas areas, de.ortsanker.accounts.Permissions permissions,
                               de.ortsanker.accounts.Audit audit) {
        this.networks = networks;
        this.json = json;
        this.planning = planning;
        this.areas = areas;
        this.permissions = permissions;
        this.audit = audit;
    }

    /** What an answer of isochrones states it was asked. */
    @com.fasterxml.jackson.databind.annotation.JsonNaming(com.fasterxml.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy.class)
    record IsochronesInputs(String area, String areaKey, String target, java.util.List<String> kinds, String mode,
                            int minutes, String timeWindow, String distance) {
    }

    @GetMapping("/isochrones")
    @Operation(summary = "Isochrones of all places of a kind in an area (computes; POST publishes)",
            description = "A GeoJSON FeatureCollection: for each public, current place of the target within the area's"
                    + " villages' box, the area reachable from it within the minutes by the mode (as /planning/isochrone"
                    + " draws one). At most " + de.ortsanker.planning.distance.Isochrones.MAX_PLACES + " places.")
    public ResponseEntity<byte[]> isochrones(
            @Parameter(description = "A layer or kinds joined by |, e.g. third_places, mitfahrbank") @RequestParam String target,
            @Parameter(description = "walk or bike (transit once a timetable is imported)") @RequestParam(defaultValue = "walk") String mode,
            @Parameter(description = "1 … 180") @RequestParam String minutes,
            @Parameter(description = "A time window: transit only") @RequestParam(required = false) String window,
            @Parameter(description = "The area: AGS of a municipality, district or Land") @RequestParam(required = false) String ags,
            @Parameter(description = "or a box minLon,minLat,maxLon,maxLat") @RequestParam(required = false) String bbox)
            throws Exception {
        return isochronesAnswer(target, mode, minutes, window, ags, bbox, false);
    }

    @org.springframework.web.bind.annotation.PostMapping("/isochrones")
    @Operation(summary = "Publishes the isochrones of a kind's places for the county portal",
            description = "Computes the same answer as the GET and publishes it as the area's current isochrones in the"
                    + " OGC API Features collection planning_isochrones (a run of its own with date, rule and area; the"
                    + " area's previous isochrones are kept but no longer shown, so the collection never mixes two runs of"
                    + " one area). 201 with the features and a Location. County administrators only: 401 without"
                    + " authentication, 403 without the role.")
    public ResponseEntity<byte[]> publishIsochrones(
            @RequestParam String target, @RequestParam(defaultValue = "walk") String mode, @RequestParam String minutes,
            @RequestParam(required = false) String window, @RequestParam(required = false) String ags,
            @RequestParam(required = false) String bbox) throws Exception {
        return isochronesAnswer(target, mode, minutes, window, ags, bbox, true);
    }

    private ResponseEntity<byte[]> isochronesAnswer(String target, String mode, String minutes, String window, String ags,
                                                    String bbox, boolean publish) throws Exception {
        var actor = publish ? permissions.check(de.ortsanker.accounts.Action.PUBLISH_PLANNING) : null;
        var t = de.ortsanker.planning.rules.Target.parse(target, de.ortsanker.filter.PlaceFilter.of(null, null, null, null, null),
                "target");
        int m = wholeMinutes(minutes);
        TravelMode travel = travelMode(mode);
        if (window != null && !window.isBlank()) {
            throw new InvalidParameter("window", "a time window applies to transit only; " + travel.code()
                    + " takes the same time at every hour");
        }
        var area = areas.resolve(ags, bbox);
        var inputs = new IsochronesInputs(area.name(), area.key(), t.label(), java.util.Arrays.asList(t.kindCodes()),
                travel.code(), m, null, "along the OpenStreetMap " + (travel == TravelMode.WALK ? "walking" : "cycling")
                        + " network (GraphHopper " + travel.profile() + " profile), a concave hull around the nodes reached");
        var answered = planning.isochrones(area, t, travel, m, null, inputs, publish);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("type", "FeatureCollection");
        doc.put("analysis", "isochrones");
        doc.put("inputs", inputs);
        doc.put("run", answered.run());
        java.util.List<Map<String, Object>> features = new java.util.ArrayList<>();
        for (var i : answered.isochrones()) {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("place_id", i.placeId());
            properties.put("place_name", i.name());
            properties.put("kind", i.kind());
            properties.put("mode", travel.code());
            properties.put("minutes", m);
            properties.put("nodes_reached", i.nodes());
            properties.put("attribution", i.attribution() + "; © OpenStreetMap contributors (ODbL)");
            Map<String, Object> feature = new LinkedHashMap<>();
            feature.put("type", "Feature");
            feature.put("id", i.placeId());
            feature.put("geometry", geometry(i.area()));
            feature.put("properties", properties);
            features.add(feature);
        }
        doc.put("features", features);
        doc.put("provenance", answered.provenance());
        byte[] body = json.writeValueAsBytes(doc);
        if (!publish) {
            return ResponseEntity.ok().contentType(GEOJSON).body(body);
        }
        audit.record("planning-published", actor.login(), "planning_isochrones", Map.of("run", answered.run(),
                "area", area.key(), "via", actor.via()));
        var location = org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/collections/planning_isochrones/items").queryParam("run", answered.run()).build().toUri();
        return ResponseEntity.created(location).contentType(GEOJSON).body(body);
    }

    private static int wholeMinutes(String minutes) {
        int m = (int) number(minutes, "minutes", 1, Rule.MAX_MINUTES);
        if (m != number(minutes, "minutes", 1, Rule.MAX_MINUTES)) {
            throw new InvalidParameter("minutes", "'" + minutes + "' must be whole minutes");
        }
        return m;
    }

    private static TravelMode travelMode(String mode) {
        Mode parsed = Mode.parse(mode);
        if (parsed == Mode.TRANSIT) {
            throw new InvalidParameter("mode", "transit isochrones need a public-transport timetable (GTFS), and none is"
                    + " imported on this service; walk and bike are available");
        }
        if (parsed.travelMode() == null) {
            throw new InvalidParameter("mode", "'" + mode + "': isochrones are drawn along the network: walk or bike");
        }
        return parsed.travelMode();
    }

    @GetMapping("/isochrone")
    @Operation(summary = "Isochrone: the area reachable within N minutes on foot or by bike",
            description = "A GeoJSON Feature: a concave hull around every node of the OpenStreetMap walking or cycling"
                    + " network reached from the point within the minutes by the fastest way (the same network and"
                    + " speeds as rules in minutes). An outline of the reached network: a field between two reached"
                    + " roads lies inside without being on a way.")
    public ResponseEntity<byte[]> isochrone(
            @Parameter(description = "longitude (WGS 84)") @RequestParam String lon,
            @Parameter(description = "latitude (WGS 84)") @RequestParam String lat,
            @Parameter(description = "walk or bike") @RequestParam(defaultValue = "walk") String mode,
            @Parameter(description = "1 … 180") @RequestParam String minutes) throws Exception {
        double x = number(lon, "lon", -180, 180), y = number(lat, "lat", -90, 90);
        int m = (int) number(minutes, "minutes", 1, Rule.MAX_MINUTES);
        if (m != number(minutes, "minutes", 1, Rule.MAX_MINUTES)) {
            throw new InvalidParameter("minutes", "'" + minutes + "' must be whole minutes");
        }
        Mode parsed = Mode.parse(mode);
        TravelMode travel = parsed.travelMode();
        if (parsed == Mode.TRANSIT) {
            throw new InvalidParameter("mode", "transit isochrones need a public-transport timetable (GTFS), and none is"
                    + " imported on this service; walk and bike are available");
        }
        if (travel == null) {
            throw new InvalidParameter("mode", "'" + mode + "': isochrones are drawn along the network: walk or bike");
        }
        String missing = networks.missing();
        if (missing != null) {
            throw new InvalidParameter("mode", mode + " isochrones need a walking and cycling network: " + missing);
        }
        var network = networks.covering(x, y).orElseThrow(() -> new InvalidParameter("lon",
                "the point lies outside the OpenStreetMap extracts the network is built from"
                        + " (ortsanker.routing.extracts)"));
        Isochrone iso = network.isochrone(travel, new Point(x, y), m);
        if (iso == null) {
            throw new InvalidParameter("lon", "the point is more than the snapping distance from every way usable "
                    + travel.code() + "ing; give a point on or near a road or path");
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("mode", travel.code());
        properties.put("minutes", m);
        properties.put("from", new double[] {x, y});
        properties.put("network_nodes_reached", iso.nodes().size());
        properties.put("network", network.extract().getFileName().toString());
        properties.put("attribution", "© OpenStreetMap contributors (ODbL)");
        Map<String, Object> feature = new LinkedHashMap<>();
        feature.put("type", "Feature");
        feature.put("geometry", geometry(iso.area()));
        feature.put("properties", properties);
        return ResponseEntity.ok().contentType(GEOJSON).body(json.writeValueAsBytes(feature));
    }

    /** The hull as GeoJSON: a polygon's rings, or a point / line for a reach of one or two nodes. */
    private static Map<String, Object> geometry(org.locationtech.jts.geom.Geometry area) {
        Map<String, Object> g = new LinkedHashMap<>();
        if (area instanceof Polygon p) {
            g.put("type", "Polygon");
            double[][][] rings = new double[1 + p.getNumInteriorRing()][][];
            rings[0] = coordinates(p.getExteriorRing().getCoordinates());
            for (int i = 0; i < p.getNumInteriorRing(); i++) {
                rings[i + 1] = coordinates(p.getInteriorRingN(i).getCoordinates());
            }
            g.put("coordinates", rings);
        } else {
            g.put("type", "MultiPoint");
            g.put("coordinates", coordinates(area.getCoordinates()));
        }
        return g;
    }

    private static double[][] coordinates(Coordinate[] cs) {
        double[][] out = new double[cs.length][];
        for (int i = 0; i < cs.length; i++) {
            out[i] = new double[] {Math.round(cs[i].x * 1e6) / 1e6, Math.round(cs[i].y * 1e6) / 1e6};
        }
        return out;
    }

    private static double number(String text, String parameter, double min, double max) {
        double v;
        try {
            v = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new InvalidParameter(parameter, "'" + text + "' is not a number");
        }
        if (!(v >= min && v <= max)) {
            throw new InvalidParameter(parameter, "'" + text + "' must be " + (long) min + " … " + (long) max);
        }
        return v;
    }
}
