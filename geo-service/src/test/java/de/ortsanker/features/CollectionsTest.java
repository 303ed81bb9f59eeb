package de.ortsanker.features;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code /collections} and {@code /collections/{id}} as the OGC test suite checks them (A.2.5, A.2.6 and
 * Part 2 discovery: crs lists, storageCrs) plus what a portal needs to credit the data.
 */
@FeaturesTest
class CollectionsTest extends FeaturesApiTest {

    static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";

    @Test
    void oneCollectionPerLayerWithTypedLinksToItsItems() {
        JsonNode collections = api().json("/collections", "Accept", "application/json");
        assertThat(Api.link(collections, "self", "application/json")).isNotNull();
        assertThat(Api.link(collections, "alternate", "text/html")).isNotNull();
        var ids = new ArrayList<String>();
        for (JsonNode c : collections.path("collections")) {
            ids.add(c.path("id").asText());
            assertThat(c.path("itemType").asText()).isEqualTo("feature");
            assertThat(Api.link(c, "items", "application/geo+json")).as(c.path("id").asText()).isNotNull();
            assertThat(Api.link(c, "items", "text/html")).isNotNull();
            assertThat(Api.link(c, "http://www.opengis.net/def/rel/ogc/1.0/queryables", "application/schema+json")).isNotNull();
            c.path("links").forEach(l -> assertThat(l.has("rel") && l.has("type")).as(l.toString()).isTrue());
            // Part 2: the default CRS first, storageCrs among the crs
            var crs = new ArrayList<String>();
            c.path("crs").forEach(x -> crs.add(x.asText()));
            assertThat(crs.get(0)).isEqualTo(CRS84);
            assertThat(crs).contains("http://www.opengis.net/def/crs/EPSG/0/4326", "http://www.opengis.net/def/crs/EPSG/0/25832",
                    "http://www.opengis.net/def/crs/EPSG/0/25833", "http://www.opengis.net/def/crs/EPSG/0/3857");
            assertThat(crs).contains(c.path("storageCrs").asText());
        }
        assertThat(ids).containsExactly("third_places", "clubs", "meeting_rooms", "mobility", "vacant_buildings", "supply",
                "villages", "municipalities", "districts", "planning_underserved", "planning_candidates", "planning_isochrones", "big_villages");
    }

    @Test
    void aCollectionDeclaredAsABeanElsewhereIsServedLikeTheOthers() {
        JsonNode big = api().json("/collections/big_villages");
        assertThat(big.path("title").asText()).isEqualTo("Große Orte");
        assertThat(Api.names(api().json("/collections/big_villages/items"))).containsExactly("Neudrossenfeld", "Thurnau");
        assertThat(Api.names(api().json("/collections/big_villages/items?filter=" + Api.enc("population < 4000"))))
                .containsExactly("Neudrossenfeld");
        assertThat(api().get("/api").body()).contains("/collections/big_villages/items");
        assertThat(api().json("/collections/big_villages/queryables").path("properties").has("population")).isTrue();
    }

    @Test
    void theExtentContainsEveryFeatureAndEmptyCollectionsHaveNone() {
        JsonNode collection = api().json("/collections/third_places");
        JsonNode bbox = collection.path("extent").path("spatial").path("bbox").get(0);
        assertThat(collection.path("extent").path("spatial").path("crs").asText()).isEqualTo(CRS84);
        JsonNode items = api().json("/collections/third_places/items?limit=100");
        for (JsonNode f : items.path("features")) {
            double lon = f.path("geometry").path("coordinates").get(0).asDouble();
            double lat = f.path("geometry").path("coordinates").get(1).asDouble();
            assertThat(lon).isBetween(bbox.get(0).asDouble(), bbox.get(2).asDouble());
            assertThat(lat).isBetween(bbox.get(1).asDouble(), bbox.get(3).asDouble());
        }
        // the temporal extent is open where some places have no end to their validity
        assertThat(collection.path("extent").path("temporal").path("interval").get(0).get(1).isNull()).isTrue();

        JsonNode empty = api().json("/collections/meeting_rooms");
        assertThat(empty.has("extent")).isFalse();
        assertThat(api().json("/collections/meeting_rooms/items").path("features")).isEmpty();
    }

    /**
     * The OGC test suite transforms only the two corners of the extent into each offered CRS (proj4j) and
     * expects a bbox-crs request with them to find the same features as the CRS84 extent: the advertised
     * extent is wide enough for that (checked here with PostGIS, which uses the same projection formulas).
     */
    @Test
    void theExtentsCornersTransformedIntoEveryCrsStillSpanTheData() throws Exception {
        for (String id : List.of("third_places", "mobility", "villages", "municipalities")) {
            JsonNode bbox = api().json("/collections/" + id).path("extent").path("spatial").path("bbox").get(0);
            for (int srid : List.of(25832, 25833, 3857)) {
                try (var c = db.connect(); var st = c.prepareStatement("""
                        select ST_X(a), ST_Y(a), ST_X(b), ST_Y(b)
                          from (select ST_Transform(ST_SetSRID(ST_MakePoint(?, ?), 4326), ?) a,
                                       ST_Transform(ST_SetSRID(ST_MakePoint(?, ?), 4326), ?) b) s""")) {
                    st.setDouble(1, bbox.get(0).asDouble());
                    st.setDouble(2, bbox.get(1).asDouble());
                    st.setInt(3, srid);
                    st.setDouble(4, bbox.get(2).asDouble());
                    st.setDouble(5, bbox.get(3).asDouble());
                    st.setInt(6, srid);
                    var rs = st.executeQuery();
                    rs.next();
                    String crs = "http://www.opengis.net/def/crs/EPSG/0/" + srid;
                    String query = "/collections/" + id + "/items?limit=1000&bbox-crs=" + Api.enc(crs) + "&bbox="
                            + rs.getDouble(1) + "," + rs.getDouble(2) + "," + rs.getDouble(3) + "," + rs.getDouble(4);
                    JsonNode inProjectedBox = api().json(query);
                    JsonNode all = api().json("/collections/" + id + "/items?limit=1000");
                    assertThat(Api.ids(inProjectedBox)).as(id + " in " + srid).isEqualTo(Api.ids(all));
                }
            }
        }
    }

    @Test
    void collectionsCreditTheirDataAndLinkTheLicences() {
        JsonNode clubs = api().json("/collections/clubs");
        assertThat(clubs.path("attribution").asText()).isEqualTo("Gemeinde Harsdorf");
        assertThat(Api.link(clubs, "license", "text/html").path("href").asText()).isEqualTo("https://www.govdata.de/dl-de/by-2-0");
        JsonNode third = api().json("/collections/third_places");
        assertThat(third.path("attribution").asText()).contains("© OpenStreetMap contributors").contains("Gemeinde Harsdorf");
        assertThat(Api.link(third, "license", "text/html")).isNotNull();
    }

    @Test
    void aCollectionPageAndUnknownCollections() {
        JsonNode one = api().json("/collections/villages", "Accept", "application/json");
        assertThat(one.path("id").asText()).isEqualTo("villages");
        assertThat(Api.link(one, "self", "application/json")).isNotNull();
        assertThat(Api.link(one, "alternate", "text/html")).isNotNull();
        var html = api().get("/collections/villages", "Accept", "text/html");
        assertThat(html.body()).contains("<h1>Orte</h1>").contains("3 features");

        var missing = api().get("/collections/pubs");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(missing.body()).contains("there is no collection 'pubs'");
        assertThat(api().get("/collections/pubs/items").statusCode()).isEqualTo(404);
        assertThat(api().get("/collections/pubs/queryables").statusCode()).isEqualTo(404);
    }

    @Test
    void queryablesAreJsonSchemaWithTypes() {
        var response = api().get("/collections/third_places/queryables");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/schema+json");
        JsonNode schema = Api.parse(response.body());
        assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("type").asText()).isEqualTo("object");
        JsonNode p = schema.path("properties");
        assertThat(p.path("name").path("type").asText()).isEqualTo("string");
        assertThat(p.path("capacity").path("type").asText()).isEqualTo("integer");
        assertThat(p.path("free_entry").path("type").asText()).isEqualTo("boolean");
        assertThat(p.path("last_verified").path("format").asText()).isEqualTo("date");
        assertThat(p.path("updated_at").path("format").asText()).isEqualTo("date-time");
        assertThat(p.path("equipment").path("items").path("type").asText()).isEqualTo("string");
        assertThat(p.path("geometry").path("format").asText()).isEqualTo("geometry-any");
        assertThat(p.has("contact_phone")).as("private-by-default fields are not queryable").isFalse();
        assertThat(api().get("/collections/third_places/queryables?f=html").body()).contains("<code>capacity</code>");
    }
}
