package de.ortsanker.planning.distance;

import de.ortsanker.planning.rules.Target;
import de.ortsanker.planning.villages.Envelope;
import de.ortsanker.planning.villages.Village;
import de.ortsanker.problem.InvalidParameter;
import de.ortsanker.routing.Arrivals;
import de.ortsanker.routing.Networks;
import de.ortsanker.routing.Point;
import de.ortsanker.routing.TravelMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What a Mitfahrbank connects: from each bench, the villages and places a ride reaches within so many
 * minutes by car along the roads — one forward search per bench to all villages and places at once (the
 * routing module's one-to-many search, stopped at the time), never one route per pair. Rides are by car, so
 * the graph's car profile (GraphHopper car.json) measures them; the way to the bench is on foot
 * ({@link TravelTimes}).
 */
@Component
public class Rides {

    /** The longest ride a question may ask about: beyond an hour a bench is no longer the way villagers get about. */
    public static final int MAX_MINUTES = 60;

    private final JdbcTemplate jdbc;
    private final Networks networks;

    public Rides(JdbcTemplate jdbc, Networks networks) {
        this.jdbc = new JdbcTemplate(jdbc.getDataSource());
        this.jdbc.setFetchSize(10_000);
        this.networks = networks;
    }

    /** A place reached by a ride, and the ride's minutes. */
    public record Reached(int index, double seconds) {
    }

    /**
     * A bench and what a ride from it reaches.
     *
     * @param onNetwork false when no road a car may use lies within the snapping distance (it reaches nothing)
     * @param villages  indices into the villages, with the ride's seconds
     * @param places    per target, the places reached (ids)
     */
    public record Bench(long id, String kind, String name, double lon, double lat, boolean onNetwork,
                        List<Reached> villages, List<long[]> places) {
    }

    /**
     * @param benches the places to start from (Mitfahrbänke), read within the villages' box
     * @param targets the places to count at the rides' ends, read within the box grown by the farthest ride
     */
    public List<Bench> fromBenches(List<Village> villages, Target benches, List<Target> targets, int minutes) {
        String missing = networks.missing();
        if (missing != null) {
            throw new InvalidParameter("minutes", "rides along the roads need the road network: " + missing);
        }
        double seconds = minutes * 60.0;
        double[] box = Envelope.of(villages).expandedBy(1_000).toArray();
        // At most 130 km/h for the whole ride: nothing farther can be reached.
        double[] around = Envelope.of(villages).expandedBy((int) Math.min(200_000, minutes * 130_000 / 60)).toArray();
        Places from = Places.load(jdbc, benches.places(), box);
        List<Places> ends = targets.stream().map(t -> Places.load(jdbc, t.places(), around)).toList();
        List<Point> destinations = new ArrayList<>();
        villages.forEach(v -> destinations.add(new Point(v.lon(), v.lat())));
        for (Places p : ends) {
            for (int i = 0; i < p.size(); i++) {
                destinations.add(new Point(p.lon[i], p.lat[i]));
            }
        }
        Map<Long, String> names = Places.names(jdbc, from.id);
        List<Bench> out = new ArrayList<>();
        for (int b = 0; b < from.size(); b++) {
            var network = networks.covering(from.lon[b], from.lat[b]);
            if (network.isEmpty()) {
                throw new InvalidParameter("ags", "the Mitfahrbank " + from.id[b] + " lies outside the OpenStreetMap"
                        + " extracts the road network is built from; configure an extract that covers the area"
                        + " (ortsanker.routing.extracts)");
            }
            Arrivals a = network.get().reachableFrom(TravelMode.CAR, new Point(from.lon[b], from.lat[b]), destinations,
                    seconds);
            boolean any = false;
            List<Reached> vs = new ArrayList<>();
            for (int v = 0; v < villages.size(); v++) {
                if (a.reached(v)) {
                    vs.add(new Reached(v, a.seconds()[v]));
                }
            }
            List<long[]> places = new ArrayList<>();
            int offset = villages.size();
            for (Places p : ends) {
                List<Long> ids = new ArrayList<>();
                for (int i = 0; i < p.size(); i++) {
                    if (a.reached(offset + i)) {
                        ids.add(p.id[i]);
                    }
                }
                offset += p.size();
                places.add(ids.stream().mapToLong(Long::longValue).distinct().toArray());
            }
            for (int d = 0; d < destinations.size() && !any; d++) {
                any = a.reached(d);
            }
            out.add(new Bench(from.id[b], from.kind[b], names.get(from.id[b]), from.lon[b], from.lat[b],
                    any || network.get().nearestNode(TravelMode.CAR, new Point(from.lon[b], from.lat[b])) != null,
                    vs, places));
        }
        return out;
    }
}
