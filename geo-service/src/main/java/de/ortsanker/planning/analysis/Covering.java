package de.ortsanker.planning.analysis;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import de.ortsanker.planning.distance.Site;
import de.ortsanker.planning.villages.Village;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Where a new offer would help most: each candidate site ranked by the people it would newly serve, and
 * the best N chosen greedily — each pick the site that adds the most people not yet served by the places
 * that exist or by the picks before it (maximal covering). Greedy is within 1 − 1/e of the best choice and,
 * unlike an exact solver, explains itself: every pick says what it adds.
 */
public final class Covering {

    private Covering() {
    }

    /** What a site would reach on its own, among villages unserved now. */
    public record Candidate(int rank, Site site, int people, int villages) {
    }

    /** A chosen site, what it adds, and coverage after it. */
    public record Pick(int rank, Site site, int peopleGained, int villagesGained, int peopleServedAfter,
                       int villagesServedAfter, List<Long> villageIds) {
    }

    /** People and villages in the area, and how many of them are served. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Coverage(int population, int villages, int servedPopulation, int servedVillages) {
    }

    public record Result(List<Candidate> candidates, List<Pick> picks, Coverage before, Coverage after) {
    }

    /**
     * @param served  whether each village is served by what exists now
     * @param reached per site, the indices of the villages within reach of it
     */
    public static Result choose(List<Village> villages, boolean[] served, List<Site> sites, int[][] reached, int n) {
        int[] people = villages.stream().mapToInt(v -> v.population().weight()).toArray();
        List<Candidate> candidates = rankAlone(sites, reached, served, people);

        boolean[] covered = served.clone();
        Coverage before = coverage(people, covered);
        List<Pick> picks = new ArrayList<>();
        boolean[] chosen = new boolean[sites.size()];
        int servedPeople = before.servedPopulation(), servedVillages = before.servedVillages();
        for (int rank = 1; rank <= n; rank++) {
            int best = -1;
            int[] bestGain = {0, 0};
            for (int s = 0; s < sites.size(); s++) {
                if (chosen[s]) {
                    continue;
                }
                int[] gain = gain(reached[s], covered, people);
                if (gain[0] > bestGain[0] || gain[0] == bestGain[0] && gain[1] > bestGain[1]) {
                    best = s;
                    bestGain = gain;
                }
            }
            if (best < 0) {
                break;      // nobody left that any site could reach
            }
            chosen[best] = true;
            List<Long> ids = new ArrayList<>();
            for (int v : reached[best]) {
                if (!covered[v]) {
                    covered[v] = true;
                    ids.add(villages.get(v).id());
                }
            }
            servedPeople += bestGain[0];
            servedVillages += bestGain[1];
            picks.add(new Pick(rank, sites.get(best), bestGain[0], bestGain[1], servedPeople, servedVillages, ids));
        }
        return new Result(candidates, picks, before, coverage(people, covered));
    }

    private static List<Candidate> rankAlone(List<Site> sites, int[][] reached, boolean[] served, int[] people) {
        Integer[] order = IntStream.range(0, sites.size()).boxed().toArray(Integer[]::new);
        int[][] alone = new int[sites.size()][];
        for (int s = 0; s < sites.size(); s++) {
            alone[s] = gain(reached[s], served, people);
        }
        Arrays.sort(order, Comparator.<Integer>comparingInt(s -> -alone[s][0])
                .thenComparingInt(s -> -alone[s][1]).thenComparingInt(s -> s));
        List<Candidate> out = new ArrayList<>();
        for (int i = 0; i < order.length; i++) {
            int s = order[i];
            out.add(new Candidate(i + 1, sites.get(s), alone[s][0], alone[s][1]));
        }
        return out;
    }

    /** People and villages a site would add: those within reach not yet covered. */
    private static int[] gain(int[] reached, boolean[] covered, int[] people) {
        int p = 0, v = 0;
        for (int i : reached) {
            if (!covered[i]) {
                p += people[i];
                v++;
            }
        }
        return new int[] {p, v};
    }

    private static Coverage coverage(int[] people, boolean[] covered) {
        int population = 0, served = 0, villages = 0;
        for (int i = 0; i < people.length; i++) {
            population += people[i];
            if (covered[i]) {
                served += people[i];
                villages++;
            }
        }
        return new Coverage(population, people.length, served, villages);
    }
}
