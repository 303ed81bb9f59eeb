package de.ortsanker.webmap;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import de.ortsanker.filter.PublicPlaces;
import de.ortsanker.problem.InvalidParameter;
import de.ortsanker.service.StatementTimeouts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Type-ahead for the search box: villages, municipalities and public places whose name starts with what
 * was typed so far, or resembles it (folded: "muhle", "Mühle" and "MUEHLE" meet). The places API resolves
 * a whole name ({@code /places/nearby?near=}); this answers the half-typed one, in one small request.
 */
@RestController
@Tag(name = "Web map")
class SuggestController {

    /**
     * Prefix matches first, then by word similarity (both use the trigram indexes on name_folded); towns
     * before villages before places, larger first.
     */
    static final String SUGGESTIONS = """
            select type, detail, label_de, label_en, name, context, place_id, lon, lat
              from (select 'locality' as type, l.kind as detail, null as label_de, null as label_en, l.name,
                           (select a.name from admin_areas a where a.level = 'gemeinde' and a.retired_at is null
                              and ST_Intersects(a.geom, l.geom) limit 1) as context,
                           null::bigint as place_id, ST_X(l.geom) as lon, ST_Y(l.geom) as lat,
                           l.name_folded like :prefix as prefix, word_similarity(:q, l.name_folded) as score,
                           1 as preference, coalesce(village_people(l.id), 0) as size
                      from localities l
                     where l.retired_at is null and %2$s
                    union all
                    select 'municipality', coalesce(a.designation, 'Gemeinde'), null, null, a.name, null, null,
                           ST_X(ST_PointOnSurface(a.geom)), ST_Y(ST_PointOnSurface(a.geom)),
                           a.name_folded like :prefix, word_similarity(:q, a.name_folded), 2, coalesce(area_population(a), 0)
                      from admin_areas a
                     where a.level = 'gemeinde' and a.retired_at is null
                       and %3$s
                    union all
                    select 'place', p.kind, k.label_de, k.label_en, p.name, p.addr_city, p.id,
                           ST_X(ST_PointOnSurface(p.geom)), ST_Y(ST_PointOnSurface(p.geom)),
                           p.name_folded like :prefix, word_similarity(:q, p.name_folded), 3, 0
                      from places p join kinds k on k.code = p.kind
                     where %1$s
                       and %4$s) s
             order by prefix desc, score desc, preference, size desc, name
             limit :limit""";

    /** A name starting with what was typed, or resembling it (trigram word similarity). */
    private static final String FUZZY = "(%1$s.name_folded like :prefix or :q <%% %1$s.name_folded)";

    /**
     * Fewer than three letters: names starting with them only, as one range over the folded names in byte
     * order (the prefix indexes of V65): a trigram search for two letters reads most of the names.
     */
    private static final String PREFIX = "((%1$s.name_folded collate \"C\") >= (:q collate \"C\")"
            + " and (%1$s.name_folded collate \"C\") < ((:q || chr(1114111)) collate \"C\"))";

    private static final String FUZZY_QUERY = query(FUZZY);
    private static final String PREFIX_QUERY = query(PREFIX);

    private static String query(String match) {
        return SUGGESTIONS.formatted(PublicPlaces.on("current_date"), match.formatted("l"), match.formatted("a"),
                match.formatted("p"));
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final StatementTimeouts timeouts;

    SuggestController(NamedParameterJdbcTemplate jdbc, StatementTimeouts timeouts) {
        this.jdbc = jdbc;
        this.timeouts = timeouts;
    }

    @GetMapping(path = "/map/suggest", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Type-ahead: villages, municipalities and places whose name starts with or resembles q")
    Suggestions suggest(@Parameter(description = "what was typed so far (at least 2 letters)") @RequestParam String q,
                        @Parameter(description = "how many (default 8, at most 20)")
                        @RequestParam(defaultValue = "8") int limit) {
        String text = q.strip();
        if (text.codePointCount(0, text.length()) < 2 || text.length() > 100) {
            throw new InvalidParameter("q", "must have 2 to 100 characters");
        }
        if (limit < 1 || limit > 20) {
            throw new InvalidParameter("limit", "must be 1 … 20, got " + limit);
        }
        boolean shortQuery = text.codePointCount(0, text.length()) < 3;
        return timeouts.search(() -> suggestions(text, limit, shortQuery ? PREFIX_QUERY : FUZZY_QUERY));
    }

    private Suggestions suggestions(String text, int limit, String query) {
        String folded = jdbc.queryForObject("select fold_name(:q)", new MapSqlParameterSource("q", text), String.class);
        var params = new MapSqlParameterSource("q", folded).addValue("prefix", escapeLike(folded) + "%")
                .addValue("limit", limit);
        return new Suggestions(jdbc.query(query, params, (rs, i) -> {
            String name = rs.getString("name");
            String context = rs.getString("context");
            long placeId = rs.getLong("place_id");
            return new Suggestion(rs.getString("type"), rs.getString("detail"), rs.getString("label_de"),
                    rs.getString("label_en"), name, context, rs.wasNull() ? null : placeId,
                    context == null || context.equals(name) ? name : name + ", " + context,
                    rs.getDouble("lon"), rs.getDouble("lat"));
        }));
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    record Suggestions(List<Suggestion> suggestions) {
    }

    /**
     * One suggestion: a locality (detail: village, hamlet …), a municipality (detail: Gemeinde, Stadt …) or a
     * place (detail: its kind). {@code near} is the value {@code /places/nearby?near=} resolves to it alone.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Suggestion(String type, String detail, String kindLabelDe, String kindLabelEn, String name, String context,
                      Long placeId, String near, double lon, double lat) {
    }
}
