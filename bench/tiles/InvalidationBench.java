import de.ortsanker.database.DatabaseSettings;
import de.ortsanker.tiles.Tile;
import de.ortsanker.tiles.TileAddress;
import de.ortsanker.tiles.TileFilter;
import de.ortsanker.tiles.TileLayer;
import de.ortsanker.tiles.TileLayers;
import de.ortsanker.tiles.TileSettings;
import de.ortsanker.tiles.Tiles;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;

/**
 * Exact tile invalidation, measured in-process on the plain-Java {@code Tiles} (bench/tiles/invalidation.sh
 * migrates a database of its own and fills it first):
 * (1) the cached fast path: answers/s of tiles held and current, 4 threads (one batched versions read each);
 * (2) after one edit of one place, serving every cached tile again: how many are made again and how long
 *     it takes — exact (V180's log) against the whole layer (the log deleted: the fallback, as before V180).
 * <pre>InvalidationBench SIDE SECONDS   (ORTSANKER_DB_URL names the database)</pre>
 */
public class InvalidationBench {

    public static void main(String[] args) throws Exception {
        int side = Integer.parseInt(args[0]);
        int seconds = Integer.parseInt(args[1]);
        // pooled, as in the service (a connection per query would be measured instead)
        var pool = new com.zaxxer.hikari.HikariDataSource();
        pool.setDataSource(DatabaseSettings.fromEnvironment().dataSource());
        pool.setMaximumPoolSize(8);
        DataSource ds = pool;
        List<TileLayer> layers = TileLayers.forTile("mobility").orElseThrow().layers();
        var tiles = new Tiles(ds, TileSettings.DEFAULTS);
        // a side × side block of z14 tiles around Harsdorf, all of them with places
        TileAddress centre = tileAt(14, 11.57, 50.03);
        var block = new ArrayList<TileAddress>();
        for (int dx = 0; dx < side; dx++) {
            for (int dy = 0; dy < side; dy++) {
                block.add(TileAddress.of(14, centre.x() - side / 2 + dx, centre.y() - side / 2 + dy));
            }
        }
        block.forEach(a -> tiles.answer("mobility", layers, a, TileFilter.NONE));

        // (1) cached fast path
        var done = new LongAdder();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        var threads = new ArrayList<Thread>();
        for (int t = 0; t < 4; t++) {
            int offset = t;
            var thread = new Thread(() -> {
                int i = offset;
                while (System.nanoTime() < end) {
                    tiles.answer("mobility", layers, block.get(i++ % block.size()), TileFilter.NONE).tile().etag();
                    done.increment();
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread t : threads) {
            t.join();
        }
        System.out.printf("cached: %d answers in %d s = %.0f/s (4 threads)%n", done.sum(), seconds,
                done.sum() / (double) seconds);

        // (2) one edit, then every tile of the block again
        for (boolean exact : new boolean[] {true, false}) {
            var before = new IdentityHashMap<Tile, Boolean>();
            block.forEach(a -> before.put(tiles.answer("mobility", layers, a, TileFilter.NONE).tile(), true));
            try (Connection c = ds.getConnection(); var st = c.createStatement()) {
                st.execute("update places set name = name || '.' where id = (select id from places"
                        + " where source = 'bench-invalidation' order by geom <-> ST_Point(11.57, 50.03, 4326) limit 1)");
                if (!exact) {
                    st.execute("delete from tile_changes");
                }
            }
            long misses = tiles.cacheMisses();
            long start = System.nanoTime();
            int kept = 0;
            for (TileAddress a : block) {
                kept += before.containsKey(tiles.answer("mobility", layers, a, TileFilter.NONE).tile()) ? 1 : 0;
            }
            double ms = (System.nanoTime() - start) / 1e6;
            System.out.printf("%s: after one edit %d of %d tiles made again, %d kept; all served in %.0f ms%n",
                    exact ? "exact" : "whole layer (log deleted)", tiles.cacheMisses() - misses, block.size(), kept, ms);
        }
    }

    static TileAddress tileAt(int z, double lon, double lat) {
        int n = 1 << z;
        int x = (int) Math.floor((lon + 180) / 360 * n);
        double rad = Math.toRadians(lat);
        int y = (int) Math.floor((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2 * n);
        return TileAddress.of(z, x, y);
    }
}
