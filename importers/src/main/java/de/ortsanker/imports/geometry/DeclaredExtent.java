package de.ortsanker.imports.geometry;

import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * The extent a file declares for its data or for one record — a shapefile's header and each shape's bounding
 * box, a GeoPackage's layer extent (gpkg_contents) and each geometry's envelope. The writer computed them
 * from the very coordinates, so a vertex outside is a coordinate corrupted after writing (issue 17: flipped bits
 * made spikes of 2–3° inside the CRS's area). The record is rejected with the reason; the rest of the file is
 * imported.
 *
 * @param envelope the declared extent, in the file's CRS
 * @param what     whose extent it is, for the message ("the file", "shape 12")
 * @param margin   how far outside still counts as inside, in the CRS's units
 */
public record DeclaredExtent(Envelope envelope, String what, double margin) {

    /**
     * An extent computed from the same doubles (a record's box): only rounding is allowed for. Null when the file
     * declares none or one that cannot be an extent (not finite, inverted, or all zero, as some writers leave it).
     */
    public static DeclaredExtent exact(double minX, double minY, double maxX, double maxY, String what) {
        if (!usable(minX, minY, maxX, maxY)) {
            return null;
        }
        double size = Math.max(Math.max(Math.abs(minX), Math.abs(maxX)), Math.max(Math.abs(minY), Math.abs(maxY)));
        return new DeclaredExtent(new Envelope(minX, maxX, minY, maxY), what, 1e-9 * Math.max(1, size));
    }

    /**
     * A layer's extent that may be a little loose or stale (a GeoPackage's gpkg_contents is informative): 1 % of
     * its size is allowed for. A flipped bit that moves a vertex by degrees lies far beyond that.
     */
    public static DeclaredExtent loose(double minX, double minY, double maxX, double maxY, String what) {
        DeclaredExtent e = exact(minX, minY, maxX, maxY, what);
        if (e == null) {
            return null;
        }
        return new DeclaredExtent(e.envelope, what, e.margin + 0.01 * Math.max(e.envelope.getWidth(),
                e.envelope.getHeight()));
    }

    private static boolean usable(double minX, double minY, double maxX, double maxY) {
        return Double.isFinite(minX) && Double.isFinite(minY) && Double.isFinite(maxX) && Double.isFinite(maxY)
                && minX <= maxX && minY <= maxY && !(minX == 0 && minY == 0 && maxX == 0 && maxY == 0);
    }

    /** Why the geometry cannot be what the file wrote: its first vertex outside the extent; empty when none is. */
    public Optional<String> violation(Geometry g) {
        if (g == null || g.isEmpty()) {
            return Optional.empty();
        }
        Envelope allowed = new Envelope(envelope);
        allowed.expandBy(margin);
        if (allowed.contains(g.getEnvelopeInternal())) {
            return Optional.empty();
        }
        Coordinate[] coordinates = g.getCoordinates();
        for (int i = 0; i < coordinates.length; i++) {
            Coordinate c = coordinates[i];
            if (!allowed.contains(c)) {
                return Optional.of((coordinates.length == 1 ? "its position (" : "vertex " + (i + 1) + " (")
                        + GeometryCheck.round(c.x) + " " + GeometryCheck.round(c.y) + ") lies outside the extent the"
                        + " file declares for " + what + " (" + GeometryCheck.round(envelope.getMinX()) + " "
                        + GeometryCheck.round(envelope.getMinY()) + " … " + GeometryCheck.round(envelope.getMaxX())
                        + " " + GeometryCheck.round(envelope.getMaxY()) + "): a corrupted coordinate? Fix it at the"
                        + " source");
            }
        }
        return Optional.empty();  // NaN somewhere: the geometry check reports it
    }
}
