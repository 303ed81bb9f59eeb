package de.ortsanker.editing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.ortsanker.accounts.Role;
import de.ortsanker.accounts.Scope;
import de.ortsanker.accounts.TestAccounts;
import de.ortsanker.imports.ImportOptions;
import de.ortsanker.imports.ImportResult;
import de.ortsanker.imports.Imports;
import de.ortsanker.testing.TestSchema;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A municipal list imported, one entry edited by hand, then the list changes: the import keeps the hand edit
 * and reports the conflict (as before) and keeps the source's version, which the steward sees field by field
 * and resolves — keeping the hand edit (the next import of that list is quiet) or taking the source's values
 * (the place is the import's again: a later import updates it). Others may neither see nor resolve it.
 */
@EditingApiTest.Context
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SourceConflictsApiTest {

    @LocalServerPort
    int port;

    @Autowired
    TestSchema db;

    @Autowired
    TestAccounts accounts;

    private final ObjectMapper json = new ObjectMapper();
    private JdbcTemplate sql;
    private String steward;
    private String stranger;
    private String source;
    private double[] at;

    @BeforeAll
    void load() {
        Imports.importFile(db.dataSource(), EditingApiTest.data("vg5000/VG5000_GEM.shp")).orThrow();
        sql = new JdbcTemplate(db.dataSource());
        at = sql.queryForObject("select ST_X(g), ST_Y(g) from (select ST_PointOnSurface(geom) g from admin_areas"
                + " where level = 'gemeinde' and retired_at is null and ags = ?) q",
                (rs, i) -> new double[] {rs.getDouble(1), rs.getDouble(2)}, EditingApiTest.HEINERSREUTH);
        source = "vereinsliste-" + db.name();
        steward = accounts.token("conflict-steward", Role.SOURCE_STEWARD, source, Scope.EDIT);
        stranger = accounts.token("conflict-stranger", Role.MUNICIPALITY_STEWARD, "01001", Scope.EDIT);
    }

    private ImportResult importList(String description1, String description2) throws Exception {
        Path file = Files.createTempFile("vereine", ".csv");
        Files.writeString(file, String.format(Locale.ROOT, """
                id;name;kind;beschreibung;lon;lat
                1;Schützenverein;club;%s;%.6f;%.6f
                2;Gartenbauverein;club;%s;%.6f;%.6f
                """, description1, at[0], at[1], description2, at[0] + 0.001, at[1]));
        var result = Imports.importFile(db.dataSource(), file, ImportOptions.builder().source(source)
                .licence("CC0-1.0").attribution("Gemeinde Heinersreuth").build());
        assertThat(result.status()).as("%s %s", result.error(), result.problems()).isEqualTo(ImportResult.Status.SUCCEEDED);
        return result;
    }

    private HttpResponse<String> as(String token, String method, String path, String body, String... headers) throws Exception {
        var b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", "Bearer " + token);
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private long id(String sourceId) {
        return sql.queryForObject("select id from places where source = ? and source_id = ?", Long.class, source, sourceId);
    }

    private String column(long id, String column) {
        return sql.queryForObject("select " + column + "::text from places where id = ?", String.class, id);
    }

    private void handEdit(long id, String name) throws Exception {
        String etag = as(steward, "GET", "/places/" + id + "/editable", null).headers().firstValue("ETag").orElseThrow();
        var r = as(steward, "PATCH", "/places/" + id, "{\"name\":\"" + name + "\"}", "If-Match", etag);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    @Test
    void aConflictIsShownToTheStewardAndResolvedEitherWay() throws Exception {
        assertThat(importList("Schießstand am Wald", "Lehrgarten").conflicts()).isZero();
        long takeSource = id("1");
        long keepHand = id("2");
        handEdit(takeSource, "Schützenverein 1880 e.V.");
        handEdit(keepHand, "Obst- und Gartenbauverein");
        assertThat(as(steward, "GET", "/places/" + takeSource + "/conflict", null).statusCode()).isEqualTo(404);

        // The list changes both entries: both hand edits are kept and reported, as before, and now also stored.
        var second = importList("Schießstand und Vereinsheim", "Lehrgarten und Streuobstwiese");
        assertThat(second.conflicts()).isEqualTo(2);
        assertThat(column(takeSource, "name")).isEqualTo("Schützenverein 1880 e.V.");
        assertThat(column(takeSource, "description")).isEqualTo("Schießstand am Wald");

        var shown = as(steward, "GET", "/places/" + takeSource + "/conflict", null);
        assertThat(shown.statusCode()).as(shown.body()).isEqualTo(200);
        JsonNode conflict = json.readTree(shown.body());
        // Exactly the fields that differ, as an independent reading of the table and the file says.
        assertThat(conflict.get("fields").properties()).extracting(java.util.Map.Entry::getKey)
                .containsExactlyInAnyOrder("name", "description");
        assertThat(conflict.at("/fields/name/hand").asText()).isEqualTo("Schützenverein 1880 e.V.");
        assertThat(conflict.at("/fields/name/source").asText()).isEqualTo("Schützenverein");
        assertThat(conflict.at("/fields/description/source").asText()).isEqualTo("Schießstand und Vereinsheim");
        assertThat(conflict.get("import_run").asLong()).isEqualTo(sql.queryForObject(
                "select max(id) from import_runs where source = ?", Long.class, source));

        // Others neither see nor resolve it.
        assertThat(as(stranger, "GET", "/places/" + takeSource + "/conflict", null).statusCode()).isEqualTo(403);
        assertThat(as(stranger, "POST", "/places/" + takeSource + "/conflict?resolution=source", null).statusCode())
                .isEqualTo(403);
        var bad = as(steward, "POST", "/places/" + takeSource + "/conflict?resolution=both", null);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("resolution");
        var stale = as(steward, "POST", "/places/" + takeSource + "/conflict?resolution=source", null, "If-Match", "\"1.1\"");
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(column(takeSource, "name")).isEqualTo("Schützenverein 1880 e.V.");

        // Take the source's values: the place is the list's again.
        var taken = as(steward, "POST", "/places/" + takeSource + "/conflict?resolution=source&comment=Liste%20gilt", null);
        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(200);
        assertThat(column(takeSource, "name")).isEqualTo("Schützenverein");
        assertThat(column(takeSource, "description")).isEqualTo("Schießstand und Vereinsheim");
        assertThat(column(takeSource, "edited_at")).isNull();
        JsonNode history = json.readTree(as(steward, "GET", "/places/" + takeSource + "/history", null).body());
        JsonNode last = history.get("versions").get(history.get("versions").size() - 1);
        assertThat(last.get("comment").asText()).isEqualTo("Liste gilt");
        assertThat(last.at("/changes/name/new").asText()).isEqualTo("Schützenverein");

        // Keep the hand edit.
        var kept = as(steward, "POST", "/places/" + keepHand + "/conflict?resolution=keep", null);
        assertThat(kept.statusCode()).as(kept.body()).isEqualTo(200);
        assertThat(column(keepHand, "name")).isEqualTo("Obst- und Gartenbauverein");
        assertThat(as(steward, "GET", "/places/" + keepHand + "/conflict", null).statusCode()).isEqualTo(404);
        assertThat(sql.queryForObject("select count(*) from place_source_conflicts", Long.class)).isZero();

        // The same list again: nothing to report; the taken place follows the list, the kept one keeps its edit.
        var third = importList("Schießstand und Vereinsheim", "Lehrgarten und Streuobstwiese");
        assertThat(third.conflicts()).isZero();
        assertThat(column(keepHand, "name")).isEqualTo("Obst- und Gartenbauverein");
        // A newer version of the list: the kept place is reported again, the taken one simply updated.
        var fourth = importList("Schießstand, Vereinsheim, Biergarten", "Streuobstwiese");
        assertThat(fourth.conflicts()).isEqualTo(1);
        assertThat(column(takeSource, "description")).isEqualTo("Schießstand, Vereinsheim, Biergarten");
        assertThat(column(keepHand, "description")).isEqualTo("Lehrgarten");
        assertThat(json.readTree(as(steward, "GET", "/places/" + keepHand + "/conflict", null).body())
                .at("/fields/description/source").asText()).isEqualTo("Streuobstwiese");
    }
}
