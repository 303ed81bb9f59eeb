package de.ortsanker.routing.transit;

import de.ortsanker.routing.Walks;
import java.util.Arrays;

/**
 * Door-to-door travel times by public transport and on foot from every village to the nearest place of a
 * kind, for journeys starting within a time window — one scan for all villages and all places of the kind.
 *
 * <p>A backwards <em>profile</em> Connection Scan (Dibbelt, Pajor, Strasser, Wagner: "Connection Scan
 * Algorithm", 2018): the connections of the day are read once, latest first; each stop collects the Pareto
 * set of (leave the stop at, reach a place at) pairs, and each trip the earliest place-arrival of staying on
 * board. The places enter as egress walks (a stop's walk to the nearest place of the kind); a village leaves
 * home by walking to any stop within reach. Changing trips needs {@code minChangeSeconds} at the same stop,
 * or the walk to a nearby stop (at least as long).
 *
 * <p>The measure ({@link #journeys}): per village, the shortest journey among those that <em>leave home
 * within the window</em> — walk, wait at the stop, ride, wait while changing, ride, walk — the villager
 * choosing when to leave, so time spent waiting at home for the bus is not counted (a journey leaving at the
 * window's end may wait at the stop for a later bus: that wait counts). Walking all the way counts as a
 * journey at any time.
 */
public final class TransitSearch {

    /** How long changing between trips at one stop takes at least. */
    public static final int MIN_CHANGE_SECONDS = 60;

    private TransitSearch() {
    }

    /**
     * The scan: each stop's profile towards the places.
     *
     * @param egressSeconds  per stop, the walk to the nearest place (ignored where {@code egressPlace} is -1)
     * @param egressPlace    per stop, that place (the caller's index), or -1 when none is within walking reach
     * @param transfers      per stop, the other stops within a short walk
     * @param from           the window's start: no journey leaves a stop earlier
     * @param until          the last departure worth reading (the window's end plus the longest journey wanted)
     */
    public static Profiles scan(Timetable tt, int[] egressSeconds, int[] egressPlace, Walks transfers, int from,
                                int until, int minChangeSeconds) {
        Profiles p = new Profiles(tt.stopCount());
        int[] tripArrival = new int[tt.trips];
        int[] tripPlace = new int[tt.trips];
        Arrays.fill(tripArrival, Integer.MAX_VALUE);
        Arrays.fill(tripPlace, -1);
        int first = tt.firstDepartingAt(from);
        for (int c = tt.firstDepartingAt(until + 1) - 1; c >= first; c--) {
            int v = tt.to[c];
            int best = tripArrival[tt.trip[c]];
            int bestPlace = tripPlace[tt.trip[c]];
            if (tt.alight[c]) {
                int arr = tt.arr[c];
                // Alight and walk to the place.
                if (egressPlace[v] >= 0 && arr + egressSeconds[v] < best) {
                    best = arr + egressSeconds[v];
                    bestPlace = egressPlace[v];
                }
                // Alight and change: at the same stop, or after a short walk to another.
                int i = p.best(v, arr + minChangeSeconds);
                if (i >= 0 && p.arrivalAt(v, i) < best) {
                    best = p.arrivalAt(v, i);
                    bestPlace = p.placeAt(v, i);
                }
                int[] near = transfers.to()[v];
                int[] walk = transfers.seconds()[v];
                for (int k = 0; k < near.length; k++) {
                    int w = near[k];
                    if (w == v) {
                        continue;
                    }
                    int j = p.best(w, arr + Math.max(walk[k], minChangeSeconds));
                    if (j >= 0 && p.arrivalAt(w, j) < best) {
                        best = p.arrivalAt(w, j);
                        bestPlace = p.placeAt(w, j);
                    }
                }
            }
            if (best == Integer.MAX_VALUE) {
                continue;
            }
            tripArrival[tt.trip[c]] = best;
            tripPlace[tt.trip[c]] = bestPlace;
            if (tt.board[c]) {
                p.add(tt.from[c], tt.dep[c], best, bestPlace);
            }
        }
        return p;
    }

    /**
     * The answer per village: the shortest journey, its place, and when it leaves home (-1: on foot all the
     * way, which does not depend on the time). {@code seconds[i]} is {@link Integer#MAX_VALUE} and
     * {@code place[i]} -1 when village {@code i} reaches no place.
     */
    public record Journeys(int[] seconds, int[] place, int[] leaveHome) {

        public boolean reached(int village) {
            return place[village] >= 0;
        }
    }

    /**
     * Each village's shortest journey leaving home within [{@code from}, {@code to}]: by walking to a stop
     * (the {@code access} walks) and on from there as the stop's profile says, or on foot all the way
     * ({@code walkSeconds}/{@code walkPlace}, -1: none).
     */
    public static Journeys journeys(Profiles p, Walks access, int[] walkSeconds, int[] walkPlace, int from, int to) {
        int n = access.size();
        int[] seconds = new int[n];
        int[] place = new int[n];
        int[] leave = new int[n];
        for (int v = 0; v < n; v++) {
            int best = walkPlace[v] >= 0 ? walkSeconds[v] : Integer.MAX_VALUE;
            int bestPlace = walkPlace[v];
            int bestLeave = -1;
            int[] stops = access.to()[v];
            int[] walk = access.seconds()[v];
            for (int k = 0; k < stops.length; k++) {
                int s = stops[k];
                // Leaving just in time for a departure within the window …
                for (int i = 0; i < p.size(s); i++) {
                    int leaveHome = p.departure(s, i) - walk[k];
                    if (leaveHome < from || leaveHome > to) {
                        continue;
                    }
                    int d = p.arrivalAt(s, i) - leaveHome;
                    if (d < best || d == best && bestLeave >= 0 && leaveHome < bestLeave) {
                        best = d;
                        bestPlace = p.placeAt(s, i);
                        bestLeave = leaveHome;
                    }
                }
                // … or at the window's end, waiting at the stop for the next one (which a pair pruned as
                // dominated by a later departure also stands for).
                int i = p.best(s, to + walk[k]);
                if (i >= 0 && p.arrivalAt(s, i) - to < best) {
                    best = p.arrivalAt(s, i) - to;
                    bestPlace = p.placeAt(s, i);
                    bestLeave = to;
                }
            }
            seconds[v] = bestPlace < 0 ? Integer.MAX_VALUE : best;
            place[v] = bestPlace;
            leave[v] = bestLeave;
        }
        return new Journeys(seconds, place, leave);
    }
}
