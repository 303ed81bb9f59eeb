package de.ortsanker.planning.villages;

import java.util.List;

/**
 * A longitude/latitude box, widened by metres generously enough that every point outside it is farther
 * than that from every point inside the original (degree lengths taken at their shortest).
 */
public record Envelope(double minLon, double minLat, double maxLon, double maxLat) {

    private static final double METRES_PER_DEGREE_LAT = 110_574;     // at the equator, the shortest
    private static final double METRES_PER_DEGREE_LON = 111_320;     // at the equator, times cos(latitude)

    public static Envelope of(List<Village> villages) {
        double minLon = 180, minLat = 90, maxLon = -180, maxLat = -90;
        for (Village v : villages) {
            minLon = Math.min(minLon, v.lon());
            maxLon = Math.max(maxLon, v.lon());
            minLat = Math.min(minLat, v.lat());
            maxLat = Math.max(maxLat, v.lat());
        }
        return new Envelope(minLon, minLat, maxLon, maxLat);
    }

    public Envelope expandedBy(double metres) {
        double dLat = metres / METRES_PER_DEGREE_LAT;
        double nLat = Math.min(89.9, Math.max(Math.abs(minLat), Math.abs(maxLat)) + dLat);
        double dLon = metres / (METRES_PER_DEGREE_LON * Math.cos(Math.toRadians(nLat)));
        return new Envelope(Math.max(-180, minLon - dLon), Math.max(-90, minLat - dLat),
                Math.min(180, maxLon + dLon), Math.min(90, maxLat + dLat));
    }

    public double[] toArray() {
        return new double[] {minLon, minLat, maxLon, maxLat};
    }
}
