package de.ortsanker.routing;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Not a test: writes a SYNTHETIC road network of a Land's size as OSM XML, for bench/routing/land.sh (no
 * Land extract is available offline). The Land is a square of {@code km²} (default 29,654, Brandenburg)
 * cut into 3 × 3 km cells, the size of the area around one village there. Each cell has:
 * <ul>
 * <li>country roads (tertiary) along its lower and left edges, a node every 250 m, shared with the neighbours;</li>
 * <li>a village in the middle: a 12 × 12 grid of residential streets 60 m apart, joined to the four edge
 *     roads by unclassified roads;</li>
 * <li>farm and forest tracks every 500 m (except through the village), a node every 100 m, crossing each
 *     other and ending on the country roads.</li>
 * </ul>
 * Positions are jittered (±15 m, fixed seed), so ways are not perfectly straight. What this does NOT model:
 * footways, paths and cycleways beside roads, one-way streets, access restrictions, rivers and lakes that
 * break the grid, towns — a real Land's graph differs; the figures say what a graph of this size costs.
 *
 * <pre>java … SyntheticLand OUT.osm [KM2]</pre>
 */
public final class SyntheticLand {

    static final double CELL_KM = 3.0;
    static final int ROAD_STEPS = 12;          // 250 m along a 3 km edge
    static final int VILLAGE = 12;             // streets per direction
    static final double STREET_KM = 0.06;
    static final double[] TRACKS_KM = {0.5, 1.0, 2.0, 2.5};
    static final int TRACK_STEPS = 30;         // 100 m across a cell

    private final int n;                       // cells per side
    private final Writer nodes;
    private final Writer ways;
    private long nextNode;
    private long nextWay = 1;
    private long nodeCount, wayCount;

    private SyntheticLand(int n, Writer nodes, Writer ways) {
        this.n = n;
        this.nodes = nodes;
        this.ways = ways;
        // Road nodes have ids by formula (shared between cells); cell nodes come after them.
        this.nextNode = 2L * (n + 1) * (n * ROAD_STEPS + 1) + 1;
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        double km2 = args.length > 1 ? Double.parseDouble(args[1]) : 29_654;
        int n = (int) Math.round(Math.sqrt(km2) / CELL_KM);
        Path nodesFile = Files.createTempFile("land-nodes", ".xml"), waysFile = Files.createTempFile("land-ways", ".xml");
        SyntheticLand land;
        try (Writer nw = writer(nodesFile); Writer ww = writer(waysFile)) {
            land = new SyntheticLand(n, nw, ww);
            land.write();
        }
        try (var o = Files.newOutputStream(out)) {
            o.write("<?xml version='1.0' encoding='UTF-8'?>\n<osm version=\"0.6\" generator=\"ortsanker-synthetic-land\">\n"
                    .getBytes(StandardCharsets.UTF_8));
            Files.copy(nodesFile, o);
            Files.copy(waysFile, o);
            o.write("</osm>\n".getBytes(StandardCharsets.UTF_8));
        }
        Files.delete(nodesFile);
        Files.delete(waysFile);
        System.out.printf(Locale.ROOT, "synthetic land: %d × %d cells of %.0f km (%.0f km²), %d nodes, %d ways, %d MiB -> %s%n",
                n, n, CELL_KM, n * n * CELL_KM * CELL_KM, land.nodeCount, land.wayCount, Files.size(out) >> 20, out);
    }

    private static Writer writer(Path p) throws IOException {
        return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(p), StandardCharsets.UTF_8), 1 << 20);
    }

    private void write() throws IOException {
        int steps = n * ROAD_STEPS;
        // Horizontal country roads (rows 0 … n), then vertical ones sharing the crossings.
        for (int r = 0; r <= n; r++) {
            List<Long> way = new ArrayList<>();
            for (int k = 0; k <= steps; k++) {
                long id = hRoad(r, k);
                node(id, k * CELL_KM / ROAD_STEPS, r * CELL_KM, false);
                way.add(id);
            }
            way("tertiary", way);
        }
        for (int c = 0; c <= n; c++) {
            List<Long> way = new ArrayList<>();
            for (int k = 0; k <= steps; k++) {
                long id = vRoad(c, k);
                if (k % ROAD_STEPS != 0) {
                    node(id, c * CELL_KM, k * CELL_KM / ROAD_STEPS, false);
                }
                way.add(id);
            }
            way("tertiary", way);
        }
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                cell(r, c);
            }
        }
    }

    private void cell(int r, int c) throws IOException {
        double x0 = c * CELL_KM, y0 = r * CELL_KM;
        // The village: a grid of streets around the cell's middle.
        long[][] v = new long[VILLAGE][VILLAGE];
        double half = (VILLAGE - 1) * STREET_KM / 2;
        for (int i = 0; i < VILLAGE; i++) {
            for (int j = 0; j < VILLAGE; j++) {
                v[i][j] = nextNode++;
                node(v[i][j], x0 + CELL_KM / 2 - half + j * STREET_KM, y0 + CELL_KM / 2 - half + i * STREET_KM, true);
            }
        }
        for (int i = 0; i < VILLAGE; i++) {
            List<Long> row = new ArrayList<>(), col = new ArrayList<>();
            for (int j = 0; j < VILLAGE; j++) {
                row.add(v[i][j]);
                col.add(v[j][i]);
            }
            way("residential", row);
            way("residential", col);
        }
        // To the four edge roads, from the middle of each side (the roads' node at 1.5 km).
        int mid = VILLAGE / 2, m = ROAD_STEPS / 2;
        way("unclassified", List.of(vRoad(c, r * ROAD_STEPS + m), v[mid][0]));
        way("unclassified", List.of(v[mid][VILLAGE - 1], vRoad(c + 1, r * ROAD_STEPS + m)));
        way("unclassified", List.of(hRoad(r, c * ROAD_STEPS + m), v[0][mid]));
        way("unclassified", List.of(v[VILLAGE - 1][mid], hRoad(r + 1, c * ROAD_STEPS + m)));
        // Tracks: horizontal ones first; vertical ones share the crossings.
        int t = TRACKS_KM.length;
        long[][] h = new long[t][TRACK_STEPS + 1];
        for (int a = 0; a < t; a++) {
            h[a][0] = vRoad(c, r * ROAD_STEPS + (int) Math.round(TRACKS_KM[a] / CELL_KM * ROAD_STEPS));
            h[a][TRACK_STEPS] = vRoad(c + 1, r * ROAD_STEPS + (int) Math.round(TRACKS_KM[a] / CELL_KM * ROAD_STEPS));
            for (int k = 1; k < TRACK_STEPS; k++) {
                h[a][k] = nextNode++;
                node(h[a][k], x0 + k * CELL_KM / TRACK_STEPS, y0 + TRACKS_KM[a], true);
            }
            way("track", asList(h[a]));
        }
        for (int b = 0; b < t; b++) {
            List<Long> way = new ArrayList<>();
            way.add(hRoad(r, c * ROAD_STEPS + (int) Math.round(TRACKS_KM[b] / CELL_KM * ROAD_STEPS)));
            for (int k = 1; k < TRACK_STEPS; k++) {
                double y = k * CELL_KM / TRACK_STEPS;
                int crossing = crossing(y);
                long id;
                if (crossing >= 0) {
                    id = h[crossing][(int) Math.round(TRACKS_KM[b] / CELL_KM * TRACK_STEPS)];
                } else {
                    id = nextNode++;
                    node(id, x0 + TRACKS_KM[b], y0 + y, true);
                }
                way.add(id);
            }
            way.add(hRoad(r + 1, c * ROAD_STEPS + (int) Math.round(TRACKS_KM[b] / CELL_KM * ROAD_STEPS)));
            way("track", way);
        }
    }

    private static int crossing(double y) {
        for (int a = 0; a < TRACKS_KM.length; a++) {
            if (Math.abs(TRACKS_KM[a] - y) < 1e-9) {
                return a;
            }
        }
        return -1;
    }

    private static List<Long> asList(long[] ids) {
        List<Long> out = new ArrayList<>();
        for (long id : ids) {
            out.add(id);
        }
        return out;
    }

    private long hRoad(int r, int k) {
        return 1 + (long) r * (n * ROAD_STEPS + 1) + k;
    }

    /** A vertical road's node; at a crossing (every ROAD_STEPS) the horizontal road's. */
    private long vRoad(int c, int k) {
        if (k % ROAD_STEPS == 0) {
            return hRoad(k / ROAD_STEPS, c * ROAD_STEPS);
        }
        return 1 + (long) (n + 1) * (n * ROAD_STEPS + 1) + (long) c * (n * ROAD_STEPS + 1) + k;
    }

    private void node(long id, double xKm, double yKm, boolean jitter) throws IOException {
        double jx = 0, jy = 0;
        if (jitter) {
            long h = id * 0x9E3779B97F4A7C15L;
            jx = ((h >>> 40) % 1000 / 1000.0 - 0.5) * 0.03;
            jy = ((h >>> 20) % 1000 / 1000.0 - 0.5) * 0.03;
        }
        double lat = 51.4 + (yKm + jy) / 111.2;
        double lon = 11.3 + (xKm + jx) / (111.32 * Math.cos(Math.toRadians(52.2)));
        nodes.write(String.format(Locale.ROOT, "<node id=\"%d\" lat=\"%.7f\" lon=\"%.7f\"/>\n", id, lat, lon));
        nodeCount++;
    }

    private void way(String highway, List<Long> ids) throws IOException {
        StringBuilder b = new StringBuilder(32 + ids.size() * 24);
        b.append("<way id=\"").append(nextWay++).append("\">");
        for (long id : ids) {
            b.append("<nd ref=\"").append(id).append("\"/>");
        }
        b.append("<tag k=\"highway\" v=\"").append(highway).append("\"/></way>\n");
        ways.write(b.toString());
        wayCount++;
    }
}
