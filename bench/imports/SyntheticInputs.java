import com.google.protobuf.ByteString;
import crosby.binary.Fileformat;
import crosby.binary.Osmformat;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.zip.Deflater;

/**
 * Writes the synthetic inputs of the import benchmark (bench/imports/run.sh), reproducibly (fixed seed):
 *
 * <ul>
 *   <li>synthetic.osm.pbf — FEATURES tagged OSM objects spread over Germany: 90 % points of interest of the
 *       mapped kinds (pubs, bus stops, village halls, clubs, Mitfahrbänke, charging stations, shops …),
 *       5 % villages with population, 5 % buildings (closed ways) with addresses, a tenth of them disused,
 *       and 1,000 multipolygon relations (disused pubs with a courtyard);</li>
 *   <li>synthetic.geojson — FEATURES point features with kind, name, opening hours, wheelchair, website.</li>
 * </ul>
 *
 * Run with the importer's classpath (osmpbf, protobuf):
 * {@code java -cp "importers/target/importers.jar:importers/target/lib/*" bench/imports/SyntheticInputs.java DIR [FEATURES]}
 *
 * <p>With {@code --land DIR [VILLAGES]} it writes instead {@code synthetic-land.osm.pbf}, an extract the size of a
 * Land's (default 3,000 villages: 11.6 million nodes, 1 million ways) over the box of Brandenburg: per village a
 * place node, 30 points of interest, 300 buildings with addresses, 30 streets of 20 nodes and 10 forest
 * outlines of 200 nodes — for the clipped import of one county ({@code scripts/import.sh … --area 12062},
 * bench/imports/land.sh).
 */
public final class SyntheticInputs {

    private static final String[][] POI_TAGS = {
            {"amenity", "pub", "name", "Gasthaus"},
            {"amenity", "cafe", "name", "Café"},
            {"highway", "bus_stop", "name", "Haltestelle", "shelter", "yes"},
            {"amenity", "community_centre", "community_centre", "village_hall", "name", "Dorfgemeinschaftshaus"},
            {"amenity", "community_centre", "name", "Bürgerhaus"},
            {"club", "sport", "sport", "soccer;tennis", "name", "SV"},
            {"highway", "hitchhiking", "bench", "yes", "destination", "Bayreuth;Kulmbach"},
            {"amenity", "charging_station", "capacity", "2", "socket:type2", "2"},
            {"shop", "convenience", "name", "Dorfladen"},
            {"amenity", "library", "name", "Bücherei"},
            {"railway", "halt", "name", "Haltepunkt"},
            {"amenity", "doctors", "name", "Praxis"},
            {"amenity", "car_sharing", "operator", "Dorfauto"},
            {"disused:shop", "bakery", "name", "Alte Bäckerei"},
    };
    private static final String[] KINDS = {"pub", "cafe", "bus_stop", "village_hall", "community_centre", "club",
            "mitfahrbank", "charging_station", "village_shop", "library", "train_station", "health_site",
            "car_sharing", "vacant_building"};

    private final Random random = new Random(20261121);
    private final int features;

    private SyntheticInputs(int features) {
        this.features = features;
    }

    public static void main(String[] args) throws IOException {
        if (args.length > 0 && args[0].equals("--land")) {
            Path dir = Path.of(args.length > 1 ? args[1] : ".");
            Files.createDirectories(dir);
            new SyntheticInputs(0).land(dir.resolve("synthetic-land.osm.pbf"), args.length > 2 ? Integer.parseInt(args[2]) : 3000);
            return;
        }
        Path dir = Path.of(args.length > 0 ? args[0] : ".");
        int features = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        Files.createDirectories(dir);
        var inputs = new SyntheticInputs(features);
        inputs.osm(dir.resolve("synthetic.osm.pbf"));
        inputs.geojson(dir.resolve("synthetic.geojson"));
    }

    private double lon() {
        return 6.0 + random.nextDouble() * 8.8;
    }

    private double lat() {
        return 47.5 + random.nextDouble() * 7.3;
    }

    // ---------------------------------------------------------------------------------------- OSM PBF

    private void osm(Path file) throws IOException {
        int pois = features * 90 / 100;
        int villages = features * 5 / 100;
        int buildings = features - pois - villages;
        int relations = 1000;
        try (var out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 20))) {
            blob(out, "OSMHeader", Osmformat.HeaderBlock.newBuilder().addRequiredFeatures("OsmSchema-V0.6")
                    .addRequiredFeatures("DenseNodes").addOptionalFeatures("Sort.Type_then_ID")
                    .setWritingprogram("ortsanker bench/imports/SyntheticInputs").build().toByteArray());
            long id = 0;
            var block = new DenseBlock();
            for (int i = 0; i < pois; i++) {
                String[] tags = POI_TAGS[i % POI_TAGS.length].clone();
                for (int t = 1; t < tags.length; t += 2) {
                    if (tags[t - 1].equals("name")) {
                        tags[t] = tags[t] + " " + (i + 1);
                    }
                }
                block.add(++id, lon(), lat(), tags);
                if (block.full()) {
                    block.write(out);
                }
            }
            for (int i = 0; i < villages; i++) {
                block.add(++id, lon(), lat(), new String[] {"place", i % 3 == 0 ? "hamlet" : "village",
                        "name", "Dorf " + (i + 1), "population", Integer.toString(20 + random.nextInt(3000))});
                if (block.full()) {
                    block.write(out);
                }
            }
            // Four corners per building and per relation ring (outer and inner: eight).
            long firstCorner = id + 1;
            for (int i = 0; i < buildings; i++) {
                double x = lon();
                double y = lat();
                double d = 0.0001;
                for (double[] c : new double[][] {{x, y}, {x + d, y}, {x + d, y + d}, {x, y + d}}) {
                    block.add(++id, c[0], c[1], null);
                    if (block.full()) {
                        block.write(out);
                    }
                }
            }
            long firstRingCorner = id + 1;
            for (int i = 0; i < relations; i++) {
                double x = lon();
                double y = lat();
                for (double[] c : new double[][] {{x, y}, {x + 0.001, y}, {x + 0.001, y + 0.001}, {x, y + 0.001},
                        {x + 0.0003, y + 0.0003}, {x + 0.0006, y + 0.0003}, {x + 0.0006, y + 0.0006},
                        {x + 0.0003, y + 0.0006}}) {
                    block.add(++id, c[0], c[1], null);
                    if (block.full()) {
                        block.write(out);
                    }
                }
            }
            block.write(out);

            var ways = new WayBlock();
            long wayId = 0;
            for (int i = 0; i < buildings; i++) {
                long c = firstCorner + 4L * i;
                List<String> tags = new ArrayList<>(List.of("building", "yes", "addr:street", "Straße " + (i % 500),
                        "addr:housenumber", Integer.toString(1 + i % 120), "addr:postcode", "9" + (1000 + i % 8999),
                        "addr:city", "Ort " + (i % 2000)));
                if (i % 10 == 0) {
                    tags.addAll(List.of("disused", "yes"));
                }
                ways.add(++wayId, new long[] {c, c + 1, c + 2, c + 3, c}, tags.toArray(new String[0]));
                if (ways.full()) {
                    ways.write(out);
                }
            }
            long firstRingWay = wayId + 1;
            for (int i = 0; i < relations; i++) {
                long c = firstRingCorner + 8L * i;
                ways.add(++wayId, new long[] {c, c + 1, c + 2, c + 3, c}, new String[0]);
                ways.add(++wayId, new long[] {c + 4, c + 5, c + 6, c + 7, c + 4}, new String[0]);
                if (ways.full()) {
                    ways.write(out);
                }
            }
            ways.write(out);

            var rels = new RelationBlock();
            for (int i = 0; i < relations; i++) {
                long outer = firstRingWay + 2L * i;
                rels.add(i + 1, new long[] {outer, outer + 1}, new String[] {"outer", "inner"},
                        new String[] {"type", "multipolygon", "disused:amenity", "pub", "name", "Alte Brauerei " + i});
            }
            rels.write(out);
        }
    }

    // ------------------------------------------------------------------------------- a Land's extract

    private static final int LAND_POIS = 30;
    private static final int LAND_BUILDINGS = 300;
    private static final int LAND_STREETS = 30;
    private static final int LAND_STREET_NODES = 20;
    private static final int LAND_FORESTS = 10;
    private static final int LAND_FOREST_NODES = 200;
    /** Nodes per village: the place, its points of interest, four corners per building, streets, forests. */
    private static final int LAND_NODES = 1 + LAND_POIS + 4 * LAND_BUILDINGS + LAND_STREETS * LAND_STREET_NODES
            + LAND_FORESTS * LAND_FOREST_NODES;

    /**
     * Villages on a jittered grid over Brandenburg's box (11.27–14.77 E, 51.36–53.56 N); each village's own
     * random numbers (seeded by its index), so that the ways, written after all nodes as PBF's order wants,
     * meet the nodes they were given.
     */
    private void land(Path file, int villages) throws IOException {
        int columns = (int) Math.ceil(Math.sqrt(villages * 1.6));
        int rows = (villages + columns - 1) / columns;
        double width = 3.5 / columns;
        double height = 2.2 / rows;
        try (var out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 20))) {
            blob(out, "OSMHeader", Osmformat.HeaderBlock.newBuilder().addRequiredFeatures("OsmSchema-V0.6")
                    .addRequiredFeatures("DenseNodes").addOptionalFeatures("Sort.Type_then_ID")
                    .setWritingprogram("ortsanker bench/imports/SyntheticInputs --land").build().toByteArray());
            var block = new DenseBlock();
            for (int v = 0; v < villages; v++) {
                var r = new Random(20261206L * 31 + v);
                double cx = 11.27 + (v % columns + 0.2 + 0.6 * r.nextDouble()) * width;
                double cy = 51.36 + (v / columns + 0.2 + 0.6 * r.nextDouble()) * height;
                long id = 1 + (long) v * LAND_NODES;
                block.add(id++, cx, cy, new String[] {"place", v % 4 == 0 ? "hamlet" : "village", "name", "Dorf " + v,
                        "population", Integer.toString(50 + r.nextInt(2000))});
                for (int i = 0; i < LAND_POIS; i++) {
                    String[] tags = POI_TAGS[i % POI_TAGS.length].clone();
                    for (int t = 1; t < tags.length; t += 2) {
                        if (tags[t - 1].equals("name")) {
                            tags[t] = tags[t] + " " + v + "-" + i;
                        }
                    }
                    block.add(id++, cx + (r.nextDouble() - 0.5) * width * 0.3, cy + (r.nextDouble() - 0.5) * height * 0.3, tags);
                    if (block.full()) {
                        block.write(out);
                    }
                }
                for (int i = 0; i < LAND_BUILDINGS; i++) {
                    double x = cx + (r.nextDouble() - 0.5) * width * 0.3;
                    double y = cy + (r.nextDouble() - 0.5) * height * 0.3;
                    for (double[] c : new double[][] {{x, y}, {x + 0.0001, y}, {x + 0.0001, y + 0.0001}, {x, y + 0.0001}}) {
                        block.add(id++, c[0], c[1], null);
                        if (block.full()) {
                            block.write(out);
                        }
                    }
                }
                for (int i = 0; i < LAND_STREETS * LAND_STREET_NODES + LAND_FORESTS * LAND_FOREST_NODES; i++) {
                    block.add(id++, cx + (r.nextDouble() - 0.5) * width, cy + (r.nextDouble() - 0.5) * height, null);
                    if (block.full()) {
                        block.write(out);
                    }
                }
            }
            block.write(out);

            var ways = new WayBlock();
            long wayId = 0;
            for (int v = 0; v < villages; v++) {
                long first = 1 + (long) v * LAND_NODES + 1 + LAND_POIS;
                for (int i = 0; i < LAND_BUILDINGS; i++) {
                    long c = first + 4L * i;
                    ways.add(++wayId, new long[] {c, c + 1, c + 2, c + 3, c}, new String[] {"building", "house",
                            "addr:street", "Dorfstraße", "addr:housenumber", Integer.toString(i + 1),
                            "addr:postcode", Integer.toString(10000 + v), "addr:city", "Dorf " + v});
                    if (ways.full()) {
                        ways.write(out);
                    }
                }
                long street = first + 4L * LAND_BUILDINGS;
                for (int i = 0; i < LAND_STREETS; i++) {
                    long[] refs = new long[LAND_STREET_NODES];
                    for (int n = 0; n < refs.length; n++) {
                        refs[n] = street + (long) i * LAND_STREET_NODES + n;
                    }
                    ways.add(++wayId, refs, new String[] {"highway", "residential", "name", "Weg " + i});
                    if (ways.full()) {
                        ways.write(out);
                    }
                }
                long forest = street + (long) LAND_STREETS * LAND_STREET_NODES;
                for (int i = 0; i < LAND_FORESTS; i++) {
                    long[] refs = new long[LAND_FOREST_NODES + 1];
                    for (int n = 0; n < LAND_FOREST_NODES; n++) {
                        refs[n] = forest + (long) i * LAND_FOREST_NODES + n;
                    }
                    refs[LAND_FOREST_NODES] = refs[0];
                    ways.add(++wayId, refs, new String[] {"landuse", "forest"});
                    if (ways.full()) {
                        ways.write(out);
                    }
                }
            }
            ways.write(out);
        }
    }

    private static final class Strings {
        private final Map<String, Integer> index = new LinkedHashMap<>();

        Strings() {
            index.put("", 0);
        }

        int of(String s) {
            return index.computeIfAbsent(s, k -> index.size());
        }

        Osmformat.StringTable table() {
            var b = Osmformat.StringTable.newBuilder();
            index.keySet().forEach(s -> b.addS(ByteString.copyFromUtf8(s)));
            return b.build();
        }

        void clear() {
            index.clear();
            index.put("", 0);
        }
    }

    private static final class DenseBlock {
        private final Strings strings = new Strings();
        private Osmformat.DenseNodes.Builder dense = Osmformat.DenseNodes.newBuilder();
        private long lastId;
        private long lastLat;
        private long lastLon;
        private int count;

        void add(long id, double lon, double lat, String[] tags) {
            long la = Math.round(lat * 1e7);
            long lo = Math.round(lon * 1e7);
            dense.addId(id - lastId).addLat(la - lastLat).addLon(lo - lastLon);
            lastId = id;
            lastLat = la;
            lastLon = lo;
            if (tags != null) {
                for (String t : tags) {
                    dense.addKeysVals(strings.of(t));
                }
            }
            dense.addKeysVals(0);
            count++;
        }

        boolean full() {
            return count >= 8000;
        }

        void write(DataOutputStream out) throws IOException {
            if (count == 0) {
                return;
            }
            var block = Osmformat.PrimitiveBlock.newBuilder().setStringtable(strings.table())
                    .addPrimitivegroup(Osmformat.PrimitiveGroup.newBuilder().setDense(dense)).build();
            blob(out, "OSMData", block.toByteArray());
            dense = Osmformat.DenseNodes.newBuilder();
            strings.clear();
            lastId = 0;
            lastLat = 0;
            lastLon = 0;
            count = 0;
        }
    }

    private static final class WayBlock {
        private final Strings strings = new Strings();
        private Osmformat.PrimitiveGroup.Builder group = Osmformat.PrimitiveGroup.newBuilder();
        private int count;

        void add(long id, long[] refs, String[] tags) {
            var w = Osmformat.Way.newBuilder().setId(id);
            for (int t = 0; t < tags.length; t += 2) {
                w.addKeys(strings.of(tags[t])).addVals(strings.of(tags[t + 1]));
            }
            long last = 0;
            for (long r : refs) {
                w.addRefs(r - last);
                last = r;
            }
            group.addWays(w);
            count++;
        }

        boolean full() {
            return count >= 8000;
        }

        void write(DataOutputStream out) throws IOException {
            if (count == 0) {
                return;
            }
            blob(out, "OSMData", Osmformat.PrimitiveBlock.newBuilder().setStringtable(strings.table())
                    .addPrimitivegroup(group).build().toByteArray());
            group = Osmformat.PrimitiveGroup.newBuilder();
            strings.clear();
            count = 0;
        }
    }

    private static final class RelationBlock {
        private final Strings strings = new Strings();
        private final Osmformat.PrimitiveGroup.Builder group = Osmformat.PrimitiveGroup.newBuilder();

        void add(long id, long[] ways, String[] roles, String[] tags) {
            var r = Osmformat.Relation.newBuilder().setId(id);
            for (int t = 0; t < tags.length; t += 2) {
                r.addKeys(strings.of(tags[t])).addVals(strings.of(tags[t + 1]));
            }
            long last = 0;
            for (int i = 0; i < ways.length; i++) {
                r.addMemids(ways[i] - last).addRolesSid(strings.of(roles[i]))
                        .addTypes(Osmformat.Relation.MemberType.WAY);
                last = ways[i];
            }
            group.addRelations(r);
        }

        void write(DataOutputStream out) throws IOException {
            blob(out, "OSMData", Osmformat.PrimitiveBlock.newBuilder().setStringtable(strings.table())
                    .addPrimitivegroup(group).build().toByteArray());
        }
    }

    private static void blob(DataOutputStream out, String type, byte[] raw) throws IOException {
        var deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
        deflater.setInput(raw);
        deflater.finish();
        byte[] buf = new byte[raw.length + 1024];
        int n = deflater.deflate(buf);
        deflater.end();
        byte[] blob = Fileformat.Blob.newBuilder().setRawSize(raw.length)
                .setZlibData(ByteString.copyFrom(buf, 0, n)).build().toByteArray();
        byte[] header = Fileformat.BlobHeader.newBuilder().setType(type).setDatasize(blob.length).build().toByteArray();
        out.writeInt(header.length);
        out.write(header);
        out.write(blob);
    }

    // ---------------------------------------------------------------------------------------- GeoJSON

    private void geojson(Path file) throws IOException {
        try (OutputStream raw = Files.newOutputStream(file);
             var out = new BufferedWriter(new java.io.OutputStreamWriter(raw, StandardCharsets.UTF_8), 1 << 20)) {
            out.write("{\"type\": \"FeatureCollection\", \"name\": \"synthetic\", \"features\": [\n");
            for (int i = 1; i <= features; i++) {
                String kind = KINDS[i % KINDS.length];
                out.write(String.format(Locale.ROOT, "{\"type\": \"Feature\", \"id\": %d, \"properties\": {\"kind\": \"%s\","
                                + " \"name\": \"%s %d\", \"opening_hours\": \"%s\", \"wheelchair\": \"%s\","
                                + " \"website\": \"https://example.org/%d\"}, \"geometry\": {\"type\": \"Point\","
                                + " \"coordinates\": [%.6f, %.6f]}}%s\n",
                        i, kind, kind.replace('_', ' '), i, i % 2 == 0 ? "Mo-Fr 09:00-18:00" : "Sa 10:00-14:00",
                        i % 3 == 0 ? "yes" : "limited", i, lon(), lat(), i < features ? "," : ""));
            }
            out.write("]}\n");
        }
    }
}
