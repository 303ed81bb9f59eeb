package de.ortsanker.imports.geometry;

import org.locationtech.jts.algorithm.distance.DiscreteHausdorffDistance;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Whether a geometry can be stored as it is (PostGIS requires valid geometries), can be repaired
 * without changing its shape, or must be rejected.
 *
 * <p>A repair counts as safe when the repaired outline stays within 0.5 % of the feature's size of the
 * original (discrete Hausdorff distance): a ring crossing itself in a bow tie, a hole touching its
 * shell, duplicate rings. A repair that would cut away a spike or a lobe changes the shape and is
 * rejected instead, for the data steward to fix at the source.
 */
public final class GeometryCheck {

    static final double SAFE_SHAPE_CHANGE = 0.005;

    /** What became of a geometry. */
    public sealed interface Outcome permits Valid, Repaired, Invalid {
    }

    public record Valid(Geometry geometry) implements Outcome {
    }

    public record Repaired(Geometry geometry, String note) implements Outcome {
    }

    public record Invalid(String reason) implements Outcome {
    }

    private GeometryCheck() {
    }

    public static Outcome check(Geometry g) {
        if (g == null) {
            return new Invalid("no geometry");
        }
        if (g.isEmpty()) {
            return new Invalid("empty geometry");
        }
        for (Coordinate c : g.getCoordinates()) {
            if (!Double.isFinite(c.x) || !Double.isFinite(c.y)) {
                return new Invalid("a coordinate is not a number");
            }
        }
        var op = new IsValidOp(g);
        TopologyValidationError error = op.getValidationError();
        if (error == null) {
            return new Valid(g);
        }
        String what = describe(error);
        if (!(g instanceof Polygonal)) {
            return new Invalid(what);
        }
        Geometry fixed = GeometryFixer.fix(g);
        if (fixed.isEmpty() || !(fixed instanceof Polygonal)) {
            return new Invalid(what + ", and it cannot be repaired (nothing of an area is left)");
        }
        double size = Math.max(g.getEnvelopeInternal().getWidth(), g.getEnvelopeInternal().getHeight());
        double change = DiscreteHausdorffDistance.distance(g.getBoundary(), fixed.getBoundary());
        if (change > SAFE_SHAPE_CHANGE * size) {
            return new Invalid(what + ", and repairing it would change its shape (by "
                    + Math.round(100 * change / size) + " % of its size)");
        }
        fixed.setSRID(g.getSRID());
        int parts = fixed.getNumGeometries();
        return new Repaired(fixed, what + ": repaired" + (parts > 1 ? " (now " + parts + " polygons)" : ""));
    }

    private static String describe(TopologyValidationError error) {
        String message = error.getMessage().toLowerCase();
        Coordinate at = error.getCoordinate();
        return "invalid geometry: " + message + (at == null ? "" : " at (" + round(at.x) + " " + round(at.y) + ")");
    }

    static String round(double v) {
        return String.valueOf(Math.round(v * 1e6) / 1e6);
    }
}
