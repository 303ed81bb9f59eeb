package de.ortsanker.routing;

import crosby.binary.BinaryParser;
import crosby.binary.Osmformat;
import crosby.binary.file.BlockInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ways a pedestrian may use, read from an OSM extract by a reader and rules of their own (osmpbf,
 * the OSM wiki's defaults for Germany), independent of GraphHopper's; plus the extract's villages and
 * amenities and shops, for sampling pairs.
 */
final class OsmFootWays extends BinaryParser {

    static final Set<String> WALKABLE = Set.of("primary", "primary_link", "secondary", "secondary_link", "tertiary",
            "tertiary_link", "unclassified", "residential", "living_street", "service", "pedestrian", "track",
            "footway", "path", "steps", "road", "cycleway");
    static final Set<String> NO = Set.of("no", "private", "use_sidepath");
    static final Set<String> YES = Set.of("yes", "designated", "permissive");

    final Map<Long, double[]> nodes = new HashMap<>();   // id → lon, lat
    final List<long[]> ways = new ArrayList<>();
    final List<double[]> villages = new ArrayList<>();
    final List<double[]> places = new ArrayList<>();

    static OsmFootWays read(Path extract) throws IOException {
        OsmFootWays osm = new OsmFootWays();
        try (InputStream in = Files.newInputStream(extract)) {
            new BlockInputStream(in, osm).process();
        }
        return osm;
    }

    /** Whether a way with these tags may be walked. */
    static boolean walkable(Map<String, String> tags) {
        String highway = tags.get("highway");
        if (highway == null || !WALKABLE.contains(highway)) {
            return false;
        }
        String foot = tags.get("foot");
        if (foot != null && NO.contains(foot)) {
            return false;
        }
        if ("cycleway".equals(highway) && (foot == null || !YES.contains(foot))) {
            return false;     // in Germany a cycleway is not a footway unless signed so
        }
        String access = tags.get("access");
        return access == null || !NO.contains(access) || foot != null && YES.contains(foot);
    }

    @Override
    protected void parseDense(Osmformat.DenseNodes d) {
        long id = 0, lat = 0, lon = 0;
        int kv = 0;
        for (int i = 0; i < d.getIdCount(); i++) {
            id += d.getId(i);
            lat += d.getLat(i);
            lon += d.getLon(i);
            Map<String, String> tags = new HashMap<>();
            if (d.getKeysValsCount() > 0) {
                while (d.getKeysVals(kv) != 0) {
                    tags.put(getStringById(d.getKeysVals(kv)), getStringById(d.getKeysVals(kv + 1)));
                    kv += 2;
                }
                kv++;
            }
            node(id, parseLon(lon), parseLat(lat), tags);
        }
    }

    @Override
    protected void parseNodes(List<Osmformat.Node> list) {
        for (Osmformat.Node n : list) {
            Map<String, String> tags = new HashMap<>();
            for (int i = 0; i < n.getKeysCount(); i++) {
                tags.put(getStringById(n.getKeys(i)), getStringById(n.getVals(i)));
            }
            node(n.getId(), parseLon(n.getLon()), parseLat(n.getLat()), tags);
        }
    }

    private void node(long id, double lon, double lat, Map<String, String> tags) {
        nodes.put(id, new double[] {lon, lat});
        String place = tags.get("place");
        if ("village".equals(place) || "hamlet".equals(place)) {
            villages.add(new double[] {lon, lat});
        } else if (tags.containsKey("amenity") || tags.containsKey("shop")) {
            places.add(new double[] {lon, lat});
        }
    }

    @Override
    protected void parseWays(List<Osmformat.Way> list) {
        for (Osmformat.Way w : list) {
            Map<String, String> tags = new HashMap<>();
            for (int i = 0; i < w.getKeysCount(); i++) {
                tags.put(getStringById(w.getKeys(i)), getStringById(w.getVals(i)));
            }
            if (!walkable(tags)) {
                continue;
            }
            long[] refs = new long[w.getRefsCount()];
            long ref = 0;
            for (int i = 0; i < refs.length; i++) {
                ref += w.getRefs(i);
                refs[i] = ref;
            }
            ways.add(refs);
        }
    }

    @Override
    protected void parseRelations(List<Osmformat.Relation> list) {
    }

    @Override
    protected void parse(Osmformat.HeaderBlock header) {
    }

    @Override
    public void complete() {
    }

    /** The nodes some walkable way uses. */
    Set<Long> wayNodes() {
        Set<Long> used = new HashSet<>();
        ways.forEach(w -> {
            for (long n : w) {
                used.add(n);
            }
        });
        return used;
    }
}
