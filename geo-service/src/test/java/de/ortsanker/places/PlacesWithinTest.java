package de.ortsanker.places;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** GET and POST /places/within: bbox, municipality (AGS), GeoJSON polygon; paging by id. */
class PlacesWithinTest extends PlacesFixture {

    static final String HARSDORF_PUBLIC = "Alte Mühle, Gasthof Zur Linde, Dorfgemeinschaftshaus Harsdorf, null, Harsdorf Ort, Café Mühlenblick";

    @Test
    void aBboxGivesThePublicPlacesInIt() throws Exception {
        var a = get("/places/within?bbox=11.5,50.0,11.6,50.1");
        assertThat(a.status()).isEqualTo(200);
        assertThat(String.join(", ", a.names().stream().map(String::valueOf).toList())).isEqualTo(HARSDORF_PUBLIC);
        long direct = (long) sqlNumber("select count(*) from places where source = 'places-test' and is_public"
                + " and retired_at is null and (valid_to is null or valid_to >= current_date)"
                + " and ST_Intersects(geom, ST_MakeEnvelope(11.5, 50.0, 11.6, 50.1, 4326))");
        assertThat(a.json().path("numberReturned").asLong()).isEqualTo(direct);
    }

    @Test
    void aMunicipalityByItsAgs() {
        assertThat(get("/places/within?municipality=12062316").names()).containsExactly("Stadtbibliothek Mühlberg");
        assertThat(get("/places/within?municipality=09477131&kinds=mobility").names()).containsExactly(null, "Harsdorf Ort");
    }

    @Test
    void aPolygonInTheUrlOrAsBody() {
        // A triangle around the Mühle and the bus stop, not the pub.
        String triangle = "{\"type\":\"Polygon\",\"coordinates\":[[[11.5705,50.0330],[11.5730,50.0330],"
                + "[11.5705,50.0345],[11.5705,50.0330]]]}";
        assertThat(get("/places/within?polygon=" + enc(triangle)).names()).containsExactly("Alte Mühle", "Harsdorf Ort");
        var posted = post("/places/within?kinds=bus_stop", triangle);
        assertThat(posted.status()).isEqualTo(200);
        assertThat(posted.names()).containsExactly("Harsdorf Ort");
    }

    @Test
    void pagesFollowTheNextLink() {
        var first = get("/places/within?bbox=11.5,50.0,11.6,50.1&limit=4");
        assertThat(first.names()).hasSize(4);
        String next = first.json().path("links").get(0).path("href").asText();
        assertThat(first.json().path("links").get(0).path("rel").asText()).isEqualTo("next");
        var uri = URI.create(next);
        var second = get(uri.getRawPath() + "?" + uri.getRawQuery());
        assertThat(second.names()).containsExactly("Harsdorf Ort", "Café Mühlenblick");
        assertThat(second.json().path("links")).isEmpty();
    }

    @Test
    void pagesOfOpenPlacesContinueAfterTheLastOne() {
        var first = get("/places/within?bbox=11.5,50.0,11.6,50.1&limit=1&open_at=2026-11-23T12:00");
        assertThat(first.names()).containsExactly("Alte Mühle");
        var uri = URI.create(first.json().path("links").get(0).path("href").asText());
        var second = get(uri.getRawPath() + "?" + uri.getRawQuery());
        assertThat(second.names()).containsExactly("Gasthof Zur Linde");
        uri = URI.create(second.json().path("links").get(0).path("href").asText());
        var third = get(uri.getRawPath() + "?" + uri.getRawQuery());
        assertThat(third.names()).isEmpty();
        assertThat(third.json().path("links")).isEmpty();
    }

    @Test
    void openAndFreeFiltersApplyInAreasToo() {
        assertThat(get("/places/within?bbox=11.5,50.0,11.6,50.1&open_at=2026-11-23T20:00").names())
                .containsExactly("Gasthof Zur Linde");
        assertThat(get("/places/within?bbox=11.5,50.0,11.6,50.1&free=true&wheelchair=yes").names())
                .containsExactly("Alte Mühle");
    }
}
