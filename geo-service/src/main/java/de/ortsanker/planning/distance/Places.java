package de.ortsanker.planning.distance;

import de.ortsanker.cql2.SqlFilter;
import de.ortsanker.filter.PlaceFilter;
import de.ortsanker.planning.rules.Target;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The public, current places a filter admits, as plain arrays for the spatial index. A place with an area
 * (a building's footprint) stands at a point on its surface.
 */
final class Places {

    private static final String LOAD = """
            select id, kind, ST_X(pt), ST_Y(pt)
              from (select p.id, p.kind,
                           case when GeometryType(p.geom) = 'POINT' then p.geom else ST_PointOnSurface(p.geom) end as pt
                      from places p
                     where %s %s) x""";

    final long[] id;
    final String[] kind;
    final double[] lon;
    final double[] lat;

    private Places(int n) {
        id = new long[n];
        kind = new String[n];
        lon = new double[n];
        lat = new double[n];
    }

    int size() {
        return id.length;
    }

    /**
     * Loads the places of the kinds, inside the box (minLon, minLat, maxLon, maxLat) or everywhere when
     * null. Names are left out: only the few nearest places need one ({@link #names}).
     */
    static Places load(JdbcTemplate jdbc, PlaceFilter places, double[] box) {
        if (places.kinds().isEmpty()) {
            return new Places(0);  // an empty filter would mean every kind
        }
        SqlFilter where = Target.counted(places);
        var args = new java.util.ArrayList<Object>(where.parameters());
        if (box != null) {
            args.addAll(List.of(box[0], box[1], box[2], box[3]));
        }
        String sql = LOAD.formatted(where.sql(), box == null ? "" : "and p.geom && ST_MakeEnvelope(?, ?, ?, ?, 4326)");
        var rows = new Growing();
        jdbc.query(sql, rs -> {
            rows.add(rs.getLong(1), rs.getString(2), rs.getDouble(3), rs.getDouble(4));
        }, args.toArray());
        return rows.toPlaces();
    }

    /** The names of places by id, for the nearest places an answer reports. */
    static Map<Long, String> names(JdbcTemplate jdbc, long[] ids) {
        Map<Long, String> names = new HashMap<>();
        jdbc.query("select id, name from places where id = any(?)", rs -> {
            names.put(rs.getLong(1), rs.getString(2));
        }, (Object) ids);
        return names;
    }

    /** Rows collected into primitive arrays as they stream in. */
    private static final class Growing {
        private final Map<String, String> kinds = new HashMap<>();
        private long[] id = new long[1024];
        private String[] kind = new String[1024];
        private double[] lon = new double[1024];
        private double[] lat = new double[1024];
        private int n;

        void add(long i, String k, double x, double y) {
            if (n == id.length) {
                id = Arrays.copyOf(id, n * 2);
                kind = Arrays.copyOf(kind, n * 2);
                lon = Arrays.copyOf(lon, n * 2);
                lat = Arrays.copyOf(lat, n * 2);
            }
            id[n] = i;
            kind[n] = kinds.computeIfAbsent(k, s -> s);
            lon[n] = x;
            lat[n] = y;
            n++;
        }

        Places toPlaces() {
            var places = new Places(n);
            System.arraycopy(id, 0, places.id, 0, n);
            System.arraycopy(kind, 0, places.kind, 0, n);
            System.arraycopy(lon, 0, places.lon, 0, n);
            System.arraycopy(lat, 0, places.lat, 0, n);
            return places;
        }
    }
}
