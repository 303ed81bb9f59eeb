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

    public IsochroneController(Networks networks, ObjectMapper json) {
        this.networks = networks;
        this.json = json;
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
        feature.put("geometry", geometry(iso));
        feature.put("properties", properties);
        return ResponseEntity.ok().contentType(GEOJSON).body(json.writeValueAsBytes(feature));
    }

    /** The hull as GeoJSON: a polygon's rings, or a point / line for a reach of one or two nodes. */
    private static Map<String, Object> geometry(Isochrone iso) {
        Map<String, Object> g = new LinkedHashMap<>();
        if (iso.area() instanceof Polygon p) {
            g.put("type", "Polygon");
            double[][][] rings = new double[1 + p.getNumInteriorRing()][][];
            rings[0] = coordinates(p.getExteriorRing().getCoordinates());
            for (int i = 0; i < p.getNumInteriorRing(); i++) {
                rings[i + 1] = coordinates(p.getInteriorRingN(i).getCoordinates());
            }
            g.put("coordinates", rings);
        } else {
            g.put("type", "MultiPoint");
            g.put("coordinates", coordinates(iso.area().getCoordinates()));
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
