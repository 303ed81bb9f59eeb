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

/**
 * Not a test: bench/routing/run.sh runs it. Builds the graph of an extract (time, heap, size on disk),
 * then answers a county's planning question: ~200 villages, 10 kinds of places, walking and cycling —
 * one multi-source search per kind and mode.
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
        for (int round = 0; round < 3; round++) {
            start = System.nanoTime();
            int reached = 0;
            for (TravelMode mode : TravelMode.values()) {
                for (List<Point> kind : places) {
                    Arrivals a = network.nearest(mode, Objective.FASTEST, kind, vs);
                    for (int v = 0; v < vs.size(); v++) {
                        reached += a.reached(v) ? 1 : 0;
                    }
                }
            }
            System.out.printf("round %d: %d villages × %d kinds × %s = %d searches in %.2f s (%d answers with a place)%n",
                    round + 1, villages, kinds, java.util.Arrays.toString(TravelMode.values()), kinds * TravelMode.values().length, (System.nanoTime() - start) / 1e9, reached);
        }
        network.close();
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
