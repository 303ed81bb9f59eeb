package de.ortsanker.tiles;

import static de.ortsanker.tiles.Fixtures.LAT;
import static de.ortsanker.tiles.Fixtures.LON;
import static de.ortsanker.tiles.Fixtures.tileAt;
import static org.assertj.core.api.Assertions.assertThat;

import de.ortsanker.testing.PostgisTest;
import de.ortsanker.testing.TestSchema;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Low zooms aggregate points into clusters with counts; single places keep their attributes. */
@PostgisTest
class ClusterTest {

    static long lonely;

    @BeforeAll
    static void data(TestSchema db) {
        // 50 Mitfahrbänke within ~150 m, 20 of them step-free, and one bench 40 km away.
        db.execute("""
                insert into places (kind, name, geom, wheelchair, source, source_id, licence, attribution)
                select 'mitfahrbank', 'Bank ' || g, ST_Point(11.57 + (g % 10) * 0.0002, 50.03 + (g / 10) * 0.0002, 4326),
                       case when g <= 20 then 'yes' else 'no' end, 'fixture', 'bank-' || g, 'ODbL-1.0',
                       '© OpenStreetMap contributors'
                  from generate_series(1, 50) g""");
        lonely = Fixtures.place(db, "mitfahrbank", "Einsame Bank", LON + 0.6, LAT, "wheelchair", "'limited'");
        Fixtures.place(db, "bus_stop", "Harsdorf Mitte", LON, LAT);
    }

    private static DecodedTile tile(TestSchema db, TileAddress address, TileFilter filter) {
        var tiles = new Tiles(db.dataSource(), TileSettings.DEFAULTS);
        var layers = TileLayers.forTile("mobility").orElseThrow().layers();
        return DecodedTile.of(tiles.tile("mobility", layers, address, filter, tiles.state(layers)).mvt());
    }

    @Test
    void belowTheClusterZoomNearbyPlacesBecomeOneFeatureWithTheirCount(TestSchema db) {
        var tile = tile(db, tileAt(8, LON, LAT), TileFilter.NONE);
        var features = tile.layer("mobility");

        var cluster = features.stream().filter(f -> f.count() > 1).toList();
        assertThat(cluster).singleElement().satisfies(c -> {
            assertThat(c.count()).isEqualTo(51); // the benches and the bus stop share a cell
            assertThat(c.id()).isNull();
            assertThat(c.attributes()).doesNotContainKeys("name", "kind", "wheelchair")
                    .containsEntry("licence", "ODbL-1.0"); // shared by all: kept
        });
        var single = tile.named("mobility", "Einsame Bank");
        assertThat(single.id()).isEqualTo(lonely);
        assertThat(single.count()).isEqualTo(1);
        assertThat(single.attributes()).containsEntry("kind", "mitfahrbank").containsEntry("wheelchair", "limited");
        assertThat(features.stream().mapToLong(DecodedTile.Feature::count).sum()).isEqualTo(52);
    }

    @Test
    void aClusterOfOneKindKeepsTheKindAndFiltersApplyBeforeCounting(TestSchema db) {
        var stepFree = tile(db, tileAt(8, LON, LAT), Fixtures.filter("kinds=mitfahrbank&step_free=yes"));
        assertThat(stepFree.layer("mobility")).singleElement().satisfies(c -> {
            assertThat(c.count()).isEqualTo(20);
            assertThat(c.attributes()).containsEntry("kind", "mitfahrbank");
        });
    }

    @Test
    void fromTheClusterZoomOnEveryPlaceIsItsOwnFeature(TestSchema db) {
        var tile = tile(db, tileAt(16, LON + 0.0005, LAT + 0.0005), TileFilter.NONE);
        assertThat(tile.layer("mobility")).hasSize(51).allSatisfy(f -> {
            assertThat(f.attributes()).doesNotContainKey("count");
            assertThat(f.id()).isNotNull();
        });
    }

    @Test
    void neighbouringTilesAgreeOnAClusterInTheirBuffer(TestSchema db) {
        // Five village halls just west of the edge between two z8 tiles (lon 12.65625). The cell grid is
        // aligned across tiles, so the east tile draws the same cluster in its buffer, at the same place.
        db.execute("""
                insert into places (kind, name, geom, source, source_id, licence, attribution)
                select 'village_hall', 'Halle ' || g, ST_Point(12.6555 + g * 0.00001, 50.03, 4326), 'fixture', 'edge-' || g,
                       'ODbL-1.0', '© OpenStreetMap contributors'
                  from generate_series(1, 5) g""");
        var home = tileAt(8, 12.6555, 50.03);
        var east = TileAddress.of(8, home.x() + 1, home.y());
        var tiles = new Tiles(db.dataSource(), TileSettings.DEFAULTS);
        var layers = TileLayers.forTile("third_places").orElseThrow().layers();
        var inHome = DecodedTile.of(tiles.tile("third_places", layers, home, TileFilter.NONE, tiles.state(layers)).mvt())
                .layer("third_places");
        var inEast = DecodedTile.of(tiles.tile("third_places", layers, east, TileFilter.NONE, tiles.state(layers)).mvt())
                .layer("third_places");

        assertThat(inHome).singleElement().satisfies(c -> assertThat(c.count()).isEqualTo(5));
        assertThat(inEast).singleElement().satisfies(c -> {
            assertThat(c.count()).isEqualTo(5);
            assertThat(c.firstPoint()[0] + TileQuery.EXTENT).isEqualTo(inHome.get(0).firstPoint()[0]);
            assertThat(c.firstPoint()[1]).isEqualTo(inHome.get(0).firstPoint()[1]);
        });
    }
}
