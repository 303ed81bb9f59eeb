package de.ortsanker.webmap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.ortsanker.testing.TestSchema;
import de.ortsanker.testing.TestDatabase;
import de.ortsanker.tiles.DecodedTile;
import de.ortsanker.tiles.Fixtures;
import de.ortsanker.tiles.TileAddress;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * The "done when" for editing, in a real headless Chromium against the packaged service on real
 * PostGIS with the demo region's data: an administrator (made by {@code create-admin}, as on a server) signs
 * in and makes a steward for Harsdorf, picking the municipality by name; the steward signs in and adds a
 * Mitfahrbank by clicking the map inside Harsdorf; it is at once in the public map, in the vector tile that
 * holds it and in OGC API Features; a steward of another municipality is offered no edit and refused by the
 * API; the first steward reverts it on the history page and it is gone from all three.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EditingBrowserIT {

    static final String PASSWORD = "Rathausplatz Mitfahrbank 2026";
    static final String BENCH = "Mitfahrbank Am Testanger";

    private TestSchema schema;
    private RunningService service;
    private Browser browser;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private Map<String, String> env;

    @BeforeAll
    void start() throws Exception {
        schema = TestDatabase.freshSchema();
        WebMapBrowserIT.DemoRegion.load(schema);
        env = Map.of("ORTSANKER_DB_URL", schema.jdbcUrl(), "ORTSANKER_DB_USER", schema.user(),
                "ORTSANKER_DB_PASSWORD", schema.password(),
                "ORTSANKER_BASEMAP_URL", "http://127.0.0.1:" + RunningService.freePort() + "/{z}/{x}/{y}.png");
        createAdmin("kreis-admin");
        service = RunningService.start(env);
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

    /** As an operator does it: {@code java -jar geo-service.jar create-admin LOGIN}, the password on stdin. */
    private void createAdmin(String login) throws Exception {
        var pb = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                Path.of(System.getProperty("ortsanker.jar", "target/geo-service.jar")).toString(), "create-admin", login));
        pb.environment().keySet().removeIf(k -> k.startsWith("ORTSANKER_"));
        pb.environment().putAll(env);
        pb.redirectErrorStream(true);
        var process = pb.start();
        try (var in = process.getOutputStream()) {
            in.write((PASSWORD + "\n").getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
    }

    @Test
    void anAdministratorMakesAStewardWhoAddsAMitfahrbankThatShowsEverywhereAtOnceAndIsRevertedAway() throws Exception {
        String harsdorf = text("select ags from admin_areas where level = 'gemeinde' and retired_at is null and name = 'Harsdorf'");
        String other = text("select ags from admin_areas where level = 'gemeinde' and retired_at is null and name = 'Neudrossenfeld'");
        // A spot inside Harsdorf with no place within 150 m (so the click lands on the map, not on a marker).
        double[] spot = point("""
                select ST_X(p), ST_Y(p) from (select ST_PointOnSurface(ST_Difference(a.geom, coalesce((select
                  ST_Union(ST_Buffer(p.geog, 150)::geometry) from places p where p.retired_at is null
                  and ST_DWithin(p.geog, a.geom::geography, 200)), 'POLYGON EMPTY'::geometry))) p
                  from admin_areas a where a.level = 'gemeinde' and a.retired_at is null and a.ags = '%s') q""".formatted(harsdorf));

        // ---- the administrator makes two stewards in the page, choosing each municipality by name ----
        signIn("kreis-admin", PASSWORD, "/map/admin");
        browser.visible("#new-account");
        makeSteward("pflege-harsdorf", "Harsdorf", harsdorf);
        makeSteward("pflege-neudrossenfeld", "Neudrossenfeld", other);
        browser.screenshot("editing-admin");
        assertThat(list("select a.login || ':' || r.role || ':' || r.territory from account_roles r join accounts a"
                + " on a.id = r.account_id where a.login in ('pflege-harsdorf', 'pflege-neudrossenfeld') order by a.login"))
                .containsExactly("pflege-harsdorf:municipality_steward:" + harsdorf,
                        "pflege-neudrossenfeld:municipality_steward:" + other);

        // ---- the tiles before: the one that will hold the bench, its neighbour, another layer's ----
        TileAddress holding = Fixtures.tileAt(14, spot[0], spot[1]);
        TileAddress neighbour = new TileAddress(14, holding.x() + 1, holding.y());
        var holdingBefore = tile("mobility", holding, null);
        var neighbourBefore = tile("mobility", neighbour, null);
        var clubsBefore = tile("clubs", holding, null);
        assertThat(names(holdingBefore, "mobility")).doesNotContain(BENCH);

        // ---- the steward signs in and adds a Mitfahrbank by clicking the map ----
        signOutByForgetting();
        signIn("pflege-harsdorf", PASSWORD, f("/map/?view=%.6f,%.6f,17", spot[1], spot[0]));
        browser.await("signed in", d -> browser.all("#signed-in-as").isEmpty() ? null : true);
        assertThat(browser.find("#signed-in-as").getText()).contains("pflege-harsdorf");
        browser.find("#add-place").click();
        browser.visible("#place-form");
        assertThat(browser.js("return document.activeElement.id")).isEqualTo("editor-heading");
        new Select(browser.find("#place-form select[name=kind]")).selectByValue("mitfahrbank");
        browser.find("#place-form input[name=name]").sendKeys(BENCH);
        new Actions(browser.driver).moveToElement(browser.find("#map")).click().perform();
        browser.await("the clicked position", d -> browser.find("#position-text").getText().startsWith("Lage:") ? true : null);
        String[] shown = browser.find("#position-text").getText().replace("Lage:", "").split(",");
        // Opening hours are read by the service while typing, and shown as a week in words.
        browser.find("#place-form input[name=opening_hours]").sendKeys("Mo-Su 06:00-22:00");
        browser.await("the hours preview", d -> browser.find("#hours-preview").getText().contains("06:00–22:00") ? true : null);
        browser.screenshot("editing-add");
        browser.find("#save-place").click();
        browser.await("the new place's detail", d -> browser.all("#detail-name").stream()
                .anyMatch(h -> h.getText().equals(BENCH)) ? true : null);
        long id = Long.parseLong(text("select id from places where name = '" + BENCH + "' and retired_at is null"));
        // Where the click was: inside Harsdorf, where the page said (5 decimals: within 2 m), at the centre of the
        // map opened around the spot (its address rounds the view: within 100 m). PostGIS measures.
        assertThat(text("select ST_Intersects(a.geom, p.geom) from places p, admin_areas a where p.id = " + id
                + " and a.level = 'gemeinde' and a.retired_at is null and a.ags = '" + harsdorf + "'")).isEqualTo("t");
        assertThat(Double.parseDouble(text("select ST_Distance(geog, ST_MakePoint(%s, %s)::geography) from places where id = %d"
                .formatted(shown[1].strip(), shown[0].strip(), id)))).isLessThan(2);
        assertThat(Double.parseDouble(text(f("select ST_Distance(geog, ST_MakePoint(%f, %f)::geography) from places where id = %d", spot[0], spot[1], id)))).isLessThan(100);
        assertThat(text("select edited_by from places where id = " + id)).isEqualTo("pflege-harsdorf");

        // ---- at once: the public map, the tile holding it, OGC items ----
        browser.await("the bench in the list", d -> texts("#results .result-name").contains(BENCH) ? true : null);
        assertThat(get("/places/" + id).statusCode()).isEqualTo(200);
        var item = get("/collections/mobility/items/" + id);
        assertThat(item.statusCode()).isEqualTo(200);
        assertThat(json.readTree(item.body()).at("/properties/name").asText()).isEqualTo(BENCH);
        var holdingAfter = tile("mobility", holding, etag(holdingBefore));
        assertThat(holdingAfter.statusCode()).isEqualTo(200);
        assertThat(names(holdingAfter, "mobility")).contains(BENCH);
        // The neighbouring tile of the same layer is still the one the client has (exact invalidation: only
        // the tiles the change reaches are made again), and so is another layer's tile.
        assertThat(tile("mobility", neighbour, etag(neighbourBefore)).statusCode()).isEqualTo(304);
        assertThat(names(tile("mobility", neighbour, null), "mobility")).isEqualTo(names(neighbourBefore, "mobility"));
        assertThat(tile("clubs", holding, etag(clubsBefore)).statusCode()).isEqualTo(304);

        // ---- a steward of another municipality sees it, is offered no edit, and the API refuses ----
        signOutByForgetting();
        signIn("pflege-neudrossenfeld", PASSWORD, "/map/?place=" + id);
        browser.await("the bench's detail", d -> browser.all("#detail-name").stream()
                .anyMatch(h -> h.getText().equals(BENCH)) ? true : null);
        browser.await("the refusal note", d -> browser.all("#detail .not-yours").isEmpty() ? null : true);
        assertThat(browser.all("#detail .edit-place")).isEmpty();
        assertThat(browser.all("#detail .retire-place")).isEmpty();
        Object status = browser.driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('/account/csrf').then(r => r.json()).then(c => fetch('/places/' + arguments[0], {method: 'PATCH',
                  headers: {'Content-Type': 'application/json', 'If-Match': '*', [c.header]: c.token},
                  body: JSON.stringify({name: 'Übernommen'})})).then(r => done(r.status));""", id);
        assertThat(((Number) status).intValue()).isEqualTo(403);
        assertThat(text("select name from places where id = " + id)).isEqualTo(BENCH);

        // ---- the first steward edits it: the service's refusal beside its field; a stale edit explained ----
        signOutByForgetting();
        signIn("pflege-harsdorf", PASSWORD, "/map/?place=" + id);
        browser.await("the edit button", d -> browser.all("#detail .edit-place").isEmpty() ? null : true);
        browser.find("#detail .edit-place").click();
        browser.visible("#place-form");
        var postcode = browser.find("#place-form input[name=addr_postcode]");
        postcode.sendKeys("9549");
        browser.find("#save-place").click();
        var postcodeError = browser.visible("#place-form [data-field=addr_postcode] .field-error");
        assertThat(postcodeError.getText()).contains("Bitte prüfen", "five digits");
        assertThat(postcode.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(postcode.getAttribute("aria-describedby")).contains(postcodeError.getAttribute("id"));
        assertThat(browser.js("return document.activeElement.name")).isEqualTo("addr_postcode");
        assertThat(text("select coalesce(addr_postcode, '-') from places where id = " + id)).isEqualTo("-");
        // Someone else changes the place meanwhile: the save is refused as stale, and the page offers a reload.
        schema.execute("update places set description = 'Von anderer Stelle ergänzt' where id = " + id);
        postcode.clear();
        postcode.sendKeys("95499");
        browser.find("#save-place").click();
        browser.await("the stale edit explained", d -> browser.all("#reload-place").isEmpty() ? null : true);
        assertThat(browser.js("return document.querySelector('#place-form .form-error').textContent")).asString()
                .contains("inzwischen geändert");
        browser.find("#reload-place").click();
        browser.await("the form with the other change", d -> "Von anderer Stelle ergänzt".equals(browser.js(
                "return document.querySelector('#place-form textarea[name=description]')?.value")) ? true : null);
        browser.find("#place-form input[name=addr_postcode]").sendKeys("95499");
        browser.find("#save-place").click();
        browser.await("the saved detail", d -> browser.all("#detail-name").isEmpty() ? null : true);
        assertThat(text("select addr_postcode || ' ' || description from places where id = " + id))
                .isEqualTo("95499 Von anderer Stelle ergänzt");

        // ---- the first steward reverts it on the history page: gone from map, tile and OGC items ----
        browser.await("the history link", d -> browser.all("#detail .history-link").isEmpty() ? null : true);
        browser.find("#detail .history-link").click();
        browser.visible("#versions .version");
        assertThat(browser.find("#versions").getText()).contains(BENCH, "Version 1");
        browser.find("#revert-comment-0").sendKeys("Testeintrag entfernt");
        browser.find("button.revert-button[data-version='0']").click();
        browser.await("the reverted history", d -> browser.find("#versions").getText().contains("Grund: Testeintrag entfernt") ? true : null);
        assertThat(browser.find("#versions").getText()).contains("Postleitzahl", "95499", "in der Datenbank");
        browser.screenshot("editing-history");
        assertThat(get("/places/" + id).statusCode()).isEqualTo(404);
        assertThat(get("/collections/mobility/items/" + id).statusCode()).isEqualTo(404);
        var holdingReverted = tile("mobility", holding, etag(holdingAfter));
        assertThat(holdingReverted.statusCode()).isEqualTo(200);
        assertThat(names(holdingReverted, "mobility")).doesNotContain(BENCH).isEqualTo(names(holdingBefore, "mobility"));
        browser.open(service.base + f("/map/?view=%.6f,%.6f,17", spot[1], spot[0]));
        browser.await("the list without the bench", d -> {
            Object n = browser.js("return document.getElementById('results')?.dataset.renders");
            return n != null && !texts("#results .result-name").contains(BENCH) ? true : null;
        });
        // Retired, its history is no longer the public's either.
        assertThat(get("/places/" + id + "/history").statusCode()).isEqualTo(404);
        assertThat(browser.alerts()).isEmpty();
    }

    @Test
    void onAPhoneInEnglishASourceStewardResolvesAConflictWithTheSourceOnTheHistoryPage() throws Exception {
        String source = "vereinsliste-harsdorf";
        double[] at = point("select ST_X(p), ST_Y(p) from (select ST_PointOnSurface(geom) p from admin_areas"
                + " where level = 'gemeinde' and retired_at is null and name = 'Harsdorf') q");
        importList(source, at, "Schießstand");
        long id = Long.parseLong(text("select id from places where source = '" + source + "' and source_id = '1'"));
        // A hand edit (as the editing API marks it), then the list changes the same record.
        schema.execute("update places set name = 'Schützengilde Harsdorf', edited_at = now() where id = " + id);
        importList(source, at, "Schießstand und Vereinsheim");
        assertThat(text("select count(*) from place_source_conflicts where place_id = " + id)).isEqualTo("1");

        // The administrator makes a steward of the list (a source is typed, not searched).
        signOutByForgetting();
        signIn("kreis-admin", PASSWORD, "/map/admin");
        browser.visible("#new-account");
        browser.find("#new-login").sendKeys("pflege-liste");
        browser.find("#new-password").sendKeys(PASSWORD);
        new Select(browser.find("#new-role-fields select")).selectByValue("source_steward");
        browser.find("#new-role-fields input[role=combobox]").sendKeys(source);
        browser.find("#create-account").click();
        browser.await("the list's steward", d -> browser.all("#accounts .account-item[data-login='pflege-liste']")
                .stream().anyMatch(i -> i.getText().contains(source)) ? true : null);

        // On a phone, in English: the conflict beside the history, resolved by taking the list's values.
        signOutByForgetting();
        browser.size(390, 844);
        try {
            signIn("pflege-liste", PASSWORD, "/map/history?place=" + id + "&lang=en");
            var conflict = browser.visible("#conflict");
            assertThat(conflict.getText()).contains("Conflict with the source", source, "Schützengilde Harsdorf",
                    "Schießstand und Vereinsheim");
            assertThat(browser.js("""
                    return [...document.querySelectorAll('button, a, input, select, textarea')]
                      .filter(e => e.offsetParent !== null)
                      .filter(e => e.getBoundingClientRect().height < 44)
                      .map(e => e.outerHTML.slice(0, 80))""")).asList().isEmpty();
            assertThat(browser.number("return document.documentElement.scrollWidth")).isLessThanOrEqualTo(390);
            browser.screenshot("editing-conflict-phone");
            browser.find("#conflict-comment").sendKeys("the list is right");
            browser.find("#take-source").click();
            browser.await("the conflict resolved", d -> browser.find("#conflict").isDisplayed() ? null : true);
            browser.await("the new version", d -> browser.find("#versions").getText().contains("Reason: the list is right") ? true : null);
        } finally {
            browser.size(1280, 860);
        }
        assertThat(text("select name || ' / ' || description || ' / ' || (edited_at is null) from places where id = " + id))
                .isEqualTo("Schützenverein Harsdorf / Schießstand und Vereinsheim / true");
        assertThat(text("select count(*) from place_source_conflicts where place_id = " + id)).isEqualTo("0");
    }

    private void importList(String source, double[] at, String description) throws Exception {
        Path file = java.nio.file.Files.createTempFile("vereinsliste", ".csv");
        java.nio.file.Files.writeString(file, f("id;name;kind;beschreibung;lon;lat%n1;Schützenverein Harsdorf;club;%s;%.6f;%.6f%n",
                description, at[0], at[1]));
        var result = de.ortsanker.imports.Imports.importFile(schema.dataSource(), file, de.ortsanker.imports.ImportOptions
                .builder().source(source).licence("CC0-1.0").attribution("Gemeinde Harsdorf").build());
        assertThat(result.status()).as("%s %s", result.error(), result.problems())
                .isEqualTo(de.ortsanker.imports.ImportResult.Status.SUCCEEDED);
    }

    // ---- steps ----

    private void signIn(String login, String password, String back) {
        browser.open(service.base + "/map/login?return=" + java.net.URLEncoder.encode(back, StandardCharsets.UTF_8));
        browser.visible("#login").sendKeys(login);
        browser.find("#password").sendKeys(password, Keys.ENTER);
        browser.await("back at " + back, d -> d.getCurrentUrl().contains(back.replaceAll("\\?.*", "")) && !d.getCurrentUrl().contains("/login") ? true : null);
    }

    /** A new person at the same browser: the session cookie is gone. */
    private void signOutByForgetting() {
        browser.driver.manage().deleteAllCookies();
    }

    private void makeSteward(String login, String municipality, String ags) {
        browser.find("#new-login").sendKeys(login);
        browser.find("#new-password").sendKeys(PASSWORD);
        new Select(browser.find("#new-role-fields select")).selectByValue("municipality_steward");
        var territory = browser.find("#new-role-fields input[role=combobox]");
        territory.sendKeys(municipality);
        browser.await("the municipality offered", d -> browser.all("#new-role-fields [role=option]").stream()
                .anyMatch(o -> o.getText().startsWith(municipality + " (")) ? true : null);
        // By keyboard: down to the municipality, Enter.
        var options = browser.all("#new-role-fields [role=option]");
        int index = 0;
        while (!options.get(index).getText().startsWith(municipality + " (")) {
            index++;
        }
        for (int i = 0; i <= index; i++) {
            territory.sendKeys(Keys.ARROW_DOWN);
        }
        territory.sendKeys(Keys.ENTER);
        assertThat(browser.find("#new-role-fields .chosen-area").getText()).contains(ags);
        browser.find("#create-account").click();
        browser.await("the new account listed", d -> browser.all("#accounts .account-item[data-login='" + login + "']")
                .stream().anyMatch(i -> i.getText().contains(ags)) ? true : null);
    }

    // ---- reading ----

    /** Numbers in SQL and addresses: a decimal point whatever the machine's locale. */
    private static String f(String pattern, Object... args) {
        return String.format(java.util.Locale.ROOT, pattern, args);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(service.base + path)).header("Accept", "application/geo+json, application/json")
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<byte[]> tile(String tileset, TileAddress a, String ifNoneMatch) throws Exception {
        var b = HttpRequest.newBuilder(URI.create(service.base + "/tiles/" + tileset + "/" + a.z() + "/" + a.x() + "/"
                + a.y() + ".mvt"));
        if (ifNoneMatch != null) {
            b.header("If-None-Match", ifNoneMatch);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String etag(HttpResponse<?> r) {
        return r.headers().firstValue("ETag").orElseThrow();
    }

    private static java.util.Set<Object> names(HttpResponse<byte[]> tile, String layer) {
        return tile.statusCode() == 204 || tile.body().length == 0 ? java.util.Set.of() : DecodedTile.of(tile.body()).names(layer);
    }

    @SuppressWarnings("unchecked")
    private List<String> texts(String css) {
        return (List<String>) browser.js("return [...document.querySelectorAll(arguments[0])].map(e => e.textContent)", css);
    }

    private String text(String query) throws Exception {
        var all = list(query);
        assertThat(all).as(query).hasSize(1);
        return all.get(0);
    }

    private List<String> list(String query) throws Exception {
        try (var c = schema.connect(); var st = c.createStatement(); var rs = st.executeQuery(query)) {
            var out = new java.util.ArrayList<String>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }

    private double[] point(String query) throws Exception {
        try (var c = schema.connect(); var st = c.createStatement(); var rs = st.executeQuery(query)) {
            assertThat(rs.next()).isTrue();
            return new double[] {rs.getDouble(1), rs.getDouble(2)};
        }
    }
}
