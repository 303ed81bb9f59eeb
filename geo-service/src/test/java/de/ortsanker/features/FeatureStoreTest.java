package de.ortsanker.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ortsanker.catalogue.Catalogue;
import de.ortsanker.catalogue.Field;
import de.ortsanker.catalogue.FieldType;
import de.ortsanker.catalogue.Text;
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

    private static Field shown(String name, String sql, FieldType type) {
        return Field.shown(name, type, Text.of(name, name), sql);
    }

    /** Places with their published properties and one more: the jit setting the statement ran under. */
    private static CollectionDefinition thirdPlacesShowingJit(String where, Field... more) {
        return CollectionDefinition.builder("third_places_jit")
                .title("Treffpunkte")
                .from("places p join kinds k on k.code = p.kind")
                .where(where)
                .id("p.id")
                .geometry("p.geom", "p.geog")
                .properties(Catalogue.layerOf(Group.THIRD_PLACE).fields())
                .property(shown("jit", "current_setting('jit')", FieldType.STRING))
                .properties(List.of(more))
                .provenance("p.source", "p.licence", "p.attribution")
                .layers("third_places")
                .build();
    }

    @Test
    void literalTextsAreProperties() throws SQLException {
        var literal = CollectionDefinition.builder("literal").title("Literal").from("places p").where("p.retired_at is null")
                .id("p.id").geometry("p.geom", "p.geog")
                .property(shown("note", "'Testdaten'", FieldType.STRING))
                .provenance("'Ortsanker'", "p.licence", "p.attribution")
                .layers("third_places").build();
        try (Connection c = db.connect()) {
            var store = new FeatureStore(new JdbcTemplate(new SingleConnectionDataSource(c, true)));
            var page = store.items(literal, ItemsQuery.parse(Map.of("limit", new String[] {"1"}), literal),
                    LayerVersions.read(db.dataSource()));
            var properties = Api.parse(page.features().get(0).properties().toString());
            assertThat(properties.path("note").asText()).isEqualTo("Testdaten");
            assertThat(properties.path("source").asText()).isEqualTo("Ortsanker");
        }
    }

    @Test
    void pagesAndCountsRunWithoutJitAndLeaveTheConnectionAsTheyFoundIt() throws SQLException {
        try (Connection c = db.connect()) {
            String jitBefore = jit(c);
            var store = new FeatureStore(new JdbcTemplate(new SingleConnectionDataSource(c, true)));
            var collection = thirdPlacesShowingJit(Catalogue.layerOf(Group.THIRD_PLACE).kindsSql()
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
        var thirdPlaces = thirdPlacesShowingJit(Catalogue.layerOf(Group.THIRD_PLACE).kindsSql()
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

    @Test
    void propertiesAreWhatJsonBuildObjectGivesEveryMemberNullIncluded() throws Exception {
        // json_build_object as the reference: same members, same order, every one of them (null included),
        // so that clients building columns from a page see every property; nested nulls left out
        var thirdPlaces = thirdPlacesShowingJit("p.retired_at is null", shown("nested",
                "'{\"area\": null, \"rooms\": [{\"name\": \"Saal\", \"seats\": null}]}'::jsonb", FieldType.OBJECT));
        var pairs = new java.util.ArrayList<String>();
        thirdPlaces.properties().forEach(p -> pairs.add("'" + p.name() + "', " + (p.type() == FieldType.OBJECT
                ? "json_strip_nulls(to_json(" + p.sql() + "))" : p.sql())));
        pairs.add("'source', p.source");
        pairs.add("'licence', p.licence");
        pairs.add("'attribution', p.attribution");
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        try (Connection c = db.connect()) {
            var store = new FeatureStore(new JdbcTemplate(new SingleConnectionDataSource(c, true)));
            var jdbc = new JdbcTemplate(new SingleConnectionDataSource(c, true));
            var page = store.items(thirdPlaces, ItemsQuery.parse(Map.of("limit", new String[] {"1000"}), thirdPlaces),
                    LayerVersions.read(db.dataSource()));
            assertThat(page.features()).hasSizeGreaterThan(20);
            jdbc.execute("set jit = off"); // as the page ran: the "jit" member shows it
            for (FeatureStore.Feature f : page.features()) {
                var reference = mapper.readTree(jdbc.queryForObject("select json_build_object(" + String.join(", ", pairs)
                        + ")::text from places p join kinds k on k.code = p.kind where p.id = ?", String.class, f.id()));
                var ours = mapper.readTree(f.properties().toString());
                assertThat(ours).as("feature %d", f.id()).isEqualTo(reference);
                assertThat(ImmutableNames.of(ours)).isEqualTo(ImmutableNames.of(reference));
                assertThat(ours.size()).isEqualTo(thirdPlaces.properties().size() + 3);
            }
            assertThat(page.features()).allSatisfy(f -> assertThat(f.properties().toString())
                    .contains("\"nested\":{\"rooms\":[{\"name\":\"Saal\"}]}"));
            assertThat(page.features()).anySatisfy(f -> assertThat(f.properties().toString()).contains("\"capacity\":null"));
        }
    }

    /** The member names of an object, in order. */
    private static final class ImmutableNames {
        static List<String> of(com.fasterxml.jackson.databind.JsonNode node) {
            var names = new java.util.ArrayList<String>();
            node.fieldNames().forEachRemaining(names::add);
            return names;
        }
    }

    @Test
    void aCollectionWithMorePropertiesThanOneSqlCallTakesShowsThemAll() throws SQLException {
        var builder = CollectionDefinition.builder("wide").title("Wide").from("places p").where("p.retired_at is null")
                .id("p.id").geometry("p.geom", "p.geog").provenance("p.source", "p.licence", "p.attribution")
                .layers("third_places");
        int count = FeatureStore.MEMBERS_PER_CALL * 2 + 5;
        for (int i = 0; i < count; i++) {
            // every third one null; a whole group of nulls in the middle
            String sql = i % 3 == 0 || i >= FeatureStore.MEMBERS_PER_CALL && i < 2 * FeatureStore.MEMBERS_PER_CALL
                    ? "null::int" : "p.id * 0 + " + i;
            builder.property(shown("p" + i, sql, FieldType.INTEGER));
        }
        var wide = builder.build();
        try (Connection c = db.connect()) {
            var store = new FeatureStore(new JdbcTemplate(new SingleConnectionDataSource(c, true)));
            var page = store.items(wide, ItemsQuery.parse(Map.of("limit", new String[] {"1"}), wide),
                    LayerVersions.read(db.dataSource()));
            var properties = Api.parse(page.features().get(0).properties().toString());
            var expected = new java.util.ArrayList<String>();
            for (int i = 0; i < count; i++) {
                expected.add("p" + i); // every member, null included
                if (!(i % 3 == 0 || i >= FeatureStore.MEMBERS_PER_CALL && i < 2 * FeatureStore.MEMBERS_PER_CALL)) {
                    assertThat(properties.path("p" + i).asInt()).isEqualTo(i);
                } else {
                    assertThat(properties.path("p" + i).isNull()).as("p" + i).isTrue();
                }
            }
            expected.addAll(List.of("source", "licence", "attribution"));
            assertThat(properties.fieldNames()).toIterable().containsExactlyElementsOf(expected);
        }
    }
}
