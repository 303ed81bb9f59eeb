package de.ortsanker.webmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.ortsanker.testing.TestDatabase;
import de.ortsanker.testing.TestSchema;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.WebElement;

/**
 * The planner view in minutes, in a real headless Chromium against the packaged service with the demo
 * region's data and the walking network of the same extract: a rule "a place to meet within 20 minutes on
 * foot" shows each underserved village's minutes in the table as the API states them, the shares of people
 * per municipality as /planning/coverage states them, and what the Mitfahrbänke connect.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlannerMinutesBrowserIT {

    private static final String WALK = "third_places:walk:20min";

    private TestSchema schema;
    private RunningService service;
    private Browser browser;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    void start() throws Exception {
        schema = TestDatabase.freshSchema();
        WebMapBrowserIT.DemoRegion.load(schema);
        service = RunningService.start(Map.of("ORTSANKER_DB_URL", schema.jdbcUrl(), "ORTSANKER_DB_USER", schema.user(),
                "ORTSANKER_DB_PASSWORD", schema.password(),
                "ORTSANKER_BASEMAP_URL", "http://127.0.0.1:" + RunningService.freePort() + "/{z}/{x}/{y}.png",
                "ORTSANKER_ROUTING_EXTRACTS", WebMapBrowserIT.DemoRegion.DATA.resolve("osm/north-bayreuth.osm.pbf").toString(),
                "ORTSANKER_ROUTING_CACHE_DIR", "target/it-graphs"));
        // The network is built in the background after start-up: wait until minutes are answered.
        for (int i = 0; i < 300 && status("/planning/coverage?rule=" + WALK.replace("|", "%7C")) != 200; i++) {
            Thread.sleep(1000);
        }
        browser = new Browser();
        browser.size(1280, 860);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (service != null) {
            service.close();
        }
        if (schema != null) {
            schema.close();
        }
    }

    @Test
    void minutesOnFootShowInTableSharesAndBenches() throws Exception {
        JsonNode answer = get("/planning/underserved?rule=" + WALK);
        int underserved = answer.get("villages").size();
        assertThat(underserved).isPositive();
        browser.open(service.base + "/map/planning?rule=" + WALK);
        browser.await("the table of underserved villages", d -> browser.all("#villages tbody tr").size() == underserved ? true : null);
        assertThat(browser.find("#rule-mode-1").getAttribute("value")).isEqualTo("walk");
        assertThat(browser.find("#rule-radius-1").getAttribute("value")).isEqualTo("20");
        assertThat(browser.find("#villages thead").getText()).contains("Entfernung");
        assertThat(browser.all("#map path.leaflet-interactive")).hasSize(underserved);

        // Each village's minutes as the API states them (German decimal comma), or "none within reach".
        Map<Long, JsonNode> byId = new HashMap<>();
        answer.get("villages").forEach(v -> byId.put(v.get("id").asLong(), v.get("missing").get(0)));
        int withMinutes = 0;
        for (WebElement row : browser.all("#villages tbody tr")) {
            JsonNode missing = byId.get(Long.parseLong(row.getAttribute("data-id")));
            String shown = row.findElement(org.openqa.selenium.By.cssSelector("td:nth-child(5)")).getText();
            if (missing.get("nearest_min").isNull()) {
                assertThat(shown).isEqualTo("keiner erreichbar");
            } else {
                assertThat(shown).endsWith(" min");
                double minutes = Double.parseDouble(shown.replace(" min", "").replace(".", "").replace(',', '.'));
                assertThat(minutes).isCloseTo(missing.get("nearest_min").asDouble(), within(0.051)).isGreaterThan(20);
                withMinutes++;
            }
        }
        assertThat(withMinutes).isPositive();

        // The shares per municipality, as /planning/coverage states them.
        JsonNode coverage = get("/planning/coverage?rule=" + WALK);
        browser.await("the shares per municipality",
                d -> browser.all("#shares tbody tr").size() == coverage.get("municipalities").size() + 1 ? true : null);
        for (JsonNode m : coverage.get("municipalities")) {
            WebElement row = browser.find("#shares tr[data-ags='" + m.get("ags").asText() + "']");
            JsonNode share = m.get("within").get(WALK).get("share");
            String cell = row.findElement(org.openqa.selenium.By.cssSelector("td:nth-child(3)")).getText();
            if (share.isNull()) {
                assertThat(cell).isEqualTo("–");
            } else {
                assertThat(Double.parseDouble(cell.replace(" %", "").replace(".", "").replace(',', '.')))
                        .as(m.get("name").asText()).isCloseTo(share.asDouble() * 100, within(0.051));
            }
        }
        assertThat(browser.find("#shares-downloads a[href*='f=csv']").getAttribute("href")).contains("planning/coverage");

        // What the Mitfahrbänke connect (the demo's hand-made benches), and a bench's isochrone on foot.
        JsonNode benches = get("/planning/mitfahrbank?minutes=15");
        browser.find("#show-benches").click();
        browser.await("the benches", d -> browser.all("#benches tbody tr").size() == benches.get("benches").size() ? true : null);
        assertThat(benches.get("benches").size()).isPositive();
        browser.find("#benches tbody tr button").click();
        browser.await("the isochrone", d -> browser.find("#benches-status").getText().contains("zu Fuß") ? true : null);
        browser.js("document.getElementById('summary').scrollIntoView()");
        browser.screenshot("planner-minutes");

        // The published isochrones (a run as POST /planning/isochrones stores it, written here directly) as a layer.
        schema.execute("""
                insert into planning_runs (analysis, area_key, area_name, inputs, provenance, licence, attribution, rules)
                values ('isochrones', 'all', 'all data', '{}', '{}', 'ODbL-1.0', 'test', '{third_places:walk:10min}')""",
                """
                insert into planning_isochrones (run_id, place_id, place_name, kind, mode, minutes, nodes_reached, source,
                                                 licence, attribution, geom)
                select id, 1, 'Gasthof Test', 'pub', 'walk', 10, 40, 'test', 'ODbL-1.0', 'test',
                       ST_Buffer(ST_Point(11.58, 50.0, 4326), 0.01) from planning_runs where analysis = 'isochrones'""");
        int paths = browser.all("#map path.leaflet-interactive").size();
        browser.find("#published-isochrones").click();
        browser.await("the published isochrones", d -> browser.find("#benches-status").getText().contains("1 veröffentlichte") ? true : null);
        assertThat(browser.all("#map path.leaflet-interactive")).hasSize(paths + 1);

        // In English the same table speaks English.
        browser.find("#lang").click();
        browser.await("English", d -> browser.find("#shares caption").getText().startsWith("Share") ? true : null);
        assertThat(browser.find("#rule-mode-1 option:checked").getText()).isEqualTo("on foot (min)");
    }

    private int status(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(service.base + path)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private JsonNode get(String path) throws Exception {
        var response = http.send(HttpRequest.newBuilder(URI.create(service.base + path.replace("|", "%7C"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }
}
