package de.ortsanker.webmap;

import static org.assertj.core.api.Assertions.assertThat;

import de.ortsanker.imports.Imports;
import de.ortsanker.testing.TestDatabase;
import de.ortsanker.testing.TestSchema;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.Keys;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The upload page (/map/upload.html) in a real headless Chromium against the packaged service on real PostGIS
 * with the BKG municipalities: signed out it leads to the login; the steward of Heinersreuth signs in, checks
 * a list by keyboard (the dry run stores nothing), reads the rejected row of the next municipality, confirms,
 * and the places are there (SQL).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UploadPageBrowserIT {

    static final String HEINERSREUTH = "09472150";
    static final String PASSWORD = "korrekt Pferd Batterie Heftklammer";

    private TestSchema schema;
    private RunningService service;
    private Browser browser;
    private JdbcTemplate sql;

    @BeforeAll
    void start() throws Exception {
        schema = TestDatabase.freshSchema();
        Imports.importFile(schema.dataSource(), EditingData.file("vg5000/VG5000_GEM.shp")).orThrow();
        sql = new JdbcTemplate(schema.dataSource());
        long id = sql.queryForObject("insert into accounts (login, password_hash, created_by) values (?, ?, 'test')"
                + " returning id", Long.class, "steward-upload", new BCryptPasswordEncoder(4).encode(PASSWORD));
        sql.update("insert into account_roles (account_id, role, territory, granted_by) values (?, 'municipality_steward',"
                + " ?, 'test')", id, HEINERSREUTH);
        service = RunningService.start(Map.of("ORTSANKER_DB_URL", schema.jdbcUrl(), "ORTSANKER_DB_USER", schema.user(),
                "ORTSANKER_DB_PASSWORD", schema.password()));
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

    @Test
    void aStewardChecksAndConfirmsTheMunicipalitysListByKeyboard() throws Exception {
        browser.open(service.base + "/map/upload.html?lang=de");
        browser.visible("#signin a[href='/login']").click();
        browser.await("the login page", d -> d.getCurrentUrl().endsWith("/login"));
        browser.find("input[name=username]").sendKeys("steward-upload");
        browser.find("input[name=password]").sendKeys(PASSWORD, Keys.ENTER);
        browser.await("signed in", d -> !d.getCurrentUrl().endsWith("/login"));

        browser.open(service.base + "/map/upload.html?lang=de");
        browser.visible("#form");
        assertThat(browser.find("#ags").getAttribute("value")).isEqualTo(HEINERSREUTH);
        List<double[]> inside = sql.query("select ST_X(g), ST_Y(g) from (select (ST_Dump(ST_GeneratePoints(geom, 2, 7))).geom g"
                + " from admin_areas where level = 'gemeinde' and retired_at is null and ags = ?) q",
                (rs, i) -> new double[] {rs.getDouble(1), rs.getDouble(2)}, HEINERSREUTH);
        double[] outside = sql.queryForObject("select ST_X(g), ST_Y(g) from (select ST_PointOnSurface(n.geom) g"
                + " from admin_areas h join admin_areas n on n.level = 'gemeinde' and n.retired_at is null and n.ags <> h.ags"
                + " and ST_Touches(n.geom, h.geom) where h.level = 'gemeinde' and h.ags = ? order by n.ags limit 1) q",
                (rs, i) -> new double[] {rs.getDouble(1), rs.getDouble(2)}, HEINERSREUTH);
        Path csv = Files.createTempDirectory("upload-page").resolve("mitfahrbaenke.csv");
        Files.writeString(csv, "ID;Bezeichnung;Art;lon;lat\n"
                + "1;Mitfahrbank <b>Kirche</b>;mitfahrbank;" + inside.get(0)[0] + ";" + inside.get(0)[1] + "\n"
                + "2;Mitfahrbank Schule;mitfahrbank;" + inside.get(1)[0] + ";" + inside.get(1)[1] + "\n"
                + "3;Mitfahrbank Nachbarort;mitfahrbank;" + outside[0] + ";" + outside[1] + "\n", StandardCharsets.UTF_8);

        browser.find("#list").sendKeys("mitfahrbaenke");
        browser.find("#attribution").sendKeys("Gemeinde Heinersreuth");
        browser.find("#file").sendKeys(csv.toString());
        browser.find("#check").sendKeys(Keys.ENTER);
        var report = browser.visible("#report");
        browser.await("the dry run's report", d -> report.getText().contains("lies outside"));
        assertThat(browser.find("#counts").getText()).contains("hinzu 2", "abgelehnt 1");
        assertThat(browser.find("#findings").getText()).contains("mitfahrbaenke.csv", "4", "geometry");
        assertThat(sql.queryForObject("select count(*) from places where source = ?", Long.class,
                "gemeinde-" + HEINERSREUTH + "-mitfahrbaenke")).isZero();

        browser.visible("#confirm").sendKeys(Keys.ENTER);
        browser.await("the import's report", d -> browser.find("#report-heading").getText().contains("übernommen"));
        assertThat(sql.queryForList("select name from places where source = ? and retired_at is null order by name",
                String.class, "gemeinde-" + HEINERSREUTH + "-mitfahrbaenke"))
                .containsExactly("Mitfahrbank <b>Kirche</b>", "Mitfahrbank Schule");
        assertThat(browser.alerts()).isEmpty();
        browser.screenshot("upload-confirmed");
    }

    /** The repository's data folder. */
    static final class EditingData {
        private EditingData() {
        }

        static Path file(String name) {
            for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
                if (Files.exists(dir.resolve("data").resolve(name))) {
                    return dir.resolve("data").resolve(name);
                }
            }
            throw new IllegalStateException("data/" + name + " not found");
        }
    }
}
