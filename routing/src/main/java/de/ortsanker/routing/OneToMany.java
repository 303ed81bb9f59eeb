package de.ortsanker.routing;

import com.graphhopper.coll.MinHeapWithUpdate;
import com.graphhopper.routing.querygraph.QueryGraph;
import com.graphhopper.routing.util.EdgeFilter;
import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.storage.BaseGraph;
import com.graphhopper.storage.index.LocationIndex;
import com.graphhopper.storage.index.Snap;
import com.graphhopper.util.EdgeExplorer;
import com.graphhopper.util.EdgeIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A multi-source Dijkstra: every origin starts at its access cost, one search settles the whole network
 * (or stops once every destination is settled), and each node remembers which origin reached it first.
 * So the nearest place of a kind for every village costs one search, not one route per pair.
 *
 * <p>Origins and destinations are snapped onto the nearest usable way (GraphHopper's location index, only
 * ways of the mode's main network) and inserted as virtual nodes of a {@link QueryGraph}, so a village
 * half-way along a road starts half-way along it.
 */
final class OneToMany {

    private final BaseGraph graph;
    private final LocationIndex index;
    private final Weighting weighting;
    private final EdgeFilter snapFilter;
    private final TravelMode mode;
    private final Objective objective;
    private final double maxSnapM;
    private boolean forward;
    private double maxCost = Double.POSITIVE_INFINITY;

    OneToMany(BaseGraph graph, LocationIndex index, Weighting weighting, EdgeFilter snapFilter, TravelMode mode,
              Objective objective, double maxSnapM) {
        this.graph = graph;
        this.index = index;
        this.weighting = weighting;
        this.snapFilter = snapFilter;
        this.mode = mode;
        this.objective = objective;
        this.maxSnapM = maxSnapM;
    }

    /**
     * Searches away from the origins (the way out of them, as driven) instead of towards them, and stops
     * once the next node lies beyond {@code maxSeconds}.
     */
    OneToMany forward(double maxSeconds) {
        this.forward = true;
        this.maxCost = maxSeconds;
        return this;
    }

    Arrivals run(List<Point> origins, List<Point> destinations) {
        int n = destinations.size();
        int[] origin = new int[n];
        double[] seconds = new double[n];
        double[] metres = new double[n];
        Arrays.fill(origin, -1);
        Arrays.fill(seconds, Double.NaN);
        Arrays.fill(metres, Double.NaN);

        Snap[] from = snapAll(origins);
        Snap[] to = snapAll(destinations);
        List<Snap> valid = new ArrayList<>();
        for (Snap s : from) {
            if (s != null) {
                valid.add(s);
            }
        }
        if (valid.isEmpty()) {
            return new Arrivals(origin, seconds, metres);
        }
        for (Snap s : to) {
            if (s != null) {
                valid.add(s);
            }
        }
        // Creating the query graph turns each snap's closest node into its virtual node.
        QueryGraph qg = QueryGraph.create(graph, valid);
        Weighting w = qg.wrapWeighting(weighting);

        int nodes = qg.getNodes();
        double[] cost = new double[nodes];
        double[] millis = new double[nodes];
        double[] length = new double[nodes];
        int[] reachedBy = new int[nodes];
        boolean[] settled = new boolean[nodes];
        Arrays.fill(cost, Double.POSITIVE_INFINITY);
        Arrays.fill(reachedBy, -1);
        MinHeapWithUpdate heap = new MinHeapWithUpdate(nodes);

        for (int o = 0; o < from.length; o++) {
            Snap s = from[o];
            if (s == null) {
                continue;
            }
            int node = s.getClosestNode();
            double access = accessCost(s.getQueryDistance());
            if (access < cost[node]) {
                cost[node] = access;
                millis[node] = accessSeconds(s.getQueryDistance()) * 1000;
                length[node] = s.getQueryDistance();
                reachedBy[node] = o;
                if (heap.contains(node)) {
                    heap.update(node, (float) access);
                } else {
                    heap.push(node, (float) access);
                }
            }
        }

        // Stop once every destination's node is settled.
        boolean[] wanted = new boolean[nodes];
        int open = 0;
        for (Snap s : to) {
            if (s != null && !wanted[s.getClosestNode()]) {
                wanted[s.getClosestNode()] = true;
                open++;
            }
        }

        EdgeExplorer explorer = qg.createEdgeExplorer();
        while (!heap.isEmpty() && open > 0) {
            if (heap.peekValue() > maxCost) {
                break;      // everything left is farther than the time allows
            }
            int u = heap.poll();
            if (settled[u]) {
                continue;
            }
            settled[u] = true;
            if (wanted[u]) {
                open--;
            }
            EdgeIterator it = explorer.setBaseNode(u);
            while (it.next()) {
                int v = it.getAdjNode();
                if (settled[v]) {
                    continue;
                }
                // Backwards from the places: this edge is travelled from v to u (forwards: from u to v).
                double weight = w.calcEdgeWeight(it, !forward);
                if (Double.isInfinite(weight)) {
                    continue;
                }
                long edgeMillis = w.calcEdgeMillis(it, !forward);
                double step = objective == Objective.SHORTEST ? it.getDistance() : edgeMillis / 1000.0;
                double c = cost[u] + step;
                if (c < cost[v]) {
                    cost[v] = c;
                    millis[v] = millis[u] + edgeMillis;
                    length[v] = length[u] + it.getDistance();
                    reachedBy[v] = reachedBy[u];
                    if (heap.contains(v)) {
                        heap.update(v, (float) c);
                    } else {
                        heap.push(v, (float) c);
                    }
                }
            }
        }

        for (int d = 0; d < n; d++) {
            Snap s = to[d];
            if (s == null) {
                continue;
            }
            int node = s.getClosestNode();
            if (reachedBy[node] < 0) {
                continue;
            }
            origin[d] = reachedBy[node];
            seconds[d] = millis[node] / 1000.0 + accessSeconds(s.getQueryDistance());
            metres[d] = length[node] + s.getQueryDistance();
        }
        return new Arrivals(origin, seconds, metres);
    }

    /**
     * Every node of the network reached from the origin within {@code maxSeconds} (forwards: the way out
     * from the origin), with its time: what an isochrone is drawn around. Empty when the origin is off the network.
     */
    List<double[]> within(Point from, double maxSeconds) {
        Snap s = snapAll(List.of(from))[0];
        List<double[]> out = new ArrayList<>();
        if (s == null) {
            return out;
        }
        QueryGraph qg = QueryGraph.create(graph, List.of(s));
        Weighting w = qg.wrapWeighting(weighting);
        var na = qg.getNodeAccess();
        int nodes = qg.getNodes();
        double[] seconds = new double[nodes];
        boolean[] settled = new boolean[nodes];
        Arrays.fill(seconds, Double.POSITIVE_INFINITY);
        MinHeapWithUpdate heap = new MinHeapWithUpdate(nodes);
        int start = s.getClosestNode();
        seconds[start] = accessSeconds(s.getQueryDistance());
        heap.push(start, (float) seconds[start]);
        EdgeExplorer explorer = qg.createEdgeExplorer();
        while (!heap.isEmpty()) {
            int u = heap.poll();
            if (settled[u] || seconds[u] > maxSeconds) {
                break;      // the heap's smallest is beyond the limit: all the rest are too
            }
            settled[u] = true;
            out.add(new double[] {na.getLon(u), na.getLat(u), seconds[u]});
            EdgeIterator it = explorer.setBaseNode(u);
            while (it.next()) {
                int v = it.getAdjNode();
                if (settled[v] || Double.isInfinite(w.calcEdgeWeight(it, false))) {
                    continue;
                }
                double c = seconds[u] + w.calcEdgeMillis(it, false) / 1000.0;
                if (c < seconds[v]) {
                    seconds[v] = c;
                    if (heap.contains(v)) {
                        heap.update(v, (float) c);
                    } else {
                        heap.push(v, (float) c);
                    }
                }
            }
        }
        return out;
    }

    /**
     * Every destination reached from each origin within {@code maxSeconds}, forwards (the way out from the
     * origin): one bounded Dijkstra per origin on one query graph holding every snap. For the short walks of
     * public transport — a village to its stops, a stop to its neighbours — which are few and near.
     */
    Walks walks(List<Point> origins, List<Point> destinations, double maxSeconds) {
        Snap[] from = snapAll(origins);
        Snap[] to = snapAll(destinations);
        List<Snap> valid = new ArrayList<>();
        for (Snap s : from) {
            if (s != null) {
                valid.add(s);
            }
        }
        for (Snap s : to) {
            if (s != null) {
                valid.add(s);
            }
        }
        int[][] reached = new int[from.length][0];
        int[][] secs = new int[from.length][0];
        if (valid.isEmpty()) {
            return new Walks(reached, secs);
        }
        QueryGraph qg = QueryGraph.create(graph, valid);
        Weighting w = qg.wrapWeighting(weighting);
        int nodes = qg.getNodes();
        // Destinations by the node they snapped to (several stops may share one).
        java.util.Map<Integer, List<Integer>> atNode = new java.util.HashMap<>();
        for (int d = 0; d < to.length; d++) {
            if (to[d] != null) {
                atNode.computeIfAbsent(to[d].getClosestNode(), k -> new ArrayList<>()).add(d);
            }
        }
        double[] seconds = new double[nodes];
        Arrays.fill(seconds, Double.POSITIVE_INFINITY);
        List<Integer> touched = new ArrayList<>();
        MinHeapWithUpdate heap = new MinHeapWithUpdate(nodes);
        EdgeExplorer explorer = qg.createEdgeExplorer();
        for (int o = 0; o < from.length; o++) {
            Snap s = from[o];
            if (s == null) {
                continue;
            }
            List<int[]> found = new ArrayList<>();
            int start = s.getClosestNode();
            seconds[start] = accessSeconds(s.getQueryDistance());
            touched.add(start);
            heap.push(start, (float) seconds[start]);
            while (!heap.isEmpty()) {
                int u = heap.poll();
                double at = seconds[u];
                if (at > maxSeconds) {
                    break;
                }
                for (int d : atNode.getOrDefault(u, List.of())) {
                    double total = at + accessSeconds(to[d].getQueryDistance());
                    if (total <= maxSeconds) {
                        found.add(new int[] {d, (int) Math.round(total)});
                    }
                }
                EdgeIterator it = explorer.setBaseNode(u);
                while (it.next()) {
                    int v = it.getAdjNode();
                    if (Double.isInfinite(w.calcEdgeWeight(it, false))) {
                        continue;
                    }
                    double c = at + w.calcEdgeMillis(it, false) / 1000.0;
                    if (c < seconds[v]) {
                        if (Double.isInfinite(seconds[v])) {
                            touched.add(v);
                        }
                        seconds[v] = c;
                        if (heap.contains(v)) {
                            heap.update(v, (float) c);
                        } else {
                            heap.push(v, (float) c);
                        }
                    }
                }
            }
            heap.clear();
            for (int t : touched) {
                seconds[t] = Double.POSITIVE_INFINITY;
            }
            touched.clear();
            reached[o] = found.stream().mapToInt(f -> f[0]).toArray();
            secs[o] = found.stream().mapToInt(f -> f[1]).toArray();
        }
        return new Walks(reached, secs);
    }

    private Snap[] snapAll(List<Point> points) {
        Snap[] snaps = new Snap[points.size()];
        for (int i = 0; i < snaps.length; i++) {
            Point p = points.get(i);
            Snap s = index.findClosest(p.lat(), p.lon(), snapFilter);
            snaps[i] = s.isValid() && s.getQueryDistance() <= maxSnapM ? s : null;
        }
        return snaps;
    }

    private double accessSeconds(double metres) {
        return metres / (mode.accessKmh() / 3.6);
    }

    /** The leg off the network in the search's own units: seconds or metres. */
    private double accessCost(double metres) {
        return objective == Objective.SHORTEST ? metres : accessSeconds(metres);
    }
}
