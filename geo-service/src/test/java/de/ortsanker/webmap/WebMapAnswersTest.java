package de.ortsanker.webmap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.ortsanker.ServiceTest;
import de.ortsanker.imports.ImportOptions;
import de.ortsanker.imports.Imports;
import de.ortsanker.testing.TestSchema;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * What the web map's pages ask the service for, on real data (OSM north of Bayreuth, the BKG districts and
 * municipalities of Germany, imported by the importer): areas by name and key, answers for exactly one
 * district, tables in the page's language, problems in the caller's, layers with their kinds, sources by
 * title and edits that are not checks. Every figure is compared with PostGIS asked directly.
 */
@ServiceTest
@DirtiesContext
@TestPropertySource(properties = "ortsanker.webmap.basemap-url=")  // a context (and schema) of its own
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebMapAnswersTest {

    static final String LANDKREIS_BAYREUTH = "09472";

    @LocalServerPort
    int port;

    @Autowired
    TestSchema db;

    private JdbcTemplate jdbc;
    private String osmSource;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    void importRealData() {
        jdbc = new JdbcTemplate(db.dataSource());
        // Sources of this schema's own: the importer's lock on a source spans the schemas of one database.
        osmSource = "north-bayreuth-" + db.name();
        Imports.importFile(db.dataSource(), data("osm/north-bayreuth.osm.pbf"),
                ImportOptions.builder().source(osmSource).build()).orThrow();
        for (String file : List.of("VG5000_KRS.shp", "VG5000_GEM.shp")) {
            Imports.importFile(db.dataSource(), data("vg5000/" + file),
                    ImportOptions.builder().source("vg5000-" + file + "-" + db.name()).build()).orThrow();
        }
        // An OpenStreetMap boundary of the same district, imported after the official one: V63's rule retires it.
        jdbc.update("""
                insert into admin_areas (level, ags, name, designation, geom, source, source_id, licence, attribution, osm)
                select level, ags, name, designation, geom, 'osm-copy', 'relation/1', 'ODbL-1.0', '© OpenStreetMap contributors', true
                  from admin_areas where level = 'kreis' and ags = ? and retired_at is null""", LANDKREIS_BAYREUTH);
        jdbc.queryForObject("select admin_areas_one_per_key()", Long.class);
        jdbc.execute("analyze");
    }

    static Path data(String file) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("data").resolve(file))) {
                return dir.resolve("data").resolve(file);
            }
        }
        throw new IllegalStateException("data/" + file + " not found above " + Path.of("").toAbsolutePath());
    }

    // ---- areas by name and key ------------------------------------------------------------------------------

    @Test
    void aDistrictOrMunicipalityIsFoundByTypingItsName() throws Exception {
        JsonNode found = getJson("/map/areas?q=" + enc("Bayreu") + "&limit=20").path("areas");
        // Every current district and municipality whose name starts so, each once (the OSM copy is retired).
        List<String> expected = jdbc.queryForList("""
                select ags from admin_areas where retired_at is null and level in ('kreis', 'gemeinde')
                   and name like 'Bayreu%'""", String.class);
        List<String> keys = new ArrayList<>();
        found.forEach(a -> keys.add(a.path("ags").asText()));
        assertThat(keys).containsAll(expected).doesNotHaveDuplicates();
        // The Landkreis first (districts before municipalities), with its box.
        JsonNode first = found.get(0);
        assertThat(first.path("level").asText()).isEqualTo("kreis");
        assertThat(keys.subList(0, 2)).containsExactlyInAnyOrder("09472", "09462");
        // Umlauts and case folded: "neudrossenfeld" finds Neudrossenfeld, with its district.
        JsonNode neudrossenfeld = getJson("/map/areas?q=neudrossenfeld").path("areas").get(0);
        assertThat(neudrossenfeld.path("name").asText()).isEqualTo("Neudrossenfeld");
        assertThat(neudrossenfeld.path("part_of").asText()).isEqualTo(jdbc.queryForObject("""
                select k.designation || ' ' || k.name from admin_areas k, admin_areas g
                 where g.level = 'gemeinde' and g.name = 'Neudrossenfeld' and g.retired_at is null
                   and k.level = 'kreis' and k.ags = left(g.ags, 5) and k.retired_at is null""", String.class));
    }

    @Test
    void oneAreaByItsKeyWithItsBoxAndOutline() throws Exception {
        JsonNode area = getJson("/map/areas/" + LANDKREIS_BAYREUTH);
        assertThat(area.path("name").asText()).isEqualTo("Bayreuth");
        assertThat(area.path("designation").asText()).isEqualTo("Landkreis");
        var box = jdbc.queryForMap("""
                select ST_XMin(geom) w, ST_YMin(geom) s, ST_XMax(geom) e, ST_YMax(geom) n from admin_areas
                 where level = 'kreis' and ags = ? and retired_at is null""", LANDKREIS_BAYREUTH);
        assertThat(area.path("bbox").get(0).asDouble()).isEqualTo((Double) box.get("w"));
        assertThat(area.path("bbox").get(3).asDouble()).isEqualTo((Double) box.get("n"));
        assertThat(area.path("outline").path("type").asText()).isIn("Polygon", "MultiPolygon");
        var unknown = get("/map/areas/09999");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(get("/map/areas/0947").statusCode()).isEqualTo(400);
    }

    // ---- exactly the area chosen ------------------------------------------------------------------------------

    @Test
    void theAnswerForADistrictHoldsItsVillagesAndNoNeighbours() throws Exception {
        JsonNode answer = getJson("/planning/underserved?ags=" + LANDKREIS_BAYREUTH + "&rule=third_places:1000");
        // The totals count every village the answer looked at, underserved or not.
        int villages = answer.path("totals").path("villages").asInt();
        int inPostgis = jdbc.queryForObject("""
                select count(distinct l.id) from localities l
                 where l.retired_at is null and l.kind in ('village', 'hamlet')
                   and (l.ags like ? or l.ags is null and exists (
                        select 1 from admin_areas a where a.level = 'kreis' and a.retired_at is null and a.ags = ?
                           and ST_Intersects(a.geom, l.geom)))""", Integer.class, LANDKREIS_BAYREUTH + "%", LANDKREIS_BAYREUTH);
        assertThat(villages).isPositive().isEqualTo(inPostgis);
        // A box around the district would have pulled in villages of its neighbours (Kulmbach: Harsdorf …).
        int inBox = jdbc.queryForObject("""
                select count(*) from localities l, admin_areas a
                 where a.level = 'kreis' and a.retired_at is null and a.ags = ? and l.geom && a.geom
                   and l.retired_at is null and l.kind in ('village', 'hamlet')""", Integer.class, LANDKREIS_BAYREUTH);
        assertThat(inBox).isGreaterThan(villages);
        JsonNode all = getJson("/planning/underserved?ags=" + LANDKREIS_BAYREUTH + "&rule=third_places:100");
        assertThat(all.path("villages")).isNotEmpty()
                .allSatisfy(v -> assertThat(v.path("district_ags").asText()).isEqualTo(LANDKREIS_BAYREUTH));
    }

    // ---- one language at a time ----------------------------------------------------------------------------

    @Test
    void aGermanTableHasGermanHeadingsAndValuesAndAnEnglishOneEnglish() throws Exception {
        String german = get("/planning/underserved?ags=" + LANDKREIS_BAYREUTH + "&rule=third_places:1000&f=csv").body();
        String header = german.lines().findFirst().orElseThrow();
        assertThat(header).contains("\"Rang\"", "\"Art\"", "\"Einwohnerzahl: Methode\"", "\"Es fehlt\"", "\"Datenquellen\"");
        List<String> kinds = column(german, "Art");
        assertThat(kinds).isNotEmpty().allSatisfy(k -> assertThat(k).isIn("Dorf", "Weiler"));
        assertThat(column(german, "Einwohnerzahl: Methode")).allSatisfy(m -> assertThat(m)
                .isIn("eigene Angabe des Orts", "Zensus-Gitterzellen", "geschätzt", "unbekannt"));
        assertThat(german).doesNotContain("\"hamlet\"", "\"village\"", "\"unknown\"", "\"estimate\"", "none at all",
                "(nearest ", "imported ", "no figure");
        assertThat(column(german, "Es fehlt")).allSatisfy(m -> assertThat(m).contains("third_places:1000 ("));

        String english = get("/planning/underserved?ags=" + LANDKREIS_BAYREUTH + "&rule=third_places:1000&f=csv&lang=en").body();
        assertThat(english.lines().findFirst().orElseThrow()).contains("\"Rank\"", "\"Kind\"", "\"Population: method\"",
                "\"Missing\"", "\"Data sources\"").doesNotContain("\"Rang\"", "\"Einwohner\"");
        assertThat(column(english, "Kind")).allSatisfy(k -> assertThat(k).isIn("village", "hamlet"));
        assertThat(english).doesNotContain("Weiler", "unbekannt", "importiert");
        // Per municipality, too.
        String perMunicipality = get("/planning/underserved?ags=" + LANDKREIS_BAYREUTH + "&per=municipality&f=csv&lang=en").body();
        assertThat(perMunicipality.lines().findFirst().orElseThrow()).contains("\"Municipality\"", "\"Villages\"");
        assertThat(get("/planning/underserved?ags=" + LANDKREIS_BAYREUTH + "&f=csv&lang=fr").statusCode()).isEqualTo(400);
    }

    @Test
    void problemDocumentsAnswerInTheCallersLanguage() throws Exception {
        var german = get("/map/areas?q=x", "Accept-Language", "de-DE,de;q=0.9,en;q=0.5");
        assertThat(german.statusCode()).isEqualTo(400);
        assertThat(german.headers().firstValue("Content-Language")).hasValue("de");
        assertThat(json.readTree(german.body()).path("title").asText()).isEqualTo("Ungültige Angabe");
        assertThat(json.readTree(german.body()).path("invalid-params").get(0).path("name").asText()).isEqualTo("q");
        var english = get("/map/areas?q=x", "Accept-Language", "en-GB");
        assertThat(english.headers().firstValue("Content-Language")).hasValue("en");
        assertThat(json.readTree(english.body()).path("title").asText()).isEqualTo("Invalid parameter");
        var missing = get("/places/999999999", "Accept-Language", "de");
        assertThat(json.readTree(missing.body()).path("title").asText()).isEqualTo("Nicht gefunden");
        assertThat(missing.headers().allValues("Vary").toString()).containsIgnoringCase("Accept-Language");
    }

    // ---- layers and kinds from one catalogue ----------------------------------------------------------------

    @Test
    void everyLayerOfPlacesListsItsKindsWithTheVocabularysLabels() throws Exception {
        JsonNode layers = getJson("/map/config.json").path("layers");
        Set<String> listed = new HashSet<>();
        for (JsonNode layer : layers) {
            for (JsonNode kind : layer.path("kinds")) {
                assertThat(listed.add(kind.path("code").asText())).as("each kind once").isTrue();
                assertThat(kind.path("label_de").asText()).isEqualTo(jdbc.queryForObject(
                        "select label_de from kinds where code = ?", String.class, kind.path("code").asText()));
            }
        }
        assertThat(listed).containsExactlyInAnyOrderElementsOf(jdbc.queryForList("select code from kinds", String.class));
        JsonNode mobility = null;
        for (JsonNode layer : layers) {
            if (layer.path("code").asText().equals("mobility")) {
                mobility = layer;
            }
        }
        assertThat(mobility).isNotNull();
        assertThat(mobility.path("kinds").findValuesAsText("code")).contains("mitfahrbank", "bus_stop");
    }

    // ---- sources by title; an edit is not a check ---------------------------------------------------------------

    @Test
    void placesNameTheirSourceByTitleAndAnEditIsNotACheck() throws Exception {
        var place = jdbc.queryForMap("""
                select id, ST_X(ST_PointOnSurface(geom)) lon, ST_Y(ST_PointOnSurface(geom)) lat, source_edited::text e,
                       last_verified::text v
                  from places where source = ? and is_public and retired_at is null order by id limit 1""", osmSource);
        assertThat(place.get("e")).as("the OSM edit date, kept as an edit").isNotNull();
        JsonNode detail = getJson("/places/" + place.get("id")).path("properties");
        assertThat(detail.path("source").asText()).isEqualTo(osmSource);
        assertThat(detail.path("source_title").asText()).isEqualTo("OpenStreetMap");
        assertThat(detail.path("source_edited").asText()).isEqualTo(place.get("e"));
        assertThat(detail.path("last_verified").isMissingNode() ? null : detail.path("last_verified").asText())
                .isEqualTo(place.get("v"));
        // Only a check_date is a check: no OSM place of the extract carries one, so none is "last verified".
        assertThat(jdbc.queryForObject("select count(*) from places where source = ? and last_verified is not null",
                Integer.class, osmSource)).isZero();
        JsonNode list = getJson("/places/nearby?lon=" + place.get("lon") + "&lat=" + place.get("lat") + "&limit=5");
        assertThat(list.path("features")).isNotEmpty().allSatisfy(f -> {
            assertThat(f.path("properties").path("source_title").asText()).isEqualTo("OpenStreetMap");
            assertThat(f.path("properties").has("source_edited")).isTrue();
        });
    }

    @Test
    void theFirstViewShowsPlacesNotTheWholeCountry() throws Exception {
        JsonNode start = getJson("/map/config.json").path("start");
        double w = start.get(0).asDouble(), s = start.get(1).asDouble(), e = start.get(2).asDouble(), n = start.get(3).asDouble();
        int inView = jdbc.queryForObject("""
                select count(*) from places where retired_at is null and is_public
                   and geom && ST_MakeEnvelope(?, ?, ?, ?, 4326)""", Integer.class, w, s, e, n);
        assertThat(inView).isPositive();
        // A region (one map cell, StartView), not the extent of everything.
        assertThat(e - w).isLessThanOrEqualTo(0.25);
        assertThat(n - s).isLessThanOrEqualTo(0.25);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    /** The values of one column of a CSV answer (; separated, quoted text, first line headings). */
    private static List<String> column(String csv, String heading) {
        List<String> lines = csv.lines().toList();
        List<String> headings = cells(lines.get(0).replace("\uFEFF", ""));
        int i = headings.indexOf(heading);
        assertThat(i).as("column " + heading + " in " + headings).isNotNegative();
        return lines.stream().skip(1).map(l -> cells(l).get(i)).toList();
    }

    private static List<String> cells(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == ';' && !quoted) {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        out.add(cell.toString());
        return out;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode getJson(String path) throws Exception {
        var response = get(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }
}
