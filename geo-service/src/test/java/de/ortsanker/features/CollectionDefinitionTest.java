package de.ortsanker.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ortsanker.catalogue.Field;
import de.ortsanker.catalogue.FieldType;
import de.ortsanker.catalogue.Text;
import de.ortsanker.cql2.Cql2;
import de.ortsanker.cql2.SqlTranslator;
import de.ortsanker.problem.NotFound;
import de.ortsanker.testing.PostgisTest;
import de.ortsanker.testing.TestSchema;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The collection registry as data: every published definition's SQL runs on the real schema. */
@PostgisTest
class CollectionDefinitionTest {

    private List<CollectionDefinition> published() {
        return CatalogueCollections.all();
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
                var visible = d.visible(java.time.LocalDate.now(), java.time.LocalDate.now());
                try (var c = db.connect(); var st = c.prepareStatement("select " + String.join(", ", columns)
                        + " from " + d.from() + " where " + visible.sql() + " and " + where.sql() + " limit 1")) {
                    where.bind(st, visible.bind(st, 1));
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
        var registry = new FeatureCollections(List.of(extra));

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
                .property(Field.shown("licence", FieldType.STRING, Text.of("", ""), "l.licence")).build())
                .hasMessageContaining("'licence' is defined twice or is reserved");
        assertThatThrownBy(() -> CollectionDefinition.builder("Bad Id").title("X").from("localities l").id("l.id")
                .geometry("l.geom", null).provenance("l.source", "l.licence", "l.attribution").layers("localities")
                .build()).hasMessageContaining("must be lower_snake_case");
        assertThatThrownBy(() -> Field.queryable("details", FieldType.OBJECT, Text.of("", ""), "p.details"))
                .hasMessageContaining("cannot be filtered on");
    }
}
