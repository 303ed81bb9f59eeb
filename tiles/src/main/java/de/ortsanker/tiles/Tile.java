package de.ortsanker.tiles;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

/**
 * A made tile: its MVT bytes (empty when nothing lies in it) and, once a client asked for it, a gzip copy
 * kept with it — phones on a weak network get a third to half of the bytes. Clients that do not accept
 * gzip never pay for compressing.
 */
public final class Tile {

    private static final int WORTH_COMPRESSING = 256;
    private static final byte[] NOT_SMALLER = new byte[0];

    private final byte[] mvt;
    private final String etag;
    private volatile byte[] gzip; // null: not made yet; NOT_SMALLER: compressing does not pay
    private volatile Tiles.State state; // the newest state these bytes are known to be the tile of

    Tile(byte[] mvt, Tiles.State state) {
        this.mvt = mvt;
        this.state = state;
        this.etag = etagOf(mvt);
    }

    /**
     * A weak ETag from the bytes themselves: a tile no change reached keeps it across data versions, and
     * every replica gives the same tile the same ETag.
     */
    public String etag() {
        return etag;
    }

    Tiles.State state() {
        return state;
    }

    /** Whether these bytes are the tile of the state (the state they were made or last confirmed in). */
    boolean isCurrent(Tiles.State now) {
        Tiles.State s = state;
        return s == now || s.token().equals(now.token());
    }

    /** Records that no change between the tile's state and {@code now} reached it. */
    void confirm(Tiles.State now) {
        state = now;
    }

    private static String etagOf(byte[] bytes) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
            var hex = new StringBuilder("W/\"t");
            for (int i = 0; i < 12; i++) {
                hex.append(Character.forDigit((d[i] >> 4) & 0xf, 16)).append(Character.forDigit(d[i] & 0xf, 16));
            }
            return hex.append('"').toString();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public byte[] mvt() {
        return mvt;
    }

    public boolean isEmpty() {
        return mvt.length == 0;
    }

    /** The gzip-compressed tile, or null when it would not be smaller; made on first use. */
    public byte[] gzip() {
        byte[] g = gzip;
        if (g == null) {
            g = mvt.length < WORTH_COMPRESSING ? NOT_SMALLER : compress(mvt);
            gzip = g;
        }
        return g == NOT_SMALLER ? null : g;
    }

    /** Bytes held in memory, for the cache's byte bound: the MVT, room for its gzip copy, the entry. */
    int weight() {
        return 128 + mvt.length + (mvt.length < WORTH_COMPRESSING ? 0 : mvt.length / 2);
    }

    private static byte[] compress(byte[] bytes) {
        var out = new ByteArrayOutputStream(bytes.length / 2);
        try (var gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.size() < bytes.length ? out.toByteArray() : NOT_SMALLER;
    }
}
