package de.ortsanker.planning.analysis;

import de.ortsanker.planning.distance.Reach;
import de.ortsanker.planning.rules.Rule;
import de.ortsanker.planning.villages.Village;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Who lives within each rule's threshold: per municipality and district, the villages and the people whose
 * nearest place of the rule's kinds lies within its radius or its minutes (by the rule's mode). The same
 * test as {@link Underserved#misses}, summed the other way round: a planner reads "74 % of the people of
 * Bindlach reach a place to meet within 20 minutes on foot".
 */
public final class Coverage {

    private Coverage() {
    }

    /** Villages and people of an area, and per rule how many of them lie within its threshold. */
    public record AreaShare(String ags, String name, int villages, int population, int villagesWithoutPopulationFigure,
                            Integer officialPopulation, Map<String, Within> perRule) {
    }

    /**
     * How many villages and people lie within a rule's threshold.
     *
     * @param share the people within as a share of the area's people (0 … 1); null when the area's villages
     *              have no figure at all
     */
    public record Within(int villages, int population, Double share) {
    }

    /** Per village and rule whether it lies within the threshold, and the summaries. */
    public record Result(List<Village> villages, boolean[][] within, AreaShare total, List<AreaShare> municipalities,
                         List<AreaShare> districts) {
    }

    /** {@code reach} must hold one target per rule, in the rules' order. */
    public static Result evaluate(List<Village> villages, List<Rule> rules, Reach reach) {
        boolean[][] within = new boolean[villages.size()][rules.size()];
        for (int v = 0; v < villages.size(); v++) {
            for (int r = 0; r < rules.size(); r++) {
                within[v][r] = !Underserved.misses(rules.get(r), reach.nearest(r, v));
            }
        }
        List<Integer> all = new ArrayList<>();
        for (int v = 0; v < villages.size(); v++) {
            all.add(v);
        }
        AreaShare total = share(null, "total", villages, all, within, rules, null);
        return new Result(villages, within, total, summarise(villages, within, rules, AreaLevel.MUNICIPALITY),
                summarise(villages, within, rules, AreaLevel.DISTRICT));
    }

    private static List<AreaShare> summarise(List<Village> villages, boolean[][] within, List<Rule> rules,
                                             AreaLevel level) {
        Map<String, List<Integer>> byArea = new TreeMap<>();
        for (int v = 0; v < villages.size(); v++) {
            byArea.computeIfAbsent(String.valueOf(level.key(villages.get(v))), k -> new ArrayList<>()).add(v);
        }
        List<AreaShare> out = new ArrayList<>();
        for (List<Integer> members : byArea.values()) {
            Village first = villages.get(members.get(0));
            out.add(share(level.key(first), level.name(first), villages, members, within, rules,
                    level.officialPopulation(first)));
        }
        return out;
    }

    private static AreaShare share(String ags, String name, List<Village> villages, List<Integer> members,
                                   boolean[][] within, List<Rule> rules, Integer official) {
        int population = 0, unknown = 0;
        int[] villagesWithin = new int[rules.size()], peopleWithin = new int[rules.size()];
        for (int v : members) {
            int people = villages.get(v).population().weight();
            population += people;
            unknown += villages.get(v).population().known() ? 0 : 1;
            for (int r = 0; r < rules.size(); r++) {
                if (within[v][r]) {
                    villagesWithin[r]++;
                    peopleWithin[r] += people;
                }
            }
        }
        Map<String, Within> perRule = new LinkedHashMap<>();
        for (int r = 0; r < rules.size(); r++) {
            perRule.put(rules.get(r).label(), new Within(villagesWithin[r], peopleWithin[r],
                    population == 0 ? null : (double) peopleWithin[r] / population));
        }
        return new AreaShare(ags, name, members.size(), population, unknown, official, perRule);
    }
}
