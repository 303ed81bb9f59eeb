package de.ortsanker.webmap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.ortsanker.imports.ImportResult;
import de.ortsanker.imports.Imports;
import de.ortsanker.testing.TestDatabase;
import de.ortsanker.testing.TestSchema;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The web map in a real headless Chromium against the packaged service on real PostGIS with the demo
 * region's data — one service and one browser for all tests. No basemap is reachable (its URL points at a
 * closed port, as on machines without internet): the tests also prove the map works without one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebMapBrowserIT {

    /** The budget for a first visit: our HTML, JS, CSS and data, compressed; basemap tiles excluded. */
    static final long FIRST_LOAD_BUDGET_BYTES = 300 * 1024;

    private TestSchema schema;
    private RunningService service;
    private Browser browser;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    void start() throws Exception {
        schema = TestDatabase.freshSchema();
        DemoRegion.load(schema);
        service = RunningService.start(Map.of("ORTSANKER_DB_URL", schema.jdbcUrl(), "ORTSANKER_DB_USER", schema.user(),
                "ORTSANKER_DB_PASSWORD", schema.password(),
                "ORTSANKER_BASEMAP_URL", "http://127.0.0.1:" + RunningService.freePort() + "/{z}/{x}/{y}.png"));
        browser = new Browser();
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

    @BeforeEach
    void desktop() {
        browser.size(1280, 860);
    }

    // ---- citizen map ------------------------------------------------------------------------------------

    @Test
    void searchSelectAndDetail() throws Exception {
        openMap("/map/");
        WebElement q = browser.find("#q");
        q.sendKeys("Harsd");
        WebElement suggestion = browser.await("a suggestion for Harsdorf", d -> browser.all("#suggestions [role=option]")
                .stream().filter(o -> o.getText().startsWith("Harsdorf")).findFirst().orElse(null));
        int before = renders();
        suggestion.click();
        awaitRendersAfter(before);
        assertThat(browser.find("#results-summary").getText()).contains("nach Entfernung von Harsdorf");
        assertThat(browser.driver.getCurrentUrl()).contains("q=Harsdorf").contains("at=");

        List<Double> distances = texts("#results .result-facts").stream().map(f -> metres(java.util.Arrays.stream(f.split(" · "))
                .filter(fact -> fact.matches("[\\d.,]+ k?m")).findFirst().orElseThrow())).toList();
        assertThat(distances).isNotEmpty().isSorted();
        browser.js("document.getElementById('filter-box').open = false");  // the list in view, for the picture
        browser.screenshot("citizen");
        browser.js("document.getElementById('filter-box').open = true");

        // A stop without a name is listed as its kind, said once.
        assertThat(texts("#results .result-name")).contains("Bushaltestelle (ohne Namen)");
        assertThat(texts("#results button.result")).filteredOn(r -> r.contains("ohne Namen"))
                .allSatisfy(r -> assertThat(r).doesNotContain("(ohne Namen)Bushaltestelle"));
        clickResult("Dorfgemeinschaftshaus Harsdorf");
        WebElement detail = browser.visible("#detail");
        browser.await("the detail of the village hall", d -> browser.find("#detail-name").getText()
                .equals("Dorfgemeinschaftshaus Harsdorf") ? true : null);
        String text = detail.getText();
        assertThat(text).contains("Dorfgemeinschaftshaus", "Hauptstraße 12, 95499 Harsdorf", "Öffnungszeiten", "Heute",
                "Stufenlos zugänglich", "Eintritt frei, kein Verzehrzwang", "Gemeinde Harsdorf (Gemeinde)",
                "Bürgerbüro Harsdorf", "Ohne Auto hinkommen", "Mitfahrbank Harsdorf Ortsmitte", "Bushaltestelle (ohne Namen)",
                "Quelle: ortsanker-fixture", "Lizenz: CC0-1.0", "Ortsanker test fixture");
        assertThat(text).containsPattern("Jetzt (geöffnet|geschlossen)");
        // Focus moves to the panel's heading, so a screen reader announces the place.
        assertThat(browser.js("return document.activeElement.id")).isEqualTo("detail-name");
        long id = placeId("village-hall/harsdorf");
        assertThat(browser.driver.getCurrentUrl()).contains("place=" + id);
        // The map opens clusters to show the chosen place, highlighted.
        browser.await("the chosen place's marker", d -> browser.all("#map .om-marker.om-selected").isEmpty()
                || !browser.all("#map .leaflet-zoom-anim").isEmpty() ? null : true);
        browser.screenshot("citizen-detail");

        // The address is the state: reloading shows the same place; back returns to the list.
        browser.open(browser.driver.getCurrentUrl());
        browser.await("the detail after reload", d -> browser.all("#detail-name").stream()
                .anyMatch(h -> h.getText().equals("Dorfgemeinschaftshaus Harsdorf")) ? true : null);
        browser.driver.navigate().back();
        browser.await("the detail to close on back", d -> browser.find("#detail").isDisplayed() ? null : true);
        assertThat(browser.driver.getCurrentUrl()).doesNotContain("place=");
    }

    /**
     * Issue 17, item 10: deep links like {@code /map/?place=…&view=…} sometimes threw a TypeError in the
     * marker-cluster code. Many deep links — places in dense clusters and alone, views at cluster zooms and close
     * up, off the place, without a view, with a filter that hides the place — each opened afresh: no page error
     * (uncaught errors and rejections are recorded from the first script on), the place's detail shown, and where
     * the view is the place's and no filter hides it, its marker shown highlighted on the map, out of any cluster.
     */
    @Test
    void deepLinksShowTheirPlaceWithoutAPageError() throws Exception {
        record Place(long id, double lat, double lon, String group) {
        }
        var places = new ArrayList<Place>();
        try (var c = schema.connect(); var st = c.createStatement();
             var rs = st.executeQuery("""
                     with shown as (
                       select p.id, p.geog, ST_Y(ST_PointOnSurface(p.geom)) lat, ST_X(ST_PointOnSurface(p.geom)) lon,
                              k.group_code
                         from places p join kinds k on k.code = p.kind
                        where p.is_public and p.retired_at is null and ST_Y(p.geom) between 49.9 and 50.1
                          and ST_X(p.geom) between 11.45 and 11.75)
                     (select id, lat, lon, group_code from shown s
                       order by (select count(*) from shown o where ST_DWithin(o.geog, s.geog, 400)) desc, id limit 3)
                     union all
                     (select id, lat, lon, group_code from shown order by md5(id::text) limit 5)""")) {
            while (rs.next()) {
                places.add(new Place(rs.getLong(1), rs.getDouble(2), rs.getDouble(3), rs.getString(4)));
            }
        }
        assertThat(places).hasSize(8);
        List<String> groups = List.of("third_places", "clubs", "meeting_rooms", "mobility", "vacant_buildings", "supply");
        int links = 0;
        var failures = new ArrayList<String>();  // all of them, not just the first: races show as patterns
        for (Place p : places) {
            String at = String.format(Locale.ROOT, "%.5f,%.5f", p.lat(), p.lon());
            String off = String.format(Locale.ROOT, "%.5f,%.5f", p.lat() + 0.03, p.lon() - 0.04);
            String other = groups.stream().filter(g -> !g.equals(p.group())).findFirst().orElseThrow();
            for (String query : List.of("place=" + p.id(), "place=" + p.id() + "&view=" + at + ",12",
                    "place=" + p.id() + "&view=" + at + ",10", "view=" + at + ",13&place=" + p.id(),
                    "place=" + p.id() + "&view=" + at + ",17", "place=" + p.id() + "&view=" + off + ",11",
                    "place=" + p.id() + "&view=" + at + ",12&kinds=" + other, "lang=en&place=" + p.id() + "&view=" + at + ",14")) {
                String link = "/map/?" + query;
                links++;
                browser.open(service.base + link);
                try {
                    browser.await(link + ": the place's detail", d -> browser.all("#detail-name").stream()
                            .anyMatch(h -> h.isDisplayed() && !h.getText().isBlank()) ? true : null);
                    boolean markerExpected = query.contains(at + ",") && !query.contains("kinds=");
                    if (markerExpected) {
                        browser.await(link + ": the place's marker, out of its cluster", java.time.Duration.ofSeconds(10),
                                d -> (Boolean) browser.js("""
                                const m = document.querySelector('#map .om-marker.om-selected');
                                if (!m || document.querySelector('#map .leaflet-zoom-anim')) return null;
                                const box = document.getElementById('map').getBoundingClientRect(), r = m.getBoundingClientRect();
                                const x = r.left + r.width / 2, y = r.top + r.height / 2;
                                return x >= box.left && x <= box.right && y >= box.top && y <= box.bottom ? true : null;"""));
                    }
                    // Let whatever the page started (answers, zooms, cluster animations) run out before looking.
                    browser.await(link + ": the map to settle", d -> (Boolean) browser.js("""
                            return document.querySelector('#map .leaflet-zoom-anim, #results[aria-busy=true]') ? null : true;"""));
                    Thread.sleep(400);
                } catch (org.openqa.selenium.TimeoutException e) {
                    failures.add(e.getMessage().lines().findFirst().orElse(link));
                }
                for (String error : browser.pageErrors()) {
                    failures.add(link + ": page error " + error);
                }
                if (!browser.driver.getCurrentUrl().contains("place=" + p.id())) {
                    failures.add(link + ": the address lost the place: " + browser.driver.getCurrentUrl());
                }
            }
        }
        assertThat(links).isEqualTo(64);
        assertThat(failures).isEmpty();
    }

    @Test
    void aFilterChangesListAndMap() throws Exception {
        openMap("/map/?view=50.0060,11.5450,12");
        int allInList = texts("#results button.result").size();
        long allOnMap = placesOnMap();
        assertThat(allInList).isGreaterThan(5);
        assertThat(allOnMap).isGreaterThanOrEqualTo(allInList);

        int before = renders();
        browser.find("#step").click();
        awaitRendersAfter(before);
        List<String> stepFree = texts("#results button.result");
        assertThat(stepFree).isNotEmpty().hasSizeLessThan(allInList);
        assertThat(stepFree).allSatisfy(b -> assertThat(b).contains("Stufenlos zugänglich"));
        assertThat(placesOnMap()).isLessThan(allOnMap);
        var listed = texts("#results .result-name");
        assertThat(markerNamesInView()).allSatisfy(name -> assertThat(listed).contains(name));
        assertThat(browser.driver.getCurrentUrl()).contains("step=1");

        // Open now: whatever the hour, the bench (24/7) is open; every place listed says it is open.
        before = renders();
        browser.find("#open").click();
        awaitRendersAfter(before);
        assertThat(texts("#results button.result")).isNotEmpty()
                .allSatisfy(b -> assertThat(b).contains("Jetzt geöffnet"))
                .anySatisfy(b -> assertThat(b).contains("Mitfahrbank Harsdorf Ortsmitte"));
        assertThat(browser.driver.getCurrentUrl()).contains("open=1");
        before = renders();
        browser.find("#open").click();
        awaitRendersAfter(before);

        // A kind group off: no such places in the list.
        before = renders();
        browser.find("input[name=kind][value=mobility]").click();
        awaitRendersAfter(before);
        assertThat(browser.all("#results .badge.om-mobility")).isEmpty();
        assertThat(browser.driver.getCurrentUrl()).contains("kinds=third_places,clubs,meeting_rooms,vacant_buildings,supply");

        // Back undoes the last filter.
        before = renders();
        browser.driver.navigate().back();
        awaitRendersAfter(before);
        assertThat(browser.find("input[name=kind][value=mobility]").isSelected()).isTrue();
        assertThat(browser.all("#results .badge.om-mobility")).isNotEmpty();

        // English on request, kept in the address.
        browser.find("#lang").click();
        assertThat(browser.find("#results-heading").getText()).isEqualTo("Results");
        assertThat(browser.find("#kinds legend").getText()).isEqualTo("What are you looking for?");
        assertThat(browser.find("#kinds").getText()).contains("Places to meet", "Ride benches & mobility");
        assertThat(browser.js("return document.documentElement.lang")).isEqualTo("en");
        assertThat(browser.driver.getCurrentUrl()).contains("lang=en");
    }

    @Test
    void clubsAndVolunteeringShowsEveryKindOfEngagement() throws Exception {
        openMap("/map/?view=50.0230,11.5350,13");
        for (String other : List.of("third_places", "meeting_rooms", "mobility", "vacant_buildings", "supply")) {
            int before = renders();
            browser.find("input[name=kind][value=" + other + "]").click();
            awaitRendersAfter(before);
        }
        // Only "Vereine & Engagement" is ticked: clubs, initiatives and volunteering opportunities, nothing else.
        assertThat(browser.driver.getCurrentUrl()).contains("kinds=clubs&").doesNotContain("kinds=club&");
        assertThat(texts("#results .result-name")).contains("Sportverein Harsdorf", "Dorfladen-Initiative Harsdorf",
                "Lesepatenschaft Neudrossenfeld");
        assertThat(browser.all("#results .badge")).isNotEmpty().allSatisfy(b -> assertThat(b.getAttribute("class"))
                .contains("om-clubs"));
        // A link shared before layers had one id (kinds=club meant the group there) shows the same.
        openMap("/map/?view=50.0230,11.5350,13&kinds=club");
        assertThat(texts("#results .result-name")).contains("Dorfladen-Initiative Harsdorf", "Lesepatenschaft Neudrossenfeld");
    }

    @Test
    void nearMeWithAFakedPosition() throws Exception {
        browser.cdp("Browser.grantPermissions", Map.of("origin", service.base, "permissions", List.of("geolocation")));
        browser.cdp("Emulation.setGeolocationOverride", Map.of("latitude", 50.0161, "longitude", 11.5031, "accuracy", 5));
        try {
            openMap("/map/");
            int before = renders();
            browser.find("#nearme").click();
            awaitRendersAfter(before);
            browser.await("the list from the faked position", d -> browser.find("#results-summary").getText()
                    .contains("nach Entfernung von Ihr Standort") ? true : null);
            assertThat(texts("#results button.result").get(0)).contains("Mitfahrbank Neudrossenfeld Marktplatz").contains("0 m");
            assertThat(browser.driver.getCurrentUrl()).contains("me=1").contains("at=50.016,11.503");
        } finally {
            browser.cdp("Emulation.clearGeolocationOverride", Map.of());
        }
    }

    @Test
    void anInjectedNameIsShownAsTextAndRunsNothing() throws Exception {
        long id = placeId("injection/waldau");
        openMap("/map/?place=" + id);
        browser.await("the injected place's detail", d -> browser.all("#detail-name").stream()
                .anyMatch(h -> h.getText().equals("<img src=x onerror=alert(1)>")) ? true : null);
        String detail = browser.find("#detail").getText();
        assertThat(detail).contains("<b>Betreiber</b>", "<script>alert(2)</script>", "<a href=javascript:alert(3)>fixture</a>");
        // In the list too, as text.
        assertThat(texts("#results .result-name")).contains("<img src=x onerror=alert(1)>");
        assertThat(browser.all("img[src=x], #detail script, #results img, #detail img, #detail b")).isEmpty();
        assertThat(browser.alerts()).isEmpty();
        // And typed into the search box.
        browser.find("#detail .close").click();
        browser.find("#q").sendKeys("<img src=x onerror=alert(1)>", Keys.ENTER);
        browser.await("an answer to the typed markup", d -> !browser.find("#search-status").getText().isEmpty()
                || !browser.all("#suggestions [role=option]").isEmpty() ? true : null);
        assertThat(browser.all("img[src=x]")).isEmpty();
        assertThat(browser.alerts()).isEmpty();
    }

    @Test
    void withoutABasemapTheMapStillShowsOurPlaces() throws Exception {
        openMap("/map/");
        browser.await("the note that the basemap is unreachable", d -> browser.all(".map-note").stream()
                .anyMatch(n -> n.getText().contains("Hintergrundkarte ist nicht erreichbar")) ? true : null);
        assertThat(placesOnMap()).isGreaterThan(10);
        assertThat(browser.all("#map .leaflet-tile-loaded")).isEmpty();
        assertThat(browser.find(".om-attribution").getText()).contains("© OpenStreetMap contributors", "Ortsanker test fixture");
    }

    @Test
    void firstLoadStaysWithinThePayloadBudget() throws Exception {
        browser.cdp("Network.enable", Map.of());
        browser.cdp("Network.setCacheDisabled", Map.of("cacheDisabled", true));
        try {
            openMap("/map/");
            @SuppressWarnings("unchecked")
            var entries = (List<Map<String, Object>>) browser.js("""
                    const own = e => e.name.startsWith(location.origin);
                    return [performance.getEntriesByType('navigation')[0], ...performance.getEntriesByType('resource')]
                      .filter(own).map(e => ({name: e.name, transfer: e.transferSize, encoded: e.encodedBodySize,
                                              decoded: e.decodedBodySize}));""");
            long total = entries.stream().mapToLong(e -> ((Number) e.get("transfer")).longValue()).sum();
            long uncompressed = entries.stream().mapToLong(e -> ((Number) e.get("decoded")).longValue()).sum();
            var report = new StringBuilder("first load of /map/ (cache disabled): " + total + " bytes transferred ("
                    + uncompressed + " uncompressed) in " + entries.size() + " requests; budget " + FIRST_LOAD_BUDGET_BYTES + "\n");
            entries.forEach(e -> report.append(e.get("transfer")).append('\t').append(e.get("decoded")).append('\t')
                    .append(e.get("name")).append('\n'));
            Files.createDirectories(Browser.SCREENSHOTS);
            Files.writeString(Browser.SCREENSHOTS.resolve("payload.txt"), report);
            assertThat(entries).extracting(e -> (String) e.get("name"))
                    .anyMatch(n -> n.endsWith("/leaflet.js")).anyMatch(n -> n.contains("/places/nearby"));
            // Every byte counted came over the wire (none from a cache), and the big script came compressed.
            assertThat(entries).allSatisfy(e -> assertThat(((Number) e.get("transfer")).longValue()).isPositive());
            var leaflet = entries.stream().filter(e -> ((String) e.get("name")).endsWith("/leaflet.js")).findFirst().orElseThrow();
            assertThat(((Number) leaflet.get("encoded")).longValue()).isLessThan(((Number) leaflet.get("decoded")).longValue() / 2);
            assertThat(total).as(report.toString()).isLessThanOrEqualTo(FIRST_LOAD_BUDGET_BYTES);
        } finally {
            browser.cdp("Network.setCacheDisabled", Map.of("cacheDisabled", false));
        }
    }

    @Test
    void keyboardOnlyWithVisibleFocus() throws Exception {
        openMap("/map/");
        browser.find("body").sendKeys(Keys.TAB);
        assertThat(browser.js("return document.activeElement.className")).isEqualTo("skip");
        assertThat(browser.js("return getComputedStyle(document.activeElement).left")).isNotEqualTo("-999px");
        browser.driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        assertThat(browser.js("return document.activeElement.id")).isEqualTo("results");
        browser.driver.switchTo().activeElement().sendKeys(Keys.TAB);
        assertThat(String.valueOf(browser.js("return document.activeElement.className"))).contains("result");
        assertThat(browser.js("return getComputedStyle(document.activeElement).outlineStyle")).isEqualTo("solid");
        browser.driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        browser.await("the detail opened by keyboard", d -> "detail-name".equals(browser.js("return document.activeElement.id")) ? true : null);
        browser.driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        browser.await("focus back on the list entry", d -> String.valueOf(browser.js("return document.activeElement.className"))
                .contains("result") ? true : null);
        // Every form control has an accessible name.
        assertThat(browser.js("""
                return [...document.querySelectorAll('input, button, select')].filter(e => e.offsetParent !== null)
                  .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !e.textContent.trim())
                  .map(e => e.outerHTML)""")).asList().isEmpty();
    }

    @Test
    void textContrastMeetsWcagAa() throws Exception {
        for (String page : List.of("/map/", "/map/planning", "/map/embed")) {
            browser.open(service.base + page);
            browser.await("the page's content", d -> browser.all("#results li, #villages tbody tr, #gis tbody tr").isEmpty() ? null : true);
            @SuppressWarnings("unchecked")
            var result = (Map<String, Object>) browser.js(CONTRAST);
            assertThat(((Number) result.get("checked")).intValue()).as(page).isGreaterThan(20);
            assertThat(result.get("bad")).as(page).asList().isEmpty();
        }
    }

    /**
     * Every visible text against the colour behind it (the first opaque background up the tree): at least
     * 4.5:1, or 3:1 for large text (WCAG 2.1 AA, 1.4.3). Returns how many texts it checked and the offenders.
     */
    static final String CONTRAST = """
            const rgb = c => (c.match(/[\\d.]+/g) || []).map(Number);
            const lum = ([r, g, b]) => [r, g, b].map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
              .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
            const background = e => {
              for (; e; e = e.parentElement) {
                const c = rgb(getComputedStyle(e).backgroundColor);
                if (c.length === 3 || c[3] > 0.5) return c.slice(0, 3);
              }
              return [255, 255, 255];
            };
            const bad = [];
            let checked = 0;
            for (const e of document.querySelectorAll('body *')) {
              if (![...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) continue;
              const style = getComputedStyle(e);
              if (!e.getClientRects().length || style.visibility === 'hidden' || e.closest('[aria-hidden=true]') && !e.classList.contains('badge')) continue;
              checked++;
              const fg = rgb(style.color), bg = background(e);
              const [a, b] = [lum(fg.slice(0, 3)), lum(bg)].sort((x, y) => y - x);
              const ratio = (a + 0.05) / (b + 0.05);
              const size = parseFloat(style.fontSize), bold = Number(style.fontWeight) >= 700;
              const large = size >= 24 || (bold && size >= 18.66);
              if (ratio < (large ? 3 : 4.5)) bad.push(`${ratio.toFixed(2)}: ${e.outerHTML.slice(0, 90)}`);
            }
            return {checked, bad};""";

    @Test
    void onAPhoneTouchTargetsAreLargeEnough() throws Exception {
        browser.size(390, 844);
        openMap("/map/");
        assertThat(browser.js("""
                return [...document.querySelectorAll('button, a, summary, label.check, .leaflet-control-zoom a')]
                  .filter(e => e.offsetParent !== null && !e.classList.contains('skip'))
                  .filter(e => e.getBoundingClientRect().height < 44)
                  .map(e => e.outerHTML.slice(0, 80))""")).asList().isEmpty();
        assertThat(browser.number("return document.documentElement.scrollWidth")).isLessThanOrEqualTo(390);
        browser.screenshot("citizen-phone");
    }

    // ---- planner view -----------------------------------------------------------------------------------

    @Test
    void plannerTableMatchesTheAnalysisAndSorts() throws Exception {
        JsonNode answer = get("/planning/underserved");
        int underserved = answer.get("villages").size();
        assertThat(underserved).isPositive();
        browser.open(service.base + "/map/planning");
        browser.await("the table of underserved villages", d -> browser.all("#villages tbody tr").size() == underserved ? true : null);
        assertThat(browser.find("#summary").getText()).contains(underserved + " von " + answer.get("totals").get("villages").asInt());
        // The map draws the same villages.
        assertThat(browser.all("#map path.leaflet-interactive")).hasSize(underserved);
        browser.await("the candidate sites", d -> browser.all("#candidates tbody tr").isEmpty() ? null : true);
        browser.js("document.getElementById('summary').scrollIntoView()");
        browser.screenshot("planner");

        browser.find("#villages th:nth-child(5) button").click();
        assertThat(browser.find("#villages th:nth-child(5)").getAttribute("aria-sort")).isEqualTo("ascending");
        List<Double> column = new ArrayList<>();
        browser.all("#villages tbody tr td:nth-child(5)").forEach(td -> column.add(metres(td.getText())));
        assertThat(column).isSorted();
        assertThat(browser.driver.getCurrentUrl()).contains("sort=nearest");

        // Downloads are the same analysis as CSV and GeoJSON.
        String csv = browser.find("#downloads a[href*='f=csv']").getAttribute("href");
        var csvAnswer = http.send(HttpRequest.newBuilder(URI.create(csv)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(csvAnswer.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/csv"));
        assertThat(csvAnswer.body().lines().count()).isEqualTo(underserved + 1);
        String perMunicipality = browser.find("#downloads a[href*='per=municipality']").getAttribute("href");
        assertThat(http.send(HttpRequest.newBuilder(URI.create(perMunicipality)).build(), HttpResponse.BodyHandlers.ofString())
                .body()).contains("Gemeinde").contains("Harsdorf");
        JsonNode geojson = json.readTree(URI.create(browser.find("#downloads a[href*='f=geojson']").getAttribute("href")).toURL());
        assertThat(geojson.get("features")).hasSize(underserved);

        // Candidate vacant buildings with their gain.
        assertThat(browser.find("#candidates").getText()).contains("Ehemaliger Gasthof Altenreuth");

        // A stricter rule finds more underserved villages.
        WebElement radius = browser.find("#rule-radius-1");
        radius.clear();
        radius.sendKeys("1000");
        browser.find("#rules-form button[type=submit]").click();
        browser.await("the analysis under the stricter rule", d -> browser.driver.getCurrentUrl().contains("rule=third_places:1000")
                && browser.find("#rules-form button[type=submit]").isEnabled() ? true : null);
        // Asked after the page's own request, so the two analyses do not race to store the area's latest result.
        int stricter = get("/planning/underserved?rule=third_places:1000&rule=mitfahrbank%7Cbus_stop:1000").get("villages").size();
        assertThat(stricter).isGreaterThan(underserved);
        assertThat(browser.all("#villages tbody tr")).hasSize(stricter);
    }

    // ---- embedding --------------------------------------------------------------------------------------

    @Test
    void theEmbedPageShowsTheChosenLayerInTheBox() throws Exception {
        browser.size(800, 500);
        browser.open(service.base + "/embed?layers=mobility&bbox=11.49,50.01,11.58,50.04");
        WebElement summary = browser.visible(".embed-list summary");
        browser.await("places in the embedded list", d -> summary.getText().matches("Liste \\([1-9]\\d*\\)") ? true : null);
        assertThat(browser.all("#map .om-marker")).isNotEmpty().allSatisfy(m -> assertThat(m.getAttribute("class")).contains("om-mobility"));
        browser.screenshot("embed");
        summary.click();
        browser.all(".embed-list li button").get(0).click();
        WebElement link = browser.visible(".leaflet-popup-content a");
        assertThat(link.getAttribute("href")).startsWith(service.base + "/map/?place=");
        assertThat(browser.driver.getTitle()).isEqualTo("Ortsanker: Mitfahrbänke & Mobilität");
    }

    @Test
    void theSnippetGeneratorWritesTheIframeAndListsGisAddresses() throws Exception {
        browser.open(service.base + "/map/embed");
        WebElement snippet = browser.visible("#snippet");
        browser.await("a snippet", d -> snippet.getAttribute("value").startsWith("<iframe src=\"" + service.base + "/embed?") ? true : null);
        browser.find("input[name=layer][value=clubs]").click();
        browser.find("input[name=filter][value=step_free]").click();
        browser.await("the snippet with the choice", d -> snippet.getAttribute("value").contains("filter=step_free")
                && !snippet.getAttribute("value").contains("clubs") ? true : null);
        assertThat(snippet.getAttribute("value")).contains("layers=third_places,meeting_rooms,mobility,vacant_buildings,supply");
        assertThat(browser.find("#preview").getAttribute("src")).contains("filter=step_free");
        assertThat(browser.find("#gis").getText()).contains("Treffpunkte", "Mitfahrbänke & Mobilität");
        // The GIS panel links each layer's OGC API Features items (served by this build).
        assertThat(browser.all("#gis a[href$='/collections/third_places/items']")).hasSize(1);
        browser.await("the preview's places", d -> (Boolean) browser.js("""
                const list = document.getElementById('preview').contentDocument?.querySelector('.embed-list summary');
                return list && /\\([1-9]/.test(list.textContent) ? true : null;"""));
        browser.js("document.getElementById('snippet').scrollIntoView({block: 'center'})");
        browser.screenshot("embed-code");
    }

    // ---- the planner picks an area; the citizen map on a phone; embedding by kind --------------------------

    /** Landkreis Bayreuth: the district the demo extract mostly lies in (Harsdorf is Kulmbach's). */
    static final String LANDKREIS_BAYREUTH = "09472";
    static final String HERZBERG = "12062224";

    @Test
    void thePlannerPicksALandkreisByTypingItsNameAndDownloadsItsCsv() throws Exception {
        browser.open(service.base + "/map/planning");
        browser.await("the first answer", d -> browser.all("#villages tbody tr").isEmpty() ? null : true);
        WebElement input = browser.find("#area-q");
        input.sendKeys("Bayreu");
        browser.await("the Landkreis among the suggestions", d -> browser.all("#area-options [data-ags='" + LANDKREIS_BAYREUTH + "']")
                .isEmpty() ? null : true);
        assertThat(input.getAttribute("aria-expanded")).isEqualTo("true");
        // By keyboard, as on a phone's keyboard or a screen reader: arrow to it, Enter.
        for (int i = 0; i < 10 && !String.valueOf(browser.js(
                "return document.querySelector('#area-options [aria-selected=true]')?.dataset.ags")).equals(LANDKREIS_BAYREUTH); i++) {
            input.sendKeys(Keys.ARROW_DOWN);
        }
        assertThat(input.getAttribute("aria-activedescendant")).startsWith("area-option-");
        input.sendKeys(Keys.ENTER);
        browser.await("the answer for the Landkreis", d -> browser.find("#summary").getText().startsWith("Landkreis Bayreuth:")
                && browser.find("#rules-form button[type=submit]").isEnabled() ? true : null);
        assertThat(browser.driver.getCurrentUrl()).contains("ags=" + LANDKREIS_BAYREUTH).doesNotContain("bbox=");
        assertThat(browser.find("input[name=area][value=ags]").isSelected()).isTrue();

        // Exactly the district's villages: the summary's total is PostGIS's count of them, its neighbours' left out.
        int villages = sqlNumber("""
                select count(distinct l.id) from localities l
                 where l.retired_at is null and l.kind in ('village', 'hamlet')
                   and (l.ags like '09472%' or l.ags is null and exists (
                        select 1 from admin_areas a where a.level = 'kreis' and a.retired_at is null and a.ags = '09472'
                           and ST_Intersects(a.geom, l.geom)))""");
        assertThat(villages).isPositive();
        assertThat(browser.find("#summary").getText()).contains(" von " + villages + " Orten");
        List<String> municipalities = texts("#villages tbody tr td:nth-child(3)");
        assertThat(municipalities).isNotEmpty();
        List<String> ofTheDistrict = sqlTexts("select name from admin_areas where level = 'gemeinde' and retired_at is null"
                + " and ags like '09472%'");
        assertThat(municipalities).allSatisfy(m -> assertThat(ofTheDistrict).contains(m));
        int rows = browser.all("#villages tbody tr").size();
        assertThat(browser.all("#map path.leaflet-interactive")).hasSize(rows);

        // Population sorted either way: "unbekannt" last.
        for (String direction : List.of("ascending", "descending")) {
            browser.find("#villages th:nth-child(4) button").click();
            browser.await("sorted " + direction, d -> direction.equals(browser.find("#villages th:nth-child(4)").getAttribute("aria-sort")) ? true : null);
            List<String> population = texts("#villages tbody tr td:nth-child(4)");
            int firstUnknown = population.indexOf("unbekannt");
            if (firstUnknown >= 0) {
                assertThat(population.subList(firstUnknown, population.size())).allSatisfy(p -> assertThat(p).isEqualTo("unbekannt"));
            }
        }

        // The download: the same villages, German headings and values.
        String csvLink = browser.find("#downloads a[href*='f=csv']:not([href*='per='])").getAttribute("href");
        assertThat(csvLink).contains("ags=" + LANDKREIS_BAYREUTH);
        var csv = http.send(HttpRequest.newBuilder(URI.create(csvLink)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v).contains("ags_09472"));
        List<String> lines = csv.body().lines().toList();
        assertThat(lines).hasSize(rows + 1);
        assertThat(lines.get(0)).contains("\"Ortsteil\"", "\"Einwohnerzahl: Methode\"");
        assertThat(lines.subList(1, lines.size())).allSatisfy(l -> assertThat(l).containsAnyOf("\"Dorf\"", "\"Weiler\"")
                .doesNotContain("\"hamlet\"", "\"village\"", "\"unknown\"", "none at all"));
        browser.screenshot("planner-landkreis");

        // The address is the state: opened again, the same district.
        String address = browser.driver.getCurrentUrl();
        browser.open(address);
        try {
            browser.await("the Landkreis after opening " + address, d -> browser.find("#summary").getText()
                    .startsWith("Landkreis Bayreuth:") ? true : null);
        } catch (RuntimeException e) {
            browser.screenshot("planner-landkreis-reopened");
            throw new AssertionError("summary: " + browser.find("#summary").getText(), e);
        }
        assertThat(browser.all("#villages tbody tr")).hasSize(rows);

        // In English, the page and its download are English, headings and values.
        browser.find("#lang").click();
        browser.await("the English summary", d -> browser.find("#summary").getText().contains(" of " + villages + " villages") ? true : null);
        String english = browser.find("#downloads a[href*='f=csv']:not([href*='per='])").getAttribute("href");
        assertThat(english).contains("lang=en").contains("ags=" + LANDKREIS_BAYREUTH);
        List<String> englishLines = http.send(HttpRequest.newBuilder(URI.create(english)).build(),
                HttpResponse.BodyHandlers.ofString()).body().lines().toList();
        assertThat(englishLines.get(0)).contains("\"Rank\"", "\"Village\"", "\"Population: method\"");
        assertThat(englishLines.subList(1, englishLines.size())).allSatisfy(l -> assertThat(l)
                .containsAnyOf("\"village\"", "\"hamlet\"").doesNotContain("\"Dorf\"", "\"Weiler\"", "unbekannt"));
    }

    @Test
    void onAPhoneTheCitizenFindsAStepFreePlaceToMeetNearADemoVillage() throws Exception {
        browser.size(390, 844);
        openMap("/map/");
        browser.find("#q").sendKeys("Harsd");
        WebElement suggestion = browser.await("a suggestion for Harsdorf", d -> browser.all("#suggestions [role=option]")
                .stream().filter(o -> o.getText().startsWith("Harsdorf")).findFirst().orElse(null));
        int before = renders();
        suggestion.click();
        awaitRendersAfter(before);
        // Filters fold away on a phone: open them, keep places to meet, only step-free.
        browser.find("#filter-box summary").click();
        for (String other : List.of("clubs", "meeting_rooms", "mobility", "vacant_buildings", "supply")) {
            before = renders();
            browser.find("input[name=kind][value=" + other + "]").click();
            awaitRendersAfter(before);
        }
        before = renders();
        browser.find("#step").click();
        awaitRendersAfter(before);
        assertThat(browser.driver.getCurrentUrl()).contains("kinds=third_places").contains("step=1");
        List<String> found = texts("#results button.result");
        assertThat(found).isNotEmpty().allSatisfy(r -> assertThat(r).contains("Stufenlos zugänglich"));
        assertThat(texts("#results .result-name")).contains("Dorfgemeinschaftshaus Harsdorf");
        assertThat(browser.number("return document.documentElement.scrollWidth")).isLessThanOrEqualTo(390);
        assertThat(browser.find(".leaflet-control-zoom-in").getAttribute("title")).isEqualTo("Vergrößern");
        clickResult("Dorfgemeinschaftshaus Harsdorf");
        browser.await("the detail, full screen", d -> browser.find("#detail").isDisplayed() ? true : null);
        assertThat(browser.find("#detail").getText()).contains("Stufenlos zugänglich", "Quelle: ortsanker-fixture");
        browser.screenshot("citizen-phone-found");
    }

    @Test
    void anElbeElsterGemeindeShowsItsPopulationAndItsStops() throws Exception {
        // The planner finds Herzberg (Elster) by name, with its official population …
        browser.open(service.base + "/map/planning");
        browser.find("#area-q").sendKeys("Herzberg");
        WebElement herzberg = browser.await("Herzberg (Elster) among the suggestions",
                d -> browser.all("#area-options [data-ags='" + HERZBERG + "']").stream().findFirst().orElse(null));
        int people = sqlNumber("select population from official_population where ags = '" + HERZBERG + "'"
                + " and retired_at is null");
        assertThat(people).isGreaterThan(5000);
        assertThat(herzberg.getText()).contains("Elbe-Elster").contains(String.format(Locale.GERMANY, "%,d", people));

        // … and the citizen's map of the town lists its stops, nearest first, as PostGIS orders them.
        openMap("/map/?kinds=mobility&view=51.68340,13.23360,15");
        List<String> nearest = sqlTexts("select name from places where source = 'VBB stations' and retired_at is null"
                + " order by geog <-> ST_Point(13.2336, 51.6834, 4326)::geography limit 3");
        assertThat(nearest).hasSize(3).allSatisfy(n -> assertThat(n).startsWith("Herzberg (Elster)"));
        browser.await("Herzberg's stops in the list", d -> texts("#results .result-name").containsAll(nearest) ? true : null);
        browser.screenshot("elbe-elster-herzberg");
    }

    @Test
    void whatTheServiceRefusesIsSaidInThePagesLanguage() throws Exception {
        // A key nobody has: the service answers 404 and 400 problems (in English); the page says it in German …
        browser.open(service.base + "/map/planning?ags=09999");
        browser.await("the refusal", d -> browser.find("#summary").getText().contains("fehlgeschlagen") ? true : null);
        assertThat(browser.find("#summary").getText())
                .isEqualTo("Die Auswertung ist fehlgeschlagen: Der Dienst konnte diese Angabe nicht verwenden: ags.");
        assertThat(browser.find("#area-status").getText()).isEqualTo("Nicht gefunden.");
        // … and an English page in English (the service's own words).
        browser.open(service.base + "/map/planning?ags=09999&lang=en");
        browser.await("the refusal in English", d -> browser.find("#summary").getText().contains("failed") ? true : null);
        assertThat(browser.find("#summary").getText()).startsWith("The analysis failed: ").contains("09999");
    }

    @Test
    void onAPhoneThePlannersLegendFoldsAway() throws Exception {
        browser.size(390, 844);
        browser.open(service.base + "/map/planning?ags=" + LANDKREIS_BAYREUTH);
        browser.await("the answer", d -> browser.find("#summary").getText().startsWith("Landkreis Bayreuth:") ? true : null);
        assertThat(browser.js("return document.getElementById('legend-box').open")).isEqualTo(false);
        browser.find("#legend-box summary").click();
        assertThat(browser.js("return document.getElementById('legend-box').open")).isEqualTo(true);
    }

    @Test
    void anEmbedOfOneKindShowsOnlyThatKind() throws Exception {
        browser.size(800, 500);
        browser.open(service.base + "/embed?layers=mitfahrbank&bbox=11.45,49.99,11.62,50.05");
        WebElement summary = browser.visible(".embed-list summary");
        browser.await("places in the embedded list", d -> summary.getText().matches("Liste \\([1-9]\\d*\\)") ? true : null);
        // As many as PostGIS holds Mitfahrbänke in the view the embed shows (its address tells the view).
        String view = browser.await("the view in the address", d -> java.util.Arrays.stream(
                URI.create(browser.driver.getCurrentUrl()).getRawQuery().split("&")).filter(p -> p.startsWith("bbox="))
                .map(p -> p.substring(5)).findFirst().orElse(null));
        String[] b = view.split(",");
        int inView = sqlNumber("select count(*) from places where kind = 'mitfahrbank' and is_public and retired_at is null"
                + " and ST_Intersects(geom, ST_MakeEnvelope(" + String.join(", ", b) + ", 4326))");
        int notBenches = sqlNumber("select count(*) from places where kind <> 'mitfahrbank' and is_public and retired_at is null"
                + " and ST_Intersects(geom, ST_MakeEnvelope(" + String.join(", ", b) + ", 4326))");
        assertThat(notBenches).as("other places in view that must not show").isPositive();
        assertThat(summary.getText()).isEqualTo("Liste (" + inView + ")");
        summary.click();
        assertThat(texts(".embed-list li")).allSatisfy(name -> assertThat(name).contains("Mitfahrbank"));
        assertThat(browser.driver.getTitle()).isEqualTo("Ortsanker: Mitfahrbank");
        assertThat(browser.all(".embed-unknown")).isEmpty();
    }

    @Test
    void anUnknownLayerIsSaidNeverEverything() throws Exception {
        browser.size(800, 500);
        browser.open(service.base + "/embed?layers=mitfahrbenk&bbox=11.45,49.99,11.62,50.05");
        WebElement note = browser.visible(".embed-unknown");
        assertThat(note.getText()).contains("Unbekannte Ebene: mitfahrbenk", "keine Orte");
        assertThat(browser.find(".embed-list summary").getText()).isEqualTo("Liste (0)");
        assertThat(browser.all("#map .om-marker, #map .om-cluster")).isEmpty();
        browser.screenshot("embed-unknown");

        // The generator says so too, and leaves the name out of the code.
        browser.size(1280, 860);
        browser.open(service.base + "/map/embed?layers=mitfahrbank,mitfahrbenk");
        WebElement error = browser.visible("#layers-error");
        assertThat(error.getText()).contains("mitfahrbenk");
        WebElement snippet = browser.visible("#snippet");
        browser.await("a snippet", d -> snippet.getAttribute("value").contains("layers=mitfahrbank") ? true : null);
        assertThat(snippet.getAttribute("value")).doesNotContain("mitfahrbenk");
        assertThat(browser.find("input[name=kind][value=mitfahrbank]").isSelected()).isTrue();
        assertThat(browser.find("input[name=layer][value=mobility]").isSelected()).isFalse();
        // Kinds are picked one by one under their layer.
        browser.find("input[name=kind][value=bus_stop]").click();
        browser.await("the snippet with both kinds", d -> snippet.getAttribute("value").contains("layers=mitfahrbank,bus_stop") ? true : null);
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private void openMap(String path) {
        browser.open(service.base + path);
        browser.await("the list of places", d -> renders() > 0 ? true : null);
    }

    /** The texts of all elements matching css, read in one step (the list may be redrawn meanwhile). */
    @SuppressWarnings("unchecked")
    private List<String> texts(String css) {
        return (List<String>) browser.js("return [...document.querySelectorAll(arguments[0])].map(e => e.textContent)", css);
    }

    /** Clicks the list entry of the place called name, once the list shows it. */
    private void clickResult(String name) {
        browser.await(name + " in the list", d -> (Boolean) browser.js("""
                const b = [...document.querySelectorAll('#results button.result')]
                  .find(e => e.querySelector('.result-name').textContent === arguments[0]);
                if (b) b.click();
                return b ? true : null;""", name));
    }

    private int renders() {
        Object n = browser.js("return document.getElementById('results')?.dataset.renders");
        return n == null ? 0 : Integer.parseInt(n.toString());
    }

    private void awaitRendersAfter(int before) {
        browser.await("a new list", d -> renders() > before ? true : null);
    }

    /** Places drawn on the map: single markers plus the counts on cluster icons. */
    private long placesOnMap() {
        return browser.number("""
                return document.querySelectorAll('#map .om-marker').length
                  + [...document.querySelectorAll('#map .om-cluster')].reduce((s, c) => s + Number(c.textContent), 0)""");
    }

    @SuppressWarnings("unchecked")
    private List<String> markerNamesInView() {
        return (List<String>) browser.js("""
                const box = document.getElementById('map').getBoundingClientRect();
                return [...document.querySelectorAll('#map .om-marker')].filter(m => {
                  const r = m.getBoundingClientRect(); const x = r.left + r.width / 2, y = r.top + r.height / 2;
                  return x >= box.left && x <= box.right && y >= box.top && y <= box.bottom;
                }).map(m => m.getAttribute('title'))""");
    }

    /** "350 m", "1,2 km", "2.374 m", "–" (within the radius: 0), "keiner" (none: infinite). */
    private static double metres(String text) {
        String t = text.strip();
        if (t.equals("–")) {
            return 0;
        }
        if (t.equals("keiner")) {
            return Double.POSITIVE_INFINITY;
        }
        boolean km = t.endsWith("km");
        double value = Double.parseDouble(t.replaceAll("[^0-9,]", "").replace(',', '.'));
        return km ? value * 1000 : value;
    }

    private int sqlNumber(String sql) throws Exception {
        try (var c = schema.connect(); var st = c.createStatement(); var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private List<String> sqlTexts(String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (var c = schema.connect(); var st = c.createStatement(); var rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private long placeId(String sourceId) throws Exception {
        try (var c = schema.connect(); var st = c.prepareStatement("select id from places where source_id = ?")) {
            st.setString(1, sourceId);
            try (var rs = st.executeQuery()) {
                assertThat(rs.next()).as("fixture place %s", sourceId).isTrue();
                return rs.getLong(1);
            }
        }
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        var response = http.send(HttpRequest.newBuilder(URI.create(service.base + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    /**
     * The demo region as scripts/run.sh loads it — OSM north of Bayreuth and the BKG municipalities and
     * districts, through the real importer — plus the hand-made places the 2014 extract lacks (Mitfahrbänke,
     * a club, a room, vacant buildings, a village hall, a place named as an HTML injection).
     */
    static final class DemoRegion {
        private static void sleep(long ms) {
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        static final Path DATA = Path.of(System.getProperty("ortsanker.data", "../data"));

        static void load(TestSchema schema) throws IOException {
            // As scripts/run.sh: Upper Franconia, the boundaries, and Elbe-Elster's stops with the official populations.
            for (String file : List.of("osm/north-bayreuth.osm.pbf", "vg5000/VG5000_KRS.shp", "vg5000/VG5000_GEM.shp",
                    "stops/vbb-stations-8.31.0-bbox-13.0-14.0E-51.3-51.9N.csv", "population/AuszugGV4QAktuell_2024.xlsx")) {
                ImportResult result = Imports.importFile(schema.dataSource(), DATA.resolve(file));
                // The importer's per-source lock spans the whole database, not one schema: another test
                // importing the same file elsewhere (a colleague's run on a shared server) makes us wait.
                for (int tries = 0; result.status() == ImportResult.Status.FAILED && result.error() != null
                        && result.error().contains("another import of source") && tries < 60; tries++) {
                    sleep(2000);
                    result = Imports.importFile(schema.dataSource(), DATA.resolve(file));
                }
                assertThat(result.status()).as("import of %s: %s %s", file, result.error(), result.problems()).isEqualTo(ImportResult.Status.SUCCEEDED);
            }
            try (InputStream in = WebMapBrowserIT.class.getResourceAsStream("/webmap/hand-made-places.sql")) {
                schema.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8), "analyze");
            }
        }
    }

    static {
        // Keep Selenium from looking for drivers on the internet: the path is given.
        System.setProperty("webdriver.chrome.driver", Browser.CHROMEDRIVER.toString());
        System.setProperty("SE_AVOID_STATS", "true");
    }

}
