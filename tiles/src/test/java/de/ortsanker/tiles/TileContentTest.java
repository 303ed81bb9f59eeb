package de.ortsanker.tiles;

import static de.ortsanker.tiles.Fixtures.LAT;
import static de.ortsanker.tiles.Fixtures.LON;
import static de.ortsanker.tiles.Fixtures.place;
import static de.ortsanker.tiles.Fixtures.tileAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import de.ortsanker.testing.PostgisTest;
import de.ortsanker.testing.TestSchema;
import de.ortsanker.vocabulary.Kind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What a tile holds: the right rows, only public and current ones, with the attributes popups need. */
@PostgisTest
class TileContentTest {

    static long hall;
    static long pub;
    static long bench;

    @BeforeAll
    static void data(TestSchema db) {
        hall = place(db, "village_hall", "Dorfhaus Harsdorf", LON, LAT, "wheelchair", "'yes'", "free_entry", "true");
        pub = place(db, "pub", "Gasthof Krone", LON + 0.001, LAT, "wheelchair", "'no'", "free_entry", "false",
                "licence", "'CC0-1.0'", "attribution", "'Gemeinde Harsdorf'");
        place(db, "makerspace", "Werkstatt auf Zeit", LON + 0.002, LAT,
                "valid_from", "current_date - 1", "valid_to", "current_date + 1");
        place(db, "library", "Private Bücherei", LON, LAT + 0.001, "is_public", "false");
        place(db, "youth_club", "Alter Jugendclub", LON, LAT + 0.001, "retired_at", "now()");
        place(db, "mobile_offer", "Sommercafé (vorbei)", LON, LAT + 0.001, "valid_from", "current_date - 30",
                "valid_to", "current_date - 1");
        place(db, "cafe", "Wintercafé (kommt)", LON, LAT + 0.001, "valid_from", "current_date + 1");
        bench = place(db, "mitfahrbank", null, LON + 0.001, LAT + 0.001, "details", "'{\"destinations\": [\"Bayreuth\"]}'");
        db.execute("""
                insert into localities (name, kind, geom, population, population_source, source, source_id, licence, attribution)
                values ('Harsdorf', 'village', ST_Point(11.571, 50.031, 4326), 1000, 'OpenStreetMap', 'fixture', 'v1',
                        'ODbL-1.0', '© OpenStreetMap contributors')""",
                """
                insert into admin_areas (level, ags, name, designation, geom, source, source_id, licence, attribution)
                values ('gemeinde', '09477126', 'Harsdorf', 'Gemeinde',
                        ST_Multi(ST_MakeEnvelope(11.50, 49.98, 11.65, 50.08, 4326)), 'fixture', 'g1',
                        'dl-de/by-2-0', '© GeoBasis-DE / BKG 2021 (Daten verändert)')""");
    }

    private static DecodedTile tile(TestSchema db, String tileset, TileAddress address, TileFilter filter) {
        var tiles = new Tiles(db.dataSource(), TileSettings.DEFAULTS);
        var layers = TileLayers.forTile(tileset).orElseThrow().layers();
        return DecodedTile.of(tiles.tile(tileset, layers, address, filter, tiles.state(layers)).mvt());
    }

    @Test
    void aPlaceLayerHoldsThePublicCurrentPlacesOfItsGroupWithTheirAttributes(TestSchema db) {
        var address = tileAt(14, LON, LAT);
        var tile = tile(db, "third_places", address, TileFilter.NONE);

        assertThat(tile.layers()).containsOnlyKeys("third_places");
        assertThat(tile.names("third_places")).containsExactlyInAnyOrder("Dorfhaus Harsdorf", "Gasthof Krone", "Werkstatt auf Zeit");

        var feature = tile.named("third_places", "Dorfhaus Harsdorf");
        assertThat(feature.id()).isEqualTo(hall);
        assertThat(feature.attributes()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "name", "Dorfhaus Harsdorf", "kind", "village_hall", "wheelchair", "yes", "free_entry", true,
                "licence", "ODbL-1.0", "attribution", "© OpenStreetMap contributors"));
        var krone = tile.named("third_places", "Gasthof Krone");
        assertThat(krone.id()).isEqualTo(pub);
        assertThat(krone.attributes()).containsEntry("free_entry", false).containsEntry("attribution", "Gemeinde Harsdorf");

        double[] expected = Fixtures.tileUnits(address, LON, LAT);
        assertThat(feature.firstPoint()[0]).isCloseTo(expected[0], within(1.0));
        assertThat(feature.firstPoint()[1]).isCloseTo(expected[1], within(1.0));
    }

    @Test
    void theCombinedTileHoldsEveryLayerAndMunicipalitiesFromTheirMinimumZoom(TestSchema db) {
        var tile = tile(db, "all", tileAt(14, LON, LAT), TileFilter.NONE);
        assertThat(tile.layers()).containsOnlyKeys("municipalities", "villages", "third_places", "mobility");
        assertThat(tile.layer("mobility")).singleElement().satisfies(f -> {
            assertThat(f.id()).isEqualTo(bench);
            assertThat(f.attributes()).containsEntry("kind", "mitfahrbank").doesNotContainKey("name");
        });
        assertThat(tile.named("villages", "Harsdorf").attributes()).containsEntry("population", 1000L).containsEntry("kind", "village");
        var municipality = tile.named("municipalities", "Harsdorf");
        assertThat(municipality.attributes()).containsEntry("ags", "09477126").containsEntry("licence", "dl-de/by-2-0");
        assertThat(municipality.type()).isEqualTo("Polygon");

        var z7 = tile(db, "all", tileAt(7, LON, LAT), TileFilter.NONE);
        assertThat(z7.layers()).doesNotContainKey("municipalities").containsKeys("villages", "third_places", "mobility");
    }

    @Test
    void filtersNarrowThePlacesAndLeaveTheContextLayers(TestSchema db) {
        var address = tileAt(14, LON, LAT);
        assertThat(tile(db, "third_places", address, Fixtures.filter("kinds=pub"))
                .names("third_places")).containsExactly("Gasthof Krone");
        assertThat(tile(db, "third_places", address, Fixtures.filter("step_free=limited"))
                .names("third_places")).containsExactly("Dorfhaus Harsdorf");
        assertThat(tile(db, "third_places", address, Fixtures.filter("free_entry=true"))
                .names("third_places")).containsExactly("Dorfhaus Harsdorf");

        var benchesOnly = tile(db, "all", address, Fixtures.filter("kinds=mitfahrbank"));
        assertThat(benchesOnly.layers()).containsOnlyKeys("municipalities", "villages", "mobility");
    }

    @Test
    void aCql2FilterSelectsPlacesByTheirAttributesAndPlace(TestSchema db) {
        var address = tileAt(14, LON, LAT);
        assertThat(tile(db, "third_places", address, TileFilter.parse(java.util.Map.of("filter",
                new String[] {"name LIKE 'Gasthof%' OR (wheelchair = 'yes' AND free_entry = true)"}), List.of(
                TileLayers.byId("third_places").orElseThrow()))).names("third_places"))
                .containsExactlyInAnyOrder("Gasthof Krone", "Dorfhaus Harsdorf");
        // west of 11.5705 lies only the village hall (at 11.57); CQL2 JSON works as well
        assertThat(tile(db, "all", address, TileFilter.parse(java.util.Map.of("filter-lang", new String[] {"cql2-json"},
                "filter", new String[] {"{\"op\": \"s_intersects\", \"args\": [{\"property\": \"geometry\"},"
                        + " {\"bbox\": [11.0, 49.0, 11.5705, 51.0]}]}"}), TileLayers.all())).layers())
                .containsOnlyKeys("municipalities", "villages", "third_places")
                .satisfies(layers -> assertThat(layers.get("third_places")).extracting(f -> f.get("name"))
                        .containsExactly("Dorfhaus Harsdorf"));
    }

    @Test
    void anEmptyTileIsEmpty(TestSchema db) {
        var tiles = new Tiles(db.dataSource(), TileSettings.DEFAULTS);
        var layers = TileLayers.forTile("all").orElseThrow().layers();
        Tile tile = tiles.tile("all", layers, tileAt(14, -30.0, 40.0), TileFilter.NONE, tiles.state(layers));
        assertThat(tile.isEmpty()).isTrue();
        assertThat(tiles.cachedTiles()).isEqualTo(1); // an empty answer is cached too
    }

    @Test
    void theTileStatementLeavesItsConnectionAsItFoundIt(TestSchema db) throws Exception {
        try (var c = db.connect()) {
            var sql = TileQuery.forTile(TileLayers.all(), tileAt(14, LON, LAT), TileFilter.NONE, java.time.LocalDate.now(), 12);
            assertThat(TileRenderer.run(c, sql).mvt()).isNotEmpty();
            var broken = new TileQuery.Sql(sql.text().replace("from tile, places p", "from tile, places_missing p"), sql.parameters());
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> TileRenderer.run(c, broken))
                    .isInstanceOf(java.sql.SQLException.class);
            try (var rs = c.createStatement().executeQuery("show plan_cache_mode")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("auto"); // the generic plan was the tile's only
            }
        }
    }

    @Test
    void everyLayerIsOfferedAndTheCombinedTilesetStandsForAll() {
        assertThat(TileLayers.all()).extracting(TileLayer::id).containsExactly("municipalities", "villages",
                "third_places", "clubs", "meeting_rooms", "mobility", "vacant_buildings", "supply");
        assertThat(TileLayers.forTile("all").orElseThrow().layers()).isEqualTo(TileLayers.all());
        assertThat(TileLayers.forTile("parking")).isEmpty();
        assertThat(TileLayers.byId("mobility").orElseThrow().kinds()).contains(Kind.MITFAHRBANK, Kind.BUS_STOP)
                .doesNotContain(Kind.PUB);
        // The ids the tiles had before one id per layer: still answered, and marked as deprecated.
        assertThat(TileLayers.forTile("vacant").orElseThrow()).satisfies(t -> {
            assertThat(t.id()).isEqualTo("vacant_buildings");
            assertThat(t.deprecatedName()).isTrue();
        });
        assertThat(TileLayers.forTile("club").orElseThrow().layers()).extracting(TileLayer::id).containsExactly("clubs");
        assertThat(TileLayers.forTile("clubs").orElseThrow().deprecatedName()).isFalse();
        assertThat(List.of(TileLayers.byId("villages").orElseThrow().versionLayer(),
                TileLayers.byId("municipalities").orElseThrow().versionLayer())).containsExactly("localities", "admin_areas");
    }
}
