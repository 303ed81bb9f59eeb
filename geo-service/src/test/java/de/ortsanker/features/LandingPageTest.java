package de.ortsanker.features;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.reprezen.kaizen.oasparser.OpenApi3Parser;
import com.reprezen.kaizen.oasparser.model3.OpenApi3;
import com.reprezen.kaizen.oasparser.model3.Parameter;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The service root as the OGC test suite checks it (ets-ogcapi-features10: A.2.2 landing page, A.2.3 API
 * definition, A.2.4 conformance, and the parameter definitions read from the API definition), and as a
 * browser sees it.
 */
@FeaturesTest
class LandingPageTest extends FeaturesApiTest {

    private static final String OPENAPI_TYPE = "application/vnd.oai.openapi+json;version=3.0";

    @Test
    void landingPageLinksTheApiDefinitionConformanceAndData() {
        // Abstract tests 3 and 4: GET {root}/ with Accept: application/json
        JsonNode landing = api().json("/", "Accept", "application/json");
        assertThat(landing.path("title").asText()).isEqualTo("Ortsanker");
        assertThat(Api.link(landing, "service-desc", OPENAPI_TYPE)).isNotNull();
        assertThat(Api.link(landing, "service-doc", "text/html")).isNotNull();
        assertThat(Api.link(landing, "conformance", "application/json")).isNotNull();
        assertThat(Api.link(landing, "data", "application/json")).isNotNull();
        assertThat(Api.link(landing, "self", "application/json")).isNotNull();
        assertThat(Api.link(landing, "alternate", "text/html")).isNotNull();
        landing.path("links").forEach(l -> assertThat(l.has("rel") && l.has("type")).as(l.toString()).isTrue());
    }

    @Test
    void theApiDefinitionIsValidOpenApi30AsTheTestSuiteParsesIt() throws Exception {
        // Abstract tests 5 and 6: follow service-desc with its type, parse and validate (KaiZen, as the ETS does)
        String href = Api.link(api().json("/"), "service-desc", OPENAPI_TYPE).path("href").asText();
        var response = api().get(href, "Accept", OPENAPI_TYPE);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(OPENAPI_TYPE);
        OpenApi3 model = new OpenApi3Parser().parse(response.body(), new URL(href), true);
        var problems = new ArrayList<String>();
        model.getValidationItems().forEach(item -> problems.add(item.toString()));
        assertThat(problems).isEmpty();
        assertThat(model.isValid()).isTrue();
        // the suite builds its test points as server URL + path
        assertThat(model.getServers()).extracting(s -> s.getUrl()).containsExactly("http://localhost:" + port);

        // A plain JSON client gets the same document as application/json
        assertThat(api().get("/api").headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/json"));
    }

    @Test
    void everyCollectionsItemsPathDefinesItsParametersAsParts1To3Require() throws Exception {
        String href = api().url("/api");
        OpenApi3 model = new OpenApi3Parser().parse(api().get("/api").body(), new URL(href), true);
        for (String collection : List.of("third_places", "clubs", "meeting_rooms", "mobility", "vacant_buildings",
                "supply", "villages", "municipalities", "districts")) {
            String path = "/collections/" + collection + "/items";
            assertThat(model.getPath(path)).as(path).isNotNull();
            assertThat(model.getPath("/collections/" + collection)).isNotNull();
            assertThat(model.getPath(path + "/{featureId}")).isNotNull();

            // /ats/core/fc-limit-definition
            Parameter limit = parameter(model, path, "limit");
            assertFormQuery(limit);
            assertThat(limit.getSchema().getType()).isEqualTo("integer");
            assertThat(limit.getSchema().getMinimum().intValue()).isEqualTo(1);
            assertThat(limit.getSchema().getMaximum().intValue()).isEqualTo(10_000);
            assertThat(limit.getSchema().getDefault()).isEqualTo(100);
            // /ats/core/fc-bbox-definition
            Parameter bbox = parameter(model, path, "bbox");
            assertFormQuery(bbox);
            assertThat(bbox.getSchema().getType()).isEqualTo("array");
            assertThat(bbox.getSchema().getMinItems()).isEqualTo(4);
            assertThat(bbox.getSchema().getMaxItems()).isEqualTo(6);
            assertThat(bbox.getSchema().getItemsSchema().getType()).isEqualTo("number");
            // /ats/core/fc-time-definition
            Parameter datetime = parameter(model, path, "datetime");
            assertFormQuery(datetime);
            assertThat(datetime.getSchema().getType()).isEqualTo("string");
            // Part 2 and 3
            for (String name : List.of("crs", "bbox-crs", "filter-crs")) {
                assertFormQuery(parameter(model, path, name));
                assertThat(parameter(model, path, name).getSchema().getEnums())
                        .contains("http://www.opengis.net/def/crs/OGC/1.3/CRS84", "http://www.opengis.net/def/crs/EPSG/0/25832");
            }
            assertThat(parameter(model, path, "filter").getSchema().getType()).isEqualTo("string");
            assertThat(parameter(model, path, "filter-lang").getSchema().getEnums()).containsExactly("cql2-text", "cql2-json");
            assertThat(parameter(model, path, "name")).as("property filter on name").isNotNull();
            assertThat(parameter(model, path + "/{featureId}", "crs")).isNotNull();
        }
        assertThat(parameter(model, "/collections/third_places/items", "capacity").getSchema().getType()).isEqualTo("integer");
        assertThat(parameter(model, "/collections/third_places/items", "free_entry").getSchema().getType()).isEqualTo("boolean");
    }

    private static void assertFormQuery(Parameter p) {
        assertThat(p.getIn()).isEqualTo("query");
        assertThat(p.getRequired()).isFalse();
        assertThat(p.getStyle()).isEqualTo("form");
        assertThat(p.getExplode()).isFalse();
    }

    private static Parameter parameter(OpenApi3 model, String path, String name) {
        for (Parameter p : model.getPath(path).getGet().getParameters()) {
            if (p.getName().equals(name)) {
                return p;
            }
        }
        throw new AssertionError(path + " has no parameter " + name);
    }

    @Test
    void conformanceDeclaresCoreGeoJsonHtmlOpenApiCrsAndFiltering() {
        JsonNode conformance = api().json("/conformance", "Accept", "application/json");
        var classes = new ArrayList<String>();
        conformance.path("conformsTo").forEach(c -> classes.add(c.asText()));
        assertThat(classes).contains(
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
                "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
                "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter",
                "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/features-filter",
                "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables",
                "http://www.opengis.net/spec/cql2/1.0/conf/cql2-text",
                "http://www.opengis.net/spec/cql2/1.0/conf/basic-cql2",
                "http://www.opengis.net/spec/cql2/1.0/conf/advanced-comparison-operators",
                "http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions");
    }

    @Test
    void theRootLeadsToTheVectorTilesAndDeclaresOgcApiTiles() {
        // OGC API Tiles 1.0, /conf/dataset-tilesets: the landing page links the tilesets list, whose tileset
        // links a tile template that answers with a vector tile
        JsonNode landing = api().json("/", "Accept", "application/json");
        JsonNode tilesets = api().json(Api.link(landing, OgcApiRoot.TILESETS_VECTOR, "application/json").path("href").asText());
        JsonNode tileset = api().json(Api.link(tilesets.path("tilesets").path(0), "self", "application/json").path("href").asText());
        String template = Api.link(tileset, "item", "application/vnd.mapbox-vector-tile").path("href").asText();
        var tile = api().get(template.replace("{tileMatrix}", "0").replace("{tileRow}", "0").replace("{tileCol}", "0"));
        assertThat(tile.statusCode()).isIn(200, 204);

        var classes = new ArrayList<String>();
        api().json("/conformance").path("conformsTo").forEach(c -> classes.add(c.asText()));
        assertThat(classes).contains("http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/core",
                "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/mvt");
    }

    /** OGC API Tiles' API definition, as its test suite reads it: operation ids, integer rows and columns. */
    @Test
    void theTilesPathsCarryOgcApiTilesOperationIdsAndIntegerRowsAndColumns() throws Exception {
        String href = Api.link(api().json("/"), "service-desc", null).path("href").asText();
        OpenApi3 model = new OpenApi3Parser().parse(api().get("/api").body(), new URL(href), true);
        var expected = java.util.Map.of(
                "/tileMatrixSets", "getTileMatrixSetsList",
                "/tileMatrixSets/{tileMatrixSetId}", "getTileMatrixSet",
                "/tiles/{tileMatrixSetId}", "dataset.vector.getTileSet",
                "/tiles/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}", "dataset.vector.getTile",
                "/collections/{collectionId}/tiles", "collection.vector.getTileSetsList",
                "/collections/{collectionId}/tiles/{tileMatrixSetId}", "collection.vector.getTileSet",
                "/collections/{collectionId}/tiles/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}",
                "collection.vector.getTile");
        expected.forEach((path, id) -> {
            assertThat(model.getPath(path)).as(path).isNotNull();
            assertThat(model.getPath(path).getGet().getOperationId()).as(path).isEqualTo(id);
            if (path.endsWith("{tileCol}")) {
                assertThat(parameter(model, path, "tileRow").getSchema().getType()).isEqualTo("integer");
                assertThat(parameter(model, path, "tileCol").getSchema().getType()).isEqualTo("integer");
                assertThat(parameter(model, path, "tileMatrixSetId").getSchema().getEnums())
                        .containsExactly("WebMercatorQuad", "AdV_25832", "AdV_25833");
                assertThat(parameter(model, path, "collections").getSchema().getItemsSchema().getEnums())
                        .contains("third_places", "districts");
            }
        });
    }

    @Test
    void browsersGetHtmlWithTheWayToTheMapAndProgramsGetJson() {
        var browser = api().get("/", "Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        assertThat(browser.statusCode()).isEqualTo(200);
        assertThat(browser.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("text/html"));
        assertThat(browser.body()).contains("class=\"map\" href=\"http://localhost:" + port + "/map/\"")
                .contains("/collections/third_places?f=html");
        assertThat(api().get("/?f=html").body()).startsWith("<!doctype html>");

        assertThat(api().get("/", "Accept", "*/*").headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(api().get("/").headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(api().get("/?f=json", "Accept", "text/html").headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(api().get("/", "Accept", "text/html").headers().firstValue("Vary"))
                .hasValueSatisfying(vary -> assertThat(vary.toLowerCase()).contains("accept"));

        var map = api().get("/map/");
        assertThat(map.statusCode()).isEqualTo(200);
        assertThat(map.body()).contains("<title>Ortsanker</title>");
    }

    @Test
    void anUnknownFormatParameterOrAnUnacceptableTypeIsAProblem() {
        var unknown = api().get("/?f=xml");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("\"name\":\"f\"");
        var unknownParameter = api().get("/collections?colour=red");
        assertThat(unknownParameter.statusCode()).isEqualTo(400);
        assertThat(unknownParameter.body()).contains("\"name\":\"colour\"");
        assertThat(api().get("/conformance", "Accept", "application/xml").statusCode()).isEqualTo(406);
    }
}
