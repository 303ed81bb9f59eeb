package de.ortsanker.webmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.ortsanker.imports.ImportResult;
import de.ortsanker.imports.Imports;
import de.ortsanker.testing.TestDatabase;
import de.ortsanker.testing.TestSchema;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The planner view by bus and train, in a real headless Chromium against the packaged service with the demo's
 * Herrenberg data: the OpenStreetMap extract (and its walking network), the boundaries, and the demo GTFS feed
 * loaded through the importer. Kuppingen and Oberjesingen are Ortsteile in OpenStreetMap, which the planner does
 * not count as villages; the test adds them as villages at their stops of bus 782 — which runs on weekdays and
 * Saturdays, not on Sundays. A rule "a library within 20 minutes by bus/train" with a Sunday-afternoon window and
 * with a weekday-morning window: the table shows the minutes /planning/underserved states for the same rule
 * (fetched apart), the two windows answer differently for those villages, and the address round-trips.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlannerTransitBrowserIT {

    private static final String SUNDAY = "library:transit:20min@sun:14-18";
    private static final String WEEKDAY = "library:transit:20min@weekday:7-9";

    private TestSchema schema;
    private RunningService service;
    private Browser browser;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    void start() throws Exception {
        schema = TestDatabase.freshSchema();
        for (String file : List.of("vg5000/VG5000_KRS.shp", "vg5000/VG5000_GEM.shp",
                "osm/herrenberg-and-around-2020-04-21.osm.pbf", "gtfs/herrenberg-demo")) {
            ImportResult result = Imports.importFile(schema.dataSource(), WebMapBrowserIT.DemoRegion.DATA.resolve(file));
            // The importer's per-source lock spans the database: a colleague's run importing the same file waits us.
            for (int tries = 0; result.status() == ImportResult.Status.FAILED && result.error() != null
                    && result.error().contains("another import of source") && tries < 60; tries++) {
                Thread.sleep(2000);
                result = Imports.importFile(schema.dataSource(), WebMapBrowserIT.DemoRegion.DATA.resolve(file));
            }
            assertThat(result.status()).as("import of %s: %s %s", file, result.error(), result.problems())
                    .isEqualTo(ImportResult.Status.SUCCEEDED);
        }
        schema.execute("""
                insert into localities (name, kind, geom, population, population_source, source, source_id, licence, attribution)
                values ('Oberjesingen', 'village', ST_Point(8.836039, 48.620908, 4326), 1000, 'test', 'it-fixture', 'loc/obj',
                        'CC0-1.0', 'test'),
                       ('Kuppingen', 'village', ST_Point(8.841747, 48.615399, 4326), 1000, 'test', 'it-fixture', 'loc/kup',
                        'CC0-1.0', 'test')""", "analyze");
        service = RunningService.start(Map.of("ORTSANKER_DB_URL", schema.jdbcUrl(), "ORTSANKER_DB_USER", schema.user(),
                "ORTSANKER_DB_PASSWORD", schema.password(),
                "ORTSANKER_BASEMAP_URL", "http://127.0.0.1:" + RunningService.freePort() + "/{z}/{x}/{y}.png",
                "ORTSANKER_ROUTING_EXTRACTS",
                WebMapBrowserIT.DemoRegion.DATA.resolve("osm/herrenberg-and-around-2020-04-21.osm.pbf").toString(),
                "ORTSANKER_ROUTING_CACHE_DIR", "target/it-graphs"));
        // The network is built in the background after start-up: wait until transit is answered.
        for (int i = 0; i < 300 && status("/planning/underserved?rule=" + WEEKDAY) != 200; i++) {
            Thread.sleep(1000);
        }
        browser = new Browser();
        browser.size(1280, 900);
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
    void sundayAndWeekdayWindowsShowTheirOwnMinutes() throws Exception {
        JsonNode config = get("/map/config.json");
        assertThat(config.get("planning_modes").toString()).contains("\"transit\"");
        JsonNode sunday = get("/planning/underserved?rule=" + SUNDAY);
        JsonNode weekday = get("/planning/underserved?rule=" + WEEKDAY);
        assertThat(LocalDate.parse(sunday.at("/inputs/rules/0/date").asText()).getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
        assertThat(LocalDate.parse(weekday.at("/inputs/rules/0/date").asText()).getDayOfWeek().getValue()).isLessThan(6);
        // What the feed says: bus 782 brings Oberjesingen to Herrenberg on a weekday morning, not on a Sunday.
        Map<String, Double> sundayMinutes = minutes(sunday), weekdayMinutes = minutes(weekday);
        // Kuppingen within the 20 minutes on a weekday, Oberjesingen still missing them but far quicker than on foot.
        assertThat(sundayMinutes.get("Kuppingen")).isGreaterThan(20);
        assertThat(weekdayMinutes).doesNotContainKey("Kuppingen");
        assertThat(sundayMinutes.get("Oberjesingen")).isGreaterThan(weekdayMinutes.get("Oberjesingen") + 20);

        // The planner opens on a rule in metres and is switched to transit on Sunday afternoon, in the form.
        browser.open(service.base + "/map/planning?rule=library:2000");
        browser.await("the first answer", d -> browser.find("#summary").getText().contains("unterversorgt") ? true : null);
        assertThat(browser.find("#rule-day-1").isDisplayed()).isFalse();
        new Select(browser.find("#rule-mode-1")).selectByValue("transit");
        assertThat(browser.find("#rule-day-1").isDisplayed()).isTrue();
        assertThat(browser.find("label[for=rule-day-1]").getText()).startsWith("Tag");
        setValue("#rule-radius-1", "20");
        new Select(browser.find("#rule-day-1")).selectByValue("sun");
        setValue("#rule-from-1", "14");
        setValue("#rule-to-1", "18");
        browser.find("#rules-form button[type=submit]").click();
        showsAnswer(sunday, "Sonntag");
        assertThat(rulesInAddress()).containsExactly(SUNDAY);
        assertThat(browser.find("#villages tr[data-id] td:nth-child(6)").getText()).contains("So 14–18 Uhr");
        String sundayAddress = browser.js("return location.href").toString();

        // Weekday mornings, by keyboard: the day chosen with the arrow keys, Enter in the hours field submits.
        WebElement day = browser.find("#rule-day-1");
        new Select(day).selectByValue("mon");
        day.sendKeys(Keys.ARROW_UP); // the day before Monday in the list: weekdays (Monday to Friday)
        assertThat(new Select(day).getFirstSelectedOption().getAttribute("value")).isEqualTo("weekday");
        setValue("#rule-from-1", "7");
        WebElement to = browser.find("#rule-to-1");
        to.clear();
        to.sendKeys("9", Keys.ENTER);
        showsAnswer(weekday, "Montag|Dienstag|Mittwoch|Donnerstag|Freitag");
        assertThat(rulesInAddress()).containsExactly(WEEKDAY);
        assertThat(browser.all("#villages tbody tr")).hasSize(weekday.get("villages").size())
                .hasSizeLessThan(sunday.get("villages").size());

        // Deep links round-trip: the Sunday address opened afresh shows the Sunday rule in the form and its answer.
        browser.open(sundayAddress);
        showsAnswer(sunday, "Sonntag");
        assertThat(new Select(browser.find("#rule-mode-1")).getFirstSelectedOption().getAttribute("value")).isEqualTo("transit");
        assertThat(new Select(browser.find("#rule-day-1")).getFirstSelectedOption().getAttribute("value")).isEqualTo("sun");
        assertThat(browser.find("#rule-from-1").getAttribute("value")).isEqualTo("14");
        assertThat(browser.find("#rule-to-1").getAttribute("value")).isEqualTo("18");
        assertThat(browser.find("#rule-radius-1").getAttribute("value")).isEqualTo("20");
        browser.screenshot("planner-transit");

        // A question the service refuses (a transit rule without its window) is said in plain words.
        browser.open(service.base + "/map/planning?rule=library:transit:20min");
        browser.await("the refusal", d -> browser.find("#summary").getText().contains("kann der Dienst nicht beantworten") ? true : null);
        assertThat(browser.find("#summary [role=alert]").getText()).contains("time window");

        // In English, the window and the day speak English.
        browser.open(service.base + "/map/planning?lang=en&rule=" + WEEKDAY);
        showsAnswer(weekday, "Monday|Tuesday|Wednesday|Thursday|Friday");
        assertThat(browser.find("#rule-day-1 option:checked").getText()).isEqualTo("weekdays (Mon–Fri)");
        assertThat(browser.pageErrors()).isEmpty();
    }

    /** The table shows each underserved village's minutes by the rule as the API states them, and the day answered. */
    private void showsAnswer(JsonNode answer, String dayNames) {
        int villages = answer.get("villages").size();
        String date = answer.at("/inputs/rules/0/date").asText();
        browser.await("the answer of " + answer.at("/inputs/rules/0/rule").asText(), d ->
                browser.all("#villages tbody tr").size() == villages
                        && browser.find("#transit-days").getText().matches("(?s).*(" + dayNames + ").*") ? true : null);
        assertThat(browser.find("#transit-days").getText()).contains(String.valueOf(LocalDate.parse(date).getDayOfMonth()));
        Map<Long, JsonNode> byId = new HashMap<>();
        answer.get("villages").forEach(v -> byId.put(v.get("id").asLong(), v.get("missing").get(0)));
        boolean english = "en".equals(browser.js("return document.documentElement.lang"));
        for (WebElement row : browser.all("#villages tbody tr")) {
            JsonNode missing = byId.get(Long.parseLong(row.getAttribute("data-id")));
            assertThat(missing).isNotNull();
            String shown = row.findElement(By.cssSelector("td:nth-child(5)")).getText();
            if (missing.get("nearest_min").isNull()) {
                assertThat(shown).isIn("keiner", "none");
            } else {
                // German 23,1 or English 23.1, as the page's language writes numbers.
                String figure = shown.replace(" min", "");
                double minutes = Double.parseDouble(english ? figure.replace(",", "") : figure.replace(".", "").replace(',', '.'));
                assertThat(minutes).isCloseTo(missing.get("nearest_min").asDouble(), within(0.051)).isGreaterThan(20);
            }
        }
    }

    private static Map<String, Double> minutes(JsonNode answer) {
        Map<String, Double> out = new HashMap<>();
        answer.get("villages").forEach(v -> out.put(v.get("name").asText(), v.at("/missing/0/nearest_min").asDouble()));
        return out;
    }

    private List<String> rulesInAddress() {
        String search = browser.js("return location.search").toString().substring(1);
        return java.util.Arrays.stream(search.split("&")).filter(p -> p.startsWith("rule="))
                .map(p -> URLDecoder.decode(p.substring(5), StandardCharsets.UTF_8)).toList();
    }

    private void setValue(String css, String value) {
        WebElement input = browser.find(css);
        input.clear();
        input.sendKeys(value);
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
