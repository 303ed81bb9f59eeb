package de.ortsanker.webmap;

import de.ortsanker.filter.Bbox;
import de.ortsanker.filter.PublicPlaces;
import de.ortsanker.problem.InvalidParameter;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The first view of a visitor without a shared link: the configured box, else the richest region of the data
 * — the map cell (about 17 × 17 km) whose public places are of the most kinds, then the most places, zoomed
 * to its places. A newcomer to a database holding a rural county with a handful of stops and a fully mapped
 * small town sees the town's village halls, pubs, libraries and car sharing first, not the outline of half
 * of Germany that the extent of everything would be. Remembered for a few minutes.
 *
 * <p>Cost: one grouped scan of the public places, then an index search for the chosen cell's extent. Above
 * {@value #SAMPLE_ROWS} places (by the table statistics) the scan reads a block sample of that many rows
 * ({@code tablesample system}): a million places cost 4.8 s in full and 0.4 s sampled, and a sample ranks the
 * regions of a large database the same way (docs/benchmarks.md).
 */
@Component
class StartView {

    /** A cell's size in degrees: about 17 km east-west and north-south in Germany. */
    static final double CELL_LON = 0.25;
    static final double CELL_LAT = 0.15;
    /** How many places the ranking of the cells reads at most (a block sample above it). */
    static final long SAMPLE_ROWS = 50_000;
    /** The places the statistics know of, over the partitions of places (0 while never analysed). */
    static final String PLACES = """
            select coalesce(sum(greatest(c.reltuples, 0)), 0) from pg_class c
              join pg_inherits i on i.inhrelid = c.oid where i.inhparent = 'places'::regclass""";
    /**
     * The richest cell: kinds per cell counted from (cell, kind) groups — a hash aggregate, where
     * count(distinct) would sort every row — then the extent of its public places, found by the index.
     * The sample clause, if any, goes where the text says {@code %1$s}.
     */
    static final String RICHEST = """
            with per_kind as (
                select floor((ST_XMin(p.geom) + ST_XMax(p.geom)) / 2 / %2$s) as cx,
                       floor((ST_YMin(p.geom) + ST_YMax(p.geom)) / 2 / %3$s) as cy, count(*) as n
                  from places p %%1$s where %1$s
                 group by 1, 2, p.kind),
            richest as (
                select cx, cy from per_kind group by cx, cy order by count(*) desc, sum(n) desc, cx, cy limit 1)
            select ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)
              from (select ST_Extent(p.geom)::geometry as e from places p, richest r
                     where p.geom && ST_MakeEnvelope(r.cx * %2$s, r.cy * %3$s, (r.cx + 1) * %2$s, (r.cy + 1) * %3$s, 4326)
                       and floor((ST_XMin(p.geom) + ST_XMax(p.geom)) / 2 / %2$s) = r.cx
                       and floor((ST_YMin(p.geom) + ST_YMax(p.geom)) / 2 / %3$s) = r.cy
                       and %1$s) x
             where e is not null""".formatted(PublicPlaces.on("current_date"), CELL_LON, CELL_LAT);
    /** Germany, when there is no data at all. */
    static final double[] GERMANY = {5.87, 47.27, 15.04, 55.06};
    private static final Duration REMEMBER = Duration.ofMinutes(5);

    private final WebMapSettings settings;
    private final NamedParameterJdbcTemplate jdbc;
    private volatile double[] remembered;
    private volatile Instant rememberedAt = Instant.MIN;

    StartView(WebMapSettings settings, NamedParameterJdbcTemplate jdbc) {
        this.settings = settings;
        this.jdbc = jdbc;
        if (!settings.startBbox().isEmpty()) {
            remembered = parse(settings.startBbox());
        }
    }

    double[] bbox() {
        if (!settings.startBbox().isEmpty()) {
            return remembered;
        }
        if (remembered == null || rememberedAt.plus(REMEMBER).isBefore(Instant.now())) {
            remembered = java.util.Objects.requireNonNullElse(query(RICHEST.formatted(sample())), GERMANY);
            rememberedAt = Instant.now();
        }
        return remembered;
    }

    /** The sample clause for the number of places the statistics know of: none up to SAMPLE_ROWS. */
    private String sample() {
        Double rows;
        try {
            rows = jdbc.getJdbcTemplate().queryForObject(PLACES, Double.class);
        } catch (org.springframework.dao.DataAccessException e) {
            rows = null;
        }
        return rows == null || rows <= SAMPLE_ROWS ? ""
                : "tablesample system (" + String.format(java.util.Locale.ROOT, "%.4f", 100.0 * SAMPLE_ROWS / rows) + ")";
    }

    private double[] query(String sql) {
        try {
            var boxes = jdbc.query(sql, new MapSqlParameterSource(), (rs, i) -> new double[]{
                    rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)});
            return boxes.isEmpty() ? null : boxes.get(0);
        } catch (org.springframework.dao.DataAccessException e) {
            return null;  // the map still opens, on Germany; the next visitor asks again
        }
    }

    static double[] parse(String bbox) {
        try {
            return Bbox.lonLat(bbox, "ORTSANKER_MAP_START_BBOX").toArray();
        } catch (InvalidParameter e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
