package de.ortsanker.planning.distance;

import de.ortsanker.planning.area.Area;
import de.ortsanker.planning.rules.Target;
import de.ortsanker.planning.villages.Village;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * How far villages are from places. Every planning answer asks its distances of this interface, so a
 * road-network model (walk, bike, car) plugs in beside the straight-line one without changing the API:
 * it answers the same two questions for its {@link Mode}.
 */
public interface DistanceModel {

    Mode mode();

    /** What the distances mean, stated in every result ("straight line on the WGS 84 ellipsoid"). */
    String description();

    /**
     * For each village and target: the nearest public, current place and how many lie within each radius.
     *
     * @param area the analysed area (places just outside it count too)
     */
    Reach reach(Area area, List<Village> villages, List<Target> targets, int[] radiiM);

    /**
     * Names the nearest places of the chosen villages in a reach (left out while searching: an answer
     * that lists only some villages, or none, need not look up names for all).
     */
    void nameNearest(Reach reach, IntPredicate villages);

    /** For each site, the indices (into {@code villages}) of the villages within the radius of it. */
    int[][] reachedFrom(List<Site> sites, List<Village> villages, int radiusM);
}
