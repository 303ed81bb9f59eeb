package de.ortsanker.features;

import de.ortsanker.cql2.SqlFilter;
import de.ortsanker.database.LayerVersions;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What a collection's metadata says about its data — spatial and temporal extent, and whose data it is
 * (licences and attributions with their counts) — computed in PostGIS and cached until one of the
 * collection's layers changes (or the day changes: expired offers leave the public rows at midnight).
 */
@Component
public class CollectionExtents {

    /** A licence and attribution found in the collection, with the number of features under it. */
    public record Source(String licence, String attribution, long features) {
    }

    /**
     * @param bbox  west, south, east, north in CRS84, or null for an empty collection
     * @param start first instant of validity, null for open or none
     * @param end   last instant of validity, null for open or none
     */
    public record Extent(double[] bbox, boolean temporal, Instant start, Instant end, long features, List<Source> sources) {
    }

    private record Cached(String token, Extent extent) {
    }

    /** The validity period of places ({@link CollectionDefinition#temporal()}), as the catalogue's fields read it. */
    private static final String VALID_FROM = "p.valid_from";
    private static final String VALID_TO = "p.valid_to";

    private final JdbcTemplate jdbc;
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

    public CollectionExtents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Extent of(CollectionDefinition c, LayerVersions versions) {
        String token = versions.token(c.layers()) + "@" + LocalDate.now(DateTimeFilter.LOCAL);
        Cached cached = cache.get(c.id());
        if (cached != null && cached.token().equals(token)) {
            return cached.extent();
        }
        Extent extent = compute(c);
        cache.put(c.id(), new Cached(token, extent));
        return extent;
    }

    /**
     * Over every row a client can reach — for places, those public on any day, since {@code datetime} asks
     * for other days than today — with the time span of their validity periods.
     */
    private Extent compute(CollectionDefinition c) {
        boolean t = c.temporal();
        String temporal = !t ? "null t0, null t1, false open0, false open1"
                : "min(" + VALID_FROM + ") t0, max(" + VALID_TO + ") t1, bool_or(" + VALID_FROM
                        + " is null) open0, bool_or(" + VALID_TO + " is null) open1";
        SqlFilter rows = c.visible(null, null);
        String sql = "select ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e), n, t0, t1, open0, open1 from (select"
                + " ST_Extent(" + c.geometryColumn() + ") e, count(*) n, " + temporal + " from " + c.from() + " where "
                + rows.sql() + ") s";
        return jdbc.query(con -> {
            var ps = con.prepareStatement(sql);
            rows.bind(ps, 1);
            return ps;
        }, rs -> {
            rs.next();
            long n = rs.getLong(5);
            double[] bbox = n == 0 ? null : padded(new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3),
                    rs.getDouble(4)});
            Instant start = !t || rs.getBoolean(8) ? null : instant(rs, 6, false);
            Instant end = !t || rs.getBoolean(9) ? null : instant(rs, 7, true);
            return new Extent(bbox, t && n > 0, start, end, n, sources(c, rows));
        });
    }

    private List<Source> sources(CollectionDefinition c, SqlFilter rows) {
        var p = c.provenance();
        return jdbc.query("select " + p.licenceSql() + ", " + p.attributionSql() + ", count(*) from " + c.from()
                        + " where " + rows.sql() + " group by 1, 2 order by 3 desc, 1, 2 limit 20",
                ps -> rows.bind(ps, 1), (rs, i) -> new Source(rs.getString(1), rs.getString(2), rs.getLong(3)));
    }

    private static Instant instant(ResultSet rs, int column, boolean endOfDay) throws SQLException {
        Object v = rs.getObject(column);
        if (v instanceof Date d) {
            LocalDate day = d.toLocalDate();
            return (endOfDay ? day.plusDays(1) : day).atStartOfDay(DateTimeFilter.LOCAL).toInstant()
                    .minusSeconds(endOfDay ? 1 : 0);
        }
        if (v instanceof Timestamp ts) {
            return ts.toInstant();
        }
        return null;
    }

    /**
     * The advertised extent contains the data in every offered CRS even when a client transforms only its
     * two corners (as OGC's test suite does for bbox-crs): in UTM a box's corners do not span its curved
     * edges. So the corners are computed, not guessed: the data's box is transformed (densified) into each
     * projected CRS, and the lower-left and upper-right corners of that extent, 2 m beyond it, are transformed
     * back; the advertised box is the smallest one holding the data and them. "Zoom to layer" then lands on
     * the data (a few per cent wider in UTM, none in CRS84), not on a box grown by quarters until it fit.
     * Should the corners still fall short (far from a zone's meridian), the box grows by 1 % a round.
     */
    double[] padded(double[] data) {
        List<Integer> srids = Crs.SUPPORTED.stream().filter(Crs::projected).map(Crs::srid).toList();
        double[] d = corners(data, srids);
        for (int round = 0; round < 50 && d[1] > -85 && d[3] < 85 && !cornersSpan(d, data, srids); round++) {
            double dx = Math.max(1e-5, (data[2] - data[0]) / 100);
            double dy = Math.max(1e-5, (data[3] - data[1]) / 100);
            d = new double[] {Math.max(-180, d[0] - dx), Math.max(-85, d[1] - dy), Math.min(180, d[2] + dx),
                    Math.min(85, d[3] + dy)};
        }
        // outwards to 1e-7 degrees (1 cm): rounding never cuts into the data
        return new double[] {Math.floor(d[0] * 1e7) / 1e7, Math.floor(d[1] * 1e7) / 1e7,
                Math.ceil(d[2] * 1e7) / 1e7, Math.ceil(d[3] * 1e7) / 1e7};
    }

    /** The data's box widened to the back-transformed corners of its extent in each CRS (see {@link #padded}). */
    private double[] corners(double[] data, List<Integer> srids) {
        double step = Math.max(1e-4, Math.max(data[2] - data[0], data[3] - data[1]) / 64);
        double[] d = jdbc.query("""
                select least(?, min(ST_X(sw))), least(?, min(ST_Y(sw))), greatest(?, max(ST_X(ne))),
                       greatest(?, max(ST_Y(ne)))
                  from (select ST_Transform(ST_SetSRID(ST_MakePoint(ST_XMin(env) - 2, ST_YMin(env) - 2), srid), 4326) sw,
                               ST_Transform(ST_SetSRID(ST_MakePoint(ST_XMax(env) + 2, ST_YMax(env) + 2), srid), 4326) ne
                          from (select srid, ST_Transform(ST_Segmentize(ST_MakeEnvelope(?, ?, ?, ?, 4326), ?), srid) env
                                  from unnest(?) srid) e) c""", ps -> {
            for (int i = 0; i < 4; i++) {
                ps.setDouble(1 + i, data[i]);
                ps.setDouble(5 + i, data[i]);
            }
            ps.setDouble(9, step);
            ps.setArray(10, ps.getConnection().createArrayOf("int4", srids.toArray()));
        }, rs -> {
            rs.next();
            return new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)};
        });
        return d == null ? data.clone() : d;
    }

    private boolean cornersSpan(double[] d, double[] data, List<Integer> srids) {
        double step = Math.max(1e-3, Math.max(data[2] - data[0], data[3] - data[1]) / 64);
        return Boolean.TRUE.equals(jdbc.query("""
                select bool_and(ST_X(c1) <= ST_XMin(env) - 1 and ST_Y(c1) <= ST_YMin(env) - 1
                            and ST_X(c2) >= ST_XMax(env) + 1 and ST_Y(c2) >= ST_YMax(env) + 1)
                  from (select ST_Transform(ST_SetSRID(ST_MakePoint(?, ?), 4326), srid) c1,
                               ST_Transform(ST_SetSRID(ST_MakePoint(?, ?), 4326), srid) c2,
                               ST_Transform(ST_Segmentize(ST_MakeEnvelope(?, ?, ?, ?, 4326), ?), srid) env
                          from unnest(?) srid) s""", ps -> {
            ps.setDouble(1, d[0]);
            ps.setDouble(2, d[1]);
            ps.setDouble(3, d[2]);
            ps.setDouble(4, d[3]);
            for (int i = 0; i < 4; i++) {
                ps.setDouble(5 + i, data[i]);
            }
            ps.setDouble(9, step);
            Array array = ps.getConnection().createArrayOf("int4", srids.toArray());
            ps.setArray(10, array);
        }, rs -> rs.next() && rs.getBoolean(1)));
    }
}
