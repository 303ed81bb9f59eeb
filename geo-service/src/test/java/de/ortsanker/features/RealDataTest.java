package de.ortsanker.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import de.ortsanker.ServiceTest;
import de.ortsanker.imports.Imports;
import de.ortsanker.testing.TestSchema;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The OGC API on real data: the OpenStreetMap extract north of Bayreuth (data/osm/north-bayreuth.osm.pbf,
 * © OpenStreetMap contributors, ODbL) and the BKG VG5000 municipalities and districts of all Germany
 * (© GeoBasis-DE / BKG 2021), loaded with the importer as the demo does. Expectations come from SQL on
 * the imported tables and from gdaltransform, never from the API itself.
 */
@RealDataTest.Context
class RealDataTest {

    /** Its own service and schema: the real data must not meet the other tests' fixtures. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @ServiceTest
    @TestPropertySource(properties = "ortsanker.test.context=ogc-api-real-data")
    @interface Context {
    }

    private static boolean imported;

    @LocalServerPort
    int port;

    @Autowired
    TestSchema db;

    @BeforeEach
    void importRealData() {
        synchronized (RealDataTest.class) {
            if (!imported) {
                for (String file : List.of("osm/north-bayreuth.osm.pbf", "vg5000/VG5000_GEM.shp", "vg5000/VG5000_KRS.shp")) {
                    Imports.importFile(db.dataSource(), data(file)).orThrow();
                }
                imported = true;
            }
        }
    }

    private static Path data(String relative) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("data/README.md"))) {
            dir = dir.getParent();
        }
        return dir.resolve("data").resolve(relative);
    }

    private Api api() {
        return new Api(port);
    }

    private long sql(String query) throws Exception {
        try (var c = db.connect(); var rs = c.createStatement().executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Follows the next links from the first page, as QGIS reads a layer. */
    private List<JsonNode> everything(String collection, int limit) {
        var features = new ArrayList<JsonNode>();
        JsonNode page = api().json("/collections/" + collection + "/items?limit=" + limit);
        while (true) {
            page.path("features").forEach(features::add);
            JsonNode next = Api.link(page, "next", "application/geo+json");
            if (next == null) {
                return features;
            }
            page = api().json(next.path("href").asText());
        }
    }

    @Test
    void everyCollectionServesExactlyItsPublicRowsThroughTheNextLinks() throws Exception {
        record Expected(String collection, String sql) {
        }
        var expected = List.of(
                new Expected("mobility", "select count(*) from places p join kinds k on k.code = p.kind"
                        + " where k.group_code = 'mobility' and p.retired_at is null and p.is_public"),
                new Expected("supply", "select count(*) from places p join kinds k on k.code = p.kind"
                        + " where k.group_code = 'supply' and p.retired_at is null and p.is_public"),
                new Expected("villages", "select count(*) from localities where retired_at is null"),
                new Expected("districts", "select count(distinct ags) from admin_areas where level = 'kreis'"));
        for (Expected e : expected) {
            long count = sql(e.sql());
            assertThat(count).as(e.collection()).isPositive();
            List<JsonNode> all = everything(e.collection(), 7);
            assertThat(all).as(e.collection()).hasSize((int) count);
            assertThat(all.stream().map(f -> f.path("id").asLong()).distinct().count()).isEqualTo(count);
            assertThat(api().json("/collections/" + e.collection() + "/items?limit=1").path("numberMatched").asLong())
                    .isEqualTo(count);
        }
        assertThat(api().json("/collections/municipalities/items?limit=1").path("numberMatched").asLong())
                .isEqualTo(sql("select count(distinct ags) from admin_areas where level = 'gemeinde'")).isGreaterThan(10_000);
    }

    @Test
    void realFeaturesCarryTheirOsmProvenanceAndTheCollectionLinksTheLicence() {
        JsonNode harsdorf = api().json("/collections/mobility/items?source_id=" + Api.enc("node/31485930"));
        JsonNode p = harsdorf.path("features").get(0).path("properties");
        assertThat(p.path("name").asText()).isEqualTo("Harsdorf");
        assertThat(p.path("kind").asText()).isEqualTo("train_station");
        assertThat(p.path("licence").asText()).isEqualTo("ODbL-1.0");
        assertThat(p.path("attribution").asText()).isEqualTo("© OpenStreetMap contributors");
        JsonNode mobility = api().json("/collections/mobility");
        assertThat(mobility.path("attribution").asText()).isEqualTo("© OpenStreetMap contributors");
        assertThat(Api.link(mobility, "license", "text/html").path("href").asText())
                .isEqualTo("https://opendatacommons.org/licenses/odbl/1-0/");
        JsonNode districts = api().json("/collections/districts");
        assertThat(Api.link(districts, "license", "text/html").path("href").asText()).isEqualTo("https://www.govdata.de/dl-de/by-2-0");
    }

    /** Harsdorf station (OSM node 31485930) at 11.5661797 E 50.0278045 N; references from
     * {@code echo "11.5661797 50.0278045" | gdaltransform -s_srs OGC:CRS84 -t_srs EPSG:xxxx} (GDAL 3.6.2). */
    @Test
    void aRealStationInEveryCrsWithinOneCentimetre() {
        double[][] reference = {{25832, 683793.826652222, 5544877.35842398}, {25833, 254075.722399531, 5547372.75314529},
            {3857, 1287541.2346275, 6451092.48375738}};
        for (double[] r : reference) {
            JsonNode xy = api().json("/collections/mobility/items?source_id=" + Api.enc("node/31485930") + "&crs="
                    + Api.enc("http://www.opengis.net/def/crs/EPSG/0/" + (int) r[0]))
                    .path("features").get(0).path("geometry").path("coordinates");
            assertThat(xy.get(0).asDouble()).as("EPSG:%d x", (int) r[0]).isCloseTo(r[1], within(0.01));
            assertThat(xy.get(1).asDouble()).as("EPSG:%d y", (int) r[0]).isCloseTo(r[2], within(0.01));
        }
        JsonNode latLon = api().json("/collections/mobility/items?source_id=" + Api.enc("node/31485930") + "&crs="
                + Api.enc("http://www.opengis.net/def/crs/EPSG/0/4326")).path("features").get(0).path("geometry").path("coordinates");
        assertThat(latLon.get(0).asDouble()).isCloseTo(50.0278045, within(1e-7));
        assertThat(latLon.get(1).asDouble()).isCloseTo(11.5661797, within(1e-7));
    }

    @Test
    void filtersAndBboxesOnRealData() throws Exception {
        // the municipality and district around Harsdorf station, found by the API and by SQL
        JsonNode municipality = api().json("/collections/municipalities/items?filter="
                + Api.enc("S_CONTAINS(geometry, POINT(11.5661797 50.0278045))"));
        assertThat(Api.names(municipality)).containsExactly("Harsdorf");
        assertThat(municipality.path("features").get(0).path("properties").path("ags").asText()).isEqualTo("09477119");
        assertThat(Api.names(api().json("/collections/districts/items?ags=09477"))).containsExactly("Kulmbach");

        long bindlach = sql("select count(*) from places p join kinds k on k.code = p.kind where k.group_code = 'mobility'"
                + " and p.name like 'Bindlach%'");
        assertThat(api().json("/collections/mobility/items?filter=" + Api.enc("name LIKE 'Bindlach%'"))
                .path("numberMatched").asLong()).isEqualTo(bindlach).isPositive();

        long inBox = sql("select count(*) from localities where geom && ST_MakeEnvelope(11.5, 49.98, 11.56, 50.02, 4326)");
        assertThat(api().json("/collections/villages/items?limit=100&bbox=11.5,49.98,11.56,50.02").path("numberMatched")
                .asLong()).isEqualTo(inBox).isPositive();
        // the same box in UTM 32N, densified by PostGIS on our side, finds the same villages
        assertThat(api().json("/collections/villages/items?limit=100&bbox-crs=" + Api.enc("http://www.opengis.net/def/crs/EPSG/0/25832")
                + "&bbox=" + sqlText("select concat_ws(',', floor(ST_XMin(b)), floor(ST_YMin(b)), ceil(ST_XMax(b)), ceil(ST_YMax(b)))"
                        + " from (select ST_Transform(ST_MakeEnvelope(11.5, 49.98, 11.56, 50.02, 4326), 25832) b) s"))
                .path("numberMatched").asLong()).isGreaterThanOrEqualTo(inBox);
    }

    private String sqlText(String query) throws Exception {
        try (var c = db.connect(); var rs = c.createStatement().executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void theDistrictsExtentSpansAllOfGermanyInEveryCrs() {
        JsonNode bbox = api().json("/collections/districts").path("extent").path("spatial").path("bbox").get(0);
        assertThat(bbox.get(0).asDouble()).isLessThan(5.87);   // Selfkant, the westernmost point
        assertThat(bbox.get(2).asDouble()).isGreaterThan(15.04); // Neißeaue, the easternmost
        assertThat(bbox.get(1).asDouble()).isLessThan(47.27);  // Oberstdorf
        assertThat(bbox.get(3).asDouble()).isGreaterThan(55.05); // List auf Sylt
    }
}
