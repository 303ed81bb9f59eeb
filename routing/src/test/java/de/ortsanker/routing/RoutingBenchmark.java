package de.ortsanker.routing;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import de.ortsanker.routing.transit.Profiles;
import de.ortsanker.routing.transit.Timetable;
import de.ortsanker.routing.transit.TransitSearch;

/**
 * Not a test: bench/routing/run.sh runs it. Builds the graph of an extract (time, heap, size on disk),
 * then answers a county's planning question: ~200 villages, 10 kinds of places, walking and cycling —
 * one multi-source search per kind and mode — and by transit in a weekday morning window, on a timetable
 * made up on the network's nodes (bus lines through nearby stops, hourly both ways from 5 to 22 h), as
 * geo-service's TransitTimes does it: the villages' walks to stops, the stops' changing walks (once per
 * timetable), and per kind the walk from stops to places, the walk all the way and one connection scan.
 */
public final class RoutingBenchmark {

    public static void main(String[] args) throws Exception {
        Path extract = Path.of(args[0]);
        Path dir = Files.createTempDirectory("ortsanker-graph");
        int villages = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int kinds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        // A county's square within a larger network (a Land): villages in it, places up to 20 km around it.
        double countyKm = args.length > 3 ? Double.parseDouble(args[3]) : 0;

        System.gc();
        long heapBefore = used();
        long start = System.nanoTime();
        Network network = Network.build(extract, dir.resolve("g"), 500);
        double buildS = (System.nanoTime() - start) / 1e9;
        long peak = peakHeap();
        System.gc();
        long retained = used() - heapBefore;
        long disk;
        try (Stream<Path> files = Files.walk(dir)) {
            disk = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
        System.out.printf("build: %s in %.1f s; heap retained %d MiB, peak heap %d MiB, on disk %d MiB%n",
                network.describe(), buildS, retained >> 20, peak >> 20, disk >> 20);
        System.out.println("network: " + network.density());

        start = System.nanoTime();
        network.close();
        network = Network.build(extract, dir.resolve("g"), 500);
        System.out.printf("load from the cache directory: %.1f s%n", (System.nanoTime() - start) / 1e9);

        // Villages and places at random nodes of the network, 5 to 64 places per kind.
        Random r = new Random(42);
        double[] county = countyKm > 0 ? network.centreBox(countyKm) : null;
        double[] around = countyKm > 0 ? network.centreBox(countyKm + 40) : null;
        List<Point> vs = random(r, network, villages, county);
        List<List<Point>> places = new ArrayList<>();
        for (int k = 0; k < kinds; k++) {
            places.add(random(r, network, 5 + r.nextInt(60), around));
        }
        if (county != null) {
            System.out.printf("county: villages in a %.0f km square at the network's centre, places up to 20 km around it%n",
                    countyKm);
        }
        // Planning's modes along the network; the car profile is only for rides from a Mitfahrbank.
        List<TravelMode> modes = List.of(TravelMode.WALK, TravelMode.BIKE);
        for (int round = 0; round < 3; round++) {
            start = System.nanoTime();
            int reached = 0;
            for (TravelMode mode : modes) {
                for (List<Point> kind : places) {
                    Arrivals a = network.nearest(mode, Objective.FASTEST, kind, vs);
                    for (int v = 0; v < vs.size(); v++) {
                        reached += a.reached(v) ? 1 : 0;
                    }
                }
            }
            System.out.printf("round %d: %d villages × %d kinds × walk+bike = %d searches in %.2f s (%d answers with a place)%n",
                    round + 1, villages, kinds, kinds * 2, (System.nanoTime() - start) / 1e9, reached);
        }

        Timetable tt = timetable(r, network, 300, 30, 12);
        System.out.printf("timetable: %d stops, %d trips, %d connections%n", tt.stopCount(), tt.tripCount(),
                tt.connectionCount());
        List<Point> stops = tt.stops();
        for (int round = 0; round < 3; round++) {
            start = System.nanoTime();
            long t0 = System.nanoTime();
            // Walk, bike (as above) and transit: the county's three modes in one round.
            for (TravelMode mode : modes) {
                for (List<Point> kind : places) {
                    network.nearest(mode, Objective.FASTEST, kind, vs);
                }
            }
            double walkBikeS = (System.nanoTime() - t0) / 1e9;
            t0 = System.nanoTime();
            // Changing walks are kept per timetable in the service: made in the first round only.
            if (round == 0) {
                transfers = network.walks(TravelMode.WALK, stops, stops, 5 * 60);
            }
            double transfersS = (System.nanoTime() - t0) / 1e9;
            Walks access = network.walks(TravelMode.WALK, vs, stops, 20 * 60);
            int reached = 0;
            for (List<Point> kind : places) {
                Arrivals egress = network.nearest(TravelMode.WALK, Objective.FASTEST, kind, stops);
                int[] es = new int[stops.size()], ep = new int[stops.size()];
                for (int s = 0; s < stops.size(); s++) {
                    boolean near = egress.reached(s) && egress.seconds()[s] <= 20 * 60;
                    es[s] = near ? (int) egress.seconds()[s] : 0;
                    ep[s] = near ? egress.origin()[s] : -1;
                }
                Arrivals walk = network.nearest(TravelMode.WALK, Objective.FASTEST, kind, vs);
                int[] ws = new int[vs.size()], wp = new int[vs.size()];
                for (int v = 0; v < vs.size(); v++) {
                    ws[v] = walk.reached(v) ? (int) walk.seconds()[v] : 0;
                    wp[v] = walk.reached(v) ? walk.origin()[v] : -1;
                }
                Profiles p = TransitSearch.scan(tt, es, ep, transfers, 7 * 3600, 9 * 3600 + 180 * 60, 60);
                var j = TransitSearch.journeys(p, access, ws, wp, 7 * 3600, 9 * 3600);
                for (int v = 0; v < vs.size(); v++) {
                    reached += j.reached(v) && j.leaveHome()[v] >= 0 ? 1 : 0;
                }
            }
            double transitS = (System.nanoTime() - t0) / 1e9;
            System.out.printf("round %d: %d villages × %d kinds × walk+bike+transit in %.2f s (walk+bike %.2f s,"
                    + " transit %.2f s of which changing walks %.2f s; %d answers by bus)%n", round + 1, villages, kinds,
                    (System.nanoTime() - start) / 1e9, walkBikeS, transitS, transfersS, reached);
        }
        network.close();
    }

    private static Walks transfers;

    /**
     * Bus lines on the network: stops at random nodes; each line starts at a random stop and goes on to the
     * nearest stop not yet on it, {@code length} stops long; a ride takes the straight distance at 30 km/h
     * plus a minute; hourly trips both ways from 5 to 22 h.
     */
    private static Timetable timetable(Random r, Network network, int stops, int lines, int length) {
        List<Point> at = random(r, network, stops, null);
        Timetable.Builder b = Timetable.builder("benchmark");
        for (int s = 0; s < stops; s++) {
            b.stop("s" + s, at.get(s).lon(), at.get(s).lat());
        }
        for (int l = 0; l < lines; l++) {
            List<Integer> line = new ArrayList<>(List.of(r.nextInt(stops)));
            while (line.size() < length) {
                Point last = at.get(line.get(line.size() - 1));
                int best = -1;
                double bestD = Double.MAX_VALUE;
                for (int s = 0; s < stops; s++) {
                    double d = Math.hypot((at.get(s).lon() - last.lon()) * 0.64, at.get(s).lat() - last.lat());
                    if (!line.contains(s) && d < bestD) {
                        bestD = d;
                        best = s;
                    }
                }
                line.add(best);
            }
            for (int dir = 0; dir < 2; dir++) {
                List<Integer> seq = new ArrayList<>(line);
                if (dir == 1) {
                    java.util.Collections.reverse(seq);
                }
                int offset = r.nextInt(60) * 60;
                for (int h = 5; h < 22; h++) {
                    int[] st = new int[length], times = new int[length];
                    boolean[] yes = new boolean[length];
                    int t = h * 3600 + offset;
                    for (int i = 0; i < length; i++) {
                        if (i > 0) {
                            Point a = at.get(seq.get(i - 1)), c = at.get(seq.get(i));
                            double metres = Math.hypot((a.lon() - c.lon()) * 0.64, a.lat() - c.lat()) * 111_000;
                            t += 60 + (int) (metres / (30 / 3.6));
                        }
                        st[i] = seq.get(i);
                        times[i] = t;
                        yes[i] = true;
                    }
                    b.trip(st, times, times, yes, yes, 0);
                }
            }
        }
        return b.build();
    }

    /** Random nodes of the network, within the box (minLon, minLat, maxLon, maxLat) when one is given. */
    private static List<Point> random(Random r, Network network, int n, double[] box) {
        List<Point> out = new ArrayList<>();
        while (out.size() < n) {
            Point p = network.node(r.nextInt(network.nodeCount()));
            if (box == null || (p.lon() >= box[0] && p.lat() >= box[1] && p.lon() <= box[2] && p.lat() <= box[3])) {
                out.add(p);
            }
        }
        return out;
    }

    private static long used() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
