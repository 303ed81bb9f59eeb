package de.ortsanker.tiles;

import static de.ortsanker.tiles.Fixtures.LAT;
import static de.ortsanker.tiles.Fixtures.LON;
import static de.ortsanker.tiles.Fixtures.tileAt;
import static org.assertj.core.api.Assertions.assertThat;

import de.ortsanker.testing.PostgisTest;
import de.ortsanker.testing.TestSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cached tiles are never stale: every change bumps its layer's data version in the same transaction, and
 * the version is part of the cache key — so the next request after a change sees it, without a restart.
 */
@PostgisTest
class InvalidationTest {

    private final TileAddress address = tileAt(14, LON, LAT);
    private final List<TileLayer> all = TileLayers.forTile("all").orElseThrow().layers();

    private static DecodedTile decode(Tile tile) {
        return DecodedTile.of(tile.mvt());
    }

    @Test
    void anInsertAnEditAndARetirementShowInTheNextTile(TestSchema db) {
        var tiles = new Tiles(db.dataSource(), TileSettings.DEFAULTS);
        assertThat(tiles.tile("all", all, address, TileFilter.NONE, tiles.state(all)).isEmpty()).isTrue();

        long id = Fixtures.place(db, "library", "Gemeindebücherei", LON, LAT);
        assertThat(decode(tiles.tile("all", all, address, TileFilter.NONE, tiles.state(all))).names("third_places"))
                .containsExactly("Gemeindebücherei");

        db.execute("update places set name = 'Bücherei im Rathaus' where id = " + id);
        assertThat(decode(tiles.tile("all", all, address, TileFilter.NONE, tiles.state(all))).names("third_places"))
                .containsExactly("Bücherei im Rathaus");

        db.execute("update places set kind = 'mitfahrbank' where id = " + id); // moves to another layer
        var moved = decode(tiles.tile("all", all, address, TileFilter.NONE, tiles.state(all)));
        assertThat(moved.layers()).containsOnlyKeys("mobility");

        db.execute("update places set retired_at = now() where id = " + id);
        assertThat(tiles.tile("all", all, address, TileFilter.NONE, tiles.state(all)).isEmpty()).isTrue();
    }

    @Test
    void answersShowEveryChangeAndTheStateTheTileWasMadeIn(TestSchema db) {
        var tiles = new Tiles(db.dataSource(), TileSettings.DEFAULTS);
        var rooms = TileLayers.forTile("meeting_rooms").orElseThrow().layers();
        var first = tiles.answer("meeting_rooms", rooms, address, TileFilter.NONE);
        assertThat(first.tile().isEmpty()).isTrue();

        long id = Fixtures.place(db, "meeting_room", "Saal im Rathaus", LON, LAT);
        var made = tiles.answer("meeting_rooms", rooms, address, TileFilter.NONE); // not cached: made at once
        assertThat(decode(made.tile()).names("meeting_rooms")).containsExactly("Saal im Rathaus");
        assertThat(made.state()).isEqualTo(tiles.state(rooms)).isNotEqualTo(first.state());
        assertThat(tiles.answer("meeting_rooms", rooms, address, TileFilter.NONE).tile()).isSameAs(made.tile()); // cached

        db.execute("update places set name = 'Großer Saal' where id = " + id); // the cached tile is now old
        var changed = tiles.answer("meeting_rooms", rooms, address, TileFilter.NONE);
        assertThat(decode(changed.tile()).names("meeting_rooms")).containsExactly("Großer Saal");
        assertThat(changed.state()).isNotEqualTo(made.state());
        db.execute("delete from places where id = " + id);
    }

    @Test
    void aChangeInOneLayerKeepsTheCachedTilesOfTheOthers(TestSchema db) {
        var tiles = new Tiles(db.dataSource(), TileSettings.DEFAULTS);
        var clubs = TileLayers.forTile("clubs").orElseThrow().layers();
        var mobility = TileLayers.forTile("mobility").orElseThrow().layers();
        Fixtures.place(db, "club", "SV Harsdorf", LON, LAT);
        var clubState = tiles.state(clubs);
        Tile before = tiles.tile("clubs", clubs, address, TileFilter.NONE, clubState);
        var mobilityState = tiles.state(mobility);

        Fixtures.place(db, "bus_stop", "Harsdorf Mitte", LON, LAT);

        assertThat(tiles.state(clubs)).isEqualTo(clubState);
        assertThat(tiles.tile("clubs", clubs, address, TileFilter.NONE, tiles.state(clubs))).isSameAs(before); // from the cache
        assertThat(tiles.state(mobility)).isNotEqualTo(mobilityState);
        assertThat(tiles.state(mobility).etag(TileFilter.NONE)).isNotEqualTo(mobilityState.etag(TileFilter.NONE));
        db.execute("delete from places where source = 'fixture'");
    }

    @Test
    void theMemoryCacheIsBoundedInBytes(TestSchema db) {
        Fixtures.place(db, "meeting_room", "Saal " + "x".repeat(200), LON, LAT);
        var rooms = TileLayers.forTile("meeting_rooms").orElseThrow().layers();
        var tiles = new Tiles(db.dataSource(), new TileSettings(4096, null, 12, 0));
        var state = tiles.state(rooms);
        for (int z = 10; z <= 16; z++) {
            tiles.tile("meeting_rooms", rooms, tileAt(z, LON, LAT), TileFilter.NONE, state);
        }
        for (int i = 0; i < 40; i++) { // empty tiles weigh 128 bytes: at most 32 fit into 4 KB
            tiles.tile("meeting_rooms", rooms, TileAddress.of(16, i, 0), TileFilter.NONE, state);
        }
        tiles.cleanUp();
        assertThat(tiles.cachedTiles()).isLessThan(47).isLessThanOrEqualTo(4096 / 128);
        db.execute("delete from places where source = 'fixture'");
    }

    @Test
    void theDiskCacheSurvivesARestartAndDropsTilesOfOldVersions(TestSchema db, @TempDir Path dir) throws Exception {
        var rooms = TileLayers.forTile("meeting_rooms").orElseThrow().layers();
        var settings = new TileSettings(0, dir, 12, 0);
        Fixtures.place(db, "meeting_room", "Saal im Rathaus", LON, LAT);
        var first = new Tiles(db.dataSource(), settings);
        var state = first.state(rooms);
        byte[] made = first.tile("meeting_rooms", rooms, address, TileFilter.NONE, state).mvt();

        Path file = dir.resolve("meeting_rooms").resolve(state.token()).resolve("all")
                .resolve(String.valueOf(address.z())).resolve(String.valueOf(address.x())).resolve(address.y() + ".mvt");
        assertThat(file).exists().hasBinaryContent(made);

        var restarted = new Tiles(db.dataSource(), settings);
        Files.write(file, DecodedTileFixture.oneNamedPoint("meeting_rooms", "vom Datenträger"));
        assertThat(DecodedTile.of(restarted.tile("meeting_rooms", rooms, address, TileFilter.NONE, restarted.state(rooms)).mvt())
                .names("meeting_rooms")).containsExactly("vom Datenträger"); // read from disk, not made again

        db.execute("update places set name = 'Großer Saal' where source = 'fixture'");
        var changed = restarted.state(rooms);
        assertThat(DecodedTile.of(restarted.tile("meeting_rooms", rooms, address, TileFilter.NONE, changed).mvt())
                .names("meeting_rooms")).containsExactly("Großer Saal");
        restarted.awaitDiskCleanup();
        assertThat(dir.resolve("meeting_rooms")).isDirectoryContaining(p -> p.getFileName().toString().equals(changed.token()))
                .isDirectoryNotContaining(p -> p.getFileName().toString().equals(state.token()));
        db.execute("delete from places where source = 'fixture'");
    }
}
