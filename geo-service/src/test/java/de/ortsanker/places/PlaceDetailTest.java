package de.ortsanker.places;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GET /places/{id} and GET /kinds. */
class PlaceDetailTest extends PlacesFixture {

    @Test
    void everythingPublicWithProvenance() throws Exception {
        long id = idOf("muehle");
        var a = get("/places/" + id);
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().path("type").asText()).isEqualTo("Feature");
        assertThat(a.json().path("id").asLong()).isEqualTo(id);
        var p = a.json().path("properties");
        assertThat(p.path("name").asText()).isEqualTo("Alte Mühle");
        assertThat(p.path("kind_label_en").asText()).isEqualTo("Community centre");
        assertThat(p.path("group_label_de").asText()).isEqualTo("Treffpunkte");
        assertThat(p.path("wheelchair").asText()).isEqualTo("yes");
        assertThat(p.path("free_entry").asBoolean()).isTrue();
        assertThat(p.path("operator_type").asText()).isEqualTo("municipality");
        assertThat(p.path("contact_phone").asText()).isEqualTo("09203 1234");  // marked public
        assertThat(p.path("source").asText()).isEqualTo("places-test");
        assertThat(p.path("source_id").asText()).isEqualTo("muehle");
        assertThat(p.path("licence").asText()).isEqualTo("ODbL-1.0");
        assertThat(p.path("last_verified").asText()).isEqualTo("2026-10-01");
        assertThat(a.json().path("attributions").findValuesAsText("attribution")).contains("© OpenStreetMap contributors");
    }

    @Test
    void privateContactsStayHidden() throws Exception {
        var p = get("/places/" + idOf("linde")).json().path("properties");
        assertThat(p.has("contact_phone")).isFalse();
        assertThat(p.has("contact_role")).isFalse();
    }

    @Test
    void howToGetThereWithoutACar() throws Exception {
        long id = idOf("muehle");
        var there = get("/places/" + id).json().path("properties").path("getting_there");
        List<String> kinds = new ArrayList<>();
        there.forEach(n -> kinds.add(n.path("kind").asText()));
        assertThat(kinds).containsExactly("bus_stop", "mitfahrbank");
        for (JsonNode n : there) {
            double direct = sqlNumber("select ST_Distance(a.geog, b.geog) from places a, places b where a.id = " + id
                    + " and b.id = " + n.path("id").asLong());
            assertThat(n.path("distance_m").asDouble()).isCloseTo(direct, within(0.01));
            assertThat(n.path("kind_label_de").asText()).isNotBlank();
        }
        assertThat(get("/places/" + id).json().path("attributions").findValuesAsText("attribution"))
                .contains("Landkreis Kulmbach");
    }

    @Test
    void theWeeksHoursForTheMapWithHolidayNames() throws Exception {
        var p = get("/places/" + idOf("muehle")).json().path("properties");
        assertThat(p.path("opening_hours").asText()).isEqualTo("Mo-Fr 09:00-18:00; PH off");
        var hours = p.path("hours");
        assertThat(hours).hasSize(7);
        for (JsonNode day : hours) {
            String weekday = day.path("weekday").asText();
            boolean workday = !weekday.equals("Sa") && !weekday.equals("Su") && day.path("holiday").isMissingNode();
            if (workday) {
                assertThat(day.path("spans").get(0).path("from").asText()).isEqualTo("09:00");
                assertThat(day.path("spans").get(0).path("to").asText()).isEqualTo("18:00");
            } else {
                assertThat(day.path("spans")).isEmpty();
            }
        }
        assertThat(p.has("open_now")).isTrue();
    }

    @Test
    void distanceFromTheCallerWhenGiven() throws Exception {
        var p = get("/places/" + idOf("muehle") + "?lon=11.5708&lat=50.0333").json().path("properties");
        double direct = sqlNumber("select ST_Distance(geog, ST_Point(11.5708, 50.0333, 4326)::geography) from places"
                + " where source_id = 'muehle' and source = 'places-test'");
        assertThat(p.path("distance_m").asDouble()).isCloseTo(direct, within(0.01));
    }

    @Test
    void unparseableHoursSayWhy() throws Exception {
        var p = get("/places/" + idOf("cafe")).json().path("properties");
        assertThat(p.path("open_now").isNull()).isTrue();
        assertThat(p.path("opening_hours_problem").asText()).contains("opening_hours");
    }

    @Test
    void privateRetiredExpiredAndUnknownAre404() throws Exception {
        for (String sourceId : List.of("private", "retired", "expired")) {
            var a = get("/places/" + idOf(sourceId));
            assertThat(a.status()).as(sourceId).isEqualTo(404);
            assertThat(a.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(get("/places/999999999").status()).isEqualTo(404);
        assertThat(get("/places/abc").status()).isEqualTo(404);
    }

    @Test
    void theVocabularyWithGroupsAndLabels() {
        var a = get("/kinds");
        assertThat(a.status()).isEqualTo(200);
        var groups = a.json().path("groups");
        assertThat(groups.get(0).path("code").asText()).isEqualTo("third_places");
        assertThat(groups.get(0).path("label_en").asText()).isEqualTo("Places to meet");
        assertThat(groups.get(0).path("kinds").get(0).path("code").asText()).isEqualTo("village_hall");
        assertThat(groups.findValuesAsText("code")).contains("mitfahrbank", "mobility", "vacant_building");
        assertThat(get("/kinds", "If-None-Match", a.header("ETag")).status()).isEqualTo(304);
    }
}
