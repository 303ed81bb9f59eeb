package de.ortsanker.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import de.ortsanker.testing.PostgisTest;
import de.ortsanker.testing.TestSchema;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every tile stays within 256 KB, checked on the densest tile of every zoom of a data set denser than any
 * German town: 30,000 places within a few kilometres (sigma 1.5 km), and 2,000 villages.
 */
@PostgisTest
class SizeBudgetTest {

    static final int BUDGET = 256 * 1024;

    @BeforeAll
    static void denseTown(TestSchema db) {
        db.execute("""
                insert into places (kind, name, geom, wheelchair, free_entry, source, source_id, licence, attribution)
                select (array['bus_stop','pub','club','village_hall','mitfahrbank','meeting_room','vacant_building',
                              'village_shop','cafe','charging_station'])[1 + g % 10],
                       'Ort ' || g || ' am langen Weg im Oberfränkischen Hügelland',
                       ST_Point(11.57 + 1500 * sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random()) / 71500,
                                50.03 + 1500 * sqrt(-2 * ln(1 - random())) * sin(2 * pi() * random()) / 111200, 4326),
                       (array['yes','limited','no'])[1 + g % 3], g % 2 = 0,
                       'fixture', g::text, 'ODbL-1.0', '© OpenStreetMap contributors'
                  from generate_series(1, 30000) g""",
                """
                insert into localities (name, kind, geom, source, source_id, licence, attribution)
                select 'Dorf ' || g, 'village', ST_Point(11.57 + (random() - 0.5) * 0.2, 50.03 + (random() - 0.5) * 0.15, 4326),
                       'fixture', g::text, 'ODbL-1.0', '© OpenStreetMap contributors'
                  from generate_series(1, 2000) g""",
                "analyze places", "analyze localities");
    }

    /** The tile of a zoom that holds the most places. */
    private static TileAddress densest(TestSchema db, int z) throws SQLException {
        String sql = """
                select floor((ST_X(geom) + 180) / 360 * 2 ^ ?)::int as x,
                       floor((1 - ln(tan(radians(ST_Y(geom))) + 1 / cos(radians(ST_Y(geom)))) / pi()) / 2 * 2 ^ ?)::int as y
                  from places group by 1, 2 order by count(*) desc limit 1""";
        try (var c = db.connect(); var ps = c.prepareStatement(sql)) {
            ps.setInt(1, z);
            ps.setInt(2, z);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return TileAddress.of(z, rs.getInt(1), rs.getInt(2));
            }
        }
    }

    @Test
    void theDensestTileOfEveryZoomStaysWithinTheBudget(TestSchema db) throws SQLException {
        var tiles = new Tiles(db.dataSource(), TileSettings.DEFAULTS);
        List<TileLayer> all = TileLayers.forTile("all").orElseThrow().layers();
        var state = tiles.state(all);
        for (int z = 0; z <= de.ortsanker.catalogue.Catalogue.MAX_ZOOM; z++) {
            TileAddress address = densest(db, z);
            Tile tile = tiles.tile("all", all, address, TileFilter.NONE, state);
            assertThat(tile.mvt().length).as("bytes of the densest tile %s", address).isLessThanOrEqualTo(BUDGET);

            var decoded = DecodedTile.of(tile.mvt());
            long places = decoded.layers().entrySet().stream().filter(e -> !e.getKey().equals("villages"))
                    .flatMap(e -> e.getValue().stream()).mapToLong(DecodedTile.Feature::count).sum();
            assertThat(places).as("places in %s", address).isPositive();
            if (z <= 11) {
                assertThat(decoded.layers().values().stream().flatMap(List::stream).anyMatch(f -> f.count() > 1))
                        .as("clusters at %s", address).isTrue();
            }
        }
    }

    @Test
    void aTileTooDenseToDrawPlaceByPlaceIsClusteredAboveTheClusterZoomToo(TestSchema db) throws SQLException {
        var tiles = new Tiles(db.dataSource(), TileSettings.DEFAULTS);
        List<TileLayer> all = TileLayers.forTile("all").orElseThrow().layers();
        TileAddress centre = densest(db, 12); // ~10,000 places: more than a tile draws one by one
        var decoded = DecodedTile.of(tiles.tile("all", all, centre, TileFilter.NONE, tiles.state(all)).mvt());
        assertThat(decoded.layer("mobility")).anyMatch(f -> f.count() > 1);

        TileAddress edge = TileAddress.of(16, centre.x() * 16 + 15, centre.y() * 16 + 15); // a few dozen places
        var sparse = DecodedTile.of(tiles.tile("all", all, edge, TileFilter.NONE, tiles.state(all)).mvt());
        assertThat(sparse.layers().values().stream().flatMap(List::stream)).isNotEmpty()
                .allSatisfy(f -> assertThat(f.attributes()).doesNotContainKey("count"));
    }
}
