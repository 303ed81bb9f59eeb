package de.ortsanker.tiles;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A tile decoded from its protobuf (Mapbox Vector Tile 2.1) for assertions — a reader of its own, so the
 * tests check PostGIS's output against the specification, not against the code that asked for it.
 */
public record DecodedTile(Map<String, List<Feature>> layers) {

    /**
     * One feature: id (null when the tile gives none), attributes, geometry type (Point, LineString,
     * Polygon) and its parts (points, or rings) in tile units, y down.
     */
    public record Feature(Long id, Map<String, Object> attributes, String type, List<List<double[]>> parts) {
        public Object get(String name) {
            return attributes.get(name);
        }

        /** How many features this one stands for: its cluster count, else 1. */
        public long count() {
            Object c = attributes.get("count");
            return c == null ? 1 : ((Number) c).longValue();
        }

        public double[] firstPoint() {
            return parts.get(0).get(0);
        }
    }

    public static DecodedTile of(byte[] mvt) {
        var layers = new LinkedHashMap<String, List<Feature>>();
        var tile = new Reader(mvt, 0, mvt.length);
        while (tile.more()) {
            int key = (int) tile.varint();
            if (key >>> 3 == 3 && (key & 7) == 2) {
                readLayer(tile.message(), layers);
            } else {
                tile.skip(key & 7);
            }
        }
        return new DecodedTile(layers);
    }

    private static void readLayer(Reader r, Map<String, List<Feature>> layers) {
        String name = null;
        var keys = new ArrayList<String>();
        var values = new ArrayList<Object>();
        var raw = new ArrayList<Reader>();
        while (r.more()) {
            int key = (int) r.varint();
            switch (key >>> 3) {
                case 1 -> name = r.string();
                case 2 -> raw.add(r.message());
                case 3 -> keys.add(r.string());
                case 4 -> values.add(readValue(r.message()));
                default -> r.skip(key & 7);
            }
        }
        var features = new ArrayList<Feature>();
        for (Reader f : raw) {
            features.add(readFeature(f, keys, values));
        }
        if (layers.put(name, features) != null) {
            throw new AssertionError("layer " + name + " occurs twice in the tile");
        }
    }

    private static Object readValue(Reader r) {
        Object value = null;
        while (r.more()) {
            int key = (int) r.varint();
            value = switch (key >>> 3) {
                case 1 -> r.string();
                case 2 -> Float.intBitsToFloat((int) r.fixed(4));
                case 3 -> Double.longBitsToDouble(r.fixed(8));
                case 4, 5 -> r.varint();
                case 6 -> zigzag(r.varint());
                case 7 -> r.varint() != 0;
                default -> throw new AssertionError("unknown value field " + (key >>> 3));
            };
        }
        return value;
    }

    private static Feature readFeature(Reader r, List<String> keys, List<Object> values) {
        Long id = null;
        var attributes = new HashMap<String, Object>();
        String type = "Unknown";
        List<List<double[]>> parts = List.of();
        while (r.more()) {
            int key = (int) r.varint();
            switch (key >>> 3) {
                case 1 -> id = r.varint();
                case 2 -> {
                    long[] tags = r.packed();
                    for (int i = 0; i < tags.length; i += 2) {
                        attributes.put(keys.get((int) tags[i]), values.get((int) tags[i + 1]));
                    }
                }
                case 3 -> type = switch ((int) r.varint()) {
                    case 1 -> "Point";
                    case 2 -> "LineString";
                    case 3 -> "Polygon";
                    default -> "Unknown";
                };
                case 4 -> parts = geometry(r.packed());
                default -> r.skip(key & 7);
            }
        }
        return new Feature(id, attributes, type, parts);
    }

    /** Geometry commands (MoveTo, LineTo, ClosePath with zigzag deltas) to parts of absolute points. */
    private static List<List<double[]>> geometry(long[] commands) {
        var parts = new ArrayList<List<double[]>>();
        List<double[]> current = null;
        long x = 0;
        long y = 0;
        int i = 0;
        while (i < commands.length) {
            int command = (int) (commands[i] & 7);
            int count = (int) (commands[i] >>> 3);
            i++;
            if (command == 7) {
                continue; // ClosePath
            }
            for (int n = 0; n < count; n++) {
                x += zigzag(commands[i++]);
                y += zigzag(commands[i++]);
                if (command == 1) { // MoveTo starts a part (each point of a multipoint, each ring)
                    current = new ArrayList<>();
                    parts.add(current);
                }
                current.add(new double[] {x, y});
            }
        }
        return parts;
    }

    private static long zigzag(long n) {
        return (n >>> 1) ^ -(n & 1);
    }

    /** Protobuf wire format over a slice of bytes. */
    private static final class Reader {
        private final byte[] bytes;
        private int pos;
        private final int end;

        Reader(byte[] bytes, int from, int to) {
            this.bytes = bytes;
            this.pos = from;
            this.end = to;
        }

        boolean more() {
            return pos < end;
        }

        long varint() {
            long result = 0;
            for (int shift = 0; ; shift += 7) {
                byte b = bytes[pos++];
                result |= (long) (b & 0x7f) << shift;
                if (b >= 0) {
                    return result;
                }
            }
        }

        long fixed(int size) {
            long v = 0;
            for (int i = 0; i < size; i++) {
                v |= (long) (bytes[pos++] & 0xff) << (8 * i);
            }
            return v;
        }

        Reader message() {
            int length = (int) varint();
            var sub = new Reader(bytes, pos, pos + length);
            pos += length;
            return sub;
        }

        String string() {
            Reader s = message();
            return new String(bytes, s.pos, s.end - s.pos, StandardCharsets.UTF_8);
        }

        long[] packed() {
            Reader p = message();
            var out = new ArrayList<Long>();
            while (p.more()) {
                out.add(p.varint());
            }
            return out.stream().mapToLong(Long::longValue).toArray();
        }

        void skip(int wireType) {
            switch (wireType) {
                case 0 -> varint();
                case 1 -> pos += 8;
                case 2 -> message();
                case 5 -> pos += 4;
                default -> throw new AssertionError("unknown wire type " + wireType);
            }
        }
    }

    public List<Feature> layer(String name) {
        return layers.getOrDefault(name, List.of());
    }

    public Set<Object> names(String layer) {
        return layer(layer).stream().map(f -> f.get("name")).collect(Collectors.toSet());
    }

    public Feature named(String layer, String name) {
        return layer(layer).stream().filter(f -> name.equals(f.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no feature '" + name + "' in layer " + layer + ": " + names(layer)));
    }
}
