package de.ortsanker.imports.geometry;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * Brings a geometry from its file's CRS to WGS 84 and checks that it is where it should be: inside the
 * CRS's area, not with its axes swapped (recognised for Germany), without a spike ({@link Spikes}: a corrupted
 * coordinate), and valid — repaired where that is safe.
 */
public final class Placement {

    /** A geometry ready to store, with a note when it had to be repaired. */
    public record Placed(Geometry wgs84, String repairNote) {
    }

    private Placement() {
    }

    /**
     * @return the placed geometry
     * @throws Rejection with the reason when it cannot be stored
     */
    public static Placed place(Geometry source, Crs crs) throws Rejection {
        if (source == null) {
            throw new Rejection("no geometry");
        }
        if (source.isEmpty()) {
            throw new Rejection("empty geometry");
        }
        Geometry wgs84;
        try {
            wgs84 = crs.toWgs84(source);
        } catch (IllegalArgumentException e) {
            throw new Rejection(swapHint(source, crs).orElse(
                    "coordinates " + e.getMessage() + " from " + crs + " (outside its area?)"));
        }
        Envelope env = wgs84.getEnvelopeInternal();
        if (!Crs.GERMANY.intersects(env)) {
            var hint = swapHint(source, crs);
            if (hint.isPresent()) {
                throw new Rejection(hint.get());
            }
        }
        if (!crs.area().contains(env)) {
            throw new Rejection("coordinates " + describe(source.getEnvelopeInternal()) + " lie outside the area of "
                    + crs + " (longitude " + crs.area().getMinX() + " to " + crs.area().getMaxX() + ", latitude "
                    + crs.area().getMinY() + " to " + crs.area().getMaxY() + "): wrong CRS?");
        }
        var spike = Spikes.find(wgs84);  // before validity: a thin spike is often a valid outline
        if (spike.isPresent()) {
            throw new Rejection(spike.get());
        }
        if (wgs84 instanceof org.locationtech.jts.geom.Point p && !crs.isWgs84()) {
            wgs84 = Shapes.rounded(p, Crs.WGS84);
        }
        GeometryCheck.Outcome outcome = GeometryCheck.check(wgs84);
        if (outcome instanceof GeometryCheck.Repaired r) {
            return new Placed(r.geometry(), r.note());
        }
        if (outcome instanceof GeometryCheck.Invalid i) {
            throw new Rejection(i.reason());
        }
        return new Placed(((GeometryCheck.Valid) outcome).geometry(), null);
    }

    /** Says so when the geometry lies in Germany with its axes exchanged (and not as it is). */
    private static java.util.Optional<String> swapHint(Geometry source, Crs crs) {
        Geometry swapped = Crs.swapped(source);
        try {
            if (Crs.GERMANY.contains(crs.toWgs84(swapped).getEnvelopeInternal())) {
                return java.util.Optional.of(crs.isWgs84()
                        ? "latitude and longitude are swapped (" + describe(source.getEnvelopeInternal())
                                + " lies in Germany only read as latitude, longitude): longitude must come first"
                        : "x and y are swapped (" + describe(source.getEnvelopeInternal()) + " lies in Germany only"
                                + " with easting and northing exchanged)");
            }
        } catch (IllegalArgumentException e) {
            // not even swapped does it make sense
        }
        return java.util.Optional.empty();
    }

    private static String describe(Envelope e) {
        if (e.getWidth() == 0 && e.getHeight() == 0) {
            return "(" + GeometryCheck.round(e.getMinX()) + " " + GeometryCheck.round(e.getMinY()) + ")";
        }
        return "(" + GeometryCheck.round(e.getMinX()) + " " + GeometryCheck.round(e.getMinY()) + " … "
                + GeometryCheck.round(e.getMaxX()) + " " + GeometryCheck.round(e.getMaxY()) + ")";
    }

    /** Why a geometry cannot be stored. */
    public static final class Rejection extends Exception {
        public Rejection(String reason) {
            super(reason, null, false, false);
        }
    }
}
