package de.ortsanker.planning.distance;

import de.ortsanker.planning.geodesy.Geodesic;
import de.ortsanker.planning.rules.Rule;
import de.ortsanker.planning.rules.Target;
import de.ortsanker.planning.rules.TimeWindow;
import de.ortsanker.planning.timetable.Timetables;
import de.ortsanker.planning.villages.Envelope;
import de.ortsanker.planning.villages.Village;
import de.ortsanker.routing.Arrivals;
import de.ortsanker.routing.Network;
import de.ortsanker.routing.Objective;
import de.ortsanker.routing.Point;
import de.ortsanker.routing.TravelMode;
import de.ortsanker.routing.Walks;
import de.ortsanker.routing.transit.Profiles;
import de.ortsanker.routing.transit.Timetable;
import de.ortsanker.routing.transit.TransitSearch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Travel times by public transport and on foot: for every village and target, the shortest door-to-door
 * journey to a place of the target leaving home within the window (see {@link TransitSearch} for the
 * measure), or walking all the way when that is quicker. Per target one backwards connection scan over the
 * day's timetable from all the target's places at once; the walks come from the walking network:
 * <ul>
 * <li>a village to every stop within {@value #ACCESS_MIN} minutes (one bounded search per village),</li>
 * <li>a stop to the nearest place of the target within {@value #EGRESS_MIN} minutes (one multi-source search
 *     from the places),</li>
 * <li>a stop to its neighbours within {@value #TRANSFER_MIN} minutes, for changing (once per timetable and
 *     network, kept).</li>
 * </ul>
 */
@Component
public class TransitTimes {

    private static final Logger log = LoggerFactory.getLogger(TransitTimes.class);

    static final int ACCESS_MIN = 20;
    static final int EGRESS_MIN = 20;
    static final int TRANSFER_MIN = 5;

    private final JdbcTemplate jdbc;
    private final TravelTimes walking;
    private final Timetables timetables;
    /** Each timetable's changing walks per network: computed once, let go with the timetable. */
    private final Map<Timetable, Map<Network, Walks>> transfers = Collections.synchronizedMap(new WeakHashMap<>());

    public TransitTimes(JdbcTemplate jdbc, TravelTimes walking, Timetables timetables) {
        this.jdbc = new JdbcTemplate(jdbc.getDataSource());
        this.jdbc.setFetchSize(10_000);
        this.walking = walking;
        this.timetables = timetables;
    }

    /** Describes the measure for an answer's inputs. */
    public static String description(TimeWindow window) {
        return "by public transport and on foot (the imported GTFS timetable of " + window.date() + "): the shortest"
                + " door-to-door journey leaving home within " + window.label() + " — walking to a stop within "
                + ACCESS_MIN + " min, waiting, riding, changing (at least " + TransitSearch.MIN_CHANGE_SECONDS / 60
                + " min, or a walk of up to " + TRANSFER_MIN + " min to another stop), walking from the last stop up"
                + " to " + EGRESS_MIN + " min — or walking all the way when that is quicker; waiting at home for the"
                + " bus is not counted (walking along the OpenStreetMap network, GraphHopper foot profile)";
    }

    /**
     * The nearest place of each target for each village, for journeys leaving home within the window (on its
     * day: {@link TimeWindow#date()} must be set).
     */
    public Reach reach(List<Village> villages, List<Target> targets, TimeWindow window, String parameter) {
        Timetable tt = timetables.on(window.date());
        Map<Network, List<Integer>> byNetwork = walking.networksOf(villages, "transit", parameter);
        double[] box = Envelope.of(villages).expandedBy(TravelTimes.MARGIN_M).toArray();
        Reach reach = new Reach(targets, new int[0], villages.size(), box);
        List<Point> stops = tt.stops();
        int until = window.toSeconds() + Rule.MAX_MINUTES * 60;
        List<Places> places = new ArrayList<>();
        for (Target target : targets) {
            places.add(Places.load(jdbc, target.places(), box));
        }
        for (var e : byNetwork.entrySet()) {
            Network network = e.getKey();
            List<Integer> members = e.getValue();
            List<Point> homes = members.stream().map(v -> new Point(villages.get(v).lon(), villages.get(v).lat())).toList();
            long start = System.nanoTime();
            Walks changes = transfers.computeIfAbsent(tt, k -> Collections.synchronizedMap(new WeakHashMap<>()))
                    .computeIfAbsent(network, n -> n.walks(TravelMode.WALK, stops, stops, TRANSFER_MIN * 60));
            Walks access = network.walks(TravelMode.WALK, homes, stops, ACCESS_MIN * 60);
            log.debug("transit {}: walks for {} stops and {} villages in {} ms", tt.label(), stops.size(), homes.size(),
                    (System.nanoTime() - start) / 1_000_000);
            for (int t = 0; t < targets.size(); t++) {
                Places p = places.get(t);
                if (p.size() == 0) {
                    continue;
                }
                List<Point> origins = new ArrayList<>(p.size());
                for (int i = 0; i < p.size(); i++) {
                    origins.add(new Point(p.lon[i], p.lat[i]));
                }
                // From each stop on foot to the nearest place, as far as one walks from a stop.
                Arrivals egress = network.nearest(TravelMode.WALK, Objective.FASTEST, origins, stops);
                int[] egressSeconds = new int[stops.size()];
                int[] egressPlace = new int[stops.size()];
                Arrays.fill(egressPlace, -1);
                for (int s = 0; s < stops.size(); s++) {
                    if (egress.reached(s) && egress.seconds()[s] <= EGRESS_MIN * 60) {
                        egressSeconds[s] = (int) Math.round(egress.seconds()[s]);
                        egressPlace[s] = egress.origin()[s];
                    }
                }
                // And from each village all the way on foot.
                Arrivals walk = network.nearest(TravelMode.WALK, Objective.FASTEST, origins, homes);
                int[] walkSeconds = new int[homes.size()];
                int[] walkPlace = new int[homes.size()];
                for (int i = 0; i < homes.size(); i++) {
                    walkPlace[i] = walk.reached(i) ? walk.origin()[i] : -1;
                    walkSeconds[i] = walk.reached(i) ? (int) Math.round(walk.seconds()[i]) : 0;
                }
                Profiles profiles = TransitSearch.scan(tt, egressSeconds, egressPlace, changes, window.fromSeconds(),
                        until, TransitSearch.MIN_CHANGE_SECONDS);
                var journeys = TransitSearch.journeys(profiles, access, walkSeconds, walkPlace, window.fromSeconds(),
                        window.toSeconds());
                for (int i = 0; i < homes.size(); i++) {
                    if (journeys.reached(i)) {
                        int pl = journeys.place()[i];
                        Village v = villages.get(members.get(i));
                        // Metres: in a straight line (a journey by bus has no single length worth stating).
                        double metres = Geodesic.metres(v.lon(), v.lat(), p.lon[pl], p.lat[pl]);
                        reach.setNearest(t, members.get(i),
                                new NearPlace(p.id[pl], p.kind[pl], null, metres, journeys.seconds()[i]));
                    }
                }
            }
        }
        return reach;
    }
}
