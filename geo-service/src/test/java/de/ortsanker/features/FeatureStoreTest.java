package de.ortsanker.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ortsanker.database.LayerVersions;
import de.ortsanker.vocabulary.Group;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The statements of a page run with just-in-time compilation off, without a transaction of their own:
 * the setting travels with the query and is reset with it — or rolled back when the query fails — so
 * the pooled connection goes back as it came.
 */
@FeaturesTest
class FeatureStoreTest extends FeaturesApiTest {

    /** Third places with one more property: the jit setting the statement ran under. */
    private static CollectionDefinition thirdPlacesShowingJit(String where) {
        return CollectionDefinition.builder("third_places_jit")
                .title("Treffpunkte")
                .from("places p join kinds k on k.code = p.kind")
                .where(where)
                .id("p.id")
                .geometry("p.geom", "p.geog")
                .property(FeatureProperty.shown("jit", "current_setting('jit')", FeatureProperty.Type.STRING, "jit"))
                .provenance("p.source", "p.licence", "p.attribution")
                .layers("third_place")
                .build();
    }

    @Test
    void pagesAndCountsRunWithoutJitAndLeaveTheConnectionAsTheyFoundIt() throws SQLException {
        try (Connection c = db.connect()) {
            String jitBefore = jit(c);
            var store = new FeatureStore(new JdbcTemplate(new SingleConnectionDataSource(c, true)));
            var collection = thirdPlacesShowingJit(PublishedLayers.kindsOf(Group.THIRD_PLACE)
                    + " and p.retired_at is null and p.is_public");
            var firstTwo = ItemsQuery.parse(Map.of("limit", new String[] {"2"}), collection);

            var page = store.items(collection, firstTwo, LayerVersions.read(db.dataSource()));

            assertThat(page.features()).hasSize(2);
            assertThat(page.more()).isTrue();
            assertThat(page.numberMatched()).as("counted: more than one page").isGreaterThan(2);
            assertThat(page.features()).allSatisfy(f ->
                    assertThat(Api.parse(f.properties().toString()).path("jit").asText()).isEqualTo("off"));
            assertThat(jit(c)).isEqualTo(jitBefore);

            var failing = thirdPlacesShowingJit("p.id / 0 = 1"); // fails row by row, after the setting ran
            assertThatThrownBy(() -> store.items(failing, ItemsQuery.parse(Map.of(), failing),
                    LayerVersions.read(db.dataSource()))).isInstanceOf(DataAccessException.class);
            assertThat(jit(c)).isEqualTo(jitBefore);
        }
    }

    private static String jit(Connection c) throws SQLException {
        try (var rs = c.createStatement().executeQuery("show jit")) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void aPageOfTheWholeCollectionMatchesItsCount() throws SQLException {
        // numberMatched comes from a second statement with the same condition; both must agree
        var thirdPlaces = thirdPlacesShowingJit(PublishedLayers.kindsOf(Group.THIRD_PLACE)
                + " and p.retired_at is null and p.is_public");
        try (Connection c = db.connect()) {
            var store = new FeatureStore(new JdbcTemplate(new SingleConnectionDataSource(c, true)));
            var versions = LayerVersions.read(db.dataSource());
            var all = store.items(thirdPlaces, ItemsQuery.parse(Map.of("limit", new String[] {"1000"}), thirdPlaces), versions);
            var second = store.items(thirdPlaces, ItemsQuery.parse(Map.of("limit", new String[] {"1"},
                    "offset", new String[] {"1"}), thirdPlaces), versions);
            assertThat(second.numberMatched()).isEqualTo(all.features().size());
            assertThat(second.features()).extracting(FeatureStore.Feature::id).isEqualTo(List.of(all.features().get(1).id()));
        }
    }
}
