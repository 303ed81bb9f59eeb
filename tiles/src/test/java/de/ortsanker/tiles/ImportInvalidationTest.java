package de.ortsanker.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import de.ortsanker.imports.ImportOptions;
import de.ortsanker.imports.ImportResult;
import de.ortsanker.imports.Imports;
import de.ortsanker.testing.PostgisTest;
import de.ortsanker.testing.TestSchema;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A data steward imports the demo region's OpenStreetMap extract while the map is being served: the next
 * tiles show it, with the right counts and attribution, without a restart; importing the same file again
 * changes nothing and keeps every cached tile.
 */
@PostgisTest
class ImportInvalidationTest {

    static final Path EXTRACT = Path.of("../data/osm/north-bayreuth.osm.pbf");
    /** The extract's bounding box lies in this z8 tile (and the tiles below it). */
    static final TileAddress REGION = Fixtures.tileAt(8, 11.54, 50.01);

    private final List<TileLayer> all = TileLayers.forTile("all").orElseThrow().layers();

    @Test
    void tilesShowAnImportAtOnceAndAnUnchangedReimportKeepsThem(TestSchema db) throws SQLException {
        var tiles = new Tiles(db.dataSource(), TileSettings.DEFAULTS);
        Tile before = tiles.answer("all", all, REGION, TileFilter.NONE).tile();
        assertThat(before.isEmpty()).isTrue();

        // Loaded as a partition of its own (a small staging buffer makes the extract "large", V60): attaching
        // fires no trigger, so this also checks that the import bumps the layers' versions itself.
        ImportResult first = Imports.importFile(db.dataSource(), EXTRACT,
                ImportOptions.builder().stagingBuffer(1024).build());
        assertThat(first.stats()).containsEntry("places.own_partition", 1L);
        assertThat(first.added()).isPositive();

        // The region's overview tile counts every public place of the extract, in clusters and singles.
        var overview = DecodedTile.of(tiles.answer("all", all, REGION, TileFilter.NONE).tile().mvt());
        long counted = overview.layers().entrySet().stream()
                .filter(e -> TileLayers.byId(e.getKey()).orElseThrow().isPlaces())
                .flatMap(e -> e.getValue().stream()).mapToLong(DecodedTile.Feature::count).sum();
        assertThat(counted).isEqualTo(publicPlaces(db)).isPositive();
        assertThat(overview.layer("villages")).isNotEmpty();

        // A place from the import, at street level, with its id and the attribution of its source.
        var place = anyPublicPlace(db);
        TileAddress street = Fixtures.tileAt(16, place.lon(), place.lat());
        var decoded = DecodedTile.of(tiles.answer("all", all, street, TileFilter.NONE).tile().mvt());
        assertThat(decoded.layers().values().stream().flatMap(List::stream).filter(f -> Long.valueOf(place.id()).equals(f.id())))
                .singleElement().satisfies(f -> {
                    assertThat(f.get("kind")).isEqualTo(place.kind());
                    assertThat(f.get("attribution")).asString().contains("OpenStreetMap");
                });

        Tile cached = tiles.answer("all", all, street, TileFilter.NONE).tile();
        ImportResult again = Imports.importFile(db.dataSource(), EXTRACT);
        assertThat(again.added()).isZero();
        assertThat(again.updated()).isZero();
        assertThat(tiles.answer("all", all, street, TileFilter.NONE).tile()).isSameAs(cached);
    }

    private record Place(long id, String kind, double lon, double lat) {
    }

    private static long publicPlaces(TestSchema db) throws SQLException {
        try (var c = db.connect(); var rs = c.createStatement().executeQuery("""
                select count(*) from places where is_public and retired_at is null
                   and (valid_from is null or valid_from <= current_date) and (valid_to is null or valid_to >= current_date)""")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Place anyPublicPlace(TestSchema db) throws SQLException {
        try (var c = db.connect(); var rs = c.createStatement().executeQuery("""
                select id, kind, ST_X(ST_PointOnSurface(geom)), ST_Y(ST_PointOnSurface(geom)) from places
                 where is_public and retired_at is null and GeometryType(geom) = 'POINT' order by id limit 1""")) {
            var found = new ArrayList<Place>();
            while (rs.next()) {
                found.add(new Place(rs.getLong(1), rs.getString(2), rs.getDouble(3), rs.getDouble(4)));
            }
            return found.get(0);
        }
    }
}
