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
 * of Germany that the extent of everything would be. Computed in one grouped scan and remembered for a few
 * minutes.
 */
@Component
class StartView {

    /** A cell's size in degrees: about 17 km east-west and north-south in Germany. */
    static final double CELL_LON = 0.25;
    static final double CELL_LAT = 0.15;
    static final String RICHEST = """
            with located as (
                select p.kind, p.geom, floor((ST_XMin(p.geom) + ST_XMax(p.geom)) / 2 / %2$s) as cx,
                       floor((ST_YMin(p.geom) + ST_YMax(p.geom)) / 2 / %3$s) as cy
                  from places p where %1$s),
            richest as (
                select cx, cy from located group by cx, cy
                 order by count(distinct kind) desc, count(*) desc, cx, cy limit 1)
            select ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)
              from (select ST_Extent(l.geom)::geometry as e from located l join richest r using (cx, cy)) x
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
            remembered = java.util.Objects.requireNonNullElse(query(RICHEST), GERMANY);
            rememberedAt = Instant.now();
        }
        return remembered;
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
