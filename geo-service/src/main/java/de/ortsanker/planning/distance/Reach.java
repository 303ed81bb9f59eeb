package de.ortsanker.planning.distance;

import de.ortsanker.planning.rules.Target;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * What lies within reach of each village: per target, the nearest place (null when there is none at all)
 * and the number of places within each radius. Indexed by target and village position.
 */
public final class Reach {

    private final List<Target> targets;
    private final int[] radiiM;
    private final NearPlace[][] nearest;   // [target][village]
    private final int[][][] within;        // [target][radius][village]
    private final double[] searchedBox;

    /** @param searchedBox where places were looked for (minLon, minLat, maxLon, maxLat); null: everywhere */
    public Reach(List<Target> targets, int[] radiiM, int villages, double[] searchedBox) {
        this.searchedBox = searchedBox == null ? null : searchedBox.clone();
        this.targets = List.copyOf(targets);
        this.radiiM = radiiM.clone();
        this.nearest = new NearPlace[targets.size()][villages];
        this.within = new int[targets.size()][radiiM.length][villages];
    }

    public List<Target> targets() {
        return targets;
    }

    public int[] radiiM() {
        return radiiM.clone();
    }

    /** Where places were looked for (beyond it the database's index was asked); null: everywhere. */
    public double[] searchedBox() {
        return searchedBox == null ? null : searchedBox.clone();
    }

    public NearPlace nearest(int target, int village) {
        return nearest[target][village];
    }

    public int within(int target, int radius, int village) {
        return within[target][radius][village];
    }

    void setNearest(int target, int village, NearPlace place) {
        nearest[target][village] = place;
    }

    /** The ids of the nearest places of the chosen villages, each once. */
    long[] nearestIds(IntPredicate villages) {
        return Arrays.stream(nearest).flatMap(row -> IntStream.range(0, row.length).filter(villages).mapToObj(v -> row[v]))
                .filter(Objects::nonNull).mapToLong(NearPlace::id).distinct().toArray();
    }

    /** Fills in the names of the nearest places (found without them, for speed) where known. */
    void nameNearest(Map<Long, String> names) {
        for (NearPlace[] row : nearest) {
            for (int v = 0; v < row.length; v++) {
                if (row[v] != null && row[v].name() == null && names.containsKey(row[v].id())) {
                    row[v] = row[v].named(names.get(row[v].id()));
                }
            }
        }
    }

    /** Takes one target's nearest places from another reach over the same villages (a rule measured another way). */
    public void copyNearest(int target, Reach from, int fromTarget) {
        System.arraycopy(from.nearest[fromTarget], 0, nearest[target], 0, nearest[target].length);
    }

    void setWithin(int target, int radius, int village, int count) {
        within[target][radius][village] = count;
    }
}
