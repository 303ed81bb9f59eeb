package de.ortsanker.places;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** GET /places/nearby on the known-answer fixture around Harsdorf. */
class NearbyPlacesTest extends PlacesFixture {

    static final String HARSDORF = "lon=11.5708&lat=50.0333";

    @Test
    void nearestFirstWithExactDistances() throws Exception {
        var a = get("/places/nearby?" + HARSDORF + "&radius=5000");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.header("Content-Type")).startsWith("application/geo+json");
        // Private, retired and expired records never appear; the far library is outside the radius.
        assertThat(a.names()).containsExactly("Alte Mühle", "Harsdorf Ort", null, "Gasthof Zur Linde",
                "Dorfgemeinschaftshaus Harsdorf", "Café Mühlenblick");
        double previous = 0;
        for (JsonNode f : a.json().path("features")) {
            double d = f.path("properties").path("distance_m").asDouble();
            double direct = sqlNumber("select ST_Distance(geog, ST_Point(11.5708, 50.0333, 4326)::geography)"
                    + " from places where id = " + f.path("id").asLong());
            assertThat(d).isCloseTo(direct, within(0.01)).isGreaterThanOrEqualTo(previous);
            previous = d;
        }
        assertThat(a.json().path("numberReturned").asInt()).isEqualTo(6);
    }

    @Test
    void everyFeatureCarriesItsProvenanceAndTheAnswerListsAttributions() {
        var a = get("/places/nearby?" + HARSDORF + "&radius=5000");
        var muehle = a.feature("Alte Mühle");
        assertThat(muehle.path("type").asText()).isEqualTo("Feature");
        assertThat(muehle.path("geometry").path("type").asText()).isEqualTo("Point");
        assertThat(muehle.path("geometry").path("coordinates").get(0).asDouble()).isEqualTo(11.571);  // lon first
        assertThat(muehle.path("geometry").path("coordinates").get(1).asDouble()).isEqualTo(50.0335);
        var p = muehle.path("properties");
        assertThat(p.path("source").asText()).isEqualTo("places-test");
        assertThat(p.path("licence").asText()).isEqualTo("ODbL-1.0");
        assertThat(p.path("attribution").asText()).isEqualTo("© OpenStreetMap contributors");
        assertThat(p.path("last_verified").asText()).isEqualTo("2026-10-01");
        assertThat(p.path("kind_label_de").asText()).isEqualTo("Bürgerhaus / Gemeindezentrum");
        assertThat(p.path("group").asText()).isEqualTo("third_places");
        assertThat(a.json().path("attributions").findValuesAsText("attribution"))
                .containsExactlyInAnyOrder("© OpenStreetMap contributors", "Landkreis Kulmbach", "Gemeinde Harsdorf");
    }

    @Test
    void kNearestStayWithinTheDefaultDistanceAndLimitCuts() {
        // Without radius: the service's default of 25 km, said in the answer; Mühlberg (230 km away) is not "near".
        var all = get("/places/nearby?" + HARSDORF);
        assertThat(all.names()).hasSize(6).doesNotContain("Stadtbibliothek Mühlberg");
        assertThat(all.json().path("radius_m").asInt()).isEqualTo(25_000);
        assertThat(all.json().path("features").findValues("distance_m")).allSatisfy(d -> assertThat(d.asDouble()).isLessThan(25_000));
        assertThat(get("/places/nearby?" + HARSDORF + "&limit=2").names()).containsExactly("Alte Mühle", "Harsdorf Ort");
        assertThat(get("/places/nearby?" + HARSDORF + "&radius=120").names()).containsExactly("Alte Mühle", "Harsdorf Ort", null);
    }

    @Test
    void nothingThatNearIsSaidWithAWiderSearch() {
        // In the Fichtelgebirge, 60 km from every place of the fixture: nothing within 25 km, and a way to look farther.
        var none = get("/places/nearby?lon=12.0000&lat=50.5000");
        assertThat(none.names()).isEmpty();
        assertThat(none.json().path("radius_m").asInt()).isEqualTo(25_000);
        var wider = none.json().path("links").get(0);
        assertThat(wider.path("rel").asText()).isEqualTo("wider");
        assertThat(wider.path("href").asText()).contains("radius=100000").contains("lon=12.0000");
        var farther = get(wider.path("href").asText().replaceFirst("^https?://[^/]+", ""));
        assertThat(farther.names()).isNotEmpty();
        assertThat(farther.json().path("radius_m").asInt()).isEqualTo(100_000);
        assertThat(farther.json().path("links").isEmpty()).isTrue();
    }

    @Test
    void filtersByKindGroupWheelchairAndFreeEntry() {
        assertThat(get("/places/nearby?" + HARSDORF + "&radius=5000&kinds=mobility").names())
                .containsExactly("Harsdorf Ort", null);
        assertThat(get("/places/nearby?" + HARSDORF + "&radius=5000&kinds=pub,village_hall").names())
                .containsExactly("Gasthof Zur Linde", "Dorfgemeinschaftshaus Harsdorf");
        assertThat(get("/places/nearby?" + HARSDORF + "&radius=5000&wheelchair=yes").names())
                .containsExactly("Alte Mühle", "Café Mühlenblick");
        assertThat(get("/places/nearby?" + HARSDORF + "&radius=5000&wheelchair=limited").names())
                .containsExactly("Alte Mühle", "Gasthof Zur Linde", "Café Mühlenblick");
        assertThat(get("/places/nearby?" + HARSDORF + "&radius=5000&free=true").names())
                .containsExactly("Alte Mühle", "Dorfgemeinschaftshaus Harsdorf");
    }

    @Test
    void openAtAGivenTimeWithNextChange() {
        // Monday 23 November 2026, 10:00 in Berlin: the Mühle (Mo-Fr 09-18) is open, the pub (11-23) not yet.
        var monday10 = get("/places/nearby?" + HARSDORF + "&radius=5000&open_at=2026-11-23T10:00");
        assertThat(monday10.names()).containsExactly("Alte Mühle");
        var p = monday10.feature("Alte Mühle").path("properties");
        assertThat(p.path("open_now").asBoolean()).isTrue();
        assertThat(p.path("next_change").asText()).isEqualTo("2026-11-23T18:00+01:00");

        assertThat(get("/places/nearby?" + HARSDORF + "&radius=5000&open_at=2026-11-23T12:00").names())
                .containsExactly("Alte Mühle", "Gasthof Zur Linde");
        // The same instant given in UTC.
        assertThat(get("/places/nearby?" + HARSDORF + "&radius=5000&open_at=" + enc("2026-11-23T09:00Z")).names())
                .containsExactly("Alte Mühle");
        // Sunday: the Mühle is closed, the pub opens at 11.
        assertThat(get("/places/nearby?" + HARSDORF + "&radius=5000&open_at=2026-11-22T19:00").names())
                .containsExactly("Gasthof Zur Linde");
    }

    @Test
    void openNowIsUnknownForUnparseableHoursAndAbsentWithout() {
        var a = get("/places/nearby?" + HARSDORF + "&radius=5000");
        assertThat(a.feature("Café Mühlenblick").path("properties").has("open_now")).isTrue();
        assertThat(a.feature("Café Mühlenblick").path("properties").path("open_now").isNull()).isTrue();
        assertThat(a.feature("Dorfgemeinschaftshaus Harsdorf").path("properties").path("open_now").isNull()).isTrue();
        // 24/7 would be open at any time — but the 24/7 places of the fixture are private or retired.
        assertThat(a.names()).doesNotContain("Geheimer Jugendtreff", "Alte Bücherei");
    }

    @Test
    void publicHolidaysFollowTheLand() {
        // Christmas Day 2026 is a Friday: "PH off" closes the Mühle; the pub has no PH rule and opens.
        assertThat(get("/places/nearby?" + HARSDORF + "&radius=5000&open_at=2026-12-25T12:00").names())
                .containsExactly("Gasthof Zur Linde");
        // Reformation Day (Fri 31 Oct 2025) is a holiday in Brandenburg, not in Bavaria …
        String harsdorf = "/places/nearby?" + HARSDORF + "&kinds=community_centre,library";
        String muehlberg = "/places/nearby?lon=13.2200&lat=51.4350&kinds=community_centre,library";
        assertThat(get(harsdorf + "&open_at=2025-10-31T10:00").names()).containsExactly("Alte Mühle");
        assertThat(get(muehlberg + "&open_at=2025-10-31T10:00").names()).isEmpty();
        // … All Saints' Day (Fri 1 Nov 2024) in Bavaria, not in Brandenburg.
        assertThat(get(harsdorf + "&open_at=2024-11-01T10:00").names()).isEmpty();
        assertThat(get(muehlberg + "&open_at=2024-11-01T10:00").names()).containsExactly("Stadtbibliothek Mühlberg");
    }

    @Test
    void fromAVillageByName() {
        var a = get("/places/nearby?near=Harsdorf&radius=5000");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().path("origin").path("lon").asDouble()).isEqualTo(11.5708);
        assertThat(a.json().path("origin").path("lat").asDouble()).isEqualTo(50.0333);
        assertThat(a.json().path("origin").path("label").asText()).contains("Harsdorf");
        assertThat(a.names()).first().isEqualTo("Alte Mühle");
        // Spelling and case do not matter much.
        assertThat(get("/places/nearby?near=harsdorff&radius=5000").json().path("origin").path("lon").asDouble())
                .isEqualTo(11.5708);
    }

    @Test
    void fromAnAddressOrAPlaceName() {
        var address = get("/places/nearby?near=" + enc("Hauptstr. 3, Harsdorf") + "&radius=5000");
        assertThat(address.status()).as(address.raw().body()).isEqualTo(200);
        assertThat(address.json().path("origin").path("lon").asDouble()).isEqualTo(11.571);
        assertThat(address.names()).first().isEqualTo("Alte Mühle");
        assertThat(address.feature("Alte Mühle").path("properties").path("distance_m").asDouble()).isEqualTo(0.0);

        // From the address gazetteer (OSM addr:*), however the street and number are written.
        var gazetteer = get("/places/nearby?near=" + enc("kirchplatz 2A, Harsdorf") + "&radius=5000");
        assertThat(gazetteer.status()).as(gazetteer.raw().body()).isEqualTo(200);
        assertThat(gazetteer.json().path("origin").path("lon").asDouble()).isEqualTo(11.574);
        assertThat(gazetteer.json().path("origin").path("label").asText()).isEqualTo("Kirchplatz 2 a, 95499 Harsdorf");

        var place = get("/places/nearby?near=" + enc("Gasthof Zur Linde") + "&radius=5000");
        assertThat(place.names()).first().isEqualTo("Gasthof Zur Linde");
    }

    @Test
    void anAmbiguousOrUnknownNameAnswersWithSuggestions() {
        var ambiguous = get("/places/nearby?near=Neudorf");
        ambiguous.isBadParameter("near");
        assertThat(ambiguous.json().path("suggestions")).hasSize(2);
        assertThat(ambiguous.json().path("suggestions").findValuesAsText("near"))
                .containsExactlyInAnyOrder("Neudorf, Harsdorf", "Neudorf, Mühlberg/Elbe");

        var narrowed = get("/places/nearby?near=" + enc("Neudorf, Harsdorf"));
        assertThat(narrowed.status()).isEqualTo(200);
        assertThat(narrowed.json().path("origin").path("lon").asDouble()).isEqualTo(11.59);

        var unknown = get("/places/nearby?near=Xyzzyqwv");
        unknown.isBadParameter("near");
        assertThat(unknown.json().path("detail").asText()).contains("Xyzzyqwv");
    }
}
