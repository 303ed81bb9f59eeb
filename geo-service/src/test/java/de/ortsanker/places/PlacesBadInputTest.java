package de.ortsanker.places;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every unusable parameter answers 400 as a problem document naming it; nothing reaches SQL as text. */
class PlacesBadInputTest extends PlacesFixture {

    @ParameterizedTest(name = "{0} → 400 naming {1}")
    @CsvSource(delimiter = '|', value = {
            "/places/nearby?lon=11.57&lat=91                         | lat",
            "/places/nearby?lon=181&lat=50                           | lon",
            "/places/nearby?lon=abc&lat=50                           | lon",
            "/places/nearby?lat=50                                   | lon",
            "/places/nearby?lon=11.57&lat=50&radius=-5               | radius",
            "/places/nearby?lon=11.57&lat=50&radius=0                | radius",
            "/places/nearby?lon=11.57&lat=50&radius=200000           | radius",
            "/places/nearby?lon=11.57&lat=50&limit=101               | limit",
            "/places/nearby?lon=11.57&lat=50&limit=0                 | limit",
            "/places/nearby?lon=11.57&lat=50&kinds=castle            | kinds",
            "/places/nearby?lon=11.57&lat=50&wheelchair=maybe        | wheelchair",
            "/places/nearby?lon=11.57&lat=50&free=perhaps            | free",
            "/places/nearby?lon=11.57&lat=50&open_at=tomorrow        | open_at",
            "/places/nearby?lon=11.57&lat=50&open_now=true&open_at=2026-11-23T10:00 | open_at",
            "/places/nearby?lon=11.57&lat=50&radious=500             | radious",
            "/places/nearby?near=Harsdorf&lon=11.57&lat=50           | near",
            "/places/nearby?near=x                                   | near",
            "/places/search                                          | q",
            "/places/search?q=a                                      | q",
            "/places/search?q=muhle&limit=1000                       | limit",
            "/places/search?q=muhle&lon=11.5                         | lat",
            "/places/search?q=muhle&bbox=1,2,3                       | bbox",
            "/places/search?q=muhle&municipality=0947                | municipality",
            "/places/within                                          | bbox",
            "/places/within?bbox=11.6,50.0,11.5,50.1                 | bbox",
            "/places/within?bbox=11.5,50.0,11.6,95                   | bbox",
            "/places/within?bbox=a,b,c,d                             | bbox",
            "/places/within?bbox=11.5,50.0,11.6,50.1&limit=5000      | limit",
            "/places/within?bbox=11.5,50.0,11.6,50.1&after=-1        | after",
            "/places/within?bbox=11.5,50.0,11.6,50.1&municipality=09477131 | bbox",
            "/places/within?municipality=09999999                    | municipality",
            "/places/within?polygon=%7B%22type%22%3A%22Point%22%2C%22coordinates%22%3A%5B11%2C50%5D%7D | polygon",
            "/places/within?polygon=not-json                         | polygon",
            "/places/1?lon=11.57                                     | lat",
    })
    void answers400NamingTheParameter(String url, String parameter) {
        get(url.strip()).isBadParameter(parameter.strip());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,1],[1,0],[0,1],[0,0]]]}  | crosses itself",
            "{\"type\":\"Polygon\",\"coordinates\":[[[500,0],[501,1],[501,0],[500,0]]]} | WGS 84",
            "huge | larger than 2 MB",
            "'' | send the area",
    })
    void aBadPolygonBodyIsNamed(String body, String reason) {
        if (body.equals("huge")) {
            body = "{\"type\":\"Polygon\",\"coordinates\":[[" + "[11.5,50.0],".repeat(200_000) + "[11.5,50.0]]]}";
        }
        var a = post("/places/within", body);
        a.isBadParameter("body");
        assertThat(a.json().path("detail").asText()).contains(reason.strip());
    }
}
