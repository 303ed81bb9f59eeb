package de.ortsanker.planning.distance;

/**
 * The nearest place of a target to a village, and how far it is: metres (straight or along the network),
 * and for a network search the travel time in seconds (NaN when distance was measured in a straight line).
 */
public record NearPlace(long id, String kind, String name, double metres, double seconds) {

    public NearPlace(long id, String kind, String name, double metres) {
        this(id, kind, name, metres, Double.NaN);
    }

    public boolean timed() {
        return !Double.isNaN(seconds);
    }

    NearPlace named(String newName) {
        return new NearPlace(id, kind, newName, metres, seconds);
    }
}
