package de.ortsanker.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * OGC API Features Part 2 (CRS by reference): output in each offered CRS in its axis order, checked against
 * reference coordinates computed independently with GDAL 3.6.2 / PROJ (Debian bookworm):
 *
 * <pre>
 * printf "11.5703 50.0306\n11.3924 50.0253\n11.55 50.02\n" | gdaltransform -s_srs OGC:CRS84 -t_srs EPSG:25832
 * (likewise -t_srs EPSG:25833 and -t_srs EPSG:3857)
 * </pre>
 *
 * Dorfgemeinschaftshaus Harsdorf 11.5703 E 50.0306 N, Jugendtreff Thurnau 11.3924 E 50.0253 N, and the
 * south-west corner 11.55 E 50.02 N of the on-demand zone. Tolerance: 1 cm (the output has millimetres).
 */
@FeaturesTest
class CrsTest extends FeaturesApiTest {

    private static final String EPSG = "http://www.opengis.net/def/crs/EPSG/0/";
    private static final double CM = 0.01;
    /** 1e-7 degrees of latitude are 1.1 cm; of longitude at 50° N 0.7 cm. */
    private static final double CM_IN_DEGREES = 1e-7;

    private JsonNode feature(String name, String crs) {
        String query = "/collections/third_places/items?name=" + Api.enc(name) + (crs == null ? "" : "&crs=" + Api.enc(crs));
        var r = api().get(query);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Crs"))
                .hasValue("<" + (crs == null ? CollectionsTest.CRS84 : crs) + ">");
        return Api.parse(r.body()).path("features").get(0).path("geometry").path("coordinates");
    }

    @ParameterizedTest(name = "{0} in EPSG:{1}")
    @CsvSource({
        "Dorfgemeinschaftshaus Harsdorf, 25832, 684078.203455243, 5545198.264833",
        "Dorfgemeinschaftshaus Harsdorf, 25833, 254385.020916303, 5547669.91563519",
        "Dorfgemeinschaftshaus Harsdorf, 3857, 1287999.90432541, 6451576.90941934",
        "Jugendtreff Thurnau, 25832, 671357.670346736, 5544185.98028407",
        "Jugendtreff Thurnau, 25833, 241619.274685747, 5547681.08176568",
        "Jugendtreff Thurnau, 3857, 1268196.16691329, 6450658.50875043"})
    void projectedCoordinatesAreEastingNorthingWithinOneCentimetre(String name, int epsg, double x, double y) {
        JsonNode xy = feature(name, EPSG + epsg);
        assertThat(xy.get(0).asDouble()).isCloseTo(x, within(CM));
        assertThat(xy.get(1).asDouble()).isCloseTo(y, within(CM));
    }

    @Test
    void epsg4326IsLatitudeFirstAndCrs84LongitudeFirst() {
        JsonNode latLon = feature("Dorfgemeinschaftshaus Harsdorf", EPSG + "4326");
        assertThat(latLon.get(0).asDouble()).isCloseTo(50.0306, within(CM_IN_DEGREES));
        assertThat(latLon.get(1).asDouble()).isCloseTo(11.5703, within(CM_IN_DEGREES));
        JsonNode lonLat = feature("Dorfgemeinschaftshaus Harsdorf", CollectionsTest.CRS84);
        assertThat(lonLat.get(0).asDouble()).isCloseTo(11.5703, within(CM_IN_DEGREES));
        JsonNode byDefault = feature("Dorfgemeinschaftshaus Harsdorf", null);
        assertThat(byDefault.get(0).asDouble()).isCloseTo(11.5703, within(CM_IN_DEGREES));
    }

    @Test
    void polygonsAreTransformedVertexByVertex() {
        var r = api().json("/collections/mobility/items?name=" + Api.enc("Rufbus Harsdorf") + "&crs=" + Api.enc(EPSG + "25832"));
        JsonNode ring = r.path("features").get(0).path("geometry").path("coordinates").get(0);
        assertThat(ring.get(0).get(0).asDouble()).isCloseTo(682664.754009322, within(CM));
        assertThat(ring.get(0).get(1).asDouble()).isCloseTo(5543970.09281531, within(CM));
        JsonNode latLon = api().json("/collections/mobility/items?name=" + Api.enc("Rufbus Harsdorf") + "&crs="
                + Api.enc(EPSG + "4326")).path("features").get(0).path("geometry").path("coordinates").get(0).get(0);
        assertThat(latLon.get(0).asDouble()).isEqualTo(50.02);
        assertThat(latLon.get(1).asDouble()).isEqualTo(11.55);
    }

    @Test
    void aSingleFeatureInAnotherCrsSaysSoInContentCrs() throws Exception {
        long id;
        try (var c = db.connect(); var rs = c.createStatement().executeQuery("select id from places where source_id = 'n1'")) {
            rs.next();
            id = rs.getLong(1);
        }
        var r = api().get("/collections/third_places/items/" + id + "?crs=" + Api.enc(EPSG + "25833"));
        assertThat(r.headers().firstValue("Content-Crs")).hasValue("<" + EPSG + "25833>");
        JsonNode xy = Api.parse(r.body()).path("geometry").path("coordinates");
        assertThat(xy.get(0).asDouble()).isCloseTo(254385.020916303, within(CM));
        assertThat(Api.link(Api.parse(r.body()), "self", null).path("href").asText()).contains("crs=" + EPSG + "25833");
        assertThat(api().get("/collections/third_places/items/" + id).headers().firstValue("Content-Crs"))
                .hasValue("<" + CollectionsTest.CRS84 + ">");
        // /conf/crs/crs-parameter-invalid on both paths
        assertThat(api().get("/collections/third_places/items/" + id + "?crs=" + Api.enc(EPSG + "5555")).statusCode()).isEqualTo(400);
        assertThat(api().get("/collections/third_places/items?crs=" + Api.enc(EPSG + "5555")).statusCode()).isEqualTo(400);
    }

    @Test
    void otherSpellingsOfTheSameCrsAreUnderstood() {
        for (String spelling : new String[] {"urn:ogc:def:crs:EPSG::25832", "[EPSG:25832]", "https://www.opengis.net/def/crs/EPSG/0/25832"}) {
            var r = api().get("/collections/third_places/items?limit=1&crs=" + Api.enc(spelling));
            assertThat(r.statusCode()).as(spelling).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Crs")).hasValue("<" + EPSG + "25832>");
        }
    }

    /** bbox-crs (Abstract Test 8): the same box in another CRS finds the same features. */
    @ParameterizedTest(name = "bbox-crs {0}")
    @CsvSource(delimiter = '|', value = {
        // around Harsdorf: 11.56–11.58 E, 50.02–50.04 N, its four corners transformed with gdaltransform
        // and rounded outwards to whole metres
        "25832|683304,5543994,684814,5546268",
        "25833|253593,5546459,255128,5548749",
        "3857|1286853,6449740,1289080,6453207",
        "4326|50.02,11.56,50.04,11.58",
        "OGC|11.56,50.02,11.58,50.04"})
    void bboxInAnotherCrsFindsTheSameFeatures(String crs, String bbox) {
        String uri = crs.equals("OGC") ? CollectionsTest.CRS84 : EPSG + crs;
        JsonNode fc = api().json("/collections/mobility/items?bbox=" + bbox + "&bbox-crs=" + Api.enc(uri));
        assertThat(Api.names(fc)).containsExactly("Mitfahrbank Harsdorf Ortsmitte", "Rufbus Harsdorf");
        // and the output stays in CRS84 (bbox-crs does not change the response CRS)
        assertThat(fc.path("features").get(0).path("geometry").path("coordinates").get(0).asDouble()).isBetween(11.0, 12.0);
    }

    @Test
    void bboxAndOutputCrsCombine() {
        JsonNode fc = api().json("/collections/third_places/items?bbox=684060,5545180,684100,5545220&bbox-crs="
                + Api.enc(EPSG + "25832") + "&crs=" + Api.enc(EPSG + "25832"));
        assertThat(Api.names(fc)).containsExactly("Dorfgemeinschaftshaus Harsdorf");
        assertThat(fc.path("features").get(0).path("geometry").path("coordinates").get(0).asDouble())
                .isCloseTo(684078.203455243, within(CM));
    }
}
