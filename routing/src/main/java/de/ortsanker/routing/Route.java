package de.ortsanker.routing;

import java.util.List;

/**
 * One way from a point to another along the network: its line (WGS 84, from the start point through the
 * snapped points and the ways to the end point), its length and its time. The legs between each point and
 * the way it was snapped to are included, in a straight line at the mode's access speed, as in
 * {@link Network#nearest} — so a route's time is the one-to-many search's time for the same pair.
 *
 * @param line    the way's positions, start first
 * @param metres  network length plus the two straight legs
 * @param seconds GraphHopper's time along the ways plus the two legs at {@link TravelMode#accessKmh()}
 */
public record Route(List<Point> line, double metres, double seconds) {

    public Route {
        line = List.copyOf(line);
    }
}
