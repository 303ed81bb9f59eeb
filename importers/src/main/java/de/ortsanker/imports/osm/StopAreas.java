package de.ortsanker.imports.osm;

import de.ortsanker.imports.PlaceRecord;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import org.locationtech.jts.geom.Point;

/**
 * One stop per stop: OpenStreetMap maps a stop as up to three elements — the platform where people wait,
 * the stop position on the road, the station — and groups them with a {@code public_transport=stop_area}
 * relation. Each group of one kind becomes one place, with the relation's id and the kind as its source id
 * (stable across re-imports) and the platform's or station's position. Stops of one kind and name closer than
 * {@code sameNameWithin} metres are one stop too: the two platforms of a village stop, or a platform and a
 * stop position that no stop area groups. A stop without a name anywhere keeps none; the map says so.
 *
 * <p>The records of the stop kinds are held until pass one has read the relations (stops are few: tens of
 * thousands for a Land), then emitted merged.
 */
final class StopAreas {

    private static final double METRES_PER_DEGREE = 111_320;

    /** A stop element, as its place rule made it. */
    private record Part(String type, long id, Tags tags, PlaceRecord record) {
        /** Where a citizen goes first: the station, then the platform, then the stop position. */
        int rank() {
            String pt = tags.get("public_transport");
            if ("station".equals(pt) || "station".equals(tags.get("railway")) || "halt".equals(tags.get("railway"))) {
                return 0;
            }
            return "stop_position".equals(pt) ? 2 : 1;
        }
    }

    private record Area(long id, String name, List<String> members) {
    }

    private final List<String> kinds;
    private final double sameNameWithin;
    private final Map<String, Part> parts = new LinkedHashMap<>();
    private final List<Area> areas = new ArrayList<>();

    StopAreas(List<String> kinds, double sameNameWithin) {
        this.kinds = kinds;
        this.sameNameWithin = sameNameWithin;
    }

    boolean holds(String kind) {
        return kinds.contains(kind);
    }

    void part(String type, long id, Tags tags, PlaceRecord record) {
        parts.put(type + "/" + id, new Part(type, id, tags, record));
    }

    /** A relation; true when it is a stop area (and so remembered). */
    boolean relation(long id, long[] memberIds, char[] memberTypes, Tags tags) {
        if (!"public_transport".equals(tags.get("type")) || !"stop_area".equals(tags.get("public_transport"))) {
            return false;
        }
        var members = new ArrayList<String>();
        for (int i = 0; i < memberIds.length; i++) {
            if (memberTypes[i] == 'n' || memberTypes[i] == 'w') {
                members.add((memberTypes[i] == 'n' ? "node/" : "way/") + memberIds[i]);
            }
        }
        areas.add(new Area(id, tags.get("name"), members));
        return true;
    }

    /**
     * Emits one record per stop; returns how many elements were merged into another's record.
     * @param sourceUrl the relation's address in the source, for a stop named by its stop area
     */
    int emit(Consumer<PlaceRecord> place, LongFunction<String> sourceUrl) {
        var groups = new Groups(parts.keySet());
        var areaOf = new HashMap<String, Area>();
        for (Area a : areas) {
            Map<String, String> firstOfKind = new HashMap<>();
            for (String m : a.members()) {
                Part p = parts.get(m);
                if (p == null) {
                    continue;
                }
                areaOf.merge(m, a, (x, y) -> x.id() <= y.id() ? x : y);
                String first = firstOfKind.putIfAbsent(p.record().kind, m);
                if (first != null) {
                    groups.union(first, m);
                }
            }
        }
        Map<String, String> names = new HashMap<>();
        for (var g : groups.all().values()) {
            String name = name(g, areaOf);
            g.forEach(p -> names.put(p, name));
        }
        mergeSameNameNearby(groups, names);

        int merged = 0;
        for (List<String> g : groups.all().values()) {
            merged += g.size() - 1;
            place.accept(record(g, names.get(g.get(0)), areaOf, sourceUrl));
        }
        return merged;
    }

    /** The stop's own name (the best-ranked member's that has one), else its stop area's, else none. */
    private String name(List<String> group, Map<String, Area> areaOf) {
        return group.stream().map(parts::get).sorted(Comparator.comparingInt(Part::rank))
                .map(p -> p.record().name).filter(n -> n != null && !n.isBlank()).findFirst()
                .orElseGet(() -> group.stream().map(areaOf::get).filter(a -> a != null && a.name() != null)
                        .map(Area::name).findFirst().orElse(null));
    }

    /** Joins stops of one kind and name within the distance, through a grid of cells that size. */
    private void mergeSameNameNearby(Groups groups, Map<String, String> names) {
        double cell = sameNameWithin / METRES_PER_DEGREE;
        Map<String, List<String>> byCell = new HashMap<>();
        for (var e : parts.entrySet()) {
            String name = names.get(e.getKey());
            if (name == null) {
                continue;
            }
            Point p = e.getValue().record().geometry.getCentroid();
            long cx = (long) Math.floor(p.getX() / cell);
            long cy = (long) Math.floor(p.getY() / cell);
            for (long dx = -1; dx <= 1; dx++) {
                for (long dy = -1; dy <= 1; dy++) {
                    for (String other : byCell.getOrDefault(key(e.getValue(), name, cx + dx, cy + dy), List.of())) {
                        if (metres(p, parts.get(other).record().geometry.getCentroid()) <= sameNameWithin) {
                            groups.union(other, e.getKey());
                        }
                    }
                }
            }
            byCell.computeIfAbsent(key(e.getValue(), name, cx, cy), k -> new ArrayList<>()).add(e.getKey());
        }
    }

    private static String key(Part p, String name, long cx, long cy) {
        return p.record().kind + '\u0000' + name.strip().toLowerCase(Locale.ROOT) + '\u0000' + cx + ':' + cy;
    }

    /** Equirectangular distance: exact enough within a few hundred metres. */
    private static double metres(Point a, Point b) {
        double dx = (a.getX() - b.getX()) * Math.cos(Math.toRadians((a.getY() + b.getY()) / 2));
        double dy = a.getY() - b.getY();
        return Math.sqrt(dx * dx + dy * dy) * METRES_PER_DEGREE;
    }

    /**
     * The stop's record: the best-ranked member's fields, its routes the union of all members', other details
     * and fields taken from the next member that has them; the source id the stop area's where there is one.
     */
    private PlaceRecord record(List<String> group, String name, Map<String, Area> areaOf,
                               LongFunction<String> sourceUrl) {
        List<Part> members = group.stream().map(parts::get)
                .sorted(Comparator.comparingInt(Part::rank).thenComparing(Part::type).thenComparingLong(Part::id))
                .toList();
        Part first = members.get(0);
        Long areaId = group.stream().map(areaOf::get).filter(a -> a != null).map(Area::id).min(Long::compare)
                .orElse(null);
        if (members.size() == 1 && areaId == null && Objects.equals(name, first.record().name)) {
            return first.record();
        }
        // A stop area may hold a station and bus platforms: one stop of each kind, each with an id of its own.
        String key = areaId != null ? "relation/" + areaId + "/" + first.record().kind : first.type() + "/" + first.id();
        PlaceRecord r = first.record().as(key);
        r.name = name;
        if (areaId != null) {
            r.sourceUrl = sourceUrl.apply(areaId);
        }
        for (Part p : members.subList(1, members.size())) {
            fillFrom(r, p.record());
        }
        return r;
    }

    /** Fields the record lacks, from another element of the same stop; lists (routes) joined. */
    private static void fillFrom(PlaceRecord r, PlaceRecord o) {
        r.description = r.description != null ? r.description : o.description;
        r.wheelchair = r.wheelchair != null ? r.wheelchair : o.wheelchair;
        r.operator = r.operator != null ? r.operator : o.operator;
        r.operatorType = r.operatorType != null ? r.operatorType : o.operatorType;
        r.website = r.website != null ? r.website : o.website;
        r.openingHours = r.openingHours != null ? r.openingHours : o.openingHours;
        if (r.lastVerified == null || o.lastVerified != null && o.lastVerified.isAfter(r.lastVerified)) {
            r.lastVerified = o.lastVerified;
        }
        if (r.sourceEdited == null || o.sourceEdited != null && o.sourceEdited.isAfter(r.sourceEdited)) {
            r.sourceEdited = o.sourceEdited;
        }
        o.details.forEach((k, v) -> r.details.merge(k, v, StopAreas::joined));
    }

    /**
     * Two members' values of one detail, still as tagged: a yes wins over a no (a shelter on either side is a
     * shelter), other values are joined as OpenStreetMap joins them, with ";" (routes 560 and 561: "560;561").
     */
    private static Object joined(Object mine, Object theirs) {
        if (mine.equals(theirs) || !(mine instanceof String a) || !(theirs instanceof String b)) {
            return mine;
        }
        if (Set.of("yes", "no").containsAll(List.of(a, b))) {
            return "yes";
        }
        var all = new LinkedHashSet<String>();
        for (String v : (a + ";" + b).split(";")) {
            if (!v.isBlank()) {
                all.add(v.strip());
            }
        }
        return String.join(";", all);
    }

    /** Union-find over element refs. */
    private static final class Groups {
        private final Map<String, String> parent = new LinkedHashMap<>();

        Groups(Collection<String> refs) {
            refs.forEach(r -> parent.put(r, r));
        }

        String find(String r) {
            String p = parent.get(r);
            if (p.equals(r)) {
                return r;
            }
            String root = find(p);
            parent.put(r, root);
            return root;
        }

        void union(String a, String b) {
            String ra = find(a);
            String rb = find(b);
            if (!ra.equals(rb)) {
                parent.put(rb, ra);
            }
        }

        /** The groups, each in the order its elements were read. */
        Map<String, List<String>> all() {
            var out = new LinkedHashMap<String, List<String>>();
            for (String r : parent.keySet()) {
                out.computeIfAbsent(find(r), k -> new ArrayList<>()).add(r);
            }
            return out;
        }
    }
}
