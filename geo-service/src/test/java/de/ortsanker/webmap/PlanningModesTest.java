package de.ortsanker.webmap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.ortsanker.ServiceTest;
import de.ortsanker.imports.Imports;
import de.ortsanker.routing.Networks;
import de.ortsanker.testing.TestSchema;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The web map's {@code planning_modes}: what the planning API can answer now. With the networks built and no
 * timetable, straight, walk and bike — and a transit rule is a 400; once the demo GTFS feed is imported
 * through the importer, transit too (the config is asked afresh, not kept by the service).
 */
@ServiceTest
@TestPropertySource(properties = {"ortsanker.routing.extracts=../data/osm/north-bayreuth.osm.pbf",
        "ortsanker.routing.cache-dir=target/test-graphs", "ortsanker.planning.modes-test=own-context"})
class PlanningModesTest {

    @LocalServerPort
    int port;

    @Autowired
    TestSchema db;

    @Autowired
    Networks networks;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void transitIsOfferedOnceATimetableIsImported() throws Exception {
        networks.refresh().get();
        assertThat(networks.missing()).isNull();
        assertThat(modes()).containsExactly("straight", "walk", "bike");
        var refused = get("/planning/underserved?rule=third_places:transit:30min@sun:14-18");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("none is imported");

        Imports.importFile(db.dataSource(), Path.of("../data/gtfs/herrenberg-demo")).orThrow();
        assertThat(modes()).containsExactly("straight", "walk", "bike", "transit");
        var config = get("/map/config.json");
        // Cached briefly only: a browser learns of the timetable within minutes.
        assertThat(config.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("max-age=300"));
    }

    @Test
    void theOpenApiDocumentDescribesThem() throws Exception {
        var api = get("/api");
        assertThat(api.statusCode()).isEqualTo(200);
        JsonNode modes = json.readTree(api.body()).at("/components/schemas/Config/properties/planning_modes");
        assertThat(modes.path("description").asText()).contains("transit once", "timetable");
        assertThat(modes.at("/items/enum").toString()).isEqualTo("[\"straight\",\"walk\",\"bike\",\"transit\"]");
    }

    private List<String> modes() throws Exception {
        var r = get("/map/config.json");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode modes = json.readTree(r.body()).get("planning_modes");
        List<String> out = new ArrayList<>();
        modes.forEach(m -> out.add(m.asText()));
        return out;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
