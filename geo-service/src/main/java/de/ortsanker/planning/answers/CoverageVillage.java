package de.ortsanker.planning.answers;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import de.ortsanker.planning.distance.NearPlace;
import de.ortsanker.planning.output.Column;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A village and, per rule, whether its nearest place of the rule's kinds lies within the threshold. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CoverageVillage(@JsonUnwrapped VillageFacts village,
                              @Schema(description = "keyed by the rule as the request wrote it") Map<String, RuleReach> rules,
                              double lon, double lat) implements VillageItem {

    /**
     * @param nearestM   whole metres to the nearest place (along the network for a rule in minutes); null when
     *                   there is none
     * @param nearestMin minutes to it along the network, to a tenth; null for a rule in metres
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record RuleReach(boolean within, Long nearestM, Double nearestMin, NearestPlace nearest) {

        static RuleReach of(boolean within, NearPlace p) {
            return new RuleReach(within, NearestPlace.metres(p), NearestPlace.minutes(p), NearestPlace.of(p));
        }
    }

    static CoverageVillage of(de.ortsanker.planning.villages.Village v, List<String> rules, boolean[] within,
                              NearPlace[] nearest) {
        Map<String, RuleReach> reach = new LinkedHashMap<>();
        for (int r = 0; r < rules.size(); r++) {
            reach.put(rules.get(r), RuleReach.of(within[r], nearest[r]));
        }
        return new CoverageVillage(VillageFacts.of(v), reach, v.lon(), v.lat());
    }

    /** A row per village: the village, then per rule whether it lies within, the minutes and metres. */
    static List<Column<CoverageVillage>> columns(List<String> rules) {
        List<Column<CoverageVillage>> columns = new ArrayList<>(VillageFacts.columns());
        for (String r : rules) {
            columns.add(new Column<>("innerhalb " + r, v -> v.rules().get(r).within() ? "ja" : "nein"));
            columns.add(new Column<>("Minuten " + r, v -> v.rules().get(r).nearestMin()));
            columns.add(new Column<>("Meter " + r, v -> v.rules().get(r).nearestM()));
        }
        return columns;
    }
}
