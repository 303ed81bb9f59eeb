package de.ortsanker.planning.answers;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import de.ortsanker.planning.analysis.Underserved;
import de.ortsanker.planning.output.Column;
import de.ortsanker.planning.output.Words;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;

/** A village that breaks a rule, its place in the ranking (1 = most people affected) and what it misses. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record UnderservedVillage(int rank, @JsonUnwrapped VillageFacts village, List<MissedRule> missing,
                                 double lon, double lat) implements VillageItem {

    /**
     * A rule the village breaks, and the nearest place of the rule's kinds.
     *
     * @param nearestM   whole metres to the nearest place (along the network for walk and bike); null when there
     *                   is none at all
     * @param nearestMin minutes to it along the network, to a tenth; null in a straight line or when there is none
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record MissedRule(@Schema(description = "the rule as the request wrote it") String rule, Long nearestM,
                             Double nearestMin, NearestPlace nearest) {

        public static MissedRule of(Underserved.Missing m) {
            return new MissedRule(m.rule(), NearestPlace.metres(m.nearest()), NearestPlace.minutes(m.nearest()),
                    NearestPlace.of(m.nearest()));
        }

        /** "third_places:2000 (nearest 3400 m: Gasthof Linde)" or "… (none at all)". */
        public String inWords() {
            return words().en();
        }

        /** The same in German and English: "third_places:2000 (nächster 3400 m: Gasthof Linde)". */
        public Words words() {
            if (nearest == null) {
                return new Words(rule + " (keiner erreichbar)", rule + " (none at all)");
            }
            String name = nearest.name() == null ? "" : ": " + nearest.name();
            String how = nearestMin == null ? nearestM + " m" : nearestMin + " min, " + nearestM + " m";
            return new Words(rule + " (nächster " + how + name + ")", rule + " (nearest " + how + name + ")");
        }
    }

    static UnderservedVillage of(Underserved.Ranked u) {
        return new UnderservedVillage(u.rank(), VillageFacts.of(u.village()),
                u.missing().stream().map(MissedRule::of).toList(), u.village().lon(), u.village().lat());
    }

    /** A row per village: its rank, the village, and what it misses in words. */
    static List<Column<UnderservedVillage>> columns() {
        List<Column<UnderservedVillage>> columns = new ArrayList<>();
        columns.add(new Column<>("Rang", UnderservedVillage::rank));
        columns.addAll(VillageFacts.columns());
        columns.add(new Column<>("Es fehlt", v -> new Words(
                String.join("; ", v.missing().stream().map(m -> m.words().de()).toList()),
                String.join("; ", v.missing().stream().map(m -> m.words().en()).toList()))));
        return columns;
    }
}
