package de.ortsanker.webmap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.ortsanker.testing.TestDatabase;
import de.ortsanker.testing.TestSchema;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 14's "done when" for citizens, in a real headless Chromium against the packaged service on real
 * PostGIS: the demo region, the walking and cycling network built from its extract, and the hand-written
 * timetable between Neudrossenfeld and Harsdorf (journeys/timetable.sql, its calendar exceptions removed so
 * that every Monday has the weekday trips and every Sunday none, whatever day the test runs). A place's
 * detail shows the walking route (a line drawn on the map, its minutes) and the next departures on a
 * weekday, and on a Sunday says plainly that no bus runs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JourneyBrowserIT {

    private TestSchema schema;
    private RunningService service;
    private Browser browser;
    private long place;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    void start() throws Exception {
        schema = TestDatabase.freshSchema();
        WebMapBrowserIT.DemoRegion.load(schema);
        try (InputStream in = getClass().getResourceAsStream("/journeys/timetable.sql")) {
            schema.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    "delete from transit_service_dates where source = 'journeys-test-feed'");
        }
        Path extract = WebMapBrowserIT.DemoRegion.DATA.resolve("osm/north-bayreuth.osm.pbf").toAbsolutePath();
        service = RunningService.start(Map.of("ORTSANKER_DB_URL", schema.jdbcUrl(), "ORTSANKER_DB_USER", schema.user(),
                "ORTSANKER_DB_PASSWORD", schema.password(),
                "ORTSANKER_BASEMAP_URL", "http://127.0.0.1:" + RunningService.freePort() + "/{z}/{x}/{y}.png",
                "ORTSANKER_ROUTING_EXTRACTS", extract.toString(),
                "ORTSANKER_ROUTING_CACHE_DIR", Path.of("target/test-graphs").toAbsolutePath().toString()));
        try (var c = schema.connect(); var st = c.prepareStatement("select id from places where source_id = 'village-hall/harsdorf'");
             var rs = st.executeQuery()) {
            assertThat(rs.next()).isTrue();
            place = rs.getLong(1);
        }
        awaitNetwork();
        browser = new Browser();
    }

    /** The service builds the network in the background; until then the way is a 503 with Retry-After. */
    private void awaitNetwork() throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
        while (true) {
            var r = http.send(HttpRequest.newBuilder(URI.create(service.base + "/places/" + place
                    + "/way?mode=walk&lon=11.5031&lat=50.0161")).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200) {
                return;
            }
            assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
            assertThat(r.headers().firstValue("Retry-After")).isPresent();
            assertThat(Instant.now()).as("the network to be built").isBefore(deadline);
            Thread.sleep(1000);
        }
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
    void aPlacesDetailShowsTheWalkingRouteAndTheDeparturesOnAWeekdayAndOnASunday() throws Exception {
        browser.size(1280, 860);
        browser.open(service.base + "/map/?place=" + place);
        browser.await("the detail of the village hall", d -> browser.all("#detail-name").stream()
                .anyMatch(h -> h.getText().equals("Dorfgemeinschaftshaus Harsdorf")) ? true : null);
        assertThat(browser.find("#detail").getText()).contains("Ohne Auto hinkommen", "Wie komme ich hin?");

        // Start from a village, chosen with the list (a native select: keyboard and phone alike).
        browser.await("the villages around the place", d -> browser.all("#journey-village option").size() > 1 ? true : null);
        WebElement villages = browser.all("#journey-village option").stream()
                .filter(o -> o.getText().startsWith("Neudrossenfeld")).findFirst()
                .orElseThrow(() -> new AssertionError("Neudrossenfeld among " + browser.find("#journey-village").getText()));
        assertThat(villages.getText()).matches("Neudrossenfeld \\(\\d+,\\d km\\)");
        String village = villages.getAttribute("value");
        new Select(browser.find("#journey-village")).selectByValue(village);

        // The walking route: minutes as the API says, and the line drawn on the map with the API's points.
        WebElement walk = browser.await("the walking time", d -> browser.all(".journey-walk[data-minutes]").stream().findFirst().orElse(null));
        JsonNode way = get("/places/" + place + "/way?mode=walk&village=" + village);
        int minutes = way.path("properties").path("minutes").asInt();
        assertThat(minutes).isGreaterThan(30);   // some 5 km between the villages
        assertThat(walk.getText()).startsWith("Zu Fuß: " + minutes + " Min.");
        assertThat(browser.find(".journey-bike").getText()).startsWith("Mit dem Rad: ");
        browser.await("the route on the map", d -> browser.all("#map path.journey-route").isEmpty() ? null : true);
        long drawnPoints = browser.number("return document.querySelector('#map path.journey-route')"
                + ".getAttribute('d').split(/[ML]/).filter(s => s.trim()).length");
        assertThat(drawnPoints).as("the drawn line's vertices (Leaflet simplifies at this zoom)").isGreaterThan(10);
        assertThat(browser.number("return document.querySelectorAll('#map path.journey-route').length")).isEqualTo(1);

        // A Monday: the four weekday trips toward Harsdorf, with stop, line and headsign.
        chooseDay(1);
        List<String> monday = awaitDepartures();
        assertThat(monday).hasSize(4);
        assertThat(monday.get(0)).contains("07:10", "ab Neudrossenfeld Marktplatz", "07:32", "an Harsdorf Ortsmitte",
                "Linie 383", "Richtung Harsdorf", "rollstuhlgerecht");
        assertThat(monday.get(3)).contains("24:10", "24:32");
        assertThat(browser.all(".journey-none")).isEmpty();
        WebElement planner = browser.find("a.journey-planner");
        assertThat(planner.getText()).isEqualTo("Ganze Fahrt bei bbnavi planen");
        assertThat(planner.getAttribute("href")).startsWith("https://bbnavi.de/reiseplan/");
        assertThat(browser.find("#journey").getText()).contains("Fahrplan: Verkehrsverbund Testland (test feed) (Lizenz: CC-BY-4.0)");
        browser.screenshot("journey-weekday");

        // A Sunday: said plainly; the weekend RufBus is offered with its phone number.
        chooseDay(0);
        WebElement none = browser.await("no bus on Sunday", d -> browser.all(".journey-none").stream().findFirst().orElse(null));
        assertThat(none.getText()).isEqualTo("Sonntags fährt kein Bus.");
        assertThat(browser.all(".journey-list li")).isEmpty();
        assertThat(browser.find(".journey-on-demand").getText()).contains("RufBus Trebgast-Tal", "08:00–20:00", "+49 921 000000");
        browser.screenshot("journey-sunday");
        assertThat(browser.alerts()).isEmpty();

        // In English, then on a phone, from the same start: the same answer in the other language.
        browser.find("#lang").click();
        browser.size(390, 800);
        browser.await("the English detail", d -> browser.all("#journey-village").isEmpty() ? null : true);
        new Select(browser.await("the villages, in English", d -> browser.all("#journey-village option").stream()
                .anyMatch(o -> village.equals(o.getAttribute("value"))) ? browser.find("#journey-village") : null)).selectByValue(village);
        browser.await("the walking time in English", d -> browser.all(".journey-walk[data-minutes]").stream()
                .anyMatch(w -> w.getText().startsWith("On foot: " + minutes + " min")) ? true : null);
        chooseDay(0);
        WebElement noneEn = browser.await("no bus on Sunday, in English", d -> browser.all(".journey-none").stream().findFirst().orElse(null));
        assertThat(noneEn.getText()).isEqualTo("No bus on Sundays.");
        browser.screenshot("journey-phone-en");

        // "Use my location" (a faked position at Neudrossenfeld's market square): the walk from there, as the API says.
        browser.cdp("Browser.grantPermissions", Map.of("origin", service.base, "permissions", List.of("geolocation")));
        browser.cdp("Emulation.setGeolocationOverride", Map.of("latitude", 50.0161, "longitude", 11.5031, "accuracy", 5));
        try {
            int fromHere = get("/places/" + place + "/way?mode=walk&lon=11.503100&lat=50.016100")
                    .path("properties").path("minutes").asInt();
            browser.find("#journey-locate").click();
            browser.await("the walking time from my location", d -> browser.all(".journey-walk[data-minutes]").stream()
                    .anyMatch(w -> w.getText().startsWith("On foot: " + fromHere + " min")) ? true : null);
            assertThat(browser.find(".journey-status").getText()).isEqualTo("From your location");
        } finally {
            browser.cdp("Emulation.clearGeolocationOverride", Map.of());
        }
        assertThat(browser.alerts()).isEmpty();
    }

    /** Picks the next day of the week (0 Sunday … 6 Saturday) that is not today, in the day list. */
    private void chooseDay(int weekday) {
        String value = (String) browser.js("return [...document.querySelectorAll('#journey-day option')]"
                + ".find(o => o.value && o.dataset.weekday === String(arguments[0])).value", weekday);
        new Select(browser.find("#journey-day")).selectByValue(value);
    }

    private List<String> awaitDepartures() {
        return browser.await("the departures", d -> {
            List<WebElement> items = browser.all(".journey-list li");
            return items.isEmpty() ? null : items.stream().map(WebElement::getText).toList();
        });
    }

    private JsonNode get(String path) throws Exception {
        var r = http.send(HttpRequest.newBuilder(URI.create(service.base + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    static {
        System.setProperty("webdriver.chrome.driver", Browser.CHROMEDRIVER.toString());
        System.setProperty("SE_AVOID_STATS", "true");
    }
}
