package de.ortsanker.filter;

import de.ortsanker.problem.InvalidParameter;

/**
 * A box given as text, {@code minX,minY,maxX,maxY} — the one parser of every {@code bbox} parameter (places
 * API, planning, OGC API Features with its {@code bbox-crs}, the web map's start view). A box in WGS 84
 * ({@link #lonLat}) is checked against the globe; OGC API Features reads the bare numbers ({@link #numbers})
 * and checks them against the CRS the client named.
 */
public record Bbox(double minLon, double minLat, double maxLon, double maxLat) {

    /**
     * Four finite numbers, or six when {@code heights} are allowed (OGC: {@code minx,miny,minz,maxx,maxy,maxz}).
     *
     * @param parameter the request parameter, named in the error
     */
    public static double[] numbers(String raw, String parameter, boolean heights) {
        String[] parts = raw.split(",", -1);
        if (parts.length != 4 && !(heights && parts.length == 6)) {
            throw new InvalidParameter(parameter, "'" + raw + "': must be 4 numbers" + (heights ? " (or 6 with heights)" : "")
                    + " separated by commas: " + (heights ? "minx,miny,maxx,maxy" : "minLon,minLat,maxLon,maxLat"));
        }
        double[] v = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].strip();
            try {
                v[i] = Double.parseDouble(part);
            } catch (NumberFormatException e) {
                throw new InvalidParameter(parameter, "'" + raw + "': '" + part + "' is not a number");
            }
            if (!Double.isFinite(v[i])) {
                throw new InvalidParameter(parameter, "'" + raw + "': '" + part + "' is not a finite number");
            }
        }
        return v;
    }

    /** {@code minLon,minLat,maxLon,maxLat} in WGS 84, as GeoJSON and OGC API's default CRS order them. */
    public static Bbox lonLat(String raw, String parameter) {
        double[] v = numbers(raw, parameter, false);
        if (v[0] < -180 || v[2] > 180 || v[1] < -90 || v[3] > 90) {
            throw new InvalidParameter(parameter, "'" + raw + "': longitudes must lie in -180…180 and latitudes in -90…90");
        }
        if (v[0] > v[2] || v[1] > v[3]) {
            throw new InvalidParameter(parameter, "'" + raw + "': the minimum must not exceed the maximum"
                    + " (minLon,minLat,maxLon,maxLat)");
        }
        return new Bbox(v[0], v[1], v[2], v[3]);
    }

    public double[] toArray() {
        return new double[] {minLon, minLat, maxLon, maxLat};
    }
}
