package de.ortsanker.tiles;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

/**
 * A made tile: its MVT bytes (empty when nothing lies in it) and, where it pays off, a gzip copy made once
 * for the clients that accept it — phones on a weak network get a third to half of the bytes.
 */
public record Tile(byte[] mvt, byte[] gzip) {

    private static final int WORTH_COMPRESSING = 256;

    public static Tile of(byte[] mvt) {
        return new Tile(mvt, mvt.length >= WORTH_COMPRESSING ? smallerGzip(mvt) : null);
    }

    public boolean isEmpty() {
        return mvt.length == 0;
    }

    /** Bytes held in memory, for the cache's byte bound (with a little for the entry itself). */
    int weight() {
        return 128 + mvt.length + (gzip == null ? 0 : gzip.length);
    }

    private static byte[] smallerGzip(byte[] bytes) {
        var out = new ByteArrayOutputStream(bytes.length / 2);
        try (var gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.size() < bytes.length ? out.toByteArray() : null;
    }
}
