package de.ortsanker.routing;

import static org.assertj.core.api.Assertions.assertThat;

import de.ortsanker.testing.PostgisTest;
import de.ortsanker.testing.TestSchema;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Walking network distances from GraphHopper checked independently: the same extract is read again with a
 * reader and walking rules of this test's own, its ways are loaded into PostGIS as edges between OSM nodes
 * (lengths measured by PostGIS on the spheroid), and pgRouting's pgr_dijkstra gives the shortest walk
 * between the network nodes GraphHopper snaps villages and places to. For sampled village–place pairs the
 * two agree within 2 % for at least 95 % of pairs.
 *
 * <p>Needs pgRouting in the test database's cluster (Debian's postgresql-15-pgrouting; scripts/postgis.sh
 * installs it).
 */
@PostgisTest
class PgRoutingComparisonTest {

    static final Path EXTRACT = Path.of("../data/osm/north-bayreuth.osm.pbf");

    @TempDir
    Path graphs;

    @Test
    void walkingDistancesAgreeWithPgRoutingOnTheSameOsmWays(TestSchema db) throws Exception {
        OsmFootWays osm = OsmFootWays.read(EXTRACT);
        assertThat(osm.ways).hasSizeGreaterThan(1000);
        assertThat(osm.villages).hasSizeGreaterThan(30);

        List<double[]> pairs = samplePairs(osm, 150);
        try (Network network = Network.build(EXTRACT, graphs.resolve("g"), 500);
             Connection c = db.connect()) {
            load(c, osm);

            Map<String, Long> osmNode = new HashMap<>();
            for (long id : osm.wayNodes()) {
                double[] p = osm.nodes.get(id);
                if (p != null) {
                    osmNode.put(key(p[0], p[1]), id);
                }
            }
            // GraphHopper's side: the network nodes the pair snaps to, and the shortest walk between them.
            List<long[]> vertices = new ArrayList<>();
            List<Double> ghMetres = new ArrayList<>();
            int unmatched = 0;
            for (double[] pair : pairs) {
                Point from = network.nearestNode(TravelMode.WALK, new Point(pair[0], pair[1]));
                Point to = network.nearestNode(TravelMode.WALK, new Point(pair[2], pair[3]));
                if (from == null || to == null || from.equals(to)) {
                    continue;
                }
                double m = network.shortestMetresBetweenNodes(TravelMode.WALK, from, List.of(to))[0];
                Long a = osmNode.get(key(from.lon(), from.lat())), b = osmNode.get(key(to.lon(), to.lat()));
                if (Double.isNaN(m) || a == null || b == null) {
                    unmatched++;    // no such node among this test's walkable ways: counts against the 95 %
                    continue;
                }
                vertices.add(new long[] {a, b});
                ghMetres.add(m);
            }
            Map<String, Double> pg = pgRouting(c, vertices);

            int agree = 0;
            List<String> worst = new ArrayList<>();
            for (int i = 0; i < vertices.size(); i++) {
                Double expected = pg.get(vertices.get(i)[0] + "-" + vertices.get(i)[1]);
                double gh = ghMetres.get(i);
                if (expected != null && Math.abs(gh - expected) <= 0.02 * expected) {
                    agree++;
                } else {
                    worst.add(vertices.get(i)[0] + "→" + vertices.get(i)[1] + ": GraphHopper " + Math.round(gh)
                            + " m, pgRouting " + (expected == null ? "no path" : Math.round(expected) + " m"));
                }
            }
            int compared = vertices.size() + unmatched;
            System.out.printf("pgRouting comparison: %d pairs, %d within 2 %%, %d GraphHopper nodes not among the"
                    + " OSM ways; disagreeing: %s%n", compared, agree, unmatched, worst);
            assertThat(compared).as("pairs compared").isGreaterThanOrEqualTo(100);
            assertThat(agree).as("pairs within 2 %%: %s", worst).isGreaterThanOrEqualTo((int) Math.ceil(0.95 * compared));
        }
    }

    /** Village–place pairs 500 m to 5 km apart in a straight line, at random (fixed seed). */
    private static List<double[]> samplePairs(OsmFootWays osm, int n) {
        Random r = new Random(7);
        List<double[]> pairs = new ArrayList<>();
        for (int tries = 0; pairs.size() < n && tries < 100_000; tries++) {
            double[] v = osm.villages.get(r.nextInt(osm.villages.size()));
            double[] p = osm.places.get(r.nextInt(osm.places.size()));
            double dx = (v[0] - p[0]) * 111_320 * Math.cos(Math.toRadians(v[1])), dy = (v[1] - p[1]) * 110_574;
            double d = Math.hypot(dx, dy);
            if (d >= 500 && d <= 5000) {
                pairs.add(new double[] {v[0], v[1], p[0], p[1]});
            }
        }
        return pairs;
    }

    /** The walkable ways as edges between consecutive OSM nodes; lengths on the spheroid by PostGIS. */
    private static void load(Connection c, OsmFootWays osm) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("create extension if not exists pgrouting with schema public");
            s.execute("create table foot_edges (id bigserial primary key, source bigint, target bigint,"
                    + " x1 float8, y1 float8, x2 float8, y2 float8, cost float8)");
        }
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement(
                "insert into foot_edges (source, target, x1, y1, x2, y2) values (?, ?, ?, ?, ?, ?)")) {
            int batch = 0;
            for (long[] way : osm.ways) {
                for (int i = 1; i < way.length; i++) {
                    double[] a = osm.nodes.get(way[i - 1]), b = osm.nodes.get(way[i]);
                    if (a == null || b == null) {
                        continue;   // a way leaving the extract
                    }
                    ps.setLong(1, way[i - 1]);
                    ps.setLong(2, way[i]);
                    ps.setDouble(3, a[0]);
                    ps.setDouble(4, a[1]);
                    ps.setDouble(5, b[0]);
                    ps.setDouble(6, b[1]);
                    ps.addBatch();
                    if (++batch % 5000 == 0) {
                        ps.executeBatch();
                    }
                }
            }
            ps.executeBatch();
        }
        try (Statement s = c.createStatement()) {
            s.execute("update foot_edges set cost = ST_Length(ST_MakeLine(ST_Point(x1, y1, 4326),"
                    + " ST_Point(x2, y2, 4326))::geography)");
        }
        c.commit();
        c.setAutoCommit(true);
    }

    /** Shortest walks by pgr_dijkstra (undirected: walking ignores one-way streets), all pairs in one call. */
    private static Map<String, Double> pgRouting(Connection c, List<long[]> pairs) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("create table pairs (source bigint, target bigint)");
        }
        try (PreparedStatement ps = c.prepareStatement("insert into pairs values (?, ?)")) {
            for (long[] p : pairs) {
                ps.setLong(1, p[0]);
                ps.setLong(2, p[1]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        Map<String, Double> out = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                select start_vid, end_vid, agg_cost
                  from pgr_dijkstra('select id, source, target, cost, cost as reverse_cost from foot_edges',
                                    'select distinct source, target from pairs', directed => false)
                 where edge = -1""")) {
            while (rs.next()) {
                out.put(rs.getLong(1) + "-" + rs.getLong(2), rs.getDouble(3));
            }
        }
        return out;
    }

    /** Coordinates to 1e-6 degrees (about 0.1 m): GraphHopper keeps OSM's node positions to 1e-7. */
    private static String key(double lon, double lat) {
        return Math.round(lon * 1e6) + "," + Math.round(lat * 1e6);
    }
}
