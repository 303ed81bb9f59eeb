package de.ortsanker.routing.transit;

import static org.assertj.core.api.Assertions.assertThat;

import de.ortsanker.routing.Walks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The profile scan against journeys worked out by hand on a line of four stops, and against a plain
 * forward earliest-arrival scan run once per possible departure (brute force) on random timetables.
 */
class TransitSearchTest {

    static int hm(int h, int m) {
        return h * 3600 + m * 60;
    }

    static void trip(Timetable.Builder b, int[] stops, int... times) {
        boolean[] yes = new boolean[stops.length];
        Arrays.fill(yes, true);
        b.trip(stops, times, times, yes, yes, 0);
    }

    /**
     * Stops 0 → 1 → 2 (line 1) and 2 → 3 (line 2); the place is a 2-minute walk from stop 3; the village walks
     * 5 minutes to stop 0.
     */
    @Test
    void handComputedJourneys() {
        var b = Timetable.builder("test");
        for (int s = 0; s < 4; s++) {
            b.stop("s" + s, 13 + s * 0.01, 51);
        }
        trip(b, new int[] {0, 1, 2}, hm(14, 5), hm(14, 12), hm(14, 20));   // line 1 at 14:05
        trip(b, new int[] {0, 1, 2}, hm(15, 5), hm(15, 12), hm(15, 20));   // line 1 at 15:05
        trip(b, new int[] {2, 3}, hm(14, 20), hm(14, 30));                 // line 2 leaves as line 1 arrives: missed
        trip(b, new int[] {2, 3}, hm(14, 40), hm(14, 50));                 // next one: 20 min wait
        trip(b, new int[] {2, 3}, hm(15, 22), hm(15, 32));                 // after the 15:05, a 2-minute change
        Timetable tt = b.build();
        int[] egress = {0, 0, 0, 120};
        int[] egressPlace = {-1, -1, -1, 7};
        Walks noTransfers = Walks.none(4);
        Walks access = new Walks(new int[][] {{0}}, new int[][] {{300}});
        int[] noWalk = {0};
        int[] noWalkPlace = {-1};

        // Window 14–16: the 14:05 journey: leave 14:00, line 1 to 14:20, wait for the 14:40 (the 14:20 leaves
        // before a change is possible), 14:50, walk 2 min: 14:52 → 52 min. The 15:05 journey: leave 15:00,
        // 15:20, change to 15:22, 15:32, walk: 15:34 → 34 min. Best: 34 min, leaving at 15:00.
        Profiles p = TransitSearch.scan(tt, egress, egressPlace, noTransfers, hm(14, 0), hm(16, 0) + 3 * 3600, 60);
        var j = TransitSearch.journeys(p, access, noWalk, noWalkPlace, hm(14, 0), hm(16, 0));
        assertThat(j.seconds()[0]).isEqualTo(34 * 60);
        assertThat(j.place()[0]).isEqualTo(7);
        assertThat(j.leaveHome()[0]).isEqualTo(hm(15, 0));

        // Window 14:00–14:30: only the 14:05 departure counts: 52 min.
        p = TransitSearch.scan(tt, egress, egressPlace, noTransfers, hm(14, 0), hm(14, 30) + 3 * 3600, 60);
        j = TransitSearch.journeys(p, access, noWalk, noWalkPlace, hm(14, 0), hm(14, 30));
        assertThat(j.seconds()[0]).isEqualTo(52 * 60);

        // Walking all the way in 45 minutes beats the 52-minute bus journey.
        j = TransitSearch.journeys(p, access, new int[] {45 * 60}, new int[] {9}, hm(14, 0), hm(14, 30));
        assertThat(j.seconds()[0]).isEqualTo(45 * 60);
        assertThat(j.place()[0]).isEqualTo(9);
        assertThat(j.leaveHome()[0]).isEqualTo(-1);

        // Window 16–18: no departure at all.
        p = TransitSearch.scan(tt, egress, egressPlace, noTransfers, hm(16, 0), hm(18, 0) + 3 * 3600, 60);
        j = TransitSearch.journeys(p, access, noWalk, noWalkPlace, hm(16, 0), hm(18, 0));
        assertThat(j.reached(0)).isFalse();
    }

    /** A trip that may not be boarded at a stop (pickup_type 1) is not boarded there. */
    @Test
    void noPickupMeansNoBoarding() {
        var b = Timetable.builder("test");
        for (int s = 0; s < 3; s++) {
            b.stop("s" + s, 13, 51);
        }
        b.trip(new int[] {0, 1, 2}, new int[] {100, 200, 300}, new int[] {100, 200, 300},
                new boolean[] {false, true, true}, new boolean[] {true, true, true}, 0);
        Timetable tt = b.build();
        Profiles p = TransitSearch.scan(tt, new int[] {0, 0, 0}, new int[] {-1, -1, 3}, Walks.none(3), 0, 10_000, 60);
        assertThat(p.arrival(0, 0)).isEqualTo(Integer.MAX_VALUE);
        assertThat(p.arrival(1, 0)).isEqualTo(300);
    }

    @Test
    void agreesWithAForwardScanPerDeparture() {
        Random r = new Random(14);
        int compared = 0;
        for (int round = 0; round < 40; round++) {
            int stops = 6 + r.nextInt(6);
            var b = Timetable.builder("random");
            for (int s = 0; s < stops; s++) {
                b.stop("s" + s, 13, 51);
            }
            List<int[]> trips = new ArrayList<>();
            for (int t = 0; t < 25; t++) {
                int len = 2 + r.nextInt(4);
                int[] st = new int[len];
                int[] times = new int[len];
                int time = r.nextInt(4 * 3600);
                for (int i = 0; i < len; i++) {
                    st[i] = r.nextInt(stops);
                    times[i] = time;
                    time += 60 * (1 + r.nextInt(12));
                }
                trip(b, st, times);
                trips.add(st);
                trips.add(times);
            }
            Timetable tt = b.build();
            int[] egress = new int[stops];
            int[] egressPlace = new int[stops];
            for (int s = 0; s < stops; s++) {
                egressPlace[s] = r.nextInt(3) == 0 ? s : -1;
                egress[s] = 60 * r.nextInt(10);
            }
            int[][] tTo = new int[stops][], tSec = new int[stops][];
            for (int s = 0; s < stops; s++) {
                int w = r.nextInt(stops);
                tTo[s] = new int[] {w};
                tSec[s] = new int[] {60 * (1 + r.nextInt(5))};
            }
            Walks transfers = new Walks(tTo, tSec);
            int villages = 5;
            int[][] aTo = new int[villages][], aSec = new int[villages][];
            for (int v = 0; v < villages; v++) {
                int first = r.nextInt(stops);
                aTo[v] = new int[] {first, (first + 1 + r.nextInt(stops - 1)) % stops};
                aSec[v] = new int[] {60 * r.nextInt(15), 60 * r.nextInt(15)};
            }
            Walks access = new Walks(aTo, aSec);
            int from = 3600, to = 2 * 3600;
            Profiles p = TransitSearch.scan(tt, egress, egressPlace, transfers, from, to + 4 * 3600, 60);
            int[] none = new int[villages];
            int[] nonePlace = new int[villages];
            Arrays.fill(nonePlace, -1);
            var j = TransitSearch.journeys(p, access, none, nonePlace, from, to);
            for (int v = 0; v < villages; v++) {
                int expected = bruteForce(tt, egress, egressPlace, transfers, aTo[v], aSec[v], from, to);
                assertThat(j.seconds()[v]).as("round %d village %d", round, v).isEqualTo(expected);
                compared++;
            }
        }
        assertThat(compared).isEqualTo(200);
    }

    /**
     * The shortest journey leaving home within the window — tried at every time that can matter (a departure
     * minus an access walk: leaving home just in time for a bus, and the window's ends) with a forward
     * earliest-arrival scan. Waiting at a stop counts as travel time; waiting at home does not.
     */
    static int bruteForce(Timetable tt, int[] egress, int[] egressPlace, Walks transfers, int[] stops, int[] walk,
                          int from, int to) {
        List<Integer> times = new ArrayList<>(List.of(from, to));
        for (int c = 0; c < tt.connectionCount(); c++) {
            for (int k = 0; k < stops.length; k++) {
                int h = tt.dep[c] - walk[k];
                if (h >= from && h <= to) {
                    times.add(h);
                }
            }
        }
        int best = Integer.MAX_VALUE;
        for (int h : times) {
            int arrival = forward(tt, egress, egressPlace, transfers, stops, walk, h);
            if (arrival != Integer.MAX_VALUE) {
                best = Math.min(best, arrival - h);
            }
        }
        return best;
    }

    /** Plain forward CSA from home at {@code h}: the earliest arrival at any place. */
    static int forward(Timetable tt, int[] egress, int[] egressPlace, Walks transfers, int[] stops, int[] walk, int h) {
        int n = tt.stopCount();
        int[] canBoard = new int[n];
        Arrays.fill(canBoard, Integer.MAX_VALUE);
        for (int k = 0; k < stops.length; k++) {
            canBoard[stops[k]] = Math.min(canBoard[stops[k]], h + walk[k]);
        }
        boolean[] onTrip = new boolean[tt.tripCount()];
        int arrival = Integer.MAX_VALUE;
        for (int c = 0; c < tt.connectionCount(); c++) {
            int t = tt.trip[c];
            if (!onTrip[t] && tt.board[c] && canBoard[tt.from[c]] <= tt.dep[c]) {
                onTrip[t] = true;
            }
            if (!onTrip[t] || !tt.alight[c]) {
                continue;
            }
            int v = tt.to[c];
            int a = tt.arr[c];
            if (egressPlace[v] >= 0) {
                arrival = Math.min(arrival, a + egress[v]);
            }
            canBoard[v] = Math.min(canBoard[v], a + 60);
            for (int k = 0; k < transfers.to()[v].length; k++) {
                int w = transfers.to()[v][k];
                if (w != v) {
                    canBoard[w] = Math.min(canBoard[w], a + Math.max(60, transfers.seconds()[v][k]));
                }
            }
        }
        return arrival;
    }
}
