package de.ortsanker.tiles;

import java.nio.file.Path;

/**
 * How tiles are made and kept.
 *
 * @param cacheBytes       upper bound of the in-memory tile cache in bytes; 0 turns it off
 * @param diskCache        directory of the on-disk tile cache, or null for none
 * @param clusterBelowZoom below this zoom points are aggregated into clusters with counts
 * @param maxAgeSeconds    how long clients may use a tile without asking again; 0: revalidate every time
 *                         (cheap: an unchanged tile costs a 304), so a change shows at once
 */
public record TileSettings(long cacheBytes, Path diskCache, int clusterBelowZoom, int maxAgeSeconds) {

    public static final TileSettings DEFAULTS = new TileSettings(128L << 20, null, 12, 0);

    public TileSettings {
        if (cacheBytes < 0 || clusterBelowZoom < 0 || maxAgeSeconds < 0) {
            throw new IllegalArgumentException("tile settings must not be negative: " + cacheBytes + ", "
                    + clusterBelowZoom + ", " + maxAgeSeconds);
        }
    }

    /** What shapes the tiles besides the data; part of every cache key, disk path and ETag. */
    String format() {
        return "f1c" + clusterBelowZoom;
    }
}
