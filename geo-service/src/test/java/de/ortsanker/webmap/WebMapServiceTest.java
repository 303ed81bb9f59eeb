package de.ortsanker.webmap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.ortsanker.ServiceTest;
import de.ortsanker.testing.TestSchema;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/** The web map's pages, its configuration and its type-ahead, served by the running service on real PostGIS. */
@ServiceTest
@DirtiesContext  // its own configuration makes its own context: closed afterwards, so its connections go back
@TestPropertySource(properties = {
        "ortsanker.webmap.basemap-url=https://tiles.example.org/{z}/{x}/{y}.png",
        "ortsanker.webmap.basemap-attribution=© Example Tiles, © OpenStreetMap contributors",
        "ortsanker.webmap.basemap-max-zoom=17"})
class WebMapServiceTest {

    @LocalServerPort
    int port;

    @Autowired
    TestSchema db;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void villagesAndPlaces() {
        db.execute("""
                insert into admin_areas (level, ags, name, designation, geom, source, source_id, licence, attribution)
                values ('gemeinde', '09477119', 'Harsdorf', 'Gemeinde',
                        ST_Multi(ST_MakeEnvelope(11.54, 50.01, 11.60, 50.05, 4326)), 'BKG VG5000', 'gem/09477119',
                        'dl-de/by-2-0', '© GeoBasis-DE / BKG 2021')""",
                """
                insert into localities (name, kind, geom, population, population_source, source, source_id, licence, attribution)
                values ('Harsdorf', 'village', ST_Point(11.5686, 50.0275, 4326), 1085, 'OpenStreetMap', 'OpenStreetMap',
                        'node/1', 'ODbL-1.0', '© OpenStreetMap contributors'),
                       ('Hettersreuth', 'village', ST_Point(11.5762, 50.0264, 4326), null, null, 'OpenStreetMap',
                        'node/2', 'ODbL-1.0', '© OpenStreetMap contributors')""",
                """
                insert into places (kind, name, geom, addr_city, is_public, source, source_id, licence, attribution) values
                  ('village_hall', 'Dorfgemeinschaftshaus Harsdorf', ST_Point(11.5679, 50.0281, 4326), 'Harsdorf', true,
                   'test', 'hall', 'CC0-1.0', 'test'),
                  ('pub', 'Zur Mühle', ST_Point(11.5600, 50.0300, 4326), 'Harsdorf', true, 'test', 'muehle', 'CC0-1.0', 'test'),
                  ('pub', 'Harsdorfer Geheimtreff', ST_Point(11.5700, 50.0290, 4326), 'Harsdorf', false,
                   'test', 'hidden', 'CC0-1.0', 'test')""");
    }

    @AfterEach
    void clean() {
        db.execute("delete from places", "delete from localities", "delete from admin_areas");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode getJson(String path) throws Exception {
        var response = get(path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    @Test
    void pagesAreServedUnderTheirShareableAddresses() throws Exception {
        assertThat(get("/map/").body()).contains("js/citizen.js").contains("<meta name=\"ortsanker-root\" content=\"../\">");
        assertThat(get("/map/planning?rule=third_place:2000").body()).contains("js/planning.js");
        assertThat(get("/map/embed").body()).contains("js/embed-code.js");
        assertThat(get("/embed?layers=mobility&bbox=11,50,12,51").body()).contains("map/js/embed.js")
                .contains("<meta name=\"ortsanker-root\" content=\"./\">");
        var redirect = get("/map?q=Harsdorf&kinds=club");
        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l)
                .endsWith("/map/?q=Harsdorf&kinds=club"));
        // The scripts the pages load are there, and Leaflet comes from our own origin with its licence.
        for (String file : List.of("citizen.js", "planning.js", "embed.js", "embed-code.js", "detail.js", "basemap.js")) {
            assertThat(get("/map/js/" + file).statusCode()).as(file).isEqualTo(200);
        }
        assertThat(get("/map/vendor/leaflet/leaflet.js").body()).startsWith("/* @preserve\n * Leaflet 1.9.4");
        assertThat(get("/map/vendor/leaflet/LICENSE").body()).contains("BSD 2-Clause");
        assertThat(get("/map/vendor/leaflet.markercluster/LICENSE").body()).contains("MIT");
    }

    @Test
    void configurationNamesTheBasemapTheStartAndEveryLayer() throws Exception {
        db.execute("analyze places");
        JsonNode config = getJson("/map/config.json");
        assertThat(config.at("/basemap/url").asText()).isEqualTo("https://tiles.example.org/{z}/{x}/{y}.png");
        assertThat(config.at("/basemap/attribution").asText()).isEqualTo("© Example Tiles, © OpenStreetMap contributors");
        assertThat(config.at("/basemap/max_zoom").asInt()).isEqualTo(17);
        // The first view holds the public places (here: Harsdorf), not all of Germany.
        JsonNode start = config.get("start");
        assertThat(start.get(0).asDouble()).isBetween(11.5, 11.57);
        assertThat(start.get(2).asDouble()).isBetween(11.56, 11.6);
        assertThat(start.get(1).asDouble()).isBetween(50.0, 50.03);
        // No OpenStreetMap extract configured here: no network, so the planner can only measure in a straight line.
        assertThat(config.get("planning_modes").toString()).isEqualTo("[\"straight\"]");

        List<String> codes = new ArrayList<>();
        config.get("layers").forEach(l -> codes.add(l.get("code").asText()));
        // the catalogue's layers, under the ids the OGC collections and the tiles use
        assertThat(codes).containsExactly("third_places", "clubs", "meeting_rooms", "mobility", "vacant_buildings", "supply",
                "villages", "municipalities", "districts");
        JsonNode thirdPlace = config.get("layers").get(0);
        assertThat(thirdPlace.get("label_de").asText()).isEqualTo("Treffpunkte");
        assertThat(thirdPlace.get("label_en").asText()).isEqualTo("Places to meet");
        assertThat(thirdPlace.get("collection").asText()).isEqualTo("third_places");
        assertThat(thirdPlace.get("colour").asText()).matches("#[0-9a-f]{6}");
        // … and the pages take the layers' colours from the same catalogue
        String css = get("/map/layers.css").body();
        assertThat(css).contains("--third_places: " + thirdPlace.get("colour").asText() + ";")
                .contains(".om-vacant_buildings { background: var(--vacant_buildings); }");
        // Addresses for a GIS are listed only where this build serves them.
        var items = thirdPlace.get("items_url");
        if (items != null) {
            assertThat(get(URI.create(items.asText()).getPath() + "?limit=1").statusCode()).isEqualTo(200);
        }
        var tiles = thirdPlace.get("tilejson_url");
        if (tiles != null) {
            assertThat(get(URI.create(tiles.asText()).getPath()).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void typeAheadFindsVillagesAndPublicPlacesByTheStartOfTheirName() throws Exception {
        JsonNode answer = getJson("/map/suggest?q=hars");
        List<String> names = new ArrayList<>();
        answer.get("suggestions").forEach(s -> names.add(s.get("name").asText()));
        // Villages and the municipality before places; a place that is not public never appears.
        assertThat(names).startsWith("Harsdorf", "Harsdorf").contains("Dorfgemeinschaftshaus Harsdorf")
                .doesNotContain("Harsdorfer Geheimtreff");
        JsonNode village = answer.get("suggestions").get(0);
        assertThat(village.get("type").asText()).isEqualTo("locality");
        assertThat(village.get("detail").asText()).isEqualTo("village");
        assertThat(village.get("lon").asDouble()).isEqualTo(11.5686);
        // Umlauts and their spellings meet; a place suggestion carries its id for the detail.
        for (String typed : List.of("zur muh", "Zur Mueh", "ZUR MÜH")) {
            JsonNode found = getJson("/map/suggest?q=" + typed.replace(" ", "%20").replace("Ü", "%C3%9C"));
            assertThat(found.get("suggestions")).as(typed).isNotEmpty();
            assertThat(found.at("/suggestions/0/name").asText()).isEqualTo("Zur Mühle");
            assertThat(found.at("/suggestions/0/place_id").asLong()).isPositive();
            assertThat(found.at("/suggestions/0/kind_label_de").asText()).isEqualTo("Gaststätte");
        }
        // Text that means something to SQL's LIKE is just text.
        assertThat(getJson("/map/suggest?q=%25%25").get("suggestions")).isEmpty();
    }

    @Test
    void typeAheadRefusesTooLittleWithAProblemDocument() throws Exception {
        var response = get("/map/suggest?q=h");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json.readTree(response.body()).at("/invalid-params/0/name").asText()).isEqualTo("q");
        assertThat(get("/map/suggest?q=harsdorf&limit=0").statusCode()).isEqualTo(400);
    }
}
