package de.ortsanker.places;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import de.ortsanker.vocabulary.Kind;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/** The vocabulary a map's legend and filters are built from: groups and their kinds, in German and English. */
@RestController
@Tag(name = "Places")
class KindsController {

    static final String VOCABULARY = """
            select g.code as group_code, g.label_de as group_de, g.label_en as group_en,
                   k.code, k.label_de, k.label_en, k.geometry
              from kind_groups g join kinds k on k.group_code = g.code
             order by g.position, k.code""";

    private final NamedParameterJdbcTemplate jdbc;

    KindsController(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping(path = "/kinds", produces = "application/json")
    @Operation(summary = "The kinds of places and their groups, with German and English labels",
            description = "Codes are what `kinds` filters take (a group code stands for all its kinds).")
    Vocabulary kinds(WebRequest request) {
        var groups = new LinkedHashMap<String, GroupEntry>();
        jdbc.query(VOCABULARY, rs -> {
            String code = rs.getString("group_code");
            var group = groups.get(code);
            if (group == null) {
                group = new GroupEntry(code, rs.getString("group_de"), rs.getString("group_en"), new ArrayList<>());
                groups.put(code, group);
            }
            group.kinds().add(new KindEntry(rs.getString("code"), rs.getString("label_de"),
                    rs.getString("label_en"), rs.getString("geometry")));
        });
        // Within a group, the order the vocabulary lists them in (village hall before pub), not A–Z.
        groups.values().forEach(g -> g.kinds().sort(Comparator.comparingInt(
                k -> Kind.fromCode(k.code()).map(Enum::ordinal).orElse(Integer.MAX_VALUE))));
        var answer = new Vocabulary(List.copyOf(groups.values()));
        // The vocabulary changes only with a migration: its content is its version.
        if (request.checkNotModified("W/\"kinds-" + Integer.toHexString(answer.hashCode()) + "\"")) {
            return null;
        }
        return answer;
    }

    record Vocabulary(List<GroupEntry> groups) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record GroupEntry(String code, String labelDe, String labelEn, List<KindEntry> kinds) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record KindEntry(String code, String labelDe, String labelEn,
                     @io.swagger.v3.oas.annotations.media.Schema(allowableValues = {"point", "area", "any"}) String geometry) {
    }
}
