package de.ortsanker.imports.osm;

import de.ortsanker.imports.FileImporter;
import de.ortsanker.imports.ImportContext;
import de.ortsanker.imports.ImportOptions;
import de.ortsanker.imports.Origin;
import de.ortsanker.imports.Target;
import de.ortsanker.imports.geometry.Crs;
import de.ortsanker.imports.geometry.Shapes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Imports an OpenStreetMap file (.osm.pbf, .osm, .osm.gz) with a tag mapping ({@link OsmMapping}) into
 * places, localities, admin areas and addresses.
 *
 * <p>Pass one reads everything in file order: node locations go to a {@link NodeStore} off the heap,
 * tagged nodes and ways become records at once, and the relations that matter are remembered (ids and
 * members only). Pass two reads the ways again — only the blocks that hold ways — to collect the member
 * ways of those relations and assemble their areas. Memory holds the wanted relations' member ways, never
 * the file.
 */
public final class OsmImporter implements FileImporter {

    private static final GeometryFactory WGS84 = Shapes.WGS84;
    private static final Crs LON_LAT = Crs.epsg(Crs.WGS84);

    private final Path file;
    private final boolean pbf;
    private final OsmMapping mapping;

    public OsmImporter(Path file, ImportOptions options, boolean pbf) {
        this.file = file;
        this.pbf = pbf;
        this.mapping = options.mapping() == null ? OsmMapping.builtin() : OsmMapping.load(options.mapping());
    }

    @Override
    public String format() {
        return pbf ? "osm-pbf" : "osm-xml";
    }

    @Override
    public Set<Target> targets() {
        var targets = EnumSet.of(Target.PLACES);
        if (mapping.localities != null) {
            targets.add(Target.LOCALITIES);
        }
        if (mapping.adminAreas != null) {
            targets.add(Target.ADMIN_AREAS);
        }
        if (mapping.addresses != null) {
            targets.add(Target.ADDRESSES);
        }
        return targets;
    }

    @Override
    public Defaults defaults() {
        String name = file.getFileName().toString().replaceFirst("(?i)(\\.osm)?(\\.pbf|\\.gz|\\.bz2|\\.xml)?$", "")
                .replaceFirst("(?i)\\.osm$", "");
        return new Defaults(name, mapping.licence, mapping.attribution, true);
    }

    @Override
    public long defaultMaxErrors() {
        return -1;
    }

    @Override
    public void read(ImportContext context) throws IOException {
        mapping.check(context.vocabulary());
        var records = new OsmRecords(context, mapping);
        try (var nodes = new NodeStore()) {
            var pass1 = new PassOne(context, records, nodes);
            if (pbf) {
                var reader = new PbfReader(file, context::bytesRead);
                List<PbfReader.BlockRef> wayBlocks = reader.read(pass1);
                if (!pass1.relations.isEmpty()) {
                    var pass2 = new PassTwo(nodes, pass1.memberWays);
                    reader.readWays(wayBlocks, pass2);
                    assemble(pass1.relations, pass2.coordinates, records);
                }
            } else {
                var reader = new OsmXmlReader(file, () -> OsmXmlReader.decompressed(file, context.open(file)));
                reader.read(pass1);
                if (!pass1.relations.isEmpty()) {
                    var pass2 = new PassTwo(nodes, pass1.memberWays);
                    new OsmXmlReader(file, () -> OsmXmlReader.decompressed(file,
                            java.nio.file.Files.newInputStream(file))).readWays(pass2);
                    assemble(pass1.relations, pass2.coordinates, records);
                }
            }
            records.emitStops();   // every stop area is known now
        }
    }

    /** A relation whose area is wanted, waiting for its member ways. */
    private record PendingRelation(long id, Tags tags, long timestamp, long[] ways, OsmRecords.Wanted wanted) {
    }

    private void assemble(List<PendingRelation> relations, Map<Long, Coordinate[]> coordinates, OsmRecords records) {
        for (PendingRelation r : relations) {
            var element = new OsmRecords.Element("relation", r.id(), r.tags(), r.timestamp());
            var ways = new ArrayList<Coordinate[]>();
            int missing = 0;
            for (long w : r.ways()) {
                Coordinate[] c = coordinates.get(w);
                if (c == null) {
                    missing++;
                } else {
                    ways.add(c);
                }
            }
            if (missing > 0) {
                records.skipped(element, r.wanted(), missing + " of its " + r.ways().length
                        + " member ways are missing from the file (cut by the extract's edge?)");
                continue;
            }
            Geometry area;
            try {
                area = Multipolygons.assemble(ways, WGS84);
            } catch (Multipolygons.NotAnArea e) {
                records.rejected(element, r.wanted(), "geometry", "the multipolygon cannot be built: " + e.getMessage());
                continue;
            }
            records.emit(element, area, true, r.wanted());
        }
    }

    /** Pass one: nodes into the store, tagged nodes and ways into records, wanted relations remembered. */
    private final class PassOne implements OsmHandler {
        private final ImportContext context;
        private final OsmRecords records;
        private final NodeStore nodes;
        final List<PendingRelation> relations = new ArrayList<>();
        final Set<Long> memberWays = new HashSet<>();

        PassOne(ImportContext context, OsmRecords records, NodeStore nodes) {
            this.context = context;
            this.records = records;
            this.nodes = nodes;
        }

        @Override
        public void node(long id, int lon7, int lat7, Tags tags, long timestamp) throws IOException {
            nodes.put(id, lon7, lat7);
            OsmRecords.Wanted wanted = tags.isEmpty() ? null : records.wanted(tags, false);
            if (wanted != null) {
                var element = new OsmRecords.Element("node", id, tags, timestamp);
                records.emit(element, WGS84.createPoint(new Coordinate(lon7 / 1e7, lat7 / 1e7)), false, wanted);
            }
        }

        @Override
        public void way(long id, long[] refs, Tags tags, long timestamp) throws IOException {
            OsmRecords.Wanted wanted = tags.isEmpty() ? null : records.wanted(tags, true);
            if (wanted == null) {
                return;
            }
            var element = new OsmRecords.Element("way", id, tags, timestamp);
            Coordinate[] coords = coordinates(nodes, refs);
            if (coords == null) {
                records.skipped(element, wanted, "some of its nodes are missing from the file (cut by the extract's edge?)");
                return;
            }
            boolean closed = refs.length >= 4 && refs[0] == refs[refs.length - 1];
            Geometry g;
            if (coords.length < 2) {
                g = coords.length == 0 ? WGS84.createPoint() : WGS84.createPoint(coords[0]);
            } else {
                g = closed ? WGS84.createPolygon(coords) : WGS84.createLineString(coords);
            }
            records.emit(element, g, closed, wanted);
        }

        @Override
        public void relation(long id, long[] memberIds, char[] memberTypes, String[] roles, Tags tags,
                             long timestamp) {
            String type = tags.get("type");
            if (records.stopArea(id, memberIds, memberTypes, tags)) {
                return;
            }
            if (!"multipolygon".equals(type) && !"boundary".equals(type)) {
                return;
            }
            OsmRecords.Wanted wanted = records.wanted(tags, true);
            if (wanted == null) {
                return;
            }
            var ways = new ArrayList<Long>();
            for (int i = 0; i < memberIds.length; i++) {
                // A boundary's admin_centre and label are nodes; sub-areas are relations: only ways make rings.
                if (memberTypes[i] == 'w' && !roles[i].equals("subarea")) {
                    ways.add(memberIds[i]);
                }
            }
            long[] ids = ways.stream().mapToLong(Long::longValue).toArray();
            relations.add(new PendingRelation(id, tags, timestamp, ids, wanted));
            for (long w : ids) {
                memberWays.add(w);
            }
            context.count("osm.relations_wanted");
        }
    }

    /** Pass two: the coordinates of the member ways of wanted relations. */
    private static final class PassTwo implements OsmHandler {
        private final NodeStore nodes;
        private final Set<Long> wanted;
        final Map<Long, Coordinate[]> coordinates = new HashMap<>();

        PassTwo(NodeStore nodes, Set<Long> wanted) {
            this.nodes = nodes;
            this.wanted = wanted;
        }

        @Override
        public void node(long id, int lon7, int lat7, Tags tags, long timestamp) {
        }

        @Override
        public void way(long id, long[] refs, Tags tags, long timestamp) throws IOException {
            if (wanted.contains(id)) {
                Coordinate[] c = coordinates(nodes, refs);
                if (c != null) {
                    coordinates.put(id, c);
                }
            }
        }

        @Override
        public void relation(long id, long[] memberIds, char[] memberTypes, String[] roles, Tags tags,
                             long timestamp) {
        }
    }

    /** The way's coordinates, or null when a node is missing. */
    private static Coordinate[] coordinates(NodeStore nodes, long[] refs) throws IOException {
        var coords = new Coordinate[refs.length];
        for (int i = 0; i < refs.length; i++) {
            long packed = nodes.get(refs[i]);
            if (packed == NodeStore.MISSING) {
                return null;
            }
            coords[i] = new Coordinate(NodeStore.lon7(packed) / 1e7, NodeStore.lat7(packed) / 1e7);
        }
        return coords;
    }

    static Crs lonLat() {
        return LON_LAT;
    }
}
