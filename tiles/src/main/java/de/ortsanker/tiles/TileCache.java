package de.ortsanker.tiles;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Made tiles, kept in memory up to a number of bytes (least useful first out) and optionally on disk.
 * The key holds the data versions of the tile's layers: after a change the next request asks for a new
 * key, so a cached tile is never stale and nothing has to be purged — old entries just age out.
 * Concurrent requests for the same missing tile wait for one rendering instead of each running the query.
 */
final class TileCache {

    /** Everything a tile's bytes depend on. */
    record Key(String tileset, TileAddress address, String filter, String state) {
    }

    private final AsyncCache<Key, Tile> memory; // null when off
    private final DiskTileCache disk;           // null when off
    /** Requests answered from memory, and those that made (or read from disk) their tile: for the metrics. */
    private final java.util.concurrent.atomic.LongAdder hits = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder misses = new java.util.concurrent.atomic.LongAdder();

    TileCache(long maxBytes, DiskTileCache disk) {
        this.memory = maxBytes == 0 ? null : Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((Key k, Tile t) -> t.weight())
                .buildAsync();
        this.disk = disk;
    }

    /** The tile for the key: held, being made by another request (then waited for), or made now. */
    Tile get(Key key, Supplier<byte[]> render) {
        if (memory == null) {
            return load(key, render);
        }
        CompletableFuture<Tile> existing = memory.getIfPresent(key); // a hit: nothing to allocate
        CompletableFuture<Tile> mine = null;
        if (existing == null) {
            mine = new CompletableFuture<>();
            existing = memory.asMap().putIfAbsent(key, mine);
        }
        if (existing != null) {
            hits.increment();
            try {
                return existing.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        try {
            Tile tile = load(key, render);
            mine.complete(tile);
            return tile;
        } catch (RuntimeException | Error e) {
            memory.asMap().remove(key, mine); // a failure (a timeout) is not cached
            mine.completeExceptionally(e);
            throw e;
        }
    }

    /** Whether a tile is held (or being made) for the key, in memory or on disk. */
    boolean holds(Key key) {
        return memory != null && memory.asMap().containsKey(key) || disk != null && disk.holds(key);
    }

    /** Keeps a tile made elsewhere; an entry already there for the key wins. */
    Tile put(Key key, byte[] mvt) {
        if (disk != null) {
            disk.write(key, mvt);
        }
        var tile = new Tile(mvt);
        if (memory == null) {
            return tile;
        }
        memory.asMap().putIfAbsent(key, CompletableFuture.completedFuture(tile));
        return tile;
    }

    long hits() {
        return hits.sum();
    }

    long misses() {
        return misses.sum();
    }

    private Tile load(Key key, Supplier<byte[]> render) {
        misses.increment();
        byte[] stored = disk == null ? null : disk.read(key);
        if (stored != null) {
            return new Tile(stored);
        }
        byte[] mvt = render.get();
        if (disk != null) {
            disk.write(key, mvt);
        }
        return new Tile(mvt);
    }

    void cleanUp() {
        if (memory != null) {
            memory.synchronous().cleanUp();
        }
    }

    void awaitDiskCleanup() {
        if (disk != null) {
            disk.awaitCleanup();
        }
    }

    /** Tiles held in memory (for tests and monitoring). */
    long size() {
        return memory == null ? 0 : memory.synchronous().estimatedSize();
    }
}
