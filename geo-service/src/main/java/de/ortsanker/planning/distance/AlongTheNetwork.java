package de.ortsanker.planning.distance;

import de.ortsanker.planning.area.Area;
import de.ortsanker.planning.rules.Target;
import de.ortsanker.planning.villages.Village;
import de.ortsanker.problem.InvalidParameter;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Distances along the walking or cycling network ({@code mode=walk|bike}): the nearest place of each target
 * by travel time, with the way's metres and minutes. Counting places within radii along the network is
 * not offered (each target is one search for the nearest place), so such answers carry no radii.
 */
public final class AlongTheNetwork implements DistanceModel {

    private final Mode mode;
    private final TravelTimes times;
    private final StraightLine names;

    public AlongTheNetwork(Mode mode, TravelTimes times, StraightLine names) {
        if (mode.travelMode() == null) {
            throw new IllegalArgumentException(mode + " is no network mode");
        }
        this.mode = mode;
        this.times = times;
        this.names = names;
    }

    @Override
    public Mode mode() {
        return mode;
    }

    @Override
    public String description() {
        return "along the OpenStreetMap " + (mode == Mode.WALK ? "walking" : "cycling") + " network (GraphHopper "
                + mode.travelMode().profile() + " profile: the fastest way; to and from the network in a straight line"
                + " at " + (int) mode.travelMode().accessKmh() + " km/h)";
    }

    @Override
    public Reach reach(Area area, List<Village> villages, List<Target> targets, int[] radiiM) {
        if (radiiM.length > 0) {
            throw new InvalidParameter("radius", "places within radii are counted in a straight line only;"
                    + " with mode=" + mode.code() + " leave radius out (the answer gives the nearest place's minutes)");
        }
        return times.reach(villages, targets, mode.travelMode(), "mode");
    }

    @Override
    public void nameNearest(Reach reach, IntPredicate villages) {
        names.nameNearest(reach, villages);
    }

    @Override
    public int[][] reachedFrom(List<Site> sites, List<Village> villages, int radiusM) {
        throw new InvalidParameter("mode", "candidate sites are judged in a straight line for now; use mode=straight");
    }
}
