package de.ortsanker.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ortsanker.cql2.Cql2;
import de.ortsanker.cql2.SqlTranslator;
import de.ortsanker.service.NotFound;
import de.ortsanker.testing.PostgisTest;
import de.ortsanker.testing.TestSchema;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The collection registry as data: every published definition's SQL runs on the real schema. */
@PostgisTest
class CollectionDefinitionTest {

    private final PublishedLayers layers = new PublishedLayers();

    private List<CollectionDefinition> published() {
        return List.of(layers.thirdPlaces(), layers.clubs(), layers.meetingRooms(), layers.mobility(),
                layers.vacantBuildings(), layers.supply(), layers.villages(), layers.municipalities(), layers.districts());
    }

    @Test
    void everyPublishedCollectionsSqlRunsAndEveryQueryableFilters(TestSchema db) throws SQLException {
        for (CollectionDefinition d : published()) {
            var columns = new ArrayList<String>(List.of(d.idColumn(), d.geometryColumn(), d.provenance().sourceSql(),
                    d.provenance().licenceSql(), d.provenance().attributionSql()));
            d.properties().forEach(p -> columns.add(p.sql()));
            for (var q : d.queryables().all()) {
                String filter = switch (q.type()) {
                    case STRING -> q.name() + " = 'x'";
                    case INTEGER, NUMBER -> q.name() + " > 1";
                    case BOOLEAN -> q.name() + " = true";
                    case DATE, TIMESTAMP -> q.name() + " > DATE('2024-01-01')";
                    case GEOMETRY -> "S_DWITHIN(" + q.name() + ", POINT(11.57 50.03), 100)";
                    case STRING_ARRAY -> "A_CONTAINS(" + q.name() + ", ('x'))";
                };
                var where = SqlTranslator.toSql(Cql2.parseText(filter), d.queryables());
                try (var c = db.connect(); var st = c.prepareStatement("select " + String.join(", ", columns)
                        + " from " + d.from() + " where " + d.where() + " and " + where.sql() + " limit 1")) {
                    where.bind(st, 1);
                    st.executeQuery().close();
                }
            }
        }
    }

    @Test
    void theRegistryKeepsTheDeclaredOrderAndNamesWhatExists() {
        var extra = CollectionDefinition.builder("latest_analysis").title("Latest analysis")
                .from("localities l").id("l.id").geometry("l.geom", null)
                .provenance("l.source", "l.licence", "l.attribution").layers("localities").order(15).build();
        var all = new ArrayList<>(published());
        all.add(extra);
        var registry = new FeatureCollections(all);

        assertThat(registry.all()).extracting(CollectionDefinition::id).containsExactly("third_places",
                "latest_analysis", "clubs", "meeting_rooms", "mobility", "vacant_buildings", "supply", "villages",
                "municipalities", "districts");
        assertThatThrownBy(() -> registry.get("pubs")).isInstanceOf(NotFound.class)
                .hasMessageContaining("there is no collection 'pubs'; collections: third_places, latest_analysis");
        assertThatThrownBy(() -> new FeatureCollections(List.of(extra, extra)))
                .hasMessageContaining("two collections are named 'latest_analysis'");
    }

    @Test
    void definitionsAreCheckedWhenDeclared() {
        var builder = CollectionDefinition.builder("x").title("X").from("localities l").id("l.id")
                .geometry("l.geom", null).layers("localities");
        assertThatThrownBy(builder::build).hasMessageContaining("provenance");
        assertThatThrownBy(() -> builder.provenance("l.source", "l.licence", "l.attribution")
                .property(FeatureProperty.shown("licence", "l.licence", FeatureProperty.Type.STRING, "")).build())
                .hasMessageContaining("'licence' is defined twice or is reserved");
        assertThatThrownBy(() -> CollectionDefinition.builder("Bad Id").title("X").from("localities l").id("l.id")
                .geometry("l.geom", null).provenance("l.source", "l.licence", "l.attribution").layers("localities")
                .build()).hasMessageContaining("must be lower_snake_case");
        assertThatThrownBy(() -> FeatureProperty.queryable("details", "p.details", FeatureProperty.Type.OBJECT, ""))
                .hasMessageContaining("cannot be filtered on");
    }
}
