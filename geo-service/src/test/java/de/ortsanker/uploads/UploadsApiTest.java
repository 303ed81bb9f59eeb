package de.ortsanker.uploads;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.ortsanker.ServiceTest;
import de.ortsanker.accounts.Role;
import de.ortsanker.accounts.Scope;
import de.ortsanker.accounts.TestAccounts;
import de.ortsanker.imports.Imports;
import de.ortsanker.testing.TestSchema;
import java.io.ByteArrayOutputStream;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * A steward of Heinersreuth (AGS 09472150, BKG boundaries) uploads the municipality's list as a real-shaped
 * CSV (semicolons, German headings, coordinates): the dry run reports and stores nothing (row counts, data
 * versions and histories identical), the confirmation imports exactly it, next month's same list changes
 * nothing, a changed one updates and retires; a row in the next municipality is rejected with its line; a
 * source changed between dry run and confirmation is refused; 401 and 403 as for every write. Stored places are
 * checked with SQL against the official boundary, not through the service.
 */
@UploadsApiTest.Context
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UploadsApiTest {

    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @ServiceTest
    @TestPropertySource(properties = "ortsanker.test.context=uploads")
    @interface Context {
    }

    static final String HEINERSREUTH = "09472150";

    @LocalServerPort
    int port;

    @Autowired
    TestSchema db;

    @Autowired
    TestAccounts accounts;

    private final ObjectMapper json = new ObjectMapper();
    private JdbcTemplate sql;
    private String steward;
    private String neighbour;
    private List<double[]> inside;
    private double[] nextDoor;

    @BeforeAll
    void load() {
        Imports.importFile(db.dataSource(), data("vg5000/VG5000_GEM.shp")).orThrow();
        sql = new JdbcTemplate(db.dataSource());
        inside = sql.query("select ST_X(g), ST_Y(g) from (select (ST_Dump(ST_GeneratePoints(geom, 6, 1))).geom g"
                + " from admin_areas where level = 'gemeinde' and retired_at is null and ags = ?) q",
                (rs, i) -> new double[] {rs.getDouble(1), rs.getDouble(2)}, HEINERSREUTH);
        neighbour = sql.queryForObject("select n.ags from admin_areas h join admin_areas n on n.level = 'gemeinde'"
                + " and n.retired_at is null and n.ags <> h.ags and ST_Touches(n.geom, h.geom) where h.level = 'gemeinde'"
                + " and h.retired_at is null and h.ags = ? order by n.ags limit 1", String.class, HEINERSREUTH);
        nextDoor = sql.queryForObject("select ST_X(g), ST_Y(g) from (select ST_PointOnSurface(geom) g from admin_areas"
                + " where level = 'gemeinde' and retired_at is null and ags = ?) q",
                (rs, i) -> new double[] {rs.getDouble(1), rs.getDouble(2)}, neighbour);
        steward = accounts.token("upload-steward", Role.MUNICIPALITY_STEWARD, HEINERSREUTH, Scope.EDIT);
    }

    static Path data(String file) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("data").resolve(file))) {
                return dir.resolve("data").resolve(file);
            }
        }
        throw new IllegalStateException("data/" + file + " not found");
    }

    /** The list as a municipality keeps it: semicolons, German headings, decimal points in the coordinates. */
    private String list(boolean nextMonthChanged, boolean withMistakes) {
        var csv = new StringBuilder("ID;Bezeichnung;Art;Straße;Hausnummer;PLZ;Ort;Öffnungszeiten;lon;lat\n");
        csv.append(row(1, nextMonthChanged ? "Mitfahrbank Kirchplatz (neu)" : "Mitfahrbank Kirchplatz", "mitfahrbank",
                "Kirchplatz", "1", "", inside.get(0)));
        csv.append(row(2, "Mitfahrbank Sportheim", "mitfahrbank", "Sportplatzweg", "2", "", inside.get(1)));
        csv.append(row(3, "Dorfladen Heinersreuth", "village_shop", "Hauptstraße", "12", "Mo-Fr 07:00-12:00",
                inside.get(2)));
        if (!nextMonthChanged) {
            csv.append(row(4, "Ladesäule Rathaus", "charging_station", "Rathausplatz", "1", "24/7", inside.get(3)));
        }
        if (withMistakes) {
            csv.append(row(5, "Mitfahrbank Nachbarort", "mitfahrbank", "Dorfstraße", "5", "", nextDoor));
            csv.append(row(6, "Sitzbank", "bench", "Weiherweg", "1", "", inside.get(4)));
        }
        return csv.toString();
    }

    private static String row(int id, String name, String kind, String street, String number, String hours, double[] at) {
        return id + ";" + name + ";" + kind + ";" + street + ";" + number + ";95503;Heinersreuth;" + hours + ";"
                + at[0] + ";" + at[1] + "\n";
    }

    private HttpResponse<String> upload(String token, String fileName, String content, Map<String, String> fields)
            throws Exception {
        String boundary = "----ortsanker" + System.nanoTime();
        var body = new ByteArrayOutputStream();
        for (var f : fields.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
                    + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        if (content != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content.getBytes(StandardCharsets.UTF_8));
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/uploads"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> upload(String token, String list, String content) throws Exception {
        return upload(token, "vereine.csv", content, Map.of("ags", HEINERSREUTH, "list", list,
                "licence", "dl-de/by-2-0", "attribution", "Gemeinde Heinersreuth"));
    }

    private HttpResponse<String> post(String token, String path) throws Exception {
        var b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .POST(HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private JsonNode body(HttpResponse<String> r) throws Exception {
        return json.readTree(r.body());
    }

    private static void status(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        if (status >= 400) {
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t ->
                    assertThat(t).startsWith("application/problem+json"));
            assertThat(r.body()).doesNotContain("Exception");
        }
    }

    /** Everything an import could change, as SQL sees it. */
    private Map<String, Object> snapshot() {
        return sql.queryForMap("select (select count(*) from places) as places,"
                + " (select count(*) from places where retired_at is not null) as retired,"
                + " (select count(*) from place_versions) as versions,"
                + " (select string_agg(layer || '=' || version, ',' order by layer) from data_versions) as data_versions");
    }

    /** The source's current places that lie within Heinersreuth's official boundary (PostGIS, independently). */
    private List<String> placesInside(String source) {
        return sql.queryForList("select p.name from places p join admin_areas a on a.level = 'gemeinde'"
                + " and a.retired_at is null and a.ags = ? where p.source = ? and p.retired_at is null"
                + " and ST_Within(p.geom, a.geom) order by p.name", String.class, HEINERSREUTH, source);
    }

    private long placesOf(String source) {
        return sql.queryForObject("select count(*) from places where source = ?", Long.class, source);
    }

    @Test
    void aDryRunStoresNothingTheConfirmationImportsItAndNextMonthsListDuplicatesNothing() throws Exception {
        var before = snapshot();
        var dryRun = upload(steward, "maerz", list(false, true));
        status(dryRun, 201);
        var report = body(dryRun).get("dry_run");
        assertThat(body(dryRun).get("source").asText()).isEqualTo("gemeinde-" + HEINERSREUTH + "-maerz");
        assertThat(body(dryRun).get("file").asText()).isEqualTo("vereine.csv");
        assertThat(report.get("status").asText()).isEqualTo("dry_run");
        assertThat(report.get("added").asLong()).isEqualTo(4);
        assertThat(report.get("rejected").asLong()).isEqualTo(2);
        // the row in the next municipality (line 6) and the unknown kind (line 7), each named
        var findings = report.get("findings");
        assertThat(findings.toString()).contains("\"line\":6", "\"line\":7", "lies outside", "bench");
        for (JsonNode f : findings) {
            if (f.path("line").asLong() == 6) {
                assertThat(f.get("field").asText()).isEqualTo("geometry");
                assertThat(f.get("action").asText()).isEqualTo("rejected");
                assertThat(f.get("file").asText()).isEqualTo("vereine.csv");
            }
        }
        assertThat(snapshot()).isEqualTo(before);
        String source = "gemeinde-" + HEINERSREUTH + "-maerz";
        assertThat(placesOf(source)).isZero();

        var confirmed = post(steward, body(dryRun).get("confirm").asText());
        status(confirmed, 200);
        assertThat(body(confirmed).at("/result/status").asText()).isEqualTo("succeeded");
        assertThat(body(confirmed).at("/result/added").asLong()).isEqualTo(4);
        assertThat(placesInside(source)).containsExactly("Dorfladen Heinersreuth", "Ladesäule Rathaus",
                "Mitfahrbank Kirchplatz", "Mitfahrbank Sportheim");
        assertThat(placesOf(source)).isEqualTo(4);
        assertThat(sql.queryForList("select distinct licence || ' / ' || attribution from places where source = ?",
                String.class, source)).containsExactly("dl-de/by-2-0 / Gemeinde Heinersreuth");
        assertThat(snapshot().get("data_versions")).isNotEqualTo(before.get("data_versions"));
        status(post(steward, body(dryRun).get("confirm").asText()), 409);  // once only
        assertThat(sql.queryForList("select event from audit_events where actor = 'upload-steward' and subject = ?"
                + " order by id", String.class, "source " + source)).containsSequence("upload-dry-run", "upload-confirmed");

        // next month, the same list: nothing changes, nothing is doubled
        var again = snapshot();
        var sameList = upload(steward, "maerz", list(false, true));
        status(sameList, 201);
        assertThat(body(sameList).at("/dry_run/unchanged").asLong()).isEqualTo(4);
        assertThat(body(sameList).at("/dry_run/added").asLong()).isZero();
        status(post(steward, body(sameList).get("confirm").asText()), 200);
        assertThat(snapshot()).isEqualTo(again);
        assertThat(placesOf(source)).isEqualTo(4);

        // and a month with one place renamed and one gone: updated and retired, still no duplicate
        var changed = upload(steward, "maerz", list(true, false));
        status(changed, 201);
        assertThat(body(changed).at("/dry_run/updated").asLong()).isEqualTo(1);
        assertThat(body(changed).at("/dry_run/retired").asLong()).isEqualTo(1);
        status(post(steward, body(changed).get("confirm").asText()), 200);
        assertThat(placesInside(source)).containsExactly("Dorfladen Heinersreuth", "Mitfahrbank Kirchplatz (neu)",
                "Mitfahrbank Sportheim");
        assertThat(placesOf(source)).isEqualTo(4);
    }

    @Test
    void aSourceChangedBetweenDryRunAndConfirmationIsRefused() throws Exception {
        var first = upload(steward, "april", list(false, false));
        status(post(steward, body(first).get("confirm").asText()), 200);
        String source = "gemeinde-" + HEINERSREUTH + "-april";
        var dryRun = upload(steward, "april", list(true, false));
        status(dryRun, 201);
        // meanwhile someone edits one of the list's places
        sql.update("update places set description = 'von Hand' where source = ? and source_id = '2'", source);
        var before = snapshot();
        var refused = post(steward, body(dryRun).get("confirm").asText());
        status(refused, 409);
        assertThat(body(refused).get("detail").asText()).contains("changed since the dry run", source);
        assertThat(snapshot()).isEqualTo(before);
        // another file than the dry run's
        var other = upload(steward, "april2", list(false, false));
        var wrongFile = post(steward, "/uploads/" + body(other).get("id").asText() + "/confirm?sha256=" + "0".repeat(64));
        status(wrongFile, 409);
        assertThat(body(wrongFile).get("detail").asText()).contains(body(other).get("sha256").asText());
    }

    @Test
    void onlyTheMunicipalitysStewardUploadsAndConfirmsTheirOwn() throws Exception {
        var before = snapshot();
        var anonymous = upload(null, "mai", list(false, false));
        status(anonymous, 401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        String other = accounts.token("upload-other-steward", Role.MUNICIPALITY_STEWARD, neighbour, Scope.EDIT);
        var foreign = upload(other, "mai", list(false, false));
        status(foreign, 403);
        assertThat(body(foreign).at("/missing-territory/ags").asText()).isEqualTo(HEINERSREUTH);
        String unscoped = accounts.token("upload-steward", Role.MUNICIPALITY_STEWARD, HEINERSREUTH, Scope.MODERATE);
        status(upload(unscoped, "mai", list(false, false)), 403);

        var own = upload(steward, "mai", list(false, false));
        status(own, 201);
        String confirm = body(own).get("confirm").asText();
        status(post(other, confirm), 404);   // another account's upload does not exist for it
        status(post(null, confirm), 401);
        status(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/uploads/"
                + body(own).get("id").asText())).header("Authorization", "Bearer " + other).build(),
                HttpResponse.BodyHandlers.ofString()), 404);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void badParametersAreNamedAndNothingIsStored() throws Exception {
        var before = snapshot();
        var bad = upload(steward, "liste.csv", list(false, false), Map.of("ags", "9472150", "list", "Vereine!"));
        status(bad, 400);
        assertThat(body(bad).get("invalid-params").findValuesAsText("name"))
                .containsExactlyInAnyOrder("ags", "list", "licence", "attribution");
        var pdf = upload(steward, "liste.pdf", "%PDF-1.4", Map.of("ags", HEINERSREUTH, "list", "x",
                "licence", "dl-de/by-2-0", "attribution", "Gemeinde"));
        status(pdf, 400);
        assertThat(body(pdf).at("/invalid-params/0/name").asText()).isEqualTo("file");
        var unknownArea = upload(steward, "liste.csv", list(false, false), Map.of("ags", "09999999", "list", "x",
                "licence", "dl-de/by-2-0", "attribution", "Gemeinde"));
        status(unknownArea, 403);  // outside the steward's territory before anything else
        var garbage = upload(steward, "vereine.csv", "\u0000\u0001\u0002;;\n\u0003", Map.of("ags", HEINERSREUTH,
                "list", "kaputt", "licence", "dl-de/by-2-0", "attribution", "Gemeinde"));
        assertThat(garbage.statusCode()).as(garbage.body()).isIn(201, 422);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void theUploadPageIsServedWithItsScriptAndNoInlineScript() throws Exception {
        var page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/map/upload.html")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<script type=\"module\" src=\"js/upload.js\"></script>", "href=\"/login\"")
                .doesNotContainPattern("<script(?![^>]*\\ssrc=)[^>]*>").doesNotContain("onclick", "onsubmit");
        var script = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/map/js/upload.js")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.body()).contains("/uploads/session").doesNotContain("innerHTML");
    }
}
