package de.ortsanker.features;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * OGC API Features Part 5 as Masterportal's filter tool and GDAL read it: a schema per collection, linked from
 * the collection, whose properties are what every feature carries (null included), typed, with the allowed
 * values the database itself enforces.
 */
@FeaturesTest
class SchemasTest extends FeaturesApiTest {

    @Test
    void theConformanceDeclarationNamesPart5() {
        var classes = new ArrayList<String>();
        api().json("/conformance").path("conformsTo").forEach(c -> classes.add(c.asText()));
        assertThat(classes).contains("http://www.opengis.net/spec/ogcapi-features-5/1.0/conf/schemas",
                "http://www.opengis.net/spec/ogcapi-features-5/1.0/conf/core-roles-features",
                "http://www.opengis.net/spec/ogcapi-features-5/1.0/conf/returnables-and-receivables");
    }

    @Test
    void everyCollectionLinksItsSchemaAndEveryFeatureCarriesExactlyItsProperties() {
        for (JsonNode c : api().json("/collections").path("collections")) {
            String id = c.path("id").asText();
            JsonNode describedBy = Api.link(c, "describedby", "application/schema+json");
            assertThat(describedBy).as(id).isNotNull();
            assertThat(Api.link(c, FeatureSchemas.SCHEMA_REL, "application/schema+json")).as(id).isNotNull();
            var response = api().get(describedBy.path("href").asText());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/schema+json");
            JsonNode schema = Api.parse(response.body());
            assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
            assertThat(schema.path("properties").path("geometry").path("x-ogc-role").asText()).isEqualTo("primary-geometry");
            assertThat(schema.path("properties").path("id").path("x-ogc-role").asText()).isEqualTo("id");
            var declared = new ArrayList<String>();
            schema.path("properties").fieldNames().forEachRemaining(declared::add);
            declared.removeAll(List.of("id", "geometry"));
            for (JsonNode f : api().json("/collections/" + id + "/items?limit=50").path("features")) {
                var carried = new ArrayList<String>();
                f.path("properties").fieldNames().forEachRemaining(carried::add);
                assertThat(carried).as(id + " feature " + f.path("id")).containsExactlyElementsOf(declared);
            }
        }
    }

    @Test
    void propertiesAreTypedTitledInGermanAndDescribedInEnglish() {
        JsonNode p = api().json("/collections/meeting_rooms/schema").path("properties");
        assertThat(p.path("capacity").path("type").asText()).isEqualTo("integer");
        assertThat(p.path("capacity").path("title").asText()).isEqualTo("Plätze");
        assertThat(p.path("capacity").path("description").asText()).isEqualTo("How many people fit");
        assertThat(p.path("free_entry").path("type").asText()).isEqualTo("boolean");
        assertThat(p.path("equipment").path("type").asText()).isEqualTo("array");
        assertThat(p.path("equipment").path("items").path("type").asText()).isEqualTo("string");
        assertThat(p.path("updated_at").path("format").asText()).isEqualTo("date-time");
        assertThat(p.path("valid_from").path("format").asText()).isEqualTo("date");
        assertThat(p.path("valid_from").path("x-ogc-role").asText()).isEqualTo("primary-interval-start");
        assertThat(p.path("valid_to").path("x-ogc-role").asText()).isEqualTo("primary-interval-end");
        assertThat(p.path("geometry").path("format").asText()).isEqualTo("geometry-point");
        assertThat(api().json("/collections/municipalities/schema").path("properties").path("geometry")
                .path("format").asText()).isEqualTo("geometry-multipolygon");
        assertThat(api().json("/collections/vacant_buildings/schema").path("properties").path("geometry")
                .path("format").asText()).as("points or footprints").isEqualTo("geometry-any");
    }

    @Test
    void allowedValuesAreWhatTheDatabaseAllows() throws SQLException {
        JsonNode mobility = api().json("/collections/mobility/schema").path("properties");
        assertThat(strings(mobility.path("kind").path("enum")))
                .containsExactlyInAnyOrderElementsOf(column("select code from kinds where group_code = 'mobility'"));
        assertThat(strings(mobility.path("wheelchair").path("enum")))
                .containsExactlyInAnyOrderElementsOf(checked("places", "wheelchair"));
        assertThat(strings(mobility.path("operator_type").path("enum")))
                .containsExactlyInAnyOrderElementsOf(checked("places", "operator_type"));
        assertThat(strings(api().json("/collections/villages/schema").path("properties").path("kind").path("enum")))
                .containsExactlyInAnyOrderElementsOf(checked("localities", "kind"));
    }

    @Test
    void theGmlApplicationSchemaDeclaresTheGeometryTypeAndEveryProperty() {
        var r = api().get("/collections/clubs/schema.xsd");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("<xs:element name=\"geometry\" type=\"gml:PointPropertyType\"",
                "<xs:element name=\"capacity\" type=\"xs:integer\"", "<xs:element name=\"valid_from\" type=\"xs:date\"",
                "<xs:element name=\"equipment\" type=\"xs:string\" minOccurs=\"0\" maxOccurs=\"unbounded\"");
        assertThat(api().get("/collections/nothing/schema").statusCode()).isEqualTo(404);
        assertThat(api().get("/collections/clubs/schema?f=xml").statusCode()).isEqualTo(400);
    }

    private static List<String> strings(JsonNode array) {
        var list = new ArrayList<String>();
        array.forEach(v -> list.add(v.asText()));
        return list;
    }

    private List<String> column(String sql) throws SQLException {
        var list = new ArrayList<String>();
        try (var c = db.connect(); var rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                list.add(rs.getString(1));
            }
        }
        return list;
    }

    /** The values a table's check constraint on a column lists: {@code (col = ANY (ARRAY['a'::text, …]))}. */
    private List<String> checked(String table, String column) throws SQLException {
        var defs = column("select pg_get_constraintdef(oid) from pg_constraint where conrelid = '" + table
                + "'::regclass and contype = 'c' and pg_get_constraintdef(oid) ~ '\\m" + column + "\\M = ANY'");
        assertThat(defs).as(table + "." + column).hasSize(1);
        var values = new ArrayList<String>();
        var m = Pattern.compile("'([^']*)'::text").matcher(defs.get(0));
        while (m.find()) {
            values.add(m.group(1));
        }
        return values;
    }
}
