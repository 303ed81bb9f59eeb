package de.ortsanker.imports.geometry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;

/**
 * Finds a spike: one vertex far out from both its neighbours, which lie close together — what a flipped bit in
 * one coordinate of a line or outline makes (issue 17: bit-flipped GeoPackages and shapefiles were imported with
 * spikes of 2–3°, well inside the CRS's area, so the area check passes them). Such a geometry is often still
 * valid (a thin spike crosses nothing), so validity does not catch it either.
 *
 * <p>Measured against the geometry's own vertices, not a fixed length: the two segments to the vertex are both
 * longer than {@link #LENGTH_FACTOR} times the geometry's median segment, and its neighbours are closer to each
 * other than {@link #NARROW} of that (an angle of under some 14° at the vertex). A long, narrow feature drawn
 * with several vertices is not a spike. In the real boundaries of BKG (VG5000: every municipality, district and
 * Land of Germany) no vertex with so narrow an angle has segments even as long as the median (ImportCorpusTest
 * imports them whole), so the factor leaves a wide margin.
 */
public final class Spikes {

    /** How much longer than the median segment both segments to a spike's vertex are. */
    static final double LENGTH_FACTOR = 20;
    /** How close the neighbours are to each other, as a share of the shorter segment to the vertex. */
    static final double NARROW = 0.25;

    private Spikes() {
    }

    /**
     * The spike of a geometry in WGS 84, described for the data steward; empty when it has none. Lengths are
     * compared in a local plane (longitudes scaled by the cosine of the latitude), so that the angle means the same
     * in every direction.
     */
    public static Optional<String> find(Geometry wgs84) {
        List<Coordinate[]> lines = new ArrayList<>();
        wgs84.apply((org.locationtech.jts.geom.GeometryComponentFilter) g -> {
            if (g instanceof LineString l && l.getNumPoints() >= 4) {
                lines.add(l.getCoordinates());
            }
        });
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        Envelope env = wgs84.getEnvelopeInternal();
        double scale = Math.cos(Math.toRadians(Math.max(-85, Math.min(85, env.centre().y))));
        double median = medianSegment(lines, scale);
        if (!(median > 0)) {
            return Optional.empty();
        }
        for (Coordinate[] c : lines) {
            boolean ring = c[0].equals2D(c[c.length - 1]);
            int n = ring ? c.length - 1 : c.length;  // distinct positions
            if (n < 4) {
                continue;
            }
            for (int i = ring ? 0 : 1; i < (ring ? n : n - 1); i++) {
                Coordinate prev = c[(i - 1 + n) % n];
                Coordinate v = c[i];
                Coordinate next = c[(i + 1) % n];
                double d1 = distance(prev, v, scale);
                double d2 = distance(v, next, scale);
                double shorter = Math.min(d1, d2);
                if (shorter > LENGTH_FACTOR * median && distance(prev, next, scale) < NARROW * shorter) {
                    return Optional.of("a spike: vertex " + (i + 1) + " (" + GeometryCheck.round(v.x) + " "
                            + GeometryCheck.round(v.y) + ") lies " + kilometres(shorter) + " out from its neighbours,"
                            + " which lie close together — " + Math.round(shorter / median) + " times the geometry's"
                            + " median segment: a corrupted coordinate? Fix it at the source");
                }
            }
        }
        return Optional.empty();
    }

    private static double medianSegment(List<Coordinate[]> lines, double scale) {
        int count = 0;
        for (Coordinate[] c : lines) {
            count += c.length - 1;
        }
        double[] lengths = new double[count];
        int k = 0;
        for (Coordinate[] c : lines) {
            for (int i = 1; i < c.length; i++) {
                double d = distance(c[i - 1], c[i], scale);
                if (d > 0) {
                    lengths[k++] = d;
                }
            }
        }
        if (k == 0) {
            return 0;
        }
        double[] positive = Arrays.copyOf(lengths, k);
        Arrays.sort(positive);
        return positive[k / 2];
    }

    /** Degrees of latitude in the local plane. */
    private static double distance(Coordinate a, Coordinate b, double scale) {
        return Math.hypot((a.x - b.x) * scale, a.y - b.y);
    }

    private static String kilometres(double degrees) {
        double km = degrees * 111.32;
        return km >= 10 ? Math.round(km) + " km" : Math.round(km * 10) / 10.0 + " km";
    }
}
