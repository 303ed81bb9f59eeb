package de.ortsanker.routing.transit;

import java.util.Arrays;

/**
 * For every stop, its <em>profile</em>: the Pareto set of (departure from the stop, arrival at a place)
 * pairs — "at this stop by 14:05, at a place by 14:31" — that the backwards connection scan found. Pairs
 * are appended with falling departure and falling arrival, so a stop's list is sorted both ways and the
 * best arrival for "at the stop by x" is the last pair whose departure is still ≥ x.
 */
public final class Profiles {

    private final int[][] dep;
    private final int[][] arr;
    private final int[][] place;
    private final int[] size;

    Profiles(int stops) {
        dep = new int[stops][];
        arr = new int[stops][];
        place = new int[stops][];
        size = new int[stops];
    }

    /** Appends a pair unless an existing one (departing no earlier) arrives as early; returns whether it did. */
    boolean add(int stop, int departure, int arrival, int reached) {
        int n = size[stop];
        if (n > 0 && arr[stop][n - 1] <= arrival) {
            return false;
        }
        if (dep[stop] == null) {
            dep[stop] = new int[4];
            arr[stop] = new int[4];
            place[stop] = new int[4];
        } else if (n == dep[stop].length) {
            dep[stop] = Arrays.copyOf(dep[stop], n * 2);
            arr[stop] = Arrays.copyOf(arr[stop], n * 2);
            place[stop] = Arrays.copyOf(place[stop], n * 2);
        }
        if (n > 0 && dep[stop][n - 1] == departure) {
            // Same departure, earlier arrival: it replaces the last pair.
            arr[stop][n - 1] = arrival;
            place[stop][n - 1] = reached;
            return true;
        }
        dep[stop][n] = departure;
        arr[stop][n] = arrival;
        place[stop][n] = reached;
        size[stop] = n + 1;
        return true;
    }

    /** The index of the pair with the earliest arrival for someone at the stop by {@code at}; -1 if none. */
    int best(int stop, int at) {
        int n = size[stop];
        // Departures fall along the list: find the last index whose departure is ≥ at.
        int lo = 0, hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (dep[stop][mid] >= at) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo - 1;
    }

    /** The earliest arrival at a place for someone at the stop by {@code at}; {@link Integer#MAX_VALUE} if none. */
    public int arrival(int stop, int at) {
        int i = best(stop, at);
        return i < 0 ? Integer.MAX_VALUE : arr[stop][i];
    }

    public int size(int stop) {
        return size[stop];
    }

    public int departure(int stop, int i) {
        return dep[stop][i];
    }

    public int arrivalAt(int stop, int i) {
        return arr[stop][i];
    }

    /** The place a pair arrives at (an index the caller gave with the egress walks). */
    public int placeAt(int stop, int i) {
        return place[stop][i];
    }
}
