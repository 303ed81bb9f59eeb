package de.ortsanker.planning.distance;

import de.ortsanker.planning.rules.Target;
import de.ortsanker.planning.villages.Envelope;
import de.ortsanker.planning.villages.Village;
import de.ortsanker.problem.InvalidParameter;
import de.ortsanker.routing.Arrivals;
import de.ortsanker.routing.Network;
import de.ortsanker.routing.Networks;
import de.ortsanker.routing.Objective;
import de.ortsanker.routing.Point;
import de.ortsanker.routing.TravelMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Travel times along the walking and cycling network: for every village and target, the place of the
 * target reached first and the way's minutes and metres. One search per target and mode, from all of the
 * target's places at once (a multi-source Dijkstra on the GraphHopper graph), never one route per pair.
 */
@Component
public class TravelTimes {

    private static final Logger log = LoggerFactory.getLogger(TravelTimes.class);

    /**
     * Places are read this far around the villages: 3 hours on foot, more than an hour by bike. A place
     * farther than that is not the nearest by any rule a planner may write (at most 180 minutes).
     */
    static final int MARGIN_M = 20_000;

    private final JdbcTemplate jdbc;
    private final Networks networks;

    public TravelTimes(JdbcTemplate jdbc, Networks networks) {
        this.jdbc = new JdbcTemplate(jdbc.getDataSource());
        this.jdbc.setFetchSize(10_000);
        this.networks = networks;
    }

    /**
     * The nearest place of each target for each village by the mode.
     *
     * @param parameter the request's parameter that asked for the mode, named when the data is missing
     */
    public Reach reach(List<Village> villages, List<Target> targets, TravelMode mode, String parameter) {
        Map<Network, List<Integer>> byNetwork = networksOf(villages, mode.code(), parameter);
        double[] box = Envelope.of(villages).expandedBy(MARGIN_M).toArray();
        Reach reach = new Reach(targets, new int[0], villages.size(), box);
        for (int t = 0; t < targets.size(); t++) {
            long start = System.nanoTime();
            Places places = Places.load(jdbc, targets.get(t).places(), box);
            List<Point> origins = new ArrayList<>(places.size());
            for (int p = 0; p < places.size(); p++) {
                origins.add(new Point(places.lon[p], places.lat[p]));
            }
            for (var e : byNetwork.entrySet()) {
                List<Integer> members = e.getValue();
                List<Point> destinations = members.stream()
                        .map(v -> new Point(villages.get(v).lon(), villages.get(v).lat())).toList();
                Arrivals a = e.getKey().nearest(mode, Objective.FASTEST, origins, destinations);
                for (int i = 0; i < members.size(); i++) {
                    if (a.reached(i)) {
                        int p = a.origin()[i];
                        reach.setNearest(t, members.get(i),
                                new NearPlace(places.id[p], places.kind[p], null, a.metres()[i], a.seconds()[i]));
                    }
                }
            }
            log.debug("{} {}: {} places, {} villages in {} ms", mode.code(), targets.get(t).label(), places.size(),
                    villages.size(), (System.nanoTime() - start) / 1_000_000);
        }
        return reach;
    }

    /** The villages by the network that covers each; a 400 naming the missing data when one is not covered. */
    Map<Network, List<Integer>> networksOf(List<Village> villages, String mode, String parameter) {
        String missing = networks.missing();
        if (missing != null) {
            throw new InvalidParameter(parameter, mode + " travel times need a walking and cycling network: "
                    + missing);
        }
        Map<Network, List<Integer>> out = new LinkedHashMap<>();
        List<String> outside = new ArrayList<>();
        for (int v = 0; v < villages.size(); v++) {
            Village village = villages.get(v);
            var network = networks.covering(village.lon(), village.lat());
            if (network.isEmpty()) {
                outside.add(village.name());
            } else {
                out.computeIfAbsent(network.get(), n -> new ArrayList<>()).add(v);
            }
        }
        if (!outside.isEmpty()) {
            throw new InvalidParameter(parameter, outside.size() + " of " + villages.size() + " villages (e.g. "
                    + outside.get(0) + ") lie outside the OpenStreetMap extracts the walking and cycling network is"
                    + " built from (" + networks.current().stream().map(n -> n.extract().getFileName().toString()).toList()
                    + "); configure an extract that covers the area (ortsanker.routing.extracts)");
        }
        return out;
    }
}
