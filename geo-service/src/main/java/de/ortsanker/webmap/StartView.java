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
 * The first view of a visitor without a shared link: the configured box, else the extent of the public
 * places. PostGIS's estimate (from table statistics) is free; the exact extent is computed only while
 * there are no statistics yet, and either is remembered for a few minutes.
 */
@Component
class StartView {

    static final String ESTIMATED = """
            select ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)
              from (select ST_EstimatedExtent('places', 'geom')::geometry as e) x where e is not null""";
    static final String EXACT = """
            select ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)
              from (select ST_Extent(p.geom)::geometry as e from places p where %s) x
             where e is not null""".formatted(PublicPlaces.on("current_date"));
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
            double[] box = query(ESTIMATED);
            remembered = box != null ? box : java.util.Objects.requireNonNullElse(query(EXACT), GERMANY);
            rememberedAt = Instant.now();
        }
        return remembered;
    }

    private double[] query(String sql) {
        try {
            var boxes = jdbc.query(sql, new MapSqlParameterSource(), (rs, i) -> new double[]{
                    rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)});
            return boxes.isEmpty() ? null : boxes.get(0);
        } catch (org.springframework.dao.DataAccessException noStatistics) {
            return null;  // ST_EstimatedExtent raises when the table was never analysed
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
