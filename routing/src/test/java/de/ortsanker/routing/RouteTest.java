package de.ortsanker.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A point-to-point route (GraphHopper's own routing) on the real Herrenberg extract, checked against the
 * one-to-many search (our Dijkstra on the same graph) and against its own line measured independently.
 * GraphHopper routes by the profile's weight — time divided by priority, so it prefers a footpath to a
 * busy road — while planning's search minimises time alone: the search's time is a lower bound of the
 * route's (within half as much again), and the shortest length a lower bound of the route's length.
 */
class RouteTest {

    @TempDir
    static Path graphs;
    static Network network;

    @BeforeAll
    static void build() {
        network = Network.build(NetworkTest.HERRENBERG, graphs.resolve("herrenberg"), 500);
    }

    @AfterAll
    static void close() {
        network.close();
    }

    @Test
    void aRouteTakesTheTimeOfTheOneToManySearchAndItsLineIsItsLength() {
        for (TravelMode mode : TravelMode.values()) {
            List<Point> from = NetworkTest.points(25, 11);
            List<Point> to = NetworkTest.points(25, 12);
            int routed = 0;
            for (int i = 0; i < from.size(); i++) {
                // The one-to-many search runs from the places backwards: the place is its origin.
                Arrivals search = network.nearest(mode, Objective.FASTEST, List.of(to.get(i)), List.of(from.get(i)));
                Route route = network.route(mode, from.get(i), to.get(i));
                assertThat(route != null).as("%s pair %d routed exactly when searched", mode, i).isEqualTo(search.reached(0));
                if (route == null) {
                    continue;
                }
                routed++;
                assertThat(route.seconds()).as("%s pair %d seconds", mode, i).isGreaterThan(search.seconds()[0] - 2.0);
                assertThat(route.seconds()).as("%s pair %d: a detour for nicer ways, not a different trip", mode, i)
                        .isLessThan(search.seconds()[0] * 1.5 + 60);
                Arrivals shortest = network.nearest(mode, Objective.SHORTEST, List.of(to.get(i)), List.of(from.get(i)));
                assertThat(route.metres()).as("%s pair %d metres", mode, i).isGreaterThan(shortest.metres()[0] - 1.0);
                assertThat(route.line().get(0)).isEqualTo(from.get(i));
                assertThat(route.line().get(route.line().size() - 1)).isEqualTo(to.get(i));
                assertThat(length(route.line())).as("%s pair %d line length", mode, i)
                        .isCloseTo(route.metres(), within(route.metres() * 0.005 + 1));
            }
            assertThat(routed).as("%s: most random points lie near a way", mode).isGreaterThan(12);
        }
    }

    @Test
    void aPointFarFromEveryWayHasNoRoute() {
        assertThat(network.route(TravelMode.WALK, new Point(8.9, 48.0), new Point(8.87, 48.59))).isNull();
    }

    /** Metres along the line on a sphere of 6,371 km (haversine), independent of GraphHopper's sums. */
    static double length(List<Point> line) {
        double sum = 0;
        for (int i = 1; i < line.size(); i++) {
            Point a = line.get(i - 1), b = line.get(i);
            double dLat = Math.toRadians(b.lat() - a.lat()), dLon = Math.toRadians(b.lon() - a.lon());
            double h = Math.pow(Math.sin(dLat / 2), 2)
                    + Math.cos(Math.toRadians(a.lat())) * Math.cos(Math.toRadians(b.lat())) * Math.pow(Math.sin(dLon / 2), 2);
            sum += 2 * 6_371_000 * Math.asin(Math.sqrt(h));
        }
        return sum;
    }
}
