package de.ortsanker.tiles;

import static de.ortsanker.tiles.Fixtures.place;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import de.ortsanker.testing.PostgisTest;
import de.ortsanker.testing.TestSchema;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tiles in the portals' UTM grids (AdV_25832, AdV_25833): each feature in the tile the grid puts it in, at
 * the position PostGIS's ST_Transform gives (computed here from the grid's published origin and cell size,
 * not from the tile code), with the same content as in Web Mercator, cached apart and invalidated alike.
 */
@PostgisTest
class TileGridsTest {

    /** Harsdorf (UTM 32N) and, near the zone border, Görlitz (Brandenburg's and Saxony's UTM 33N). */
    static final double[][] SPOTS = {{11.5703, 50.0306}, {14.9870, 51.1530}};
    static long harsdorf;
    static long goerlitz;

    @BeforeAll
    static void data(TestSchema db) {
        harsdorf = place(db, "village_hall", "Dorfhaus Harsdorf", SPOTS[0][0], SPOTS[0][1]);
        goerlitz = place(db, "library", "Stadtbibliothek Görlitz", SPOTS[1][0], SPOTS[1][1]);
    }

    @Test
    void aFeatureIsWhereTheGridAndStTransformPutIt(TestSchema db) throws SQLException {
        var tiles = new Tiles(db.dataSource(), TileSettings.DEFAULTS);
        var layers = TileLayers.forTile("third_places").orElseThrow().layers();
        for (TileMatrixSet grid : List.of(TileMatrixSet.ADV_25832, TileMatrixSet.ADV_25833)) {
            for (int i = 0; i < SPOTS.length; i++) {
                double[] en = projected(db, SPOTS[i], grid.srid());
                int level = 9; // Web Mercator zoom 14: single places, no clusters
                double span = 4891.96981025127 * 256 / (1 << level); // the AdV grid's published cell size
                double originX = grid == TileMatrixSet.ADV_25832 ? -46133.17 : -464849.38;
                double originY = grid == TileMatrixSet.ADV_25832 ? 6301219.54 : 6310160.14;
                int col = (int) Math.floor((en[0] - originX) / span);
                int row = (int) Math.floor((originY - en[1]) / span);
                var tile = DecodedTile.of(tiles.tile("third_places", layers, grid, new TileAddress(level, col, row),
                        TileFilter.NONE, tiles.state(layers)).mvt());
                var name = i == 0 ? "Dorfhaus Harsdorf" : "Stadtbibliothek Görlitz";
                var feature = tile.named("third_places", name);
                assertThat(feature).as(grid.id() + " " + name).isNotNull();
                assertThat(feature.id()).isEqualTo(i == 0 ? harsdorf : goerlitz);
                double x = (en[0] - (originX + col * span)) / span * TileQuery.EXTENT;
                double y = (originY - row * span - en[1]) / span * TileQuery.EXTENT;
                assertThat(feature.firstPoint()[0]).as(grid.id() + " x").isCloseTo(x, within(1.0));
                assertThat(feature.firstPoint()[1]).as(grid.id() + " y").isCloseTo(y, within(1.0));
                // the neighbouring tile does not hold it (the buffer aside)
                var next = DecodedTile.of(tiles.tile("third_places", layers, grid, new TileAddress(level, col + 2, row),
                        TileFilter.NONE, tiles.state(layers)).mvt());
                assertThat(next.names("third_places")).doesNotContain(name);
            }
        }
    }

    @Test
    void theSameLevelIsClusteredAsWebMercatorAtTheSameScale(TestSchema db) throws SQLException {
        var tiles = new Tiles(db.dataSource(), TileSettings.DEFAULTS);
        var layers = TileLayers.forTile("third_places").orElseThrow().layers();
        double[] en = projected(db, SPOTS[0], 25832);
        int level = 2; // Web Mercator zoom 7: clustered, so every feature carries a count
        double span = 4891.96981025127 * 256 / (1 << level);
        var tile = DecodedTile.of(tiles.tile("third_places", layers, TileMatrixSet.ADV_25832,
                new TileAddress(level, (int) Math.floor((en[0] + 46133.17) / span),
                        (int) Math.floor((6301219.54 - en[1]) / span)), TileFilter.NONE, tiles.state(layers)).mvt());
        assertThat(tile.layer("third_places")).isNotEmpty()
                .allSatisfy(f -> assertThat(f.attributes()).containsKey("count"));
    }

    @Test
    void aChangeShowsInTheNextUtmTileAsInWebMercator(TestSchema db) throws SQLException {
        var tiles = new Tiles(db.dataSource(), TileSettings.DEFAULTS);
        var layers = TileLayers.forTile("all").orElseThrow().layers();
        double[] en = projected(db, SPOTS[0], 25832);
        double span = 4891.96981025127 * 256 / (1 << 10);
        var address = new TileAddress(10, (int) Math.floor((en[0] + 46133.17) / span),
                (int) Math.floor((6301219.54 - en[1]) / span));
        var before = tiles.answer("all", layers, TileMatrixSet.ADV_25832, address, TileFilter.NONE);
        assertThat(DecodedTile.of(before.tile().mvt()).names("third_places")).doesNotContain("Neues Café");
        assertThat(tiles.answer("all", layers, TileMatrixSet.ADV_25832, address, TileFilter.NONE).state())
                .isEqualTo(before.state()); // unchanged data: the cached tile's state
        place(db, "cafe", "Neues Café", SPOTS[0][0] + 0.0002, SPOTS[0][1]);
        var after = tiles.answer("all", layers, TileMatrixSet.ADV_25832, address, TileFilter.NONE);
        assertThat(after.state()).isNotEqualTo(before.state());
        assertThat(DecodedTile.of(after.tile().mvt()).names("third_places")).contains("Neues Café");
    }

    private static double[] projected(TestSchema db, double[] lonLat, int srid) throws SQLException {
        try (var c = db.connect(); var ps = c.prepareStatement(
                "select ST_X(p), ST_Y(p) from (select ST_Transform(ST_SetSRID(ST_MakePoint(?, ?), 4326), ?) p) s")) {
            ps.setDouble(1, lonLat[0]);
            ps.setDouble(2, lonLat[1]);
            ps.setInt(3, srid);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return new double[] {rs.getDouble(1), rs.getDouble(2)};
            }
        }
    }
}
