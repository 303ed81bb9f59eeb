package de.ortsanker.features;

import de.ortsanker.cql2.Expression;
import de.ortsanker.cql2.GeometryLiteral;
import de.ortsanker.cql2.LiteralCrs;
import de.ortsanker.cql2.Operand;
import de.ortsanker.filter.Bbox;
import de.ortsanker.problem.InvalidParameter;

/**
 * The {@code bbox} parameter: four numbers (or six, with heights that are ignored) in the axis order of
 * {@code bbox-crs}, lower corner first. A box whose west edge lies east of its east edge crosses the
 * antimeridian, as OGC API Features allows.
 */
record BoundingBox(double minX, double minY, double maxX, double maxY, Crs crs) {

    static BoundingBox parse(String value, Crs crs) {
        double[] v = Bbox.numbers(value, "bbox", true);
        boolean six = v.length == 6;
        var box = new BoundingBox(v[0], v[1], six ? v[3] : v[2], six ? v[4] : v[3], crs);
        box.check(value);
        return box;
    }

    private void check(String value) {
        if (minY > maxY) {
            throw invalid(value, "the lower corner's second coordinate is greater than the upper corner's");
        }
        if (crs.projected()) {
            if (minX > maxX) {
                throw invalid(value, "the lower corner's first coordinate is greater than the upper corner's");
            }
            return;
        }
        double minLat = crs.latitudeFirst() ? minX : minY;
        double maxLat = crs.latitudeFirst() ? maxX : maxY;
        double minLon = crs.latitudeFirst() ? minY : minX;
        double maxLon = crs.latitudeFirst() ? maxY : maxX;
        if (minLat < -90 || maxLat > 90) {
            throw invalid(value, "latitudes must lie between -90 and 90" + (crs.latitudeFirst()
                    ? " (" + crs.uri() + " has latitude first)" : ""));
        }
        if (minLon < -180 || maxLon > 180 || minLon > 180 || maxLon < -180) {
            throw invalid(value, "longitudes must lie between -180 and 180");
        }
        if (crs.latitudeFirst() && minLat > maxLat) {
            throw invalid(value, "the lower corner's latitude is greater than the upper corner's");
        }
    }

    /** As a CQL2 predicate, so that the bbox is translated, transformed and indexed like a filter. */
    Expression intersects() {
        GeometryLiteral.Bbox literal = crs.latitudeFirst()
                // latitude first: the antimeridian test in Bbox needs longitudes on x, so swap here …
                ? new GeometryLiteral.Bbox(minY, minX, maxY, maxX)
                : new GeometryLiteral.Bbox(minX, minY, maxX, maxY);
        return new Expression.Spatial(Expression.SpatialOperator.S_INTERSECTS, new Operand.Property("geometry"),
                new Operand.Geometry(literal));
    }

    /** The CRS the literal of {@link #intersects()} is in: its axes are already longitude/x first. */
    LiteralCrs literalCrs() {
        return new LiteralCrs(crs.srid(), false, crs.projected());
    }

    private static InvalidParameter invalid(String value, String reason) {
        return new InvalidParameter("bbox", "'" + value + "': " + reason);
    }
}
