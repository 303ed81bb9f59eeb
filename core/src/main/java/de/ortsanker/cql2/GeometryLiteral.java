package de.ortsanker.cql2;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A geometry written into a filter: WKT in CQL2 text, GeoJSON in CQL2 JSON, or a bounding box. Coordinates
 * are kept in the order the client wrote them (axis order of the filter CRS); {@link #toWkt(boolean)} writes
 * 2D WKT, swapping the axes when the filter CRS is latitude/longitude.
 */
public sealed interface GeometryLiteral {

    /** Writes 2D WKT (a third coordinate is dropped), with x and y exchanged when {@code swapAxes}. */
    String toWkt(boolean swapAxes);

    record Point(double[] coordinate) implements GeometryLiteral {
        public String toWkt(boolean swapAxes) {
            return "POINT(" + xy(coordinate, swapAxes) + ")";
        }
    }

    record LineString(List<double[]> points) implements GeometryLiteral {
        public LineString {
            if (points.size() < 2) {
                throw new Cql2Exception("a LINESTRING needs at least two points");
            }
            points = List.copyOf(points);
        }

        public String toWkt(boolean swapAxes) {
            return "LINESTRING" + sequence(points, swapAxes);
        }
    }

    record Polygon(List<List<double[]>> rings) implements GeometryLiteral {
        public Polygon {
            if (rings.isEmpty()) {
                throw new Cql2Exception("a POLYGON needs an outer ring");
            }
            for (List<double[]> ring : rings) {
                checkRing(ring);
            }
            rings = List.copyOf(rings);
        }

        public String toWkt(boolean swapAxes) {
            return "POLYGON" + ringList(rings, swapAxes);
        }
    }

    record MultiPoint(List<double[]> points) implements GeometryLiteral {
        public MultiPoint {
            points = List.copyOf(points);
        }

        public String toWkt(boolean swapAxes) {
            return "MULTIPOINT" + list(points, p -> "(" + xy(p, swapAxes) + ")");
        }
    }

    record MultiLineString(List<List<double[]>> lines) implements GeometryLiteral {
        public MultiLineString {
            lines.forEach(LineString::new);
            lines = List.copyOf(lines);
        }

        public String toWkt(boolean swapAxes) {
            return "MULTILINESTRING" + list(lines, l -> sequence(l, swapAxes));
        }
    }

    record MultiPolygon(List<List<List<double[]>>> polygons) implements GeometryLiteral {
        public MultiPolygon {
            polygons.forEach(Polygon::new);
            polygons = List.copyOf(polygons);
        }

        public String toWkt(boolean swapAxes) {
            return "MULTIPOLYGON" + list(polygons, p -> ringList(p, swapAxes));
        }
    }

    record GeometryCollection(List<GeometryLiteral> members) implements GeometryLiteral {
        public GeometryCollection {
            members = List.copyOf(members);
        }

        public String toWkt(boolean swapAxes) {
            return "GEOMETRYCOLLECTION" + list(members, m -> m.toWkt(swapAxes));
        }
    }

    /**
     * {@code BBOX(minx, miny, maxx, maxy)} or with heights {@code BBOX(minx, miny, minz, maxx, maxy, maxz)}, in
     * the filter CRS's axis order. A box whose west edge lies east of its east edge crosses the antimeridian
     * and becomes two polygons.
     */
    record Bbox(double minX, double minY, double maxX, double maxY) implements GeometryLiteral {
        public Bbox {
            if (minY > maxY) {
                throw new Cql2Exception("BBOX: the lower bound of the second axis (" + fmt(minY)
                        + ") is greater than the upper bound (" + fmt(maxY) + ")");
            }
        }

        static Bbox of(List<Double> values) {
            return switch (values.size()) {
                case 4 -> new Bbox(values.get(0), values.get(1), values.get(2), values.get(3));
                case 6 -> new Bbox(values.get(0), values.get(1), values.get(3), values.get(4));
                default -> throw new Cql2Exception("BBOX takes 4 or 6 numbers, got " + values.size());
            };
        }

        public String toWkt(boolean swapAxes) {
            if (minX > maxX) { // crosses the antimeridian (or the first axis is latitude and the box is wrong)
                return "MULTIPOLYGON(" + box(minX, 180, swapAxes) + "," + box(-180, maxX, swapAxes) + ")";
            }
            return "POLYGON" + box(minX, maxX, swapAxes);
        }

        private String box(double x1, double x2, boolean swapAxes) {
            return ringList(List.of(List.of(new double[] {x1, minY}, new double[] {x2, minY}, new double[] {x2, maxY},
                    new double[] {x1, maxY}, new double[] {x1, minY})), swapAxes);
        }
    }

    private static void checkRing(List<double[]> ring) {
        if (ring.size() < 4) {
            throw new Cql2Exception("a polygon ring needs at least four points (the first repeated at the end), got "
                    + ring.size());
        }
        double[] first = ring.get(0);
        double[] last = ring.get(ring.size() - 1);
        if (first[0] != last[0] || first[1] != last[1]) {
            throw new Cql2Exception("a polygon ring must end where it starts: (" + xy(first, false) + ") ≠ ("
                    + xy(last, false) + ")");
        }
    }

    private static String xy(double[] c, boolean swapAxes) {
        return swapAxes ? fmt(c[1]) + " " + fmt(c[0]) : fmt(c[0]) + " " + fmt(c[1]);
    }

    private static String sequence(List<double[]> points, boolean swapAxes) {
        return list(points, p -> xy(p, swapAxes));
    }

    private static String ringList(List<List<double[]>> rings, boolean swapAxes) {
        return list(rings, r -> sequence(r, swapAxes));
    }

    private static <T> String list(List<T> items, Function<T, String> writer) {
        var sb = new StringBuilder("(");
        for (int i = 0; i < items.size(); i++) {
            sb.append(i == 0 ? "" : ",").append(writer.apply(items.get(i)));
        }
        return sb.append(')').toString();
    }

    private static String fmt(double v) {
        // Shortest exact representation; WKT takes exponents too, but plain decimals read better in logs.
        String s = Double.toString(v);
        return s.contains("E") ? String.format(Locale.ROOT, "%.12f", v) : s;
    }
}
