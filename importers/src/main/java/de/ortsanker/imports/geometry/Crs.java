package de.ortsanker.imports.geometry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * A coordinate reference system by EPSG code, and the way from it to WGS 84, where everything is stored.
 *
 * <p>Transformations run in Java with proj4j, record by record, so that a coordinate that cannot be
 * transformed or lands outside the system's area is reported with its record rather than aborting a
 * set-based statement; proj4j's definitions are those of PostGIS's spatial_ref_sys (a test keeps the
 * results within centimetres of ST_Transform). Axis order is always east, north — easting before
 * northing, longitude before latitude — whatever the EPSG definition's formal order, as in GeoJSON,
 * shapefiles and PostGIS; a file in latitude, longitude order is recognised as swapped for Germany.
 */
public final class Crs {

    public static final int WGS84 = 4326;
    /** Where Germany lies, with a margin of some kilometres: what most of our data must fall in. */
    public static final Envelope GERMANY = new Envelope(5.5, 15.6, 47.0, 55.2);
    private static final Envelope WORLD = new Envelope(-180, 180, -90, 90);

    /** Areas of use (longitude, latitude) of the systems German data comes in, with a practical margin. */
    private static final Map<Integer, Envelope> AREAS = Map.ofEntries(
            Map.entry(4326, WORLD),
            Map.entry(4258, new Envelope(-35, 45, 24, 85)),          // ETRS89
            Map.entry(3857, new Envelope(-180, 180, -85.06, 85.06)),  // web Mercator
            Map.entry(25831, new Envelope(-6, 12, 30, 85)),          // ETRS89 / UTM 31N … 33N in Europe:
            Map.entry(25832, new Envelope(0, 18, 30, 85)),           // central meridian ± 9°, as they are used
            Map.entry(25833, new Envelope(6, 24, 30, 85)),           // beyond the zone's edges in Germany
            Map.entry(32632, new Envelope(0, 18, 30, 85)),
            Map.entry(32633, new Envelope(6, 24, 30, 85)),
            Map.entry(31466, GERMANY),                               // DHDN / Gauss-Krüger zones 2 … 5:
            Map.entry(31467, GERMANY),                               // Germany only
            Map.entry(31468, GERMANY),
            Map.entry(31469, GERMANY),
            Map.entry(3035, new Envelope(-35, 45, 24, 85)));         // ETRS89-LAEA Europe

    /**
     * The old German Gauss-Krüger systems (DHDN) through the official grid BETA2007 (AdV; DHDN → ETRS89, a few
     * centimetres), as PROJ and therefore PostGIS do when the grid is installed; the grid is bundled in
     * resources/proj4/nad. Without it proj4j would use a seven-parameter shift, off by up to two metres.
     */
    private static final Map<Integer, String> DHDN = Map.of(
            31466, "+proj=tmerc +lat_0=0 +lon_0=6 +k=1 +x_0=2500000 +y_0=0 +ellps=bessel +nadgrids=@BETA2007.gsb +units=m +no_defs",
            31467, "+proj=tmerc +lat_0=0 +lon_0=9 +k=1 +x_0=3500000 +y_0=0 +ellps=bessel +nadgrids=@BETA2007.gsb +units=m +no_defs",
            31468, "+proj=tmerc +lat_0=0 +lon_0=12 +k=1 +x_0=4500000 +y_0=0 +ellps=bessel +nadgrids=@BETA2007.gsb +units=m +no_defs",
            31469, "+proj=tmerc +lat_0=0 +lon_0=15 +k=1 +x_0=5500000 +y_0=0 +ellps=bessel +nadgrids=@BETA2007.gsb +units=m +no_defs");

    private static final CRSFactory FACTORY = new CRSFactory();
    private static final Map<Integer, CoordinateReferenceSystem> CACHE = new ConcurrentHashMap<>();

    private final int epsg;
    private final CoordinateTransform toWgs84;
    private final Envelope area;

    private Crs(int epsg, CoordinateTransform toWgs84, Envelope area) {
        this.epsg = epsg;
        this.toWgs84 = toWgs84;
        this.area = area;
    }

    /** The system with this EPSG code; an IllegalArgumentException names codes that are not known. */
    public static Crs epsg(int code) {
        if (code == WGS84) {
            return new Crs(code, null, AREAS.get(code));
        }
        CoordinateReferenceSystem source;
        try {
            source = CACHE.computeIfAbsent(code, c -> DHDN.containsKey(c)
                    ? FACTORY.createFromParameters("EPSG:" + c, DHDN.get(c))
                    : FACTORY.createFromName("EPSG:" + c));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("EPSG:" + code + " is not a coordinate reference system known here"
                    + " (" + e.getMessage() + ")");
        }
        var target = CACHE.computeIfAbsent(WGS84, c -> FACTORY.createFromName("EPSG:4326"));
        var transform = new CoordinateTransformFactory().createTransform(source, target);
        return new Crs(code, transform, AREAS.getOrDefault(code, WORLD));
    }

    public int code() {
        return epsg;
    }

    public boolean isWgs84() {
        return toWgs84 == null;
    }

    /** Where the system is meant to be used, in longitude and latitude. */
    public Envelope area() {
        return area;
    }

    /**
     * A copy of the geometry in WGS 84 (SRID 4326).
     *
     * @throws IllegalArgumentException when a coordinate cannot be transformed
     */
    public Geometry toWgs84(Geometry g) {
        Geometry copy = g.copy();
        if (toWgs84 != null) {
            copy.apply(new Transform(toWgs84));
            copy.geometryChanged();
        }
        copy.setSRID(WGS84);
        return copy;
    }

    /** The geometry with x and y exchanged, as if its axes had been written the wrong way round. */
    public static Geometry swapped(Geometry g) {
        Geometry copy = g.copy();
        copy.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                double x = seq.getX(i);
                seq.setOrdinate(i, 0, seq.getY(i));
                seq.setOrdinate(i, 1, x);
            }

            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public boolean isGeometryChanged() {
                return true;
            }
        });
        return copy;
    }

    @Override
    public String toString() {
        return "EPSG:" + epsg;
    }

    private static final class Transform implements CoordinateSequenceFilter {
        private final CoordinateTransform transform;
        private final ProjCoordinate in = new ProjCoordinate();
        private final ProjCoordinate out = new ProjCoordinate();

        Transform(CoordinateTransform transform) {
            this.transform = transform;
        }

        @Override
        public void filter(CoordinateSequence seq, int i) {
            in.x = seq.getX(i);
            in.y = seq.getY(i);
            try {
                transform.transform(in, out);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("(" + in.x + " " + in.y + ") cannot be transformed: " + e.getMessage());
            }
            if (!Double.isFinite(out.x) || !Double.isFinite(out.y)) {
                throw new IllegalArgumentException("(" + in.x + " " + in.y + ") cannot be transformed");
            }
            seq.setOrdinate(i, 0, out.x);
            seq.setOrdinate(i, 1, out.y);
        }

        @Override
        public boolean isDone() {
            return false;
        }

        @Override
        public boolean isGeometryChanged() {
            return true;
        }
    }
}
