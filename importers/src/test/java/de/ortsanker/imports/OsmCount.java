package de.ortsanker.imports;

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
import java.util.function.Predicate;

/**
 * An independent count of OSM elements by their tags, for checking the importer's counts: it reads the
 * file with osmpbf's own parser (crosby.binary.BinaryParser), not the importer's reader, and knows
 * nothing of the mapping file.
 */
final class OsmCount {

    /** A tagged node, way or relation; a relation's members as "n12", "w34", "r56". */
    record Element(char type, long id, Map<String, String> tags, long[] refs, List<String> members) {
        String tag(String k) {
            return tags.get(k);
        }
    }

    final List<Element> elements = new ArrayList<>();
    final Set<Long> nodeIds = new HashSet<>();
    /** Tagged nodes' positions: lon, lat. */
    final Map<Long, double[]> positions = new HashMap<>();

    static OsmCount of(Path pbf) throws IOException {
        var count = new OsmCount();
        try (InputStream in = Files.newInputStream(pbf)) {
            new BlockInputStream(in, count.new Parser()).process();
        }
        return count;
    }

    /** Tagged nodes and ways (whose nodes are all in the file) matching the predicate. */
    long count(Predicate<Element> p) {
        return elements.stream().filter(e -> e.type() != 'r').filter(this::complete).filter(p).count();
    }

    long count(char type, Predicate<Element> p) {
        return elements.stream().filter(e -> e.type() == type).filter(this::complete).filter(p).count();
    }

    private boolean complete(Element e) {
        if (e.type() != 'w') {
            return true;
        }
        for (long r : e.refs()) {
            if (!nodeIds.contains(r)) {
                return false;
            }
        }
        return true;
    }

    private final class Parser extends BinaryParser {
        @Override
        protected void parseRelations(List<Osmformat.Relation> rels) {
            for (var r : rels) {
                var members = new ArrayList<String>();
                long memid = 0;
                for (int i = 0; i < r.getMemidsCount(); i++) {
                    memid += r.getMemids(i);
                    members.add(switch (r.getTypes(i)) {
                        case NODE -> "n";
                        case WAY -> "w";
                        case RELATION -> "r";
                    } + memid);
                }
                elements.add(new Element('r', r.getId(), tags(r.getKeysList(), r.getValsList()), new long[0], members));
            }
        }

        @Override
        protected void parseDense(Osmformat.DenseNodes d) {
            long id = 0;
            long lat = 0;
            long lon = 0;
            int kv = 0;
            for (int i = 0; i < d.getIdCount(); i++) {
                id += d.getId(i);
                lat += d.getLat(i);
                lon += d.getLon(i);
                nodeIds.add(id);
                var tags = new HashMap<String, String>();
                while (kv < d.getKeysValsCount() && d.getKeysVals(kv) != 0) {
                    tags.put(getStringById(d.getKeysVals(kv)), getStringById(d.getKeysVals(kv + 1)));
                    kv += 2;
                }
                kv++;
                if (!tags.isEmpty()) {
                    positions.put(id, new double[] {parseLon(lon), parseLat(lat)});
                    elements.add(new Element('n', id, tags, new long[0], List.of()));
                }
            }
        }

        @Override
        protected void parseNodes(List<Osmformat.Node> nodes) {
            for (var n : nodes) {
                nodeIds.add(n.getId());
                var tags = tags(n.getKeysList(), n.getValsList());
                if (!tags.isEmpty()) {
                    positions.put(n.getId(), new double[] {parseLon(n.getLon()), parseLat(n.getLat())});
                    elements.add(new Element('n', n.getId(), tags, new long[0], List.of()));
                }
            }
        }

        @Override
        protected void parseWays(List<Osmformat.Way> ways) {
            for (var w : ways) {
                long[] refs = new long[w.getRefsCount()];
                long id = 0;
                for (int i = 0; i < refs.length; i++) {
                    id += w.getRefs(i);
                    refs[i] = id;
                }
                var tags = tags(w.getKeysList(), w.getValsList());
                if (!tags.isEmpty()) {
                    elements.add(new Element('w', w.getId(), tags, refs, List.of()));
                }
            }
        }

        @Override
        protected void parse(Osmformat.HeaderBlock header) {
        }

        @Override
        public void complete() {
        }

        private Map<String, String> tags(List<Integer> keys, List<Integer> values) {
            var tags = new HashMap<String, String>();
            for (int i = 0; i < keys.size(); i++) {
                tags.put(getStringById(keys.get(i)), getStringById(values.get(i)));
            }
            return tags;
        }
    }
}
