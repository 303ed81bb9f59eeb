package de.ortsanker.tiles;

import static de.ortsanker.tiles.Fixtures.LAT;
import static de.ortsanker.tiles.Fixtures.LON;
import static de.ortsanker.tiles.Fixtures.tileAt;
import static org.assertj.core.api.Assertions.assertThat;

import de.ortsanker.testing.PostgisTest;
import de.ortsanker.testing.TestSchema;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * After a change only the tiles it can reach are made again (tile_changes, V180): the tiles whose search
 * box (with buffer or cluster margin) meets the changed rows' old or new geometry, at every zoom. Every
 * other cached tile keeps its bytes and its ETag, confirmed for the new versions without being made.
 */
@PostgisTest
class ExactInvalidationTest {

    private final List<TileLayer> mobility = TileLayers.forTile("mobility").orElseThrow().layers();
    private final TileAddress here = tileAt(14, LON, LAT);
    private final TileAddress east = TileAddress.of(14, here.x() + 1, here.y());
    private final TileAddress farAway = tileAt(10, LON + 3, LAT + 1); // a place of its own, far off

    private TestSchema db;

    @AfterEach
    void cleanUp() {
        db.execute("delete from places where source = 'fixture'");
    }

    /** The centre of a z14 tile, in degrees. */
    private static double[] centre(TileAddress t) {
        int n = 1 << t.z();
        double lon = (t.x() + 0.5) / n * 360 - 180;
        double lat = Math.toDegrees(Math.atan(Math.sinh(Math.PI * (1 - 2 * (t.y() + 0.5) / n))));
        return new double[] {lon, lat};
    }

    /** The tile and its parents down to zoom 6 (clusters below 12). */
    private List<TileAddress> withParents(TileAddress t) {
        var all = new ArrayList<TileAddress>();
        for (int z = t.z(); z >= 6; z--) {
            int shift = t.z() - z;
            all.add(TileAddress.of(z, t.x() >> shift, t.y() >> shift));
        }
        return all;
    }

    private Tile tile(Tiles tiles, TileAddress a) {
        return tiles.answer("mobility", mobility, a, TileFilter.NONE).tile();
    }

    private Tiles withPlaces(TestSchema db) {
        this.db = db;
        double[] h = centre(here);
        double[] e = centre(east);
        Fixtures.place(db, "mitfahrbank", "Bank am Anger", h[0], h[1]);
        Fixtures.place(db, "bus_stop", "Ostende", e[0], e[1]);
        Fixtures.place(db, "bus_stop", "Weit weg", LON + 3, LAT + 1);
        return new Tiles(db.dataSource(), TileSettings.DEFAULTS);
    }

    @Test
    void anEditRemakesOnlyTheTilesOfThePlaceAtEveryZoom(TestSchema db) {
        Tiles tiles = withPlaces(db);
        var affected = withParents(here);
        var before = new ArrayList<Tile>();
        affected.forEach(a -> before.add(tile(tiles, a)));
        Tile neighbour = tile(tiles, east);
        Tile far = tile(tiles, farAway);
        String farEtag = far.etag();
        byte[] neighbourBytes = neighbour.mvt().clone();

        db.execute("update places set name = 'Mitfahrbank am Anger' where name = 'Bank am Anger'");

        long misses = tiles.cacheMisses();
        Tile now = tile(tiles, east);
        assertThat(now).isSameAs(neighbour); // confirmed, not made
        assertThat(now.mvt()).isEqualTo(neighbourBytes);
        assertThat(tile(tiles, farAway)).isSameAs(far);
        assertThat(tile(tiles, farAway).etag()).isEqualTo(farEtag);
        assertThat(tiles.cacheMisses()).isEqualTo(misses);
        assertThat(tiles.cacheConfirmed()).isGreaterThanOrEqualTo(2);

        for (int i = 0; i < affected.size(); i++) {
            Tile after = tile(tiles, affected.get(i));
            if (affected.get(i).z() >= 12) { // below, the bench may share a cluster whose content did not change
                assertThat(after.etag()).as("z%d", affected.get(i).z()).isNotEqualTo(before.get(i).etag());
                assertThat(DecodedTile.of(after.mvt()).names("mobility")).contains("Mitfahrbank am Anger");
            }
        }
        // independent check: what a fresh cache makes is what the confirmed and remade tiles hold
        var fresh = new Tiles(db.dataSource(), TileSettings.DEFAULTS);
        assertThat(tile(fresh, east).mvt()).isEqualTo(neighbourBytes);
        for (TileAddress a : affected) {
            assertThat(tile(tiles, a).mvt()).as("z%d", a.z()).isEqualTo(tile(fresh, a).mvt());
        }
    }

    @Test
    void aNewPlaceChangesTheClusterCountsOfItsLowZoomTiles(TestSchema db) {
        Tiles tiles = withPlaces(db);
        TileAddress z9 = withParents(here).get(5);
        Tile before = tile(tiles, z9);
        Tile far = tile(tiles, farAway);
        double[] h = centre(here);
        Fixtures.place(db, "mitfahrbank", "Zweite Bank", h[0] + 0.0001, h[1]); // same cluster cell
        Tile after = tile(tiles, z9);
        assertThat(after.etag()).isNotEqualTo(before.etag());
        assertThat(after.mvt()).isEqualTo(tile(new Tiles(db.dataSource(), TileSettings.DEFAULTS), z9).mvt());
        assertThat(tile(tiles, farAway)).isSameAs(far);
    }

    @Test
    void movingAPlaceRemakesTheOldAndTheNewTile(TestSchema db) {
        Tiles tiles = withPlaces(db);
        TileAddress west = TileAddress.of(14, here.x() - 1, here.y());
        Tile oldTile = tile(tiles, here);
        Tile newTile = tile(tiles, west);
        Tile neighbour = tile(tiles, east);
        double[] w = centre(west);
        db.execute("update places set geom = ST_Point(" + w[0] + ", " + w[1] + ", 4326) where name = 'Bank am Anger'");

        assertThat(tile(tiles, here).etag()).isNotEqualTo(oldTile.etag());
        assertThat(DecodedTile.of(tile(tiles, here).mvt()).names("mobility")).isEmpty();
        assertThat(tile(tiles, west).etag()).isNotEqualTo(newTile.etag());
        assertThat(DecodedTile.of(tile(tiles, west).mvt()).names("mobility")).containsExactly("Bank am Anger");
        assertThat(tile(tiles, east)).isSameAs(neighbour);
    }

    @Test
    void aBulkChangeOrAMissingLogRemakesTheWholeLayer(TestSchema db) {
        Tiles tiles = withPlaces(db);
        Tile neighbour = tile(tiles, east);
        Tile far = tile(tiles, farAway);
        // 300 places in one statement: logged as one box over all of them (past 200 rows)
        db.execute("""
                insert into places (kind, name, geom, source, source_id, licence, attribution)
                select 'bus_stop', 'Halt ' || i, ST_Point(%s + i * 0.00001, %s, 4326), 'fixture', 'bulk-' || i,
                       'ODbL-1.0', '© OpenStreetMap contributors'
                  from generate_series(1, 300) i""".formatted(LON - 1, LAT - 1));
        assertThat(tile(tiles, farAway)).isSameAs(far); // the box is far from it
        assertThat(tile(tiles, east)).isSameAs(neighbour);

        // a log cut short (or a change without a place: TRUNCATE, a bulk beyond 100,000 rows): all remade
        db.execute("update places set name = 'Ostende Nord' where name = 'Ostende'");
        db.execute("delete from tile_changes");
        long misses = tiles.cacheMisses();
        Tile remade = tile(tiles, farAway);
        assertThat(remade).isNotSameAs(far);
        assertThat(remade.mvt()).isEqualTo(far.mvt());
        assertThat(remade.etag()).isEqualTo(far.etag()); // same bytes, same ETag
        assertThat(DecodedTile.of(tile(tiles, east).mvt()).names("mobility")).containsExactly("Ostende Nord");
        assertThat(tiles.cacheMisses()).isEqualTo(misses + 2);
    }

    private <T> T query(String sql, Class<T> type) {
        try (var c = db.connect(); var st = c.createStatement(); var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getObject(1, type);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theLogHoldsOneEntryPerVersionWithTheChangedRowsBoxes(TestSchema db) {
        withPlaces(db);
        db.execute("update places set geom = ST_Point(12.0, 50.5, 4326) where name = 'Bank am Anger'");
        // checked against PostGIS directly: the newest mobility entry covers the old and the new point
        Boolean covers = query("""
                select ST_Intersects(extent, ST_Point(12.0, 50.5, 4326))
                   and ST_Intersects(extent, ST_Point(%s, %s, 4326))
                  from tile_changes where layer = 'mobility'
                 order by version desc limit 1""".formatted(centre(here)[0], centre(here)[1]), Boolean.class);
        assertThat(covers).isTrue();
        long version = query("select version from data_versions where layer = 'mobility'", Long.class);
        db.execute("update places set name = 'Bank' where name = 'Bank am Anger'",
                "update places set name = 'Bank am Anger' where name = 'Bank'");
        assertThat(query("select count(*) from tile_changes where layer = 'mobility' and version in ("
                + (version + 1) + ", " + (version + 2) + ")", Long.class)).isEqualTo(2L); // every bump logged
    }
}
