package de.ortsanker.tiles;

import de.ortsanker.database.Bulkhead;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.zip.CRC32;
import javax.sql.DataSource;

/**
 * Tiles for the map: made in PostGIS, cached by the data versions of their layers. The plain-Java entry
 * point; {@link TilesController} puts HTTP around it.
 *
 * <pre>
 * Tiles.Answer a = tiles.answer("all", layers, TileAddress.of(12, 2200, 1343), TileFilter.NONE);
 * a.tile().mvt();  a.state().etag(filter);
 * </pre>
 *
 * <p>Every answer reflects the data as of after the request arrived: a tile from the cache only when the
 * versions read after arrival match its key, else a tile made now.
 */
public final class Tiles {

    /** Validity periods are calendar days where the places are. */
    static final ZoneId LOCAL = ZoneId.of("Europe/Berlin");

    private final TileSettings settings;
    private final FreshVersions versions;
    private final TileRenderer renderer;
    private final TileCache cache;
    private final TileChanges changes;
    private final Bulkhead renders;
    private final int boundedBelowZoom;

    /** With the service's default bound on uncached low-zoom renders (3 at once below zoom 12, 1 s wait). */
    public Tiles(DataSource dataSource, TileSettings settings) {
        this(dataSource, settings, new Bulkhead("tiles", 3, Duration.ofSeconds(1)), 12);
    }

    /**
     * @param renders          the bound on making tiles below {@code boundedBelowZoom} (Web Mercator zoom; a
     *                         level of another grid counts at its scale): such a tile covers a large area, and
     *                         its statement may read a great many places. A burst of them used to take every
     *                         pooled connection; now those beyond the bound are refused with
     *                         {@link de.ortsanker.problem.Busy} (429). Cached tiles, and tiles being made for
     *                         another request, never take a slot.
     */
    public Tiles(DataSource dataSource, TileSettings settings, Bulkhead renders, int boundedBelowZoom) {
        this.settings = settings;
        this.versions = new FreshVersions(dataSource);
        this.renderer = new TileRenderer(dataSource);
        this.changes = new TileChanges(dataSource, settings.clusterBelowZoom());
        this.renders = renders;
        this.boundedBelowZoom = boundedBelowZoom;
        this.cache = new TileCache(settings.cacheBytes(),
                settings.diskCache() == null ? null : new DiskTileCache(settings.diskCache()));
    }

    /** Tile requests answered from the in-memory cache since the start (for the service's metrics). */
    public long cacheHits() {
        return cache.hits();
    }

    /** Tile requests that had to make their tile or read it from disk since the start. */
    public long cacheMisses() {
        return cache.misses();
    }

    /** Tile requests whose cached tile no change had reached, confirmed for the newer versions. */
    public long cacheConfirmed() {
        return cache.confirmed();
    }

    /** Uncached low-zoom tiles refused for want of a free slot since the start (for the service's metrics). */
    public long rendersRefused() {
        return renders.refused();
    }

    public TileSettings settings() {
        return settings;
    }

    /**
     * What the tiles of some layers are made from: their data versions, the day (places have validity
     * periods) and the tile format. Equal states give equal tiles. Its token and plain ETag are made once
     * (states are shared between requests, see {@link VersionSnapshot}).
     */
    public static final class State {
        private final String versions;
        private final LocalDate day;
        private final String format;
        private final String token;
        private final String plainEtag;
        private final java.util.Map<String, Long> layerVersions;

        public State(String versions, LocalDate day, String format) {
            this(versions, day, format, java.util.Map.of());
        }

        State(String versions, LocalDate day, String format, java.util.Map<String, Long> layerVersions) {
            this.layerVersions = layerVersions;
            this.versions = versions;
            this.day = day;
            this.format = format;
            this.token = versions + "-" + day + "-" + format;
            this.plainEtag = "W/\"" + token + "\"";
        }

        public String versions() {
            return versions;
        }

        /** The data version of each of the state's layers (by data-version layer). */
        java.util.Map<String, Long> layerVersions() {
            return layerVersions;
        }

        public LocalDate day() {
            return day;
        }

        public String format() {
            return format;
        }

        public String token() {
            return token;
        }

        /** A weak ETag for a tile (or its metadata) made in this state with this filter. */
        public String etag(TileFilter filter) {
            String f = filter.key();
            if (f.isEmpty()) {
                return plainEtag;
            }
            var crc = new CRC32();
            crc.update(f.getBytes(StandardCharsets.UTF_8));
            return "W/\"" + token + "-" + Long.toHexString(crc.getValue()) + "\"";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof State s && s.token.equals(token);
        }

        @Override
        public int hashCode() {
            return token.hashCode();
        }

        @Override
        public String toString() {
            return token;
        }
    }

    /** A tile and the state it shows. */
    public record Answer(Tile tile, State state) {
    }

    /** The state of the given layers, read after this call began (see {@link FreshVersions}). */
    public State state(List<TileLayer> layers) {
        return versions.read().state(layers, LocalDate.now(LOCAL), settings.format());
    }

    /**
     * The tile as of now, in one database round trip either way: when the cache holds it under the newest
     * versions seen, the versions are read (batched) to confirm them; when it does not, the tile is made
     * at once by a statement that reads the versions in the same snapshot, and kept under them.
     */
    public Answer answer(String tileset, List<TileLayer> layers, TileAddress address, TileFilter filter) {
        return answer(tileset, layers, TileMatrixSet.WEB_MERCATOR, address, filter);
    }

    /** The same in another grid (cached apart, invalidated alike: by the same data versions and changes). */
    public Answer answer(String tileset, List<TileLayer> layers, TileMatrixSet grid, TileAddress address,
                         TileFilter filter) {
        VersionSnapshot latest = versions.latest();
        LocalDate day = LocalDate.now(LOCAL);
        TileCache.Key slot = slot(tileset, grid, address, filter, day);
        if (latest != null && !cache.holds(slot, latest.state(layers, day, settings.format()))) {
            TileRenderer.Rendered made = render(layers, grid, address, filter, day);
            State state = versions.remember(made.versions()).state(layers, day, settings.format());
            return new Answer(cache.put(slot, state, made.mvt()), state);
        }
        State state = state(layers);
        return new Answer(tile(tileset, layers, grid, address, filter, state), state);
    }

    /** The tile made in the given state: from the cache, or made now and kept. */
    public Tile tile(String tileset, List<TileLayer> layers, TileAddress address, TileFilter filter, State state) {
        return tile(tileset, layers, TileMatrixSet.WEB_MERCATOR, address, filter, state);
    }

    /**
     * The tile of the given state: held and current; held in an older state that no change since reached
     * (then confirmed for this one: same bytes, same ETag); or made now and kept.
     */
    public Tile tile(String tileset, List<TileLayer> layers, TileMatrixSet grid, TileAddress address, TileFilter filter,
                     State state) {
        return cache.get(slot(tileset, grid, address, filter, state.day()), state,
                (from, to) -> changes.unchanged(from, to, grid, address),
                () -> render(layers, grid, address, filter, state.day()).mvt());
    }

    /** Makes a tile now; one of a low zoom only in a free slot of the render bound, else {@code Busy}. */
    private TileRenderer.Rendered render(List<TileLayer> layers, TileMatrixSet grid, TileAddress address,
                                         TileFilter filter, LocalDate day) {
        TileQuery.Sql sql = sql(layers, grid, address, filter, day);
        if (grid.webMercatorZoom(address.z()) >= boundedBelowZoom) {
            return renderer.render(sql);
        }
        try (Bulkhead.Slot slot = renders.enter()) {
            return renderer.render(sql);
        }
    }

    /**
     * Where a tile is kept in memory: by address, filter, day and format, not by data versions (a tile
     * outlives versions that did not change it). Web Mercator tiles keep the disk directories they had;
     * other grids' tilesets are named apart.
     */
    private TileCache.Key slot(String tileset, TileMatrixSet grid, TileAddress address, TileFilter filter,
                               LocalDate day) {
        return new TileCache.Key(grid.isWebMercator() ? tileset : tileset + "@" + grid.id(), address, filter.key(),
                day + "-" + settings.format());
    }

    /** The statement that makes a tile (the benchmark runs it bare). */
    public TileQuery.Sql sql(List<TileLayer> layers, TileAddress address, TileFilter filter, LocalDate day) {
        return sql(layers, TileMatrixSet.WEB_MERCATOR, address, filter, day);
    }

    public TileQuery.Sql sql(List<TileLayer> layers, TileMatrixSet grid, TileAddress address, TileFilter filter,
                             LocalDate day) {
        return TileQuery.forTile(layers, address, grid, filter, day, settings.clusterBelowZoom());
    }

    long cachedTiles() {
        return cache.size();
    }

    /** Lets the memory cache finish pending evictions (tests). */
    void cleanUp() {
        cache.cleanUp();
    }

    /** Waits until old disk cache directories queued for removal are gone (tests). */
    void awaitDiskCleanup() {
        cache.awaitDiskCleanup();
    }
}
