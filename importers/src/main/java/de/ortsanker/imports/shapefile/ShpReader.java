package de.ortsanker.imports.shapefile;

import de.ortsanker.imports.ImportFailure;
import de.ortsanker.imports.geometry.DeclaredExtent;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;

/**
 * Reads the geometries of an ESRI shapefile (.shp) one record at a time
 * (https://www.esri.com/content/dam/esrisites/sitecore-archive/Files/Pdfs/library/whitepapers/pdfs/shapefile.pdf):
 * points, multipoints, polylines and polygons, with Z and M values ignored. A polygon's rings are
 * outer when clockwise and holes when counter-clockwise, each hole belonging to the outer ring it lies in.
 */
final class ShpReader implements AutoCloseable {

    static final int NULL = 0;
    static final int POINT = 1;
    static final int POLYLINE = 3;
    static final int POLYGON = 5;
    static final int MULTIPOINT = 8;

    private final String name;
    private final DataInputStream in;
    private final GeometryFactory factory;
    private final int shapeType;
    private final long fileLength;
    private final DeclaredExtent fileExtent;
    private DeclaredExtent recordExtent;
    private long offset = 100;
    private int number;

    ShpReader(String name, InputStream raw, long actualLength, GeometryFactory factory) throws IOException {
        this.name = name;
        this.factory = factory;
        this.in = new DataInputStream(new java.io.BufferedInputStream(raw, 1 << 16));
        byte[] header = new byte[100];
        try {
            in.readFully(header);
        } catch (EOFException e) {
            throw new ImportFailure(name + ": truncated (shorter than a shapefile header)");
        }
        ByteBuffer h = ByteBuffer.wrap(header);
        if (h.getInt(0) != 9994) {
            throw new ImportFailure(name + ": not a shapefile (its first bytes are not the shapefile signature)");
        }
        fileLength = 2L * h.getInt(24);
        shapeType = h.order(ByteOrder.LITTLE_ENDIAN).getInt(32);
        fileExtent = DeclaredExtent.exact(h.getDouble(36), h.getDouble(44), h.getDouble(52), h.getDouble(60), "the file");
        if (actualLength < fileLength) {
            throw new ImportFailure(name + ": truncated (the header says " + fileLength + " bytes, the file has "
                    + actualLength + "): copy it again");
        }
    }

    /** The shape type of the file (without Z/M): POINT, POLYLINE, POLYGON or MULTIPOINT. */
    int shapeType() {
        return baseType(shapeType);
    }

    boolean areal() {
        return shapeType() == POLYGON;
    }

    static int baseType(int type) {
        return switch (type) {
            case 11, 21 -> POINT;
            case 13, 23 -> POLYLINE;
            case 15, 25 -> POLYGON;
            case 18, 28 -> MULTIPOINT;
            default -> type;
        };
    }

    /** True when another record follows. */
    boolean hasNext() {
        return offset < fileLength;
    }

    /** The next record's geometry (null for a null shape); its number is {@link #number()}. */
    Geometry next() throws IOException {
        byte[] head = read(8);
        ByteBuffer h = ByteBuffer.wrap(head);
        number = h.getInt(0);
        int length = 2 * h.getInt(4);
        if (length < 4 || offset + 8 + length > fileLength) {
            throw new ImportFailure(name + ": corrupt (record " + number + " at byte " + offset + " declares "
                    + length + " bytes, beyond the end of the file)");
        }
        ByteBuffer b = ByteBuffer.wrap(read(length)).order(ByteOrder.LITTLE_ENDIAN);
        offset += 8 + length;
        int type = baseType(b.getInt(0));
        recordExtent = null;
        try {
            if (type == MULTIPOINT || type == POLYLINE || type == POLYGON) {
                recordExtent = DeclaredExtent.exact(b.getDouble(4), b.getDouble(12), b.getDouble(20), b.getDouble(28),
                        "shape " + number);
            }
            return switch (type) {
                case NULL -> null;
                case POINT -> factory.createPoint(new Coordinate(b.getDouble(4), b.getDouble(12)));
                case MULTIPOINT -> multipoint(b);
                case POLYLINE -> polyline(b);
                case POLYGON -> polygon(b);
                default -> throw new ImportFailure(name + ": record " + number + " has shape type " + type
                        + ", which is not supported (points, lines and polygons are)");
            };
        } catch (IndexOutOfBoundsException | NegativeArraySizeException | IllegalArgumentException e) {
            throw new ImportFailure(name + ": corrupt (record " + number + " at byte " + (offset - length - 8)
                    + " is shorter than its parts and points say)");
        }
    }

    int number() {
        return number;
    }

    /**
     * Why the last record's geometry cannot be what was written: a vertex outside its own bounding box or the
     * file's (both computed by the writer from the same coordinates); empty when it is within both.
     */
    java.util.Optional<String> corrupted(Geometry g) {
        for (DeclaredExtent e : new DeclaredExtent[] {recordExtent, fileExtent}) {
            var v = e == null ? java.util.Optional.<String>empty() : e.violation(g);
            if (v.isPresent()) {
                return v;
            }
        }
        return java.util.Optional.empty();
    }

    private byte[] read(int n) throws IOException {
        byte[] buf = new byte[n];
        try {
            in.readFully(buf);
        } catch (EOFException e) {
            throw new ImportFailure(name + ": truncated (the file ends inside record " + (number + 1) + ")");
        }
        return buf;
    }

    private Geometry multipoint(ByteBuffer b) {
        int n = b.getInt(36);
        if (n < 0 || 40L + 16L * n > b.capacity()) {
            throw new IndexOutOfBoundsException();
        }
        var points = new org.locationtech.jts.geom.Point[n];
        for (int i = 0; i < n; i++) {
            points[i] = factory.createPoint(new Coordinate(b.getDouble(40 + 16 * i), b.getDouble(48 + 16 * i)));
        }
        return factory.createMultiPoint(points);
    }

    private List<Coordinate[]> parts(ByteBuffer b) {
        int parts = b.getInt(36);
        int points = b.getInt(40);
        // Counts and offsets as the record says them, checked against its length before anything is made of
        // them: a flipped bit must not become a negative or a two-gigabyte array.
        if (parts < 0 || points < 0 || parts > points + 1 || 44L + 4L * parts + 16L * points > b.capacity()) {
            throw new IndexOutOfBoundsException();
        }
        for (int p = 0, previous = 0; p < parts; p++) {
            int start = b.getInt(44 + 4 * p);
            if (start < previous || start > points) {
                throw new IndexOutOfBoundsException();
            }
            previous = start;
        }
        int pointsAt = 44 + 4 * parts;
        var out = new ArrayList<Coordinate[]>();
        for (int p = 0; p < parts; p++) {
            int start = b.getInt(44 + 4 * p);
            int end = p + 1 < parts ? b.getInt(44 + 4 * (p + 1)) : points;
            var coords = new Coordinate[end - start];
            for (int i = start; i < end; i++) {
                coords[i - start] = new Coordinate(b.getDouble(pointsAt + 16 * i), b.getDouble(pointsAt + 16 * i + 8));
            }
            out.add(coords);
        }
        return out;
    }

    private Geometry polyline(ByteBuffer b) {
        List<Coordinate[]> parts = parts(b);
        var lines = parts.stream().filter(c -> c.length >= 2).map(factory::createLineString)
                .toArray(org.locationtech.jts.geom.LineString[]::new);
        return lines.length == 1 ? lines[0] : factory.createMultiLineString(lines);
    }

    private Geometry polygon(ByteBuffer b) {
        var shells = new ArrayList<LinearRing>();
        var holes = new ArrayList<LinearRing>();
        for (Coordinate[] ring : parts(b)) {
            if (ring.length < 4) {
                continue;               // a degenerate ring: nothing of an area
            }
            if (!ring[0].equals2D(ring[ring.length - 1])) {
                ring = java.util.Arrays.copyOf(ring, ring.length + 1);
                ring[ring.length - 1] = new Coordinate(ring[0]);
            }
            LinearRing r = factory.createLinearRing(ring);
            (Orientation.isCCW(ring) ? holes : shells).add(r);
        }
        if (shells.isEmpty()) {
            // Some writers get the orientation wrong: then every ring is an outer ring.
            shells.addAll(holes);
            holes.clear();
        }
        var holesOf = new ArrayList<List<LinearRing>>();
        var locators = new ArrayList<IndexedPointInAreaLocator>();
        for (LinearRing s : shells) {
            holesOf.add(new ArrayList<>());
            locators.add(new IndexedPointInAreaLocator(factory.createPolygon(s)));
        }
        for (LinearRing hole : holes) {
            int owner = -1;
            double smallest = Double.MAX_VALUE;
            for (int i = 0; i < shells.size(); i++) {
                if (locators.get(i).locate(hole.getCoordinateN(0)) != Location.EXTERIOR
                        && locators.get(i).locate(hole.getCoordinateN(1)) != Location.EXTERIOR) {
                    double area = shells.get(i).getEnvelopeInternal().getArea();
                    if (area < smallest) {
                        smallest = area;
                        owner = i;
                    }
                }
            }
            if (owner < 0) {
                shells.add(hole);       // a "hole" outside every outer ring is an outer ring written backwards
                holesOf.add(new ArrayList<>());
                locators.add(new IndexedPointInAreaLocator(factory.createPolygon(hole)));
            } else {
                holesOf.get(owner).add(hole);
            }
        }
        var polygons = new Polygon[shells.size()];
        for (int i = 0; i < shells.size(); i++) {
            polygons[i] = factory.createPolygon(shells.get(i), holesOf.get(i).toArray(new LinearRing[0]));
        }
        if (polygons.length == 0) {
            return factory.createPolygon();
        }
        return polygons.length == 1 ? polygons[0] : factory.createMultiPolygon(polygons);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
