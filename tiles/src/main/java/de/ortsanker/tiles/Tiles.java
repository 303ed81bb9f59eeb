package de.ortsanker.tiles;

import de.ortsanker.database.LayerVersions;
import java.nio.charset.StandardCharsets;
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
 * var state = tiles.state(layers);              // data versions read after the request arrived
 * Tile tile = tiles.tile("all", layers, TileAddress.of(12, 2200, 1343), TileFilter.NONE, state);
 * </pre>
 */
public final class Tiles {

    /** Validity periods are calendar days where the places are. */
    static final ZoneId LOCAL = ZoneId.of("Europe/Berlin");

    private final TileSettings settings;
    private final FreshVersions versions;
    private final TileRenderer renderer;
    private final TileCache cache;

    public Tiles(DataSource dataSource, TileSettings settings) {
        this.settings = settings;
        this.versions = new FreshVersions(dataSource);
        this.renderer = new TileRenderer(dataSource);
        this.cache = new TileCache(settings.cacheBytes(),
                settings.diskCache() == null ? null : new DiskTileCache(settings.diskCache()));
    }

    public TileSettings settings() {
        return settings;
    }

    /**
     * What the tiles of these layers are made from right now: their data versions, today's date
     * (places have validity periods) and the tile format. Equal states give equal tiles.
     */
    public record State(String versions, LocalDate day, String format) {
        public String token() {
            return versions + "-" + day + "-" + format;
        }

        /** A weak ETag for a tile (or its metadata) made in this state with this filter. */
        public String etag(TileFilter filter) {
            String f = filter.key();
            if (f.isEmpty()) {
                return "W/\"" + token() + "\"";
            }
            var crc = new CRC32();
            crc.update(f.getBytes(StandardCharsets.UTF_8));
            return "W/\"" + token() + "-" + Long.toHexString(crc.getValue()) + "\"";
        }
    }

    /** The state of the given layers, read after this call began (see {@link FreshVersions}). */
    public State state(List<TileLayer> layers) {
        LayerVersions current = versions.read();
        return new State(current.token(layers.stream().map(TileLayer::versionLayer).toList()),
                LocalDate.now(LOCAL), settings.format());
    }

    /** The tile, from the cache when it holds one made in this state, else made now and kept. */
    public Tile tile(String tileset, List<TileLayer> layers, TileAddress address, TileFilter filter, State state) {
        var key = new TileCache.Key(tileset, address, filter.key(), state.token());
        return cache.get(key, () -> renderer.render(sql(layers, address, filter, state.day())));
    }

    /** The statement that makes a tile (the benchmark runs it bare). */
    public TileQuery.Sql sql(List<TileLayer> layers, TileAddress address, TileFilter filter, LocalDate day) {
        return TileQuery.forTile(layers, address, filter, day, settings.clusterBelowZoom());
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
