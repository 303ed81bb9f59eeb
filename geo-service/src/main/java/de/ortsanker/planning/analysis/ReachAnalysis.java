package de.ortsanker.planning.analysis;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import de.ortsanker.planning.distance.NearPlace;
import de.ortsanker.planning.distance.Reach;
import de.ortsanker.planning.villages.Village;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reach per village, summed up per municipality or district. */
public final class ReachAnalysis {

    private ReachAnalysis() {
    }

    /** One target's figures for an area. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record TargetSummary(String target, Long meanNearestM, Long maxNearestM, int villagesWithout,
                                Map<Integer, Integer> villagesWithin, Map<Integer, Integer> populationWithin) {
    }

    /** An area's villages, people and reach. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record AreaReach(String ags, String name, int villages, int population, int villagesWithoutPopulationFigure,
                            List<TargetSummary> targets) {
    }

    /**
     * Sums villages up by area. The mean distance is weighted by population (by village where no village
     * of the area has a figure); villages with no place of a target at all are counted apart, not averaged.
     */
    public static List<AreaReach> summarise(List<Village> villages, Reach reach, AreaLevel level) {
        Map<String, List<Integer>> byArea = new TreeMap<>();
        for (int v = 0; v < villages.size(); v++) {
            byArea.computeIfAbsent(String.valueOf(level.key(villages.get(v))), k -> new ArrayList<>()).add(v);
        }
        int[] radii = reach.radiiM();
        List<AreaReach> out = new ArrayList<>();
        for (List<Integer> members : byArea.values()) {
            Village first = villages.get(members.get(0));
            int population = members.stream().mapToInt(v -> villages.get(v).population().weight()).sum();
            int unknown = (int) members.stream().filter(v -> !villages.get(v).population().known()).count();
            List<TargetSummary> targets = new ArrayList<>();
            for (int t = 0; t < reach.targets().size(); t++) {
                double weighted = 0, weights = 0, max = -1;
                int without = 0;
                Map<Integer, Integer> villagesWithin = new LinkedHashMap<>(), peopleWithin = new LinkedHashMap<>();
                for (int r : radii) {
                    villagesWithin.put(r, 0);
                    peopleWithin.put(r, 0);
                }
                for (int v : members) {
                    NearPlace near = reach.nearest(t, v);
                    int people = villages.get(v).population().weight();
                    if (near == null) {
                        without++;
                    } else {
                        double w = population > 0 ? people : 1;
                        weighted += w * near.metres();
                        weights += w;
                        max = Math.max(max, near.metres());
                    }
                    for (int r = 0; r < radii.length; r++) {
                        if (reach.within(t, r, v) > 0) {
                            villagesWithin.merge(radii[r], 1, Integer::sum);
                            peopleWithin.merge(radii[r], people, Integer::sum);
                        }
                    }
                }
                targets.add(new TargetSummary(reach.targets().get(t).label(),
                        weights > 0 ? Math.round(weighted / weights) : null, max >= 0 ? Math.round(max) : null,
                        without, villagesWithin, peopleWithin));
            }
            out.add(new AreaReach(level.key(first), level.name(first), members.size(), population, unknown, targets));
        }
        return out;
    }
}
