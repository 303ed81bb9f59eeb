package de.ortsanker.imports.geometry;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Lineal;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.linearref.LengthIndexedLine;

/** Turning a geometry into the shape a record takes. */
public final class Shapes {

    public static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), Crs.WGS84);

    private Shapes() {
    }

    /**
     * A point standing for the geometry: the point itself, a point inside an area (never outside a
     * concave or ring-shaped one, unlike the centroid), or the middle of a line.
     */
    public static Point representativePoint(Geometry g) {
        if (g instanceof Point p) {
            return p;
        }
        Coordinate c;
        if (g instanceof Lineal) {
            Geometry line = g instanceof LineString ? g : g.getGeometryN(0);
            c = new LengthIndexedLine(line).extractPoint(line.getLength() / 2);
        } else {
            c = g.getInteriorPoint().getCoordinate();
        }
        return rounded(g.getFactory().createPoint(c), g.getSRID());
    }

    /**
     * The point with its coordinates rounded to 10⁻⁷ degrees (about a centimetre, OSM's precision), so that a
     * computed or transformed point is written the same way every time.
     */
    public static Point rounded(Point p, int srid) {
        if (p.isEmpty() || srid != Crs.WGS84) {
            p.setSRID(srid);
            return p;
        }
        Point r = p.getFactory().createPoint(new Coordinate(round7(p.getX()), round7(p.getY())));
        r.setSRID(srid);
        return r;
    }

    private static double round7(double v) {
        return Math.round(v * 1e7) / 1e7;
    }

    /** The polygons of an areal geometry as a MultiPolygon (admin_areas stores nothing else). */
    public static MultiPolygon multi(Geometry g) {
        if (g instanceof MultiPolygon mp) {
            return mp;
        }
        if (g instanceof Polygon p) {
            MultiPolygon mp = g.getFactory().createMultiPolygon(new Polygon[] {p});
            mp.setSRID(g.getSRID());
            return mp;
        }
        throw new IllegalArgumentException("not an area: " + g.getGeometryType());
    }

    /** A LineString or MultiLineString (a line, not a point or an area). */
    public static boolean isLine(Geometry g) {
        return g instanceof org.locationtech.jts.geom.LineString || g instanceof org.locationtech.jts.geom.MultiLineString;
    }

    public static boolean isArea(Geometry g) {
        return g instanceof Polygon || g instanceof MultiPolygon;
    }
}
