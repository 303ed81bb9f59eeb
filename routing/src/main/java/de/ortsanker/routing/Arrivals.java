package de.ortsanker.routing;

/**
 * The answer of a one-to-many search: for each destination, which origin is nearest along the network and
 * how long and far the way is (including the straight legs to and from the network). {@code origin[i]} is
 * -1 when destination {@code i} reaches no origin (off the network, or an island of it).
 */
public record Arrivals(int[] origin, double[] seconds, double[] metres) {

    public boolean reached(int destination) {
        return origin[destination] >= 0;
    }
}
