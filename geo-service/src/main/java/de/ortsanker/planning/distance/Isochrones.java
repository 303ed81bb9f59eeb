package de.ortsanker.planning.distance;

import de.ortsanker.planning.rules.Target;
import de.ortsanker.problem.InvalidParameter;
import de.ortsanker.routing.Isochrone;
import de.ortsanker.routing.Networks;
import de.ortsanker.routing.Point;
import de.ortsanker.routing.TravelMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The isochrones of the places of a target: for each place in the box, the area reachable from it within
 * the minutes by the mode (the routing module's {@code Network.isochrone}, as GET /planning/isochrone draws
 * one). Places off the network get none.
 */
@Component
public class Isochrones {

    /** More would be a map nobody reads and minutes of searching: narrow the area or the kinds. */
    public static final int MAX_PLACES = 300;

    private final JdbcTemplate jdbc;
    private final Networks networks;

    public Isochrones(JdbcTemplate jdbc, Networks networks) {
        this.jdbc = jdbc;
        this.networks = networks;
    }

    /** A place's isochrone. */
    public record Of(long placeId, String name, String kind, String source, String licence, String attribution,
                     Geometry area, int nodes) {
    }

    public List<Of> of(Target target, double[] box, TravelMode mode, int minutes) {
        String missing = networks.missing();
        if (missing != null) {
            throw new InvalidParameter("mode", mode.code() + " isochrones need the walking and cycling network: " + missing);
        }
        Places places = Places.load(jdbc, target.places(), box);
        if (places.size() > MAX_PLACES) {
            throw new InvalidParameter("target", "'" + target.label() + "' has " + places.size() + " places in the area;"
                    + " at most " + MAX_PLACES + " isochrones are published at once: choose fewer kinds or a smaller area");
        }
        Map<Long, String[]> about = new java.util.HashMap<>();
        jdbc.query("select id, name, source, licence, attribution from places where id = any(?)", rs -> {
            about.put(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)});
        }, (Object) places.id);
        List<Of> out = new ArrayList<>();
        for (int p = 0; p < places.size(); p++) {
            var network = networks.covering(places.lon[p], places.lat[p]);
            if (network.isEmpty()) {
                continue;
            }
            Isochrone iso = network.get().isochrone(mode, new Point(places.lon[p], places.lat[p]), minutes);
            if (iso == null) {
                continue;
            }
            String[] a = about.get(places.id[p]);
            out.add(new Of(places.id[p], a[0], places.kind[p], a[1], a[2], a[3], iso.area(), iso.nodes().size()));
        }
        return out;
    }
}
