package de.ortsanker.planning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.ortsanker.ServiceTest;
import de.ortsanker.imports.Imports;
import de.ortsanker.testing.TestSchema;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * One figure per village and per area, whoever asks: the villages layer (OGC API), the municipalities and
 * districts layers, and planning (JSON and CSV) all show what the database computed — on the Herrenberg
 * extract with the BKG boundaries and Destatis' official figures, the area figures checked against the
 * official file's own rows.
 */
@ServiceTest
@TestPropertySource(properties = "ortsanker.test.context=population-everywhere")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PopulationEverywhereTest {

    @LocalServerPort
    int port;

    @Autowired
    TestSchema db;

    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    void importRealData() {
        for (String f : List.of("vg5000/VG5000_GEM.shp", "vg5000/VG5000_KRS.shp", "population/AuszugGV4QAktuell_2024.xlsx",
                "osm/herrenberg-and-around-2020-04-21.osm.pbf")) {
            Imports.importFile(db.dataSource(), RealExtractTest.data(f)).orThrow();
        }
    }

    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private JsonNode getJson(String pathAndQuery) throws Exception {
        var r = get(pathAndQuery);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private String sql(String query) throws Exception {
        try (var c = db.connect(); var rs = c.createStatement().executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** The population of the official file's rows whose key starts so, read without the importer. */
    private static long official(String keyPrefix) throws Exception {
        return Files.readAllLines(RealExtractTest.data("population/de-gemeinden-destatis-gv-2024q4.csv")).stream().skip(1)
                .map(l -> l.split(";")).filter(f -> f[0].startsWith(keyPrefix)).mapToLong(f -> Long.parseLong(f[5])).sum();
    }

    @Test
    void theVillagesLayerShowsTheComputedFigureWithMethodAndUncertainty() throws Exception {
        JsonNode f = getJson("/collections/villages/items?filter=" + enc("name = 'Oberjettingen'")).path("features").get(0);
        String id = f.path("id").asText();
        JsonNode p = f.path("properties");
        assertThat(p.path("population").asText()).isEqualTo(sql("select people from village_population where locality_id = " + id));
        assertThat(p.path("population_method").asText()).isEqualTo("addresses");
        assertThat(p.path("population_uncertainty").asText())
                .isEqualTo(sql("select uncertainty from village_population where locality_id = " + id));
        assertThat(p.path("population_source").asText()).isEqualTo("destatis-gv-isys");
        assertThat(p.path("population_date").asText()).isEqualTo("2023-12-31");
        // Filters see the same figure.
        assertThat(getJson("/collections/villages/items?filter=" + enc("name = 'Oberjettingen' and population_method = 'addresses'"
                + " and population = " + p.path("population").asInt())).path("features")).hasSize(1);
    }

    @Test
    void municipalitiesAndDistrictsShowTheOfficialFigure() throws Exception {
        JsonNode jettingen = getJson("/collections/municipalities/items?filter=" + enc("ags = '08115053'"))
                .path("features").get(0).path("properties");
        assertThat(jettingen.path("population").asLong()).isEqualTo(official("08115053")).isEqualTo(8199);
        JsonNode boeblingen = getJson("/collections/districts/items?filter=" + enc("ags = '08115'"))
                .path("features").get(0).path("properties");
        assertThat(boeblingen.path("population").asLong()).isEqualTo(official("08115"));
    }

    @Test
    void planningUsesTheSameFiguresInItsAnswersAndTables() throws Exception {
        JsonNode r = getJson("/planning/underserved?ags=08115053&rule=" + enc("third_places:1"));
        JsonNode jettingen = r.path("municipalities").get(0);
        assertThat(jettingen.path("official_population").asLong()).isEqualTo(official("08115053"));
        int found = 0;
        for (JsonNode v : r.path("villages")) {
            assertThat(v.path("population").asText()).as(v.path("name").asText())
                    .isEqualTo(sql("select people from village_population where locality_id = " + v.path("id").asText()));
            assertThat(v.path("population_method").asText()).isEqualTo(
                    sql("select method from village_population where locality_id = " + v.path("id").asText()));
            found++;
        }
        assertThat(found).isGreaterThanOrEqualTo(2);
        String csv = get("/planning/underserved?ags=08115053&f=csv&rule=" + enc("third_places:1")).body();
        String oberjettingen = sql("select people from village_population v join localities l on l.id = v.locality_id"
                + " where l.name = 'Oberjettingen'");
        // The CSV speaks German by default: the method in words.
        assertThat(csv).contains("\"Oberjettingen\"").contains(";" + oberjettingen + ";\"Anteil an der Gemeinde nach Adressen\";");
    }
}
