package de.ortsanker.webmap;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import de.ortsanker.problem.InvalidParameter;
import de.ortsanker.problem.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The planner's choice of area: a Landkreis or Gemeinde by name (type-ahead), or one by its official key
 * (a page address with {@code ?ags=}). Only current records: one per level and key (V63), so a district
 * held by the BKG boundaries and by OpenStreetMap is offered once.
 */
@RestController
@Tag(name = "Web map")
class AreaSearchController {

    /** The district a municipality lies in tells two "Neudorf"s apart. */
    private static final String COLUMNS = """
            a.ags, a.level, a.name, a.designation,
                   area_population(a) as population,
                   case when a.level = 'gemeinde' then (select coalesce(k.designation || ' ', '') || k.name
                          from admin_areas k where k.level = 'kreis' and k.retired_at is null and k.ags = left(a.ags, 5)
                          limit 1) end as part_of,
                   ST_XMin(a.geom) as w, ST_YMin(a.geom) as s, ST_XMax(a.geom) as e, ST_YMax(a.geom) as n""";

    /** Districts before municipalities, names starting with what was typed before names containing it. */
    static final String BY_NAME = """
            select %s, null as outline
              from admin_areas a
             where a.retired_at is null and a.level in ('kreis', 'gemeinde')
               and (a.name_folded like :prefix or a.name_folded like :inside or :q <%% a.name_folded)
             order by a.name_folded like :prefix desc, a.level = 'kreis' desc, word_similarity(:q, a.name_folded) desc,
                      population desc nulls last, a.name, a.ags
             limit :limit""".formatted(COLUMNS);

    /** One area by key, with a simplified outline (about 10 m) for the map. */
    static final String BY_KEY = """
            select %s, ST_AsGeoJSON(ST_SimplifyPreserveTopology(a.geom, 0.0001), 5) as outline
              from admin_areas a
             where a.retired_at is null and a.ags = :ags and a.level in ('land', 'kreis', 'gemeinde')
             order by a.level = 'kreis' desc, a.level = 'gemeinde' desc limit 1""".formatted(COLUMNS);

    private final NamedParameterJdbcTemplate jdbc;

    AreaSearchController(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping(path = "/map/areas", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Type-ahead for the planner: districts (Landkreise) and municipalities whose name starts with"
            + " or resembles q, with their official key (AGS) and bounding box")
    Areas search(@Parameter(description = "what was typed so far (at least 2 letters)") @RequestParam String q,
                 @Parameter(description = "how many (default 8, at most 20)") @RequestParam(defaultValue = "8") int limit) {
        String text = q.strip();
        if (text.codePointCount(0, text.length()) < 2 || text.length() > 100) {
            throw new InvalidParameter("q", "must have 2 to 100 characters");
        }
        if (limit < 1 || limit > 20) {
            throw new InvalidParameter("limit", "must be 1 … 20, got " + limit);
        }
        String folded = jdbc.queryForObject("select fold_name(:q)", new MapSqlParameterSource("q", text), String.class);
        String like = escapeLike(folded);
        var params = new MapSqlParameterSource("q", folded).addValue("prefix", like + "%")
                .addValue("inside", "%" + like + "%").addValue("limit", limit);
        return new Areas(jdbc.query(BY_NAME, params, (rs, i) -> area(rs)));
    }

    @GetMapping(path = "/map/areas/{ags}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One district or municipality by its official key (AGS), with its outline")
    AreaItem byKey(@Parameter(description = "5 digits for a district (Kreis), 8 for a municipality, 2 for a Land")
                   @PathVariable String ags) {
        if (!ags.matches("[0-9]{2}|[0-9]{5}|[0-9]{8}")) {
            throw new InvalidParameter("ags", "'" + ags + "' is not an official key: 8 digits for a municipality"
                    + " (Gemeinde), 5 for a district (Kreis), 2 for a Land");
        }
        var found = jdbc.query(BY_KEY, new MapSqlParameterSource("ags", ags), (rs, i) -> area(rs));
        if (found.isEmpty()) {
            throw new NotFound("no district, municipality or Land has the key " + ags);
        }
        return found.get(0);
    }

    private static AreaItem area(java.sql.ResultSet rs) throws java.sql.SQLException {
        Integer population = (Integer) rs.getObject("population");
        return new AreaItem(rs.getString("ags"), rs.getString("level"), rs.getString("name"),
                rs.getString("designation"), rs.getString("part_of"), population,
                new double[]{rs.getDouble("w"), rs.getDouble("s"), rs.getDouble("e"), rs.getDouble("n")},
                rs.getString("outline"));
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    record Areas(List<AreaItem> areas) {
    }

    /**
     * A district or municipality: {@code ags} is what {@code /planning/…?ags=} takes.
     *
     * @param partOf  for a municipality, its district ("Landkreis Bayreuth")
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record AreaItem(String ags, @Schema(allowableValues = {"land", "kreis", "gemeinde"}) String level, String name,
                    @Schema(description = "\"Landkreis\", \"Stadt\", \"Gemeinde\" …") String designation,
                    String partOf, Integer population,
                    @Schema(description = "minLon, minLat, maxLon, maxLat") double[] bbox,
                    @JsonRawValue @Schema(type = "object", description = "GeoJSON outline, simplified (by key only)")
                    String outline) {
    }
}
