package de.ortsanker.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import de.ortsanker.testing.PostgisTest;
import de.ortsanker.testing.TestSchema;
import de.ortsanker.vocabulary.Group;
import de.ortsanker.vocabulary.Kind;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

@PostgisTest
class CatalogueTest {

    @Test
    void aCodeNamesOneThing_noLayerIdIsAKindCode() {
        var ids = Catalogue.all().stream().map(Layer::id).toList();
        assertThat(new HashSet<>(ids)).hasSameSizeAs(ids);
        for (Kind k : Kind.values()) {
            assertThat(ids).as("kind code %s", k.code()).doesNotContain(k.code());
        }
        var aliases = Catalogue.all().stream().flatMap(l -> l.aliases().stream()).toList();
        assertThat(new HashSet<>(aliases)).hasSameSizeAs(aliases);
        assertThat(aliases).doesNotContainAnyElementsOf(ids);
    }

    @Test
    void everyKindLiesInExactlyOnePlaceLayerWhoseIdIsItsGroupCode() {
        var placed = new ArrayList<Kind>();
        Catalogue.places().forEach(l -> placed.addAll(l.kinds()));
        assertThat(placed).containsExactlyInAnyOrder(Kind.values());
        for (Group g : Group.values()) {
            assertThat(Catalogue.layerOf(g).id()).isEqualTo(g.code());
            assertThat(Catalogue.layerOf(g).versionLayer()).isEqualTo(g.code());
        }
        assertThat(Catalogue.layerOf(Kind.INITIATIVE).id()).isEqualTo("clubs");
    }

    @Test
    void oldIdsResolveToTheirLayerAndSaySo() {
        assertThat(Catalogue.resolve("third_place")).hasValueSatisfying(n -> {
            assertThat(n.layer().id()).isEqualTo("third_places");
            assertThat(n.deprecated()).isTrue();
        });
        assertThat(Catalogue.resolve("vacant_buildings")).hasValueSatisfying(n -> assertThat(n.deprecated()).isFalse());
        assertThat(Catalogue.resolve("spaceports")).isEmpty();
    }

    @Test
    void theTilesReadPlacesWithoutJoins_theirFieldsAndQueryablesNameOnlyThePlacesTable() {
        for (Layer l : Catalogue.places()) {
            for (Field f : l.fields()) {
                if (f.queryable() || f.inTiles() != null) {
                    assertThat(f.sql()).as(l.id() + "." + f.name()).doesNotContain("k.");
                }
            }
        }
    }

    @Test
    void geometryFollowsTheKindsAndDrawingPutsAreasBelowPoints() {
        assertThat(Catalogue.layerOf(Group.THIRD_PLACE).geometry()).isEqualTo(Layer.Geometry.POINT);
        assertThat(Catalogue.layerOf(Group.MOBILITY).geometry()).isEqualTo(Layer.Geometry.MIXED); // on-demand zones
        assertThat(Catalogue.layerOf(Group.VACANT).geometry()).isEqualTo(Layer.Geometry.MIXED);   // footprints
        assertThat(Catalogue.byId("municipalities").orElseThrow().geometry().geoJsonType()).isEqualTo("MultiPolygon");
        assertThat(Catalogue.tiles()).extracting(Layer::id).startsWith("municipalities", "villages")
                .doesNotContain("districts");
    }

    @Test
    void titlesOfThePlaceLayersAreTheGroupLabelsOfTheDatabase(TestSchema db) throws SQLException {
        List<String> inDatabase = new ArrayList<>();
        try (var c = db.connect(); var rs = c.createStatement().executeQuery(
                "select code, label_de, label_en from kind_groups order by position")) {
            while (rs.next()) {
                inDatabase.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3));
            }
        }
        assertThat(inDatabase).containsExactlyElementsOf(Arrays.stream(Group.values()).map(Catalogue::layerOf)
                .map(l -> l.id() + "|" + l.title().de() + "|" + l.title().en()).toList());
    }
}
