package de.ortsanker.tiles;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Hand-encoded MVT bytes (protobuf), to tell a tile read from the disk cache from one made anew. */
final class DecodedTileFixture {

    private DecodedTileFixture() {
    }

    /** A tile with one layer holding one point (at 10,10) whose "name" is the given text. */
    static byte[] oneNamedPoint(String layer, String name) {
        var feature = new ByteArrayOutputStream();
        field(feature, 2, new byte[] {0, 0});          // tags: key 0 = value 0
        varintField(feature, 3, 1);                    // type POINT
        field(feature, 4, new byte[] {9, 20, 20});     // MoveTo(1) +10,+10 (zigzag)
        var value = new ByteArrayOutputStream();
        field(value, 1, name.getBytes(StandardCharsets.UTF_8));
        var l = new ByteArrayOutputStream();
        varintField(l, 15, 2);
        field(l, 1, layer.getBytes(StandardCharsets.UTF_8));
        field(l, 2, feature.toByteArray());
        field(l, 3, "name".getBytes(StandardCharsets.UTF_8));
        field(l, 4, value.toByteArray());
        varintField(l, 5, 4096);
        var tile = new ByteArrayOutputStream();
        field(tile, 3, l.toByteArray());
        return tile.toByteArray();
    }

    private static void field(ByteArrayOutputStream out, int number, byte[] bytes) {
        varint(out, (number << 3) | 2);
        varint(out, bytes.length);
        out.writeBytes(bytes);
    }

    private static void varintField(ByteArrayOutputStream out, int number, long value) {
        varint(out, number << 3);
        varint(out, value);
    }

    private static void varint(ByteArrayOutputStream out, long v) {
        while ((v & ~0x7fL) != 0) {
            out.write((int) ((v & 0x7f) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }
}
