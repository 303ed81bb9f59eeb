package de.ortsanker.imports.osm;

import java.util.Collection;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.polygonize.Polygonizer;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * Builds the area of a multipolygon or boundary relation from its member ways. Roles (outer, inner) are
 * often wrong in OSM; nesting is not: the linework is noded and polygonized, and a ring inside an odd
 * number of others is a hole (even-odd), as osmium and osm2pgsql do it.
 */
final class Multipolygons {

    /** Why the ways do not make an area. */
    static final class NotAnArea extends Exception {
        NotAnArea(String reason) {
            super(reason, null, false, false);
        }
    }

    private Multipolygons() {
    }

    static Geometry assemble(Collection<Coordinate[]> ways, GeometryFactory factory) throws NotAnArea {
        if (ways.isEmpty()) {
            throw new NotAnArea("the relation has no member ways");
        }
        LineString[] lines = ways.stream().filter(c -> c.length >= 2).map(factory::createLineString)
                .toArray(LineString[]::new);
        Geometry noded = UnaryUnionOp.union(List.of(lines), factory);
        var polygonizer = new Polygonizer(true);
        polygonizer.add(noded);
        @SuppressWarnings("unchecked")
        Collection<Polygon> polygons = polygonizer.getPolygons();
        if (!polygonizer.getDangles().isEmpty() || !polygonizer.getCutEdges().isEmpty()) {
            Coordinate gap = firstEnd(polygonizer.getDangles().isEmpty()
                    ? polygonizer.getCutEdges() : polygonizer.getDangles());
            throw new NotAnArea("its rings do not close" + (gap == null ? "" : " (open end at "
                    + round(gap.x) + " " + round(gap.y) + ")"));
        }
        if (polygons.isEmpty()) {
            throw new NotAnArea("its ways enclose no area");
        }
        Geometry result = polygons.size() == 1
                ? polygons.iterator().next()
                : factory.createMultiPolygon(polygons.toArray(new Polygon[0]));
        // The polygonizer's order of rings is not stable between runs: the canonical form is, so an unchanged
        // relation gives the same geometry (and digest) every time.
        result.normalize();
        result.setSRID(factory.getSRID());
        return result;
    }

    private static Coordinate firstEnd(Collection<?> lines) {
        for (Object o : lines) {
            if (o instanceof LineString l && !l.isEmpty()) {
                return l.getCoordinateN(l.getNumPoints() - 1);
            }
        }
        return null;
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}
