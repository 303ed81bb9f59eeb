package de.ortsanker.journeys;

import de.ortsanker.problem.InvalidParameter;
import de.ortsanker.routing.Network;
import de.ortsanker.routing.Networks;
import de.ortsanker.routing.Point;
import de.ortsanker.routing.Route;
import de.ortsanker.routing.TravelMode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The way to a place on foot or by bike, from the user's position or a village: GraphHopper's fastest
 * route on the same network and speeds as planning's rules in minutes, as a GeoJSON LineString.
 */
@RestController
@Tag(name = "Getting there", description = "Without a car to a place: the way on foot and by bike, the next"
        + " departures toward it from the imported timetable, on-demand buses, and a link to the journey planner")
class WayController {

    static final MediaType GEOJSON = MediaType.parseMediaType("application/geo+json");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private final Networks networks;
    private final EndsLookup ends;
    private final Clock clock = Clock.system(BERLIN);

    WayController(Networks networks, EndsLookup ends) {
        this.networks = networks;
        this.ends = ends;
    }

    @GetMapping(path = "/places/{id}/way", produces = {"application/geo+json", "application/json"})
    @Operation(summary = "The way to a place on foot or by bike, from a position or a village",
            description = "A GeoJSON Feature with a LineString from the start to the place along the OpenStreetMap"
                    + " network (GraphHopper's fastest route, foot or bike profile), and `distance_m` and `minutes`."
                    + " The legs between each end and the nearest usable way count in a straight line (5 km/h on foot,"
                    + " 10 km/h by bike). 400 when the start is outside the network or off every usable way;"
                    + " 503 with Retry-After while the network is still being built.")
    ResponseEntity<Map<String, Object>> way(
            @Parameter(description = "the place's id") @PathVariable String id,
            @Parameter(description = "walk or bike") @RequestParam(defaultValue = "walk") String mode,
            @Parameter(description = "longitude of the start (WGS 84), with lat") @RequestParam(required = false) String lon,
            @Parameter(description = "latitude of the start (WGS 84), with lon") @RequestParam(required = false) String lat,
            @Parameter(description = "a village's id to start from instead of a position (`/places/{id}/villages`)")
            @RequestParam(required = false) String village) {
        TravelMode travel = mode(mode);
        Ends e = ends.resolve(id, lon, lat, village, LocalDate.now(clock));
        Network network = network(e.start(), village != null ? "village" : "lon");
        if (!network.covers(e.place().lon(), e.place().lat())) {
            throw new InvalidParameter("id", "the place lies outside the OpenStreetMap extract the start lies in ("
                    + network.extract().getFileName() + ")");
        }
        Route route = network.route(travel, e.start(), e.place());
        if (route == null) {
            throw new InvalidParameter(village != null ? "village" : "lon", "no way " + travel.code() + "ing connects the start"
                    + " and the place: one of them lies more than the snapping distance from every way usable "
                    + travel.code() + "ing, or the ways do not meet; give a start on or near a road or path");
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("mode", travel.code());
        properties.put("distance_m", Math.round(route.metres() * 10) / 10.0);
        properties.put("minutes", (int) Math.ceil(route.seconds() / 60.0));
        properties.put("seconds", Math.round(route.seconds()));
        properties.put("place_id", e.placeId());
        properties.put("place_name", e.placeName());
        properties.put("from", new double[] {e.start().lon(), e.start().lat()});
        properties.put("village_id", e.villageId());
        properties.put("village_name", e.startName());
        properties.put("to", new double[] {e.place().lon(), e.place().lat()});
        properties.put("network", network.extract().getFileName().toString());
        properties.put("attribution", "© OpenStreetMap contributors (ODbL)");
        Map<String, Object> geometry = new LinkedHashMap<>();
        geometry.put("type", "LineString");
        geometry.put("coordinates", coordinates(route.line()));
        Map<String, Object> feature = new LinkedHashMap<>();
        feature.put("type", "Feature");
        feature.put("geometry", geometry);
        feature.put("properties", properties);
        return ResponseEntity.ok().contentType(GEOJSON).body(feature);
    }

    static TravelMode mode(String mode) {
        return switch (mode.trim()) {
            case "walk" -> TravelMode.WALK;
            case "bike" -> TravelMode.BIKE;
            default -> throw new InvalidParameter("mode", "'" + mode + "': the way is shown on foot (walk) or by bike (bike)");
        };
    }

    /** The network the start lies in; 503 while it is being built, 400 when there is none for it. */
    Network network(Point start, String parameter) {
        if (networks.building()) {
            throw new NetworkStillBuilding(networks.missing());
        }
        String missing = networks.missing();
        if (missing != null) {
            throw new InvalidParameter("mode", "walking and cycling ways need a network: " + missing);
        }
        return networks.covering(start.lon(), start.lat()).orElseThrow(() -> new InvalidParameter(parameter,
                "the start lies outside the OpenStreetMap extracts the walking and cycling network is built from"));
    }

    private static double[][] coordinates(List<Point> line) {
        double[][] out = new double[line.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = new double[] {Math.round(line.get(i).lon() * 1e6) / 1e6, Math.round(line.get(i).lat() * 1e6) / 1e6};
        }
        return out;
    }

    /** 503 with Retry-After: the network is on its way, the same request will be answered shortly. */
    @ExceptionHandler(NetworkStillBuilding.class)
    ResponseEntity<ProblemDetail> stillBuilding(NetworkStillBuilding e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "30")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
