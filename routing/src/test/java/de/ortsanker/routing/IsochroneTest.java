package de.ortsanker.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Coordinate;

/**
 * Isochrones on the Herrenberg network agree with the one-to-many search: a node is inside the reached set
 * exactly when the search from the origin takes at most the time (walking is the same both ways), and the
 * area covers every reached node.
 */
class IsochroneTest {

    @TempDir
    static Path graphs;
    static Network network;

    @BeforeAll
    static void build() {
        network = Network.build(NetworkTest.HERRENBERG, graphs.resolve("g"), 500);
    }

    @AfterAll
    static void close() {
        network.close();
    }

    @Test
    void theReachedNodesAreThoseTheSearchReachesInTime() {
        Point from = new Point(8.8708, 48.5947);    // Herrenberg, market square
        Isochrone iso = network.isochrone(TravelMode.WALK, from, 15);
        assertThat(iso).isNotNull();
        assertThat(iso.area().getGeometryType()).isEqualTo("Polygon");
        assertThat(iso.nodes()).hasSizeGreaterThan(100);
        Set<String> reached = new HashSet<>();
        iso.nodes().forEach(n -> {
            assertThat(n[2]).isLessThanOrEqualTo(15 * 60.0);
            reached.add(Math.round(n[0] * 1e6) + "," + Math.round(n[1] * 1e6));
        });
        var factory = new GeometryFactory();
        int inside = 0, outside = 0;
        for (int i = 0; i < network.nodeCount(); i += 37) {
            Point node = network.node(i);
            if (!node.equals(network.nearestNode(TravelMode.WALK, node))) {
                continue;   // not on the walking network's main part (an island, a motorway)
            }
            Arrivals a = network.nearest(TravelMode.WALK, Objective.FASTEST, List.of(from), List.of(node));
            if (!a.reached(0)) {
                continue;
            }
            boolean in = reached.contains(Math.round(node.lon() * 1e6) + "," + Math.round(node.lat() * 1e6));
            double s = a.seconds()[0];
            if (s < 15 * 60 - 2) {
                assertThat(in).as("node %d at %.0f s", i, s).isTrue();
                assertThat(iso.area().covers(factory.createPoint(new Coordinate(node.lon(), node.lat())))).isTrue();
                inside++;
            } else if (s > 15 * 60 + 2) {
                assertThat(in).as("node %d at %.0f s", i, s).isFalse();
                outside++;
            }
        }
        assertThat(inside).isGreaterThan(5);
        assertThat(outside).isGreaterThan(50);
    }

    @Test
    void cyclingReachesFartherAndAPointOffTheNetworkHasNone() {
        Point from = new Point(8.8708, 48.5947);
        assertThat(network.isochrone(TravelMode.BIKE, from, 15).area().getArea())
                .isGreaterThan(network.isochrone(TravelMode.WALK, from, 15).area().getArea() * 2);
        assertThat(network.isochrone(TravelMode.WALK, new Point(8.9, 48.0), 15)).isNull();
    }
}
