package de.ortsanker.planning.answers;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import de.ortsanker.filter.PlaceFilter;
import de.ortsanker.planning.area.Area;
import de.ortsanker.planning.distance.DistanceModel;
import de.ortsanker.planning.rules.Rule;
import de.ortsanker.planning.rules.Target;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Arrays;
import java.util.List;

/**
 * What every planning answer states about how it was reached — the area, the conditions places were held
 * to, the settlements analysed, how distance was measured and how population was found — so that a council
 * report can say what it rests on. Each answer adds its own questions (targets, rules, sites).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Inputs(AnalysedArea area,
                     @Schema(description = "only step-free places counted; null: no condition",
                             allowableValues = {"yes", "limited"}) String stepFree,
                     @Schema(description = "only places with free entry (true) or only the others (false); null: both")
                     Boolean freeEntry,
                     List<String> settlements, String mode, String distance,
                     @Schema(description = "how a village's population was found, in words") String population) {

    /** @param key how results for the area are filed, e.g. {@code ags:09999}, {@code all} */
    public record AnalysedArea(String key, String name, String parameter) {
    }

    /** A target as the request wrote it, with the kinds it stands for. */
    public record TargetInput(String target, List<String> kinds) {

        public static TargetInput of(Target t) {
            return new TargetInput(t.label(), Arrays.asList(t.kindCodes()));
        }
    }

    /**
     * A rule as the request wrote it, with the kinds and the radius or the time it stands for.
     *
     * @param radiusM a rule in metres: its radius; null for a rule in minutes
     * @param mode    a rule in minutes: walk or bike (along the network) or transit; null for a rule in metres
     * @param minutes a rule in minutes: the time it allows; null for a rule in metres
     * @param window  a transit rule: when journeys leave home, e.g. sun:14-18; null for the others
     * @param date    a transit rule: the service day whose timetable answered it; null for the others
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record RuleInput(String rule, List<String> kinds, Integer radiusM, String mode, Integer minutes,
                            String window, java.time.LocalDate date) {

        public static RuleInput of(Rule r) {
            if (!r.timed()) {
                return new RuleInput(r.label(), Arrays.asList(r.target().kindCodes()), r.radiusM(), null, null, null, null);
            }
            return new RuleInput(r.label(), Arrays.asList(r.target().kindCodes()), null, r.modeCode(), r.minutes(),
                    r.transit() ? r.window().label() : null, r.transit() ? r.window().date() : null);
        }
    }

    public static Inputs of(Area area, DistanceModel model, PlaceFilter conditions, List<String> settlements,
                            int zensusMaxDistanceM) {
        return new Inputs(new AnalysedArea(area.key(), area.name(), area.parameter()),
                conditions.stepFree() == null ? null : conditions.stepFree().code(), conditions.freeEntry(),
                settlements, model.mode().code(), model.description(),
                "the village's own figure (OpenStreetMap), where it is plausibly the village's; else its share of"
                        + " its municipality's official figure (Destatis GV-ISys, Zensus 2022) in proportion to the Zensus"
                        + " grid cells, else the addresses, whose nearest settlement it is, else (rough) to its kind of"
                        + " settlement; else unknown, counted as 0 people and flagged (population_method,"
                        + " population_uncertainty; docs/population.md)");
    }
}
