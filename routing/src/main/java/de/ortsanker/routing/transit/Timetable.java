package de.ortsanker.routing.transit;

import de.ortsanker.routing.Point;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The scheduled public transport of one service day, as the Connection Scan Algorithm reads it: the stops,
 * and every ride from one stop to the next of a trip running that day (a <em>connection</em>), sorted by
 * departure. Times are seconds after the start of the service day, so a trip past midnight keeps its order
 * (25:10 is 90600). Immutable once built; any number of searches may read it at once.
 */
public final class Timetable {

    private final String label;
    private final String[] stopIds;
    private final double[] lon;
    private final double[] lat;
    // Connections, sorted by departure (then arrival): c rides trip[c] from stop from[c] at dep[c] to to[c] at arr[c].
    final int[] from;
    final int[] to;
    final int[] dep;
    final int[] arr;
    final int[] trip;
    /** Whether a passenger may board at from[c] (GTFS pickup_type ≠ 1) and alight at to[c] (drop_off_type ≠ 1). */
    final boolean[] board;
    final boolean[] alight;
    final int trips;

    private Timetable(String label, String[] stopIds, double[] lon, double[] lat, int[] from, int[] to, int[] dep,
                      int[] arr, int[] trip, boolean[] board, boolean[] alight, int trips) {
        this.label = label;
        this.stopIds = stopIds;
        this.lon = lon;
        this.lat = lat;
        this.from = from;
        this.to = to;
        this.dep = dep;
        this.arr = arr;
        this.trip = trip;
        this.board = board;
        this.alight = alight;
        this.trips = trips;
    }

    public static Builder builder(String label) {
        return new Builder(label);
    }

    /** What it holds, e.g. the date and the feeds: for logs and answers. */
    public String label() {
        return label;
    }

    public int stopCount() {
        return stopIds.length;
    }

    public String stopId(int stop) {
        return stopIds[stop];
    }

    public Point stop(int stop) {
        return new Point(lon[stop], lat[stop]);
    }

    /** Every stop's position, by index. */
    public List<Point> stops() {
        List<Point> out = new ArrayList<>(stopIds.length);
        for (int s = 0; s < stopIds.length; s++) {
            out.add(stop(s));
        }
        return out;
    }

    public int connectionCount() {
        return dep.length;
    }

    public int tripCount() {
        return trips;
    }

    /** The first connection departing at or after {@code seconds}. */
    int firstDepartingAt(int seconds) {
        int lo = 0, hi = dep.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (dep[mid] < seconds) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Collects stops and trips; a stop is known by its id (feed-qualified ids are the caller's business). */
    public static final class Builder {

        private final String label;
        private final Map<String, Integer> index = new HashMap<>();
        private final List<String> ids = new ArrayList<>();
        private double[] lon = new double[64];
        private double[] lat = new double[64];
        private int n;
        private int[] from = new int[1024], to = new int[1024], dep = new int[1024], arr = new int[1024], trip = new int[1024];
        private boolean[] board = new boolean[1024], alight = new boolean[1024];
        private int connections;
        private int trips;

        private Builder(String label) {
            this.label = label;
        }

        /** Adds a stop (or finds it again by its id); returns its index. */
        public int stop(String id, double lon, double lat) {
            Integer known = index.get(id);
            if (known != null) {
                return known;
            }
            if (n == this.lon.length) {
                this.lon = Arrays.copyOf(this.lon, n * 2);
                this.lat = Arrays.copyOf(this.lat, n * 2);
            }
            this.lon[n] = lon;
            this.lat[n] = lat;
            ids.add(id);
            index.put(id, n);
            return n++;
        }

        /** The index of a stop added before, or -1. */
        public int stopIndex(String id) {
            return index.getOrDefault(id, -1);
        }

        /**
         * Adds a trip as its stop times in sequence: stop indices, arrival and departure seconds, and whether
         * passengers may be picked up (board) and dropped off (alight) at each. {@code shift} is added to
         * every time (−86400 for a trip of the day before that runs past midnight); rides that then depart
         * before 0 are left out.
         */
        public void trip(int[] stops, int[] arrival, int[] departure, boolean[] pickup, boolean[] dropOff, int shift) {
            int t = trips++;
            for (int i = 0; i + 1 < stops.length; i++) {
                int d = departure[i] + shift;
                int a = arrival[i + 1] + shift;
                if (d < 0) {
                    continue;
                }
                if (connections == from.length) {
                    int m = connections * 2;
                    from = Arrays.copyOf(from, m);
                    to = Arrays.copyOf(to, m);
                    dep = Arrays.copyOf(dep, m);
                    arr = Arrays.copyOf(arr, m);
                    trip = Arrays.copyOf(trip, m);
                    board = Arrays.copyOf(board, m);
                    alight = Arrays.copyOf(alight, m);
                }
                from[connections] = stops[i];
                to[connections] = stops[i + 1];
                dep[connections] = d;
                arr[connections] = Math.max(a, d);
                trip[connections] = t;
                board[connections] = pickup[i];
                alight[connections] = dropOff[i + 1];
                connections++;
            }
        }

        public Timetable build() {
            Integer[] order = new Integer[connections];
            for (int c = 0; c < connections; c++) {
                order[c] = c;
            }
            // Ties by arrival, then by trip and position: a trip's rides of zero duration stay in their order.
            Arrays.sort(order, (x, y) -> dep[x] != dep[y] ? Integer.compare(dep[x], dep[y])
                    : arr[x] != arr[y] ? Integer.compare(arr[x], arr[y]) : Integer.compare(x, y));
            int[] f = new int[connections], t = new int[connections], d = new int[connections], a = new int[connections],
                    tr = new int[connections];
            boolean[] b = new boolean[connections], al = new boolean[connections];
            for (int i = 0; i < connections; i++) {
                int c = order[i];
                f[i] = from[c];
                t[i] = to[c];
                d[i] = dep[c];
                a[i] = arr[c];
                tr[i] = trip[c];
                b[i] = board[c];
                al[i] = alight[c];
            }
            return new Timetable(label, ids.toArray(String[]::new), Arrays.copyOf(lon, n), Arrays.copyOf(lat, n),
                    f, t, d, a, tr, b, al, trips);
        }
    }
}
