package de.ortsanker.places;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** GET /places/search: fuzzy, folded, ranked, combinable with an area and the filters. */
class PlaceSearchTest extends PlacesFixture {

    @ParameterizedTest
    @ValueSource(strings = {"Mühle", "Muhle", "muehle", "MÜHLE", "Alte Muehle", "alte mühle"})
    void spellingsOfMuehleAllFindIt(String q) {
        var a = get("/places/search?q=" + enc(q));
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.names()).contains("Alte Mühle").doesNotContain("Geheimer Jugendtreff", "Alte Bücherei");
    }

    @Test
    void exactNamesRankFirstThenByScore() {
        var a = get("/places/search?q=" + enc("alte mühle"));
        assertThat(a.names()).first().isEqualTo("Alte Mühle");
        assertThat(a.feature("Alte Mühle").path("properties").path("score").asDouble()).isEqualTo(1.0);
        // Words inside longer names are found too, and a typo still finds the pub.
        assertThat(get("/places/search?q=linde").names()).containsExactly("Gasthof Zur Linde");
        assertThat(get("/places/search?q=" + enc("Gasthof zur Lnde")).names()).contains("Gasthof Zur Linde");
    }

    @Test
    void combinesWithAnAreaAndFilters() {
        // Mühle matches in Harsdorf and in Mühlberg; the area decides.
        assertThat(get("/places/search?q=muhl").names())
                .contains("Alte Mühle", "Café Mühlenblick", "Stadtbibliothek Mühlberg");
        assertThat(get("/places/search?q=muhl&municipality=12062316").names())
                .containsExactly("Stadtbibliothek Mühlberg");
        assertThat(get("/places/search?q=muhl&bbox=11.5,50.0,11.6,50.1").names())
                .containsExactlyInAnyOrder("Alte Mühle", "Café Mühlenblick");
        assertThat(get("/places/search?q=muhl&bbox=11.5,50.0,11.6,50.1&kinds=cafe").names())
                .containsExactly("Café Mühlenblick");
        assertThat(get("/places/search?q=muhl&open_at=2026-11-23T10:00").names())
                .containsExactlyInAnyOrder("Alte Mühle", "Stadtbibliothek Mühlberg");
    }

    @Test
    void nothingFoundIsAnEmptyCollection() {
        var a = get("/places/search?q=Zzyzxq");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().path("type").asText()).isEqualTo("FeatureCollection");
        assertThat(a.json().path("features")).isEmpty();
    }

    @Test
    void likeWildcardsAreTakenLiterally() {
        assertThat(get("/places/search?q=" + enc("%%")).names()).isEmpty();
        assertThat(get("/places/search?q=" + enc("__")).names()).isEmpty();
    }
}
