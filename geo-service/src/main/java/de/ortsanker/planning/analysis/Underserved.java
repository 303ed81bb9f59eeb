package de.ortsanker.planning.analysis;

import de.ortsanker.planning.distance.NearPlace;
import de.ortsanker.planning.distance.Reach;
import de.ortsanker.planning.rules.Rule;
import de.ortsanker.planning.villages.Village;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which villages miss what their planners' rules ask for, ranked by the people affected — the largest
 * population first; among equals, the village missing more, then the one farther from what it misses.
 */
public final class Underserved {

    private Underserved() {
    }

    /** One rule a village fails: the nearest place of the rule's kinds (null when there is none at all). */
    public record Missing(String rule, NearPlace nearest) {
    }

    /** An underserved village and its place in the ranking (1 = most people affected). */
    public record Ranked(int rank, Village village, List<Missing> missing) {
    }

    /** Villages and people per area and rule. */
    public record AreaSummary(String ags, String name, int villages, int underservedVillages, int population,
                              int populationAffected, int villagesWithoutPopulationFigure,
                              Map<String, int[]> perRule, Integer officialPopulation) {
    }

    /** The whole answer: ranked villages (only the underserved) and the summaries. */
    public record Result(List<Ranked> villages, int villagesAnalysed, int population, int populationAffected,
                         int villagesWithoutPopulationFigure, List<AreaSummary> municipalities,
                         List<AreaSummary> districts) {
    }

    /** {@code reach} must hold one target per rule, in the rules' order. */
    public static Result evaluate(List<Village> villages, List<Rule> rules, Reach reach) {
        List<List<Missing>> missing = new ArrayList<>();
        for (int v = 0; v < villages.size(); v++) {
            List<Missing> m = new ArrayList<>();
            for (int r = 0; r < rules.size(); r++) {
                NearPlace near = reach.nearest(r, v);
                if (misses(rules.get(r), near)) {
                    m.add(new Missing(rules.get(r).label(), near));
                }
            }
            missing.add(m);
        }
        List<Integer> order = new ArrayList<>();
        for (int v = 0; v < villages.size(); v++) {
            if (!missing.get(v).isEmpty()) {
                order.add(v);
            }
        }
        order.sort(Comparator.<Integer>comparingInt(v -> -villages.get(v).population().weight())
                .thenComparingInt(v -> -missing.get(v).size())
                .thenComparingDouble(v -> -shortfall(missing.get(v)))
                .thenComparingLong(v -> villages.get(v).id()));
        List<Ranked> ranked = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            ranked.add(new Ranked(i + 1, villages.get(order.get(i)), missing.get(order.get(i))));
        }
        int population = villages.stream().mapToInt(v -> v.population().weight()).sum();
        int affected = ranked.stream().mapToInt(u -> u.village().population().weight()).sum();
        int unknown = (int) villages.stream().filter(v -> !v.population().known()).count();
        return new Result(ranked, villages.size(), population, affected, unknown,
                summarise(villages, missing, rules, AreaLevel.MUNICIPALITY),
                summarise(villages, missing, rules, AreaLevel.DISTRICT));
    }

    /** Whether a village whose nearest place of the rule's kinds is {@code near} (null: none) breaks the rule. */
    public static boolean misses(Rule rule, NearPlace near) {
        if (rule.timed()) {
            return near == null || !near.timed() || near.seconds() > rule.minutes() * 60.0;
        }
        return near == null || near.metres() > rule.radiusM();
    }

    /** How far, all told, a village is from what it misses (nothing at all counts as very far). */
    private static double shortfall(List<Missing> missing) {
        return missing.stream().mapToDouble(m -> m.nearest() == null ? 1e9 : m.nearest().metres()).sum();
    }

    private static List<AreaSummary> summarise(List<Village> villages, List<List<Missing>> missing, List<Rule> rules,
                                               AreaLevel level) {
        Map<String, List<Integer>> byArea = new TreeMap<>();
        for (int v = 0; v < villages.size(); v++) {
            byArea.computeIfAbsent(String.valueOf(level.key(villages.get(v))), k -> new ArrayList<>()).add(v);
        }
        List<AreaSummary> out = new ArrayList<>();
        for (List<Integer> members : byArea.values()) {
            Village first = villages.get(members.get(0));
            int population = 0, affected = 0, underserved = 0, unknown = 0;
            Map<String, int[]> perRule = new LinkedHashMap<>();
            rules.forEach(r -> perRule.put(r.label(), new int[2]));
            for (int v : members) {
                int people = villages.get(v).population().weight();
                population += people;
                unknown += villages.get(v).population().known() ? 0 : 1;
                if (!missing.get(v).isEmpty()) {
                    underserved++;
                    affected += people;
                }
                for (Missing m : missing.get(v)) {
                    int[] counts = perRule.get(m.rule());
                    counts[0]++;
                    counts[1] += people;
                }
            }
            out.add(new AreaSummary(level.key(first), level.name(first), members.size(), underserved, population,
                    affected, unknown, perRule, level.officialPopulation(first)));
        }
        return out;
    }
}
