package de.ortsanker.tiles;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Made tiles, kept in memory up to a number of bytes (least useful first out) and optionally on disk.
 * In memory a tile is kept under its address and filter alone, with the state (data versions) it is known
 * to be the tile of: when the versions moved on, {@link Revalidation} asks whether any change since can
 * have reached the tile ({@link TileChanges}); if none did, the same bytes (and ETag) are confirmed for the
 * new state, else the tile is made again. On disk tiles are kept per state, as before: a fallback tier.
 * Concurrent requests for the same missing tile wait for one rendering instead of each running the query.
 */
final class TileCache {

    /** Where a tile is kept: in memory {@code state} is the day and format; on disk the whole state's token. */
    record Key(String tileset, TileAddress address, String filter, String state) {
        Key in(Tiles.State s) {
            return new Key(tileset, address, filter, s.token());
        }
    }

    /** Whether a tile made in one state is the tile of another. */
    interface Revalidation {
        boolean unchanged(Tiles.State from, Tiles.State to);
    }

    private final AsyncCache<Key, Tile> memory; // null when off
    private final DiskTileCache disk;           // null when off
    /** Requests answered from memory, and those that made (or read from disk) their tile: for the metrics. */
    private final java.util.concurrent.atomic.LongAdder hits = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder misses = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder confirmed = new java.util.concurrent.atomic.LongAdder();

    TileCache(long maxBytes, DiskTileCache disk) {
        this.memory = maxBytes == 0 ? null : Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((Key k, Tile t) -> t.weight())
                .buildAsync();
        this.disk = disk;
    }

    /**
     * The tile of the state at {@code slot}: held and current, held and confirmed unchanged, being made by
     * another request (then waited for and checked alike), or made now.
     */
    Tile get(Key slot, Tiles.State state, Revalidation revalidation, Supplier<byte[]> render) {
        if (memory == null) {
            return load(slot.in(state), state, render);
        }
        while (true) {
            CompletableFuture<Tile> existing = memory.getIfPresent(slot); // a hit: nothing to allocate
            CompletableFuture<Tile> mine = new CompletableFuture<>();
            if (existing == null) {
                existing = memory.asMap().putIfAbsent(slot, mine);
                if (existing == null) {
                    return make(slot, state, render, mine);
                }
            }
            Tile held;
            try {
                held = existing.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
            if (held.isCurrent(state)) {
                hits.increment();
                return held;
            }
            if (revalidation.unchanged(held.state(), state)) {
                held.confirm(state);
                hits.increment();
                confirmed.increment();
                return held;
            }
            if (memory.asMap().replace(slot, existing, mine)) {
                return make(slot, state, render, mine);
            }
            // another request replaced it meanwhile: look at what it put there
        }
    }

    private Tile make(Key slot, Tiles.State state, Supplier<byte[]> render, CompletableFuture<Tile> mine) {
        try {
            Tile tile = load(slot.in(state), state, render);
            mine.complete(tile);
            return tile;
        } catch (RuntimeException | Error e) {
            memory.asMap().remove(slot, mine); // a failure (a timeout) is not cached
            mine.completeExceptionally(e);
            throw e;
        }
    }

    /** Whether a tile is held (or being made) at the slot in memory, or on disk for the state. */
    boolean holds(Key slot, Tiles.State state) {
        return memory != null && memory.asMap().containsKey(slot) || disk != null && disk.holds(slot.in(state));
    }

    /** Keeps a tile made elsewhere in the given state (it replaces what was held). */
    Tile put(Key slot, Tiles.State state, byte[] mvt) {
        if (disk != null) {
            disk.write(slot.in(state), mvt);
        }
        var tile = new Tile(mvt, state);
        if (memory == null) {
            return tile;
        }
        memory.asMap().put(slot, CompletableFuture.completedFuture(tile));
        return tile;
    }

    /** Requests whose held tile was confirmed for newer versions instead of being made again. */
    long confirmed() {
        return confirmed.sum();
    }

    long hits() {
        return hits.sum();
    }

    long misses() {
        return misses.sum();
    }

    private Tile load(Key key, Tiles.State state, Supplier<byte[]> render) {
        misses.increment();
        byte[] stored = disk == null ? null : disk.read(key);
        if (stored != null) {
            return new Tile(stored, state);
        }
        byte[] mvt = render.get();
        if (disk != null) {
            disk.write(key, mvt);
        }
        return new Tile(mvt, state);
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
