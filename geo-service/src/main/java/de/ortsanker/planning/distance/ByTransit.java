package de.ortsanker.planning.distance;

import de.ortsanker.planning.area.Area;
import de.ortsanker.planning.rules.Target;
import de.ortsanker.planning.rules.TimeWindow;
import de.ortsanker.planning.villages.Village;
import de.ortsanker.problem.InvalidParameter;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * {@code mode=transit}: the nearest place of each target by public transport and on foot, for journeys
 * leaving home within the request's time window on its day ({@link TransitTimes}). Made per request (the
 * window is the request's); like walking and cycling it gives the nearest place's minutes, no radii.
 */
public final class ByTransit implements DistanceModel {

    private final TransitTimes times;
    private final StraightLine names;
    private final TimeWindow window;

    public ByTransit(TransitTimes times, StraightLine names, TimeWindow window) {
        if (window.date() == null) {
            throw new IllegalArgumentException("the window needs its day");
        }
        this.times = times;
        this.names = names;
        this.window = window;
    }

    public TimeWindow window() {
        return window;
    }

    @Override
    public Mode mode() {
        return Mode.TRANSIT;
    }

    @Override
    public String description() {
        return TransitTimes.description(window);
    }

    @Override
    public Reach reach(Area area, List<Village> villages, List<Target> targets, int[] radiiM) {
        if (radiiM.length > 0) {
            throw new InvalidParameter("radius", "places within radii are counted in a straight line only;"
                    + " with mode=transit leave radius out (the answer gives the nearest place's minutes)");
        }
        return times.reach(villages, targets, window, "mode");
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
