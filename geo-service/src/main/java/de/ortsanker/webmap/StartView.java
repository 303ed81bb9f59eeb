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
 * The first view of a visitor without a shared link: the configured box, else where the data is richest —
 * the public places of the quarter-degree cell (about 18 × 28 km) that holds the most of them. Not the
 * extent of everything: with a region in Bavaria and one in Brandenburg that is an empty middle of the
 * country, and the map would open on nothing. Remembered for a few minutes.
 */
@Component
class StartView {

    static final double CELL_DEGREES = 0.25;
    static final String RICHEST = """
            with cell as (
                select floor(ST_XMin(p.geom) / :cell) as x, floor(ST_YMin(p.geom) / :cell) as y
                  from places p where %1$s
                 group by 1, 2 order by count(*) desc, 1, 2 limit 1)
            select ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)
              from (select ST_Extent(p.geom)::geometry as e
                      from places p, cell
                     where p.geom && ST_MakeEnvelope(cell.x * :cell, cell.y * :cell, (cell.x + 1) * :cell,
                                                     (cell.y + 1) * :cell, 4326)
                       and %1$s) x
             where e is not null""".formatted(PublicPlaces.on("current_date"));
    /** Around a single place (or a few in a row), a view a citizen can read: about 2 km each way. */
    static final double MIN_SPAN_DEGREES = 0.03;
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
            var boxes = jdbc.query(RICHEST, new MapSqlParameterSource("cell", CELL_DEGREES), (rs, i) -> new double[]{
                    rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)});
            remembered = boxes.isEmpty() ? GERMANY : widened(boxes.get(0));
            rememberedAt = Instant.now();
        }
        return remembered;
    }

    private static double[] widened(double[] box) {
        double[] b = box.clone();
        for (int i = 0; i < 2; i++) {
            double missing = MIN_SPAN_DEGREES - (b[i + 2] - b[i]);
            if (missing > 0) {
                b[i] -= missing / 2;
                b[i + 2] += missing / 2;
            }
        }
        return b;
    }

    static double[] parse(String bbox) {
        try {
            return Bbox.lonLat(bbox, "ORTSANKER_MAP_START_BBOX").toArray();
        } catch (InvalidParameter e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
