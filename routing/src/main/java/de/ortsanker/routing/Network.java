package de.ortsanker.routing;

import com.graphhopper.GraphHopper;
import com.graphhopper.config.Profile;
import com.graphhopper.routing.ev.BooleanEncodedValue;
import com.graphhopper.routing.ev.Subnetwork;
import com.graphhopper.routing.util.DefaultSnapFilter;
import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.storage.index.Snap;
import com.graphhopper.util.GHUtility;
import com.graphhopper.util.PMap;
import com.graphhopper.util.shapes.BBox;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The walking and cycling network of one OSM extract: a GraphHopper graph (roads and paths with the
 * access, speed and priority GraphHopper's foot and bike models read from the tags), and one-to-many
 * searches on it. Read-only once built; any number of searches may run at once.
 */
public final class Network implements AutoCloseable {

    /** The encoded values foot.json and bike.json read (their elevation parts are not used). */
    static final String ENCODED_VALUES = "foot_access, foot_priority, foot_average_speed, foot_road_access,"
            + " bike_access, bike_priority, bike_average_speed, bike_road_access, roundabout,"
            + " hike_rating, mtb_rating, country, road_class";

    private final Path extract;
    private final GraphHopper hopper;
    private final Map<TravelMode, Weighting> weightings = new EnumMap<>(TravelMode.class);
    private final Map<TravelMode, DefaultSnapFilter> snapFilters = new EnumMap<>(TravelMode.class);
    private final double maxSnapM;

    private Network(Path extract, GraphHopper hopper, double maxSnapM) {
        this.extract = extract;
        this.hopper = hopper;
        this.maxSnapM = maxSnapM;
        for (TravelMode mode : TravelMode.values()) {
            Weighting w = hopper.createWeighting(hopper.getProfile(mode.profile()), new PMap());
            BooleanEncodedValue inSubnetwork = hopper.getEncodingManager()
                    .getBooleanEncodedValue(Subnetwork.key(mode.profile()));
            weightings.put(mode, w);
            snapFilters.put(mode, new DefaultSnapFilter(w, inSubnetwork));
        }
    }

    /**
     * Builds the graph of the extract into {@code graphDir}, or loads it from there when it was built
     * before with the same profiles. Takes tens of seconds for a county (docs/benchmarks.md).
     */
    public static Network build(Path extract, Path graphDir, double maxSnapM) {
        GraphHopper hopper = new GraphHopper();
        hopper.setOSMFile(extract.toString());
        hopper.setGraphHopperLocation(graphDir.toString());
        hopper.setEncodedValuesString(ENCODED_VALUES);
        hopper.setProfiles(List.of(profile(TravelMode.WALK), profile(TravelMode.BIKE)));
        // Islands of fewer than 200 edges (a car park's footways, a private garden) are not snapped to.
        hopper.setMinNetworkSize(200);
        hopper.importOrLoad();
        return new Network(extract, hopper, maxSnapM);
    }

    private static Profile profile(TravelMode mode) {
        return new Profile(mode.profile()).setCustomModel(GHUtility.loadCustomModelFromJar(mode.customModel()));
    }

    public Path extract() {
        return extract;
    }

    /** Whether the point lies within the extract's bounds. */
    public boolean covers(double lon, double lat) {
        BBox b = hopper.getBaseGraph().getBounds();
        return b.contains(lat, lon);
    }

    /** A node of the graph (for benchmarks: points certainly on the network). */
    Point node(int i) {
        var na = hopper.getBaseGraph().getNodeAccess();
        return new Point(na.getLon(i), na.getLat(i));
    }

    int nodeCount() {
        return hopper.getBaseGraph().getNodes();
    }

    /** The graph's size, for logs and benchmarks. */
    public String describe() {
        var g = hopper.getBaseGraph();
        return extract.getFileName() + ": " + g.getNodes() + " nodes, " + g.getEdges() + " edges";
    }

    /**
     * One search from all origins at once (a multi-source Dijkstra): for each destination the origin it
     * reaches first and the way's time and length. Origins are the places of a kind, destinations the
     * villages; the search runs backwards from the places, so one-way streets count in the direction a
     * villager travels, towards the place.
     */
    public Arrivals nearest(TravelMode mode, Objective objective, List<Point> origins, List<Point> destinations) {
        return new OneToMany(hopper.getBaseGraph(), hopper.getLocationIndex(), weightings.get(mode),
                snapFilters.get(mode), mode, objective, maxSnapM).run(origins, destinations);
    }

    /**
     * Where the point meets the network for the mode — the node of the graph nearest to the snapped
     * point — as a position; null when no usable way lies within the snapping distance.
     */
    public Point nearestNode(TravelMode mode, Point p) {
        Snap snap = hopper.getLocationIndex().findClosest(p.lat(), p.lon(), snapFilters.get(mode));
        if (!snap.isValid() || snap.getQueryDistance() > maxSnapM) {
            return null;
        }
        var na = hopper.getBaseGraph().getNodeAccess();
        int node = snap.getClosestNode();
        return new Point(na.getLon(node), na.getLat(node));
    }

    /** Network lengths from a node position to each other node position (for checking; see {@link #nearestNode}). */
    public double[] shortestMetresBetweenNodes(TravelMode mode, Point from, List<Point> to) {
        Arrivals a = nearest(mode, Objective.SHORTEST, List.of(from), to);
        double[] m = Arrays.copyOf(a.metres(), a.metres().length);
        for (int i = 0; i < m.length; i++) {
            if (!a.reached(i)) {
                m[i] = Double.NaN;
            }
        }
        return m;
    }

    @Override
    public void close() {
        hopper.close();
    }
}
