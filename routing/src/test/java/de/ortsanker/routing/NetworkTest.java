package de.ortsanker.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The network of the real Herrenberg extract: one multi-source search gives every destination the same
 * nearest origin and time as searching from each origin alone and taking the best, and the times are
 * what the lengths at the mode's speeds say.
 */
class NetworkTest {

    static final Path HERRENBERG = Path.of("../data/osm/herrenberg-and-around-2020-04-21.osm.pbf");

    @TempDir
    static Path graphs;
    static Network network;

    @BeforeAll
    static void build() {
        network = Network.build(HERRENBERG, graphs.resolve("herrenberg"), 500);
    }

    @AfterAll
    static void close() {
        network.close();
    }

    /** Random points in the town of Herrenberg and around it (the extract's densest part). */
    static List<Point> points(int n, long seed) {
        Random r = new Random(seed);
        List<Point> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Point(8.83 + r.nextDouble() * 0.12, 48.56 + r.nextDouble() * 0.08));
        }
        return out;
    }

    @Test
    void oneSearchFromAllOriginsEqualsTheBestOfOneSearchPerOrigin() {
        for (TravelMode mode : TravelMode.values()) {
            List<Point> origins = points(8, 1);
            List<Point> destinations = points(40, 2);
            Arrivals all = network.nearest(mode, Objective.FASTEST, origins, destinations);
            int reached = 0;
            for (int d = 0; d < destinations.size(); d++) {
                double best = Double.POSITIVE_INFINITY;
                int bestOrigin = -1;
                for (int o = 0; o < origins.size(); o++) {
                    Arrivals one = network.nearest(mode, Objective.FASTEST, List.of(origins.get(o)),
                            List.of(destinations.get(d)));
                    if (one.reached(0) && one.seconds()[0] < best) {
                        best = one.seconds()[0];
                        bestOrigin = o;
                    }
                }
                assertThat(all.origin()[d]).as("%s destination %d", mode, d).isEqualTo(bestOrigin);
                if (bestOrigin >= 0) {
                    reached++;
                    assertThat(all.seconds()[d]).isCloseTo(best, within(1.0));
                }
            }
            assertThat(reached).as("%s: most random points lie near a way", mode).isGreaterThan(30);
        }
    }

    @Test
    void walkingIsFiveKilometresAnHourAndCyclingFaster() {
        List<Point> origins = points(3, 3);
        List<Point> destinations = points(30, 4);
        Arrivals walk = network.nearest(TravelMode.WALK, Objective.FASTEST, origins, destinations);
        Arrivals bike = network.nearest(TravelMode.BIKE, Objective.FASTEST, origins, destinations);
        for (int d = 0; d < destinations.size(); d++) {
            if (walk.reached(d) && walk.metres()[d] > 1000) {
                // GraphHopper's foot speed is 5 km/h on the ways (a little less on steps and some paths).
                double kmh = walk.metres()[d] / walk.seconds()[d] * 3.6;
                assertThat(kmh).as("walking speed to destination %d", d).isBetween(3.5, 5.01);
                assertThat(bike.reached(d)).isTrue();
                assertThat(bike.seconds()[d]).isLessThan(walk.seconds()[d] / 1.8);
            }
        }
    }

    @Test
    void aPointFarFromEveryWayReachesNothing() {
        Arrivals a = network.nearest(TravelMode.WALK, Objective.FASTEST, points(3, 5),
                List.of(new Point(8.9, 48.0)));   // 60 km south of the extract
        assertThat(a.reached(0)).isFalse();
        assertThat(a.origin()[0]).isEqualTo(-1);
    }

    /**
     * A ride from one point (a Mitfahrbank) by car: checked pair by pair against GraphHopper's own
     * point-to-point routing (its snapping and search, not ours), asked for the fastest route: every time
     * within 5 % (or 10 s), at least 90 % of them within 2 %, and the same destinations within the time.
     */
    private static Point onCarRoad(Random r) {
        while (true) {
            Point p = network.node(r.nextInt(network.nodeCount()));
            if (p.equals(network.nearestNode(TravelMode.CAR, p))) {
                return p;
            }
        }
    }

    @Test
    void aRideReachesWhatGraphHoppersOwnRoutesReachInTime() {
        Random r = new Random(7);
        double limit = 10 * 60;
        int within = 0, beyond = 0, compared = 0, close = 0;
        for (int round = 0; round < 3; round++) {
            // Nodes of roads a car may use: no leg off the road, which ours counts at 20 km/h and GraphHopper's not.
            Point bench = onCarRoad(r);
            List<Point> destinations = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                destinations.add(onCarRoad(r));
            }
            Arrivals ride = network.reachableFrom(TravelMode.CAR, bench, destinations, limit);
            for (int d = 0; d < destinations.size(); d++) {
                double route = network.routeSeconds(TravelMode.CAR, bench, destinations.get(d));
                // Times are summed per edge in whole milliseconds by both: 5 s of slack at the limit.
                if (!Double.isNaN(route) && route <= limit - 5) {
                    assertThat(ride.reached(d)).as("destination %d: GraphHopper drives there in %.0f s", d, route).isTrue();
                    within++;
                }
                if (ride.reached(d)) {
                    assertThat(ride.seconds()[d]).as("destination %d", d).isLessThanOrEqualTo(limit);
                    assertThat(ride.seconds()[d]).isCloseTo(route, within(Math.max(10, route * 0.05)));
                    compared++;
                    close += Math.abs(ride.seconds()[d] - route) <= Math.max(5, route * 0.02) ? 1 : 0;
                } else if (!Double.isNaN(route)) {
                    assertThat(route).isGreaterThan(limit - 5);
                    beyond++;
                }
            }
        }
        assertThat(within).as("pairs within ten minutes' drive").isGreaterThan(10);
        assertThat(beyond).as("pairs beyond it").isGreaterThan(0);
        assertThat(close).as("of %d pairs, within 2 %%", compared).isGreaterThanOrEqualTo((int) Math.ceil(compared * 0.9));
    }
}
