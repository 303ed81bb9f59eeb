package de.ortsanker.features;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code /collections/{id}/items} and {@code /items/{featureId}} as the OGC test suite checks them (A.2.7,
 * A.2.8: response structure, links, limit, bbox, datetime, numberMatched across pages, errors), plus what
 * only public data and provenance require.
 */
@FeaturesTest
class ItemsTest extends FeaturesApiTest {

    @Test
    void aFeatureCollectionWithTypedLinksCountsAndATimeStamp() {
        var response = api().get("/collections/third_places/items", "Accept", "application/geo+json");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/geo+json");
        JsonNode fc = Api.parse(response.body());
        assertThat(fc.path("type").asText()).isEqualTo("FeatureCollection");
        assertThat(fc.path("features").isArray()).isTrue();
        assertThat(fc.path("numberReturned").asInt()).isEqualTo(fc.path("features").size()).isEqualTo(4);
        assertThat(fc.path("numberMatched").asInt()).isEqualTo(4);
        assertThat(ZonedDateTime.parse(fc.path("timeStamp").asText())).isNotNull();
        assertThat(Api.link(fc, "self", "application/geo+json")).isNotNull();
        assertThat(Api.link(fc, "alternate", "text/html")).isNotNull();
        fc.path("links").forEach(l -> assertThat(l.has("rel") && l.has("type")).as(l.toString()).isTrue());
        // /req/core/crs84: without crs everything is in CRS84 (lon/lat within the valid area)
        for (JsonNode f : fc.path("features")) {
            assertThat(f.path("geometry").path("coordinates").get(0).asDouble()).isBetween(11.0, 12.0);
            assertThat(f.path("geometry").path("coordinates").get(1).asDouble()).isBetween(49.5, 50.5);
        }
    }

    @Test
    void numberMatchedIsWhatTheNextLinksDeliverEvenWhenTheSuiteRaisesTheLimit() {
        JsonNode first = api().json("/collections/mobility/items?limit=10");
        assertThat(first.path("numberMatched").asInt()).isEqualTo(27); // 25 stops, a bench, an on-demand zone
        assertThat(first.path("numberReturned").asInt()).isEqualTo(10);
        var ids = new ArrayList<>(Api.ids(first));
        // Like ets-ogcapi-features10 (JsonUtils.collectNumberOfAllReturnedFeatures): follow next, limit = maximum
        JsonNode next = Api.link(first, "next", "application/geo+json");
        while (next != null) {
            URI uri = URI.create(next.path("href").asText());
            String query = uri.getRawQuery().replaceAll("(^|&)limit=\\d+", "") + "&limit=10000";
            JsonNode page = api().json(uri.getRawPath() + "?" + query);
            if (page.path("features").isEmpty()) {
                break;
            }
            ids.addAll(Api.ids(page));
            next = Api.link(page, "next", "application/geo+json");
        }
        assertThat(ids).hasSize(27).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void pagesAreStableAndLinkedBothWays() {
        JsonNode p1 = api().json("/collections/mobility/items?limit=10");
        JsonNode p2 = api().json(Api.link(p1, "next", null).path("href").asText());
        JsonNode p3 = api().json(Api.link(p2, "next", null).path("href").asText());
        assertThat(Api.link(p1, "prev", null)).isNull();
        assertThat(Api.link(p3, "next", null)).as("last page").isNull();
        assertThat(p3.path("numberReturned").asInt()).isEqualTo(7);
        assertThat(Api.ids(api().json(Api.link(p3, "prev", null).path("href").asText()))).isEqualTo(Api.ids(p2));
        var all = new HashSet<Long>();
        List.of(p1, p2, p3).forEach(p -> all.addAll(Api.ids(p)));
        assertThat(all).hasSize(27);
        // next and prev page by id (keyset), so that a deep page costs no more than the first
        long lastOfP2 = Api.ids(p2).get(9);
        assertThat(Api.link(p2, "next", null).path("href").asText()).contains("after=" + lastOfP2).contains("limit=10")
                .doesNotContain("offset");
        assertThat(Api.link(p3, "prev", null).path("href").asText()).contains("before=" + Api.ids(p3).get(0));
        assertThat(Api.link(api().json(Api.link(p2, "prev", null).path("href").asText()), "prev", null))
                .as("the first page, reached backwards, has no prev").isNull();
        // beyond the end: an empty page that still counts everything
        JsonNode beyond = api().json("/collections/mobility/items?offset=100&limit=10");
        assertThat(beyond.path("features")).isEmpty();
        assertThat(beyond.path("numberMatched").asInt()).isEqualTo(27);
        assertThat(Api.link(beyond, "prev", null).path("href").asText()).contains("offset=90");
    }

    @Test
    void offsetAndKeysetPagesAgree() {
        List<Long> all = Api.ids(api().json("/collections/mobility/items?limit=100"));
        assertThat(Api.ids(api().json("/collections/mobility/items?limit=5&offset=12"))).isEqualTo(all.subList(12, 17));
        assertThat(Api.ids(api().json("/collections/mobility/items?limit=5&after=" + all.get(11)))).isEqualTo(all.subList(12, 17));
        assertThat(Api.ids(api().json("/collections/mobility/items?limit=5&before=" + all.get(17)))).isEqualTo(all.subList(12, 17));
        assertThat(Api.ids(api().json("/collections/mobility/items?limit=5&before=" + all.get(2)))).isEqualTo(all.subList(0, 2));
        JsonNode last = api().json("/collections/mobility/items?limit=5&after=" + all.get(24));
        assertThat(Api.ids(last)).isEqualTo(all.subList(25, 27));
        assertThat(Api.link(last, "next", null)).isNull();
        assertThat(last.path("numberMatched").asInt()).isEqualTo(27);
    }

    @ParameterizedTest(name = "limit={0}")
    @CsvSource({"1", "3", "100", "10000"})
    void noMoreFeaturesThanTheLimit(int limit) {
        JsonNode fc = api().json("/collections/mobility/items?limit=" + limit);
        assertThat(fc.path("features").size()).isLessThanOrEqualTo(limit).isEqualTo(Math.min(limit, 27));
    }

    @Test
    void bboxSelectsWhatIntersectsItIncludingAreas() {
        JsonNode harsdorf = api().json("/collections/mobility/items?bbox=11.56,50.02,11.58,50.04");
        assertThat(Api.names(harsdorf)).containsExactly("Mitfahrbank Harsdorf Ortsmitte", "Rufbus Harsdorf");
        // a box inside the on-demand zone, touching none of its corners
        JsonNode inside = api().json("/collections/mobility/items?bbox=11.565,50.035,11.566,50.036");
        assertThat(Api.names(inside)).containsExactly("Rufbus Harsdorf");
        JsonNode villages = api().json("/collections/villages/items?bbox=11.45,49.9,11.6,50.1");
        assertThat(Api.names(villages)).containsExactly("Harsdorf", "Neudrossenfeld");
        JsonNode municipalities = api().json("/collections/municipalities/items?bbox=11.59,50.05,11.7,50.1");
        assertThat(Api.names(municipalities)).containsExactly("Harsdorf");
    }

    @ParameterizedTest(name = "bbox={0}")
    @CsvSource(delimiter = '|', value = {"-1.5,50.0,1.5,53.0", "-80.0,-5.0,-70.0,5.0", "177.0,65.0,-177.0,70.0",
        "-180.0,85.0,180.0,90.0", "-180.0,-90.0,180.0,-85.0"})
    void theTestSuitesBoxesAcrossMeridianEquatorAntimeridianAndPolesAreAnswered(String bbox) {
        JsonNode fc = api().json("/collections/third_places/items?bbox=" + bbox);
        assertThat(fc.path("features")).isEmpty();
        assertThat(fc.path("numberMatched").asInt()).isZero();
    }

    @Test
    void aBoxAcrossTheAntimeridianCoversBothSides() {
        // 11.0 to -179.0 going east is everything east of 11 E, across 180
        assertThat(api().json("/collections/villages/items?bbox=11.45,49.9,-179,50.1").path("numberMatched").asInt())
                .isEqualTo(2);
    }

    @ParameterizedTest(name = "datetime={0}")
    @CsvSource(delimiter = '|', value = {
        "2030-05-31|false|false", "2030-06-01|true|false", "2030-08-31T23:00:00+02:00|true|false", "2030-09-01|false|false",
        "2030-09-01/..|false|false", "../2030-06-01|true|true", "2030-05-01/P1M|true|false", "2030-05-01/P30D|false|false",
        "2030-08-31T21:00:00Z/2031-01-01T00:00:00Z|true|false", "../..|true|true", "/2030-05-31|false|true",
        "2019-12-24|false|true"})
    void datetimeSelectsWhatIsValidThenAndKeepsWhatIsAlwaysValid(String datetime, boolean cinema, boolean market) {
        JsonNode fc = api().json("/collections/third_places/items?datetime=" + Api.enc(datetime));
        var names = Api.names(fc);
        assertThat(names).contains("Dorfgemeinschaftshaus Harsdorf", "Gemeindebücherei Neudrossenfeld"); // no validity: always
        assertThat(names.contains("Sommerkino Harsdorf")).isEqualTo(cinema);     // 2030-06-01 … 2030-08-31
        assertThat(names.contains("Wintermarkt 2019")).isEqualTo(market);        // 2019-12-01 … 2020-01-06
        assertThat(names).doesNotContain("Verstecktes Haus", "Abgerissenes Haus"); // hidden or retired: never
    }

    @Test
    void withoutDatetimeTheCollectionShowsWhatIsValidToday() {
        var names = Api.names(api().json("/collections/third_places/items"));
        assertThat(names).contains("Dorfgemeinschaftshaus Harsdorf").doesNotContain("Sommerkino Harsdorf", "Wintermarkt 2019");
    }

    @Test
    void datetimeOnCollectionsWithoutTimeKeepsEverything() {
        assertThat(api().json("/collections/villages/items?datetime=2024-05-01").path("numberMatched").asInt()).isEqualTo(3);
    }

    @Test
    void propertyFiltersOnQueryables() {
        assertThat(Api.names(api().json("/collections/third_places/items?city=Harsdorf&free_entry=true")))
                .containsExactly("Dorfgemeinschaftshaus Harsdorf");
        assertThat(Api.names(api().json("/collections/third_places/items?equipment=wifi&wheelchair=yes")))
                .containsExactly("Dorfgemeinschaftshaus Harsdorf");
        assertThat(Api.names(api().json("/collections/third_places/items?capacity=80"))).containsExactly("Dorfgemeinschaftshaus Harsdorf");
        assertThat(Api.names(api().json("/collections/villages/items?kind=town"))).containsExactly("Thurnau");
        assertThat(Api.names(api().json("/collections/clubs/items?licence=" + Api.enc("dl-de/by-2-0")))).containsExactly("SV Harsdorf 1948");
    }

    @Test
    void onlyPublicDataWithProvenanceOnEveryFeature() throws Exception {
        JsonNode all = api().json("/collections/third_places/items?limit=100");
        assertThat(Api.names(all)).doesNotContain("Verstecktes Haus", "Abgerissenes Haus", "Wintermarkt 2019");
        for (JsonNode f : all.path("features")) {
            JsonNode p = f.path("properties");
            assertThat(p.path("source").asText()).as(f.toString()).isNotBlank();
            assertThat(p.path("licence").asText()).isNotBlank();
            assertThat(p.path("attribution").asText()).isNotBlank();
        }
        JsonNode library = api().json("/collections/third_places/items?name=" + Api.enc("Gemeindebücherei Neudrossenfeld"));
        assertThat(library.path("features").get(0).path("properties").path("contact_phone").isNull())
                .as("private contact: there, but null").isTrue();
        JsonNode hall = api().json("/collections/third_places/items?name=" + Api.enc("Dorfgemeinschaftshaus Harsdorf"));
        assertThat(hall.path("features").get(0).path("properties").path("contact_phone").asText()).isEqualTo("09203 1234");

        // neither by id nor by filter
        for (String sourceId : List.of("hidden", "retired", "expired")) {
            long id = id(sourceId);
            assertThat(api().get("/collections/third_places/items/" + id).statusCode()).as(sourceId).isEqualTo(404);
            assertThat(api().json("/collections/third_places/items?filter=" + Api.enc("source_id = '" + sourceId + "'"))
                    .path("numberMatched").asInt()).isZero();
        }
        assertThat(api().get("/collections/third_places/items?filter=" + Api.enc("contact_phone = '09203 9999'"))
                .statusCode()).as("private fields are not queryable").isEqualTo(400);
    }

    private long id(String sourceId) throws Exception {
        try (var c = db.connect(); var st = c.prepareStatement("select id from places where source_id = ?")) {
            st.setString(1, sourceId);
            var rs = st.executeQuery();
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aSingleFeatureLinksItselfItsAlternateAndItsCollection() throws Exception {
        long id = id("n1");
        var response = api().get("/collections/third_places/items/" + id, "Accept", "application/geo+json");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/geo+json");
        JsonNode f = Api.parse(response.body());
        assertThat(f.path("type").asText()).isEqualTo("Feature");
        assertThat(f.path("id").asLong()).isEqualTo(id);
        assertThat(f.path("properties").path("name").asText()).isEqualTo("Dorfgemeinschaftshaus Harsdorf");
        assertThat(Api.link(f, "self", "application/geo+json")).isNotNull();
        assertThat(Api.link(f, "alternate", "text/html")).isNotNull();
        assertThat(Api.link(f, "collection", "application/json")).isNotNull();
        // the way the test suite builds the feature URL (items link without query + "/" + id), and GDAL's (the
        // items link + "/" + id): the GeoJSON items link has no query
        String items = Api.link(api().json("/collections/third_places"), "items", "application/geo+json").path("href").asText();
        assertThat(items).doesNotContain("?");
        assertThat(api().get(items + "/" + id).statusCode()).isEqualTo(200);

        assertThat(api().get("/collections/third_places/items/" + id("stop1")).statusCode())
                .as("a bus stop is not a place to meet").isEqualTo(404);
        assertThat(api().get("/collections/third_places/items/abc").statusCode()).isEqualTo(404);
        assertThat(api().get("/collections/third_places/items/" + id + "?limit=3").statusCode()).isEqualTo(400);
    }

    @Test
    void htmlForPeopleWithEverythingEscaped() {
        db.execute("insert into places (kind, name, geom, source, source_id, licence, attribution) values ('library',"
                + " '<script>alert(1)</script> & Co', ST_Point(11.6, 50.0, 4326), 'ogc-html', 'x', 'ODbL-1.0', 'OSM <b>')");
        try {
            var page = api().get("/collections/third_places/items?limit=100", "Accept", "text/html");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
            assertThat(page.body()).contains("Dorfgemeinschaftshaus Harsdorf")
                    .contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co").doesNotContain("<script>")
                    .doesNotContain("OSM <b>");
            var withFilter = api().get("/collections/third_places/items?f=html&filter=" + Api.enc("name LIKE '<%'"));
            assertThat(withFilter.body()).contains("&lt;script&gt;").contains("filter=name%20LIKE%20&#39;%3C%25&#39;");
        } finally {
            db.execute("delete from places where source = 'ogc-html'");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "limit=unlimited|limit", "limit=0|limit", "limit=10001|limit", "limit=2.5|limit", "offset=-1|offset",
        "after=-1|after", "after=x|after", "after=1&before=9|before", "offset=5&after=1|offset",
        "bbox=1,2,3|bbox", "bbox=a,b,c,d|bbox", "bbox=11,51,12,50|bbox", "bbox=0,0,1,91|bbox", "bbox=11,50,190,51|bbox",
        "bbox=91,11,92,12&bbox-crs=http://www.opengis.net/def/crs/EPSG/0/4326|bbox",
        "bbox-crs=http://www.opengis.net/def/crs/EPSG/0/25832|bbox-crs",
        "bbox=11,50,12,51&bbox-crs=http://www.opengis.net/def/crs/EPSG/0/9999|bbox-crs",
        "crs=http://www.opengis.net/def/crs/EPSG/0/31467|crs", "crs=EPSG:25832|crs",
        "datetime=yesterday|datetime", "datetime=2024-02-30|datetime", "datetime=2024-05-02/2024-05-01|datetime",
        "datetime=..|datetime", "datetime=2024-01-01/P1X|datetime",
        "filter=name = |filter", "filter=colour = 'red'|filter", "filter-lang=sql&filter=1=1|filter-lang",
        "filter-crs=http://www.opengis.net/def/crs/EPSG/0/25832|filter-crs",
        "capacity=many|capacity", "free_entry=yes|free_entry", "last_verified=today|last_verified",
        "unknownQueryParameter12345=1|unknownQueryParameter12345", "limit=1&limit=2|limit", "f=xml|f"})
    void everyBadParameterIsA400ProblemThatNamesIt(String query, String parameter) {
        var r = api().get("/collections/third_places/items?" + query.replace(" ", "%20").replace("'", "%27"));
        assertThat(r.statusCode()).as(query + ": " + r.body()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = Api.parse(r.body());
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("invalid-params").get(0).path("name").asText()).isEqualTo(parameter);
        assertThat(problem.path("detail").asText()).startsWith("parameter '" + parameter + "'");
    }
}
