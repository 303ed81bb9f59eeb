package de.ortsanker.planning.distance;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The public, current places of some kinds, as plain arrays for the spatial index. A place with an area
 * (a building's footprint) stands at a point on its surface.
 */
final class Places {

    private static final String LOAD = """
            select id, kind, name, ST_X(pt), ST_Y(pt)
              from (select p.id, p.kind, p.name,
                           case when GeometryType(p.geom) = 'POINT' then p.geom else ST_PointOnSurface(p.geom) end as pt
                      from places p
                     where p.kind = any(?) and %s %s) x""";

    final long[] id;
    final String[] kind;
    final String[] name;
    final double[] lon;
    final double[] lat;

    private Places(int n) {
        id = new long[n];
        kind = new String[n];
        name = new String[n];
        lon = new double[n];
        lat = new double[n];
    }

    int size() {
        return id.length;
    }

    /** Loads the places of the kinds, inside the box (minLon, minLat, maxLon, maxLat) or everywhere when null. */
    static Places load(JdbcTemplate jdbc, String[] kinds, double[] box) {
        List<Object[]> rows = new ArrayList<>();
        Object[] args = box == null ? new Object[] {kinds}
                : new Object[] {kinds, box[0], box[1], box[2], box[3]};
        String sql = LOAD.formatted(PublicPlaces.NOW, box == null ? "" : "and p.geom && ST_MakeEnvelope(?, ?, ?, ?, 4326)");
        jdbc.query(sql, rs -> {
            rows.add(new Object[] {rs.getLong(1), rs.getString(2).intern(), rs.getString(3), rs.getDouble(4), rs.getDouble(5)});
        }, args);
        var places = new Places(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Object[] r = rows.get(i);
            places.id[i] = (Long) r[0];
            places.kind[i] = (String) r[1];
            places.name[i] = (String) r[2];
            places.lon[i] = (Double) r[3];
            places.lat[i] = (Double) r[4];
        }
        return places;
    }
}
