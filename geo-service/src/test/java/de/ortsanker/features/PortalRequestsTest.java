package de.ortsanker.features;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What Masterportal's filter and feature list, QGIS and GDAL send, rebuilt from their requests: returnables
 * ({@code properties}, {@code exclude-properties}, {@code skipGeometry}), CQL2 date rules, no {@code limit},
 * and "zoom to layer" on the advertised extent.
 */
@FeaturesTest
class PortalRequestsTest extends FeaturesApiTest {

    @Test
    void propertiesAndSkipGeometryAsMasterportalsFilterAsksForValues() {
        JsonNode fc = api().json("/collections/third_places/items?properties=kind,name&skipGeometry=true");
        assertThat(fc.path("features")).isNotEmpty();
        for (JsonNode f : fc.path("features")) {
            assertThat(f.path("geometry").isNull()).as(f.toString()).isTrue();
            assertThat(names(f.path("properties"))).containsExactly("name", "kind"); // the collection's order
        }
        JsonNode paged = api().json("/collections/third_places/items?properties=name&limit=1");
        assertThat(Api.link(paged, "next", "application/geo+json").path("href").asText()).contains("properties=name");
        assertThat(names(paged.path("features").get(0).path("properties"))).containsExactly("name");
        assertThat(paged.path("features").get(0).path("geometry").path("type").asText()).isEqualTo("Point");

        JsonNode without = api().json("/collections/third_places/items?exclude-properties=details,description&limit=1");
        var expected = new ArrayList<String>();
        api().json("/collections/third_places/schema").path("properties").fieldNames().forEachRemaining(expected::add);
        expected.removeAll(List.of("id", "geometry", "details", "description"));
        assertThat(names(without.path("features").get(0).path("properties"))).containsExactlyElementsOf(expected);

        assertThat(names(api().json("/collections/third_places/items?properties=&limit=1").path("features").get(0)
                .path("properties"))).isEmpty();
        assertBadRequest("/collections/third_places/items?properties=name,colour", "properties");
        assertBadRequest("/collections/third_places/items?exclude-properties=colour", "exclude-properties");
        assertBadRequest("/collections/third_places/items?skipGeometry=yes", "skipGeometry");
    }

    @Test
    void dateRulesAreCql2TemporalFunctions() {
        // last_verified: hall 2024-03-01, library 2023-11-15, SV Harsdorf 2024-05-01 (fixtures), others none
        assertThat(Api.names(api().json("/collections/third_places/items?filter="
                + Api.enc("T_AFTER(last_verified, DATE('2024-01-01'))")))).containsExactly("Dorfgemeinschaftshaus Harsdorf");
        assertThat(Api.names(api().json("/collections/third_places/items?filter="
                + Api.enc("T_DURING(last_verified, INTERVAL('2023-11-01', '2024-04-01'))"))))
                .containsExactlyInAnyOrder("Dorfgemeinschaftshaus Harsdorf", "Gemeindebücherei Neudrossenfeld");
        assertThat(Api.names(api().json("/collections/clubs/items?filter="
                + Api.enc("T_EQUALS(last_verified, DATE('2024-05-01'))")))).containsExactly("SV Harsdorf 1948");
        assertThat(Api.names(api().json("/collections/clubs/items?filter="
                + Api.enc("T_INTERSECTS(last_verified, INTERVAL('2024-05-01T00:00:00+02:00', '..'))"))))
                .containsExactly("SV Harsdorf 1948");
        assertThat(Api.names(api().json("/collections/third_places/items?filter-lang=cql2-json&filter=" + Api.enc("""
                {"op":"t_before","args":[{"property":"last_verified"},{"date":"2024-01-01"}]}"""))))
                .containsExactly("Gemeindebücherei Neudrossenfeld");
        // the validity period as an interval whose missing ends are open: only the summer cinema has one
        assertThat(Api.names(api().json("/collections/third_places/items?datetime=2030-07-15&filter="
                + Api.enc("NOT T_EQUALS(INTERVAL(valid_from, valid_to), INTERVAL('..', '..'))"))))
                .containsExactly("Sommerkino Harsdorf");
        assertBadRequest("/collections/third_places/items?filter=" + Api.enc("T_AFTER(capacity, DATE('2024-01-01'))"),
                "filter");
    }

    @Test
    void withoutALimitAPortalGetsAHundredFeatures() {
        JsonNode mobility = api().json("/collections/mobility/items");
        assertThat(mobility.path("numberMatched").asInt()).isGreaterThan(10); // 25 bus stops, a bench, a zone
        assertThat(mobility.path("numberReturned").asInt()).isEqualTo(mobility.path("numberMatched").asInt());
        assertThat(Api.link(mobility, "next", null)).isNull();
        assertThat(api().get("/api").body()).contains("\"default\":100").contains("\"maximum\":10000");
    }

    /**
     * "Zoom to layer" lands on the data: the advertised box holds every feature and is wider only by what
     * the UTM corners need (a few per cent at most here), checked against the features' own coordinates.
     */
    @Test
    void theExtentIsTightAroundTheData() {
        for (String id : List.of("third_places", "clubs", "villages")) {
            JsonNode bbox = api().json("/collections/" + id).path("extent").path("spatial").path("bbox").get(0);
            double[] data = {180, 90, -180, -90};
            for (JsonNode f : api().json("/collections/" + id + "/items?limit=1000").path("features")) {
                JsonNode c = f.path("geometry").path("coordinates");
                data[0] = Math.min(data[0], c.get(0).asDouble());
                data[1] = Math.min(data[1], c.get(1).asDouble());
                data[2] = Math.max(data[2], c.get(0).asDouble());
                data[3] = Math.max(data[3], c.get(1).asDouble());
            }
            double size = Math.max(Math.max(data[2] - data[0], data[3] - data[1]), 0.001);
            assertThat(bbox.get(0).asDouble()).as(id + " west").isBetween(data[0] - 0.05 * size, data[0]);
            assertThat(bbox.get(1).asDouble()).as(id + " south").isBetween(data[1] - 0.05 * size, data[1]);
            assertThat(bbox.get(2).asDouble()).as(id + " east").isBetween(data[2], data[2] + 0.05 * size);
            assertThat(bbox.get(3).asDouble()).as(id + " north").isBetween(data[3], data[3] + 0.05 * size);
        }
    }

    private void assertBadRequest(String url, String parameter) {
        var r = api().get(url);
        assertThat(r.statusCode()).as(url + ": " + r.body()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(Api.parse(r.body()).path("invalid-params").get(0).path("name").asText()).isEqualTo(parameter);
    }

    private static List<String> names(JsonNode object) {
        var names = new ArrayList<String>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
