package de.ortsanker.features;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.ortsanker.ServiceTest;
import de.ortsanker.accounts.Role;
import de.ortsanker.accounts.Scope;
import de.ortsanker.accounts.TestAccounts;
import de.ortsanker.imports.Imports;
import de.ortsanker.testing.TestSchema;
import de.ortsanker.tiles.DecodedTile;
import de.ortsanker.tiles.TileAddress;
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
 * OGC API Features Part 4 on the place collections, as scripted HTTP following the standard's examples
 * (create → get → replace → update → stale → delete → gone), on the BKG municipalities: a steward of
 * Heinersreuth (AGS 09472150) writes there and is refused next door, exactly as by the JSON editing API.
 * What is stored is read back with SQL, not through the service.
 */
@ItemWritesTest.Context
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ItemWritesTest {

    /** Its own service and schema: the boundaries and written places must not meet the other tests' fixtures. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @ServiceTest
    @TestPropertySource(properties = "ortsanker.test.context=ogc-writes")
    @interface Context {
    }

    static final String HEINERSREUTH = "09472150";
    static final String GEOJSON = "application/geo+json";

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
    private double[] inside;
    private double[] nextDoor;

    @BeforeAll
    void load() {
        Imports.importFile(db.dataSource(), data("vg5000/VG5000_GEM.shp")).orThrow();
        sql = new JdbcTemplate(db.dataSource());
        inside = point("select ST_PointOnSurface(geom) from admin_areas where level = 'gemeinde' and retired_at is null"
                + " and ags = '" + HEINERSREUTH + "'");
        neighbour = sql.queryForObject("select n.ags from admin_areas h join admin_areas n on n.level = 'gemeinde'"
                + " and n.retired_at is null and n.ags <> h.ags and ST_Touches(n.geom, h.geom) where h.level = 'gemeinde'"
                + " and h.retired_at is null and h.ags = ? order by n.ags limit 1", String.class, HEINERSREUTH);
        nextDoor = point("select ST_PointOnSurface(geom) from admin_areas where level = 'gemeinde' and retired_at is null"
                + " and ags = '" + neighbour + "'");
        steward = accounts.token("ogc-steward", Role.MUNICIPALITY_STEWARD, HEINERSREUTH, Scope.EDIT);
    }

    private double[] point(String query) {
        return sql.queryForObject("select ST_X(g), ST_Y(g) from (" + query + ") q(g)",
                (rs, i) -> new double[] {rs.getDouble(1), rs.getDouble(2)});
    }

    static Path data(String file) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("data").resolve(file))) {
                return dir.resolve("data").resolve(file);
            }
        }
        throw new IllegalStateException("data/" + file + " not found");
    }

    private HttpResponse<String> send(String method, String path, String type, String body, String... headers)
            throws Exception {
        var b = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : "http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (type != null) {
            b.header("Content-Type", type);
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build().send(b.build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> as(String token, String method, String path, String type, String body,
                                    String... headers) throws Exception {
        var all = new String[headers.length + 2];
        all[0] = "Authorization";
        all[1] = "Bearer " + token;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return send(method, path, type, body, all);
    }

    private String feature(String kind, String name, double[] at, Object... more) throws Exception {
        var properties = new java.util.LinkedHashMap<String, Object>();
        properties.put("kind", kind);
        properties.put("name", name);
        for (int i = 0; i < more.length; i += 2) {
            properties.put((String) more[i], more[i + 1]);
        }
        return json.writeValueAsString(Map.of("type", "Feature", "geometry", Map.of("type", "Point", "coordinates",
                List.of(at[0], at[1])), "properties", properties));
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

    private static String etag(HttpResponse<String> r) {
        return r.headers().firstValue("ETag").orElseThrow();
    }

    private long count() {
        return sql.queryForObject("select count(*) from places", Long.class);
    }

    private List<String> tileNames(double[] at) throws Exception {
        TileAddress a = de.ortsanker.tiles.Fixtures.tileAt(14, at[0], at[1]);
        var t = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/tiles/mobility/" + a.z() + "/" + a.x() + "/" + a.y() + ".mvt")).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (t.statusCode() == 204 || t.body().length == 0) {
            return List.of();
        }
        return DecodedTile.of(t.body()).names("mobility").stream().map(String::valueOf).toList();
    }

    @Test
    void createGetReplaceUpdateStaleDeleteAsTheStandardsExamples() throws Exception {
        assertThat(tileNames(inside)).isEmpty(); // cached before the write: must not be served after it
        long mobility = sql.queryForObject("select version from data_versions where layer = 'mobility'", Long.class);

        // Create: POST a GeoJSON feature → 201, Location, ETag
        var created = as(steward, "POST", "/collections/mobility/items", GEOJSON, feature("mitfahrbank",
                "Mitfahrbank am Anger", inside, "street", "Hauptstraße", "housenumber", "3", "wheelchair", "ja",
                "contact_phone", "0921 555", "comment", "neu aufgestellt"));
        status(created, 201);
        String location = created.headers().firstValue("Location").orElseThrow();
        String id = location.substring(location.lastIndexOf('/') + 1);
        assertThat(location).isEqualTo("http://localhost:" + port + "/collections/mobility/items/" + id);
        assertThat(etag(created)).isEqualTo("\"" + id + ".1\"");
        var stored = sql.queryForMap("select name, kind, addr_street, wheelchair, contact_phone, source, edited_by"
                + " from places where id = " + id);
        assertThat(stored).containsEntry("name", "Mitfahrbank am Anger").containsEntry("addr_street", "Hauptstraße")
                .containsEntry("wheelchair", "yes").containsEntry("contact_phone", "0921 555")
                .containsEntry("edited_by", "ogc-steward");
        assertThat(sql.queryForMap("select origin, comment from place_versions where place_id = " + id + " and version = 1"))
                .containsEntry("origin", "ogc").containsEntry("comment", "neu aufgestellt");
        assertThat(sql.queryForObject("select version from data_versions where layer = 'mobility'", Long.class))
                .isGreaterThan(mobility);

        // Get: the ETag a write requires, visible at once in items, /places/{id} and the tile
        var got = send("GET", location, null, null, "Accept", GEOJSON);
        status(got, 200);
        assertThat(etag(got)).isEqualTo(etag(created));
        assertThat(body(got).at("/properties/street").asText()).isEqualTo("Hauptstraße");
        assertThat(body(got).at("/properties/contact_phone").isNull()).isTrue(); // not published
        assertThat(send("GET", location, null, null, "Accept", GEOJSON, "If-None-Match", etag(got)).statusCode())
                .isEqualTo(304);
        assertThat(body(send("GET", "/places/" + id, null, null)).at("/properties/name").asText())
                .isEqualTo("Mitfahrbank am Anger");
        assertThat(tileNames(inside)).contains("Mitfahrbank am Anger");
        assertThat(body(send("GET", "/collections/mobility/items?limit=1000", null, null, "Accept", GEOJSON))
                .findValuesAsText("name")).contains("Mitfahrbank am Anger");

        // Replace: the feature as read, its name changed and its street left out → street cleared, the
        // unpublished phone kept (the client could not have sent it back)
        var replacement = (ObjectNode) body(got);
        replacement.remove("links");
        ((ObjectNode) replacement.get("properties")).put("name", "Mitfahrbank Angerplatz").remove("street");
        var replaced = as(steward, "PUT", location, GEOJSON, replacement.toString(), "If-Match", etag(got));
        status(replaced, 200);
        assertThat(etag(replaced)).isEqualTo("\"" + id + ".2\"");
        assertThat(sql.queryForMap("select name, addr_street, addr_housenumber, contact_phone from places where id = " + id))
                .containsEntry("name", "Mitfahrbank Angerplatz").containsEntry("addr_street", null)
                .containsEntry("addr_housenumber", "3").containsEntry("contact_phone", "0921 555");
        assertThat(etag(send("GET", location, null, null, "Accept", GEOJSON))).isEqualTo(etag(replaced));
        assertThat(tileNames(inside)).contains("Mitfahrbank Angerplatz").doesNotContain("Mitfahrbank am Anger");

        // Update: a JSON merge patch; null clears, details merge member by member
        var patched = as(steward, "PATCH", location, "application/merge-patch+json",
                "{\"properties\": {\"description\": \"mit Dach\", \"housenumber\": null}}", "If-Match", etag(replaced));
        status(patched, 200);
        assertThat(body(patched).at("/properties/description").asText()).isEqualTo("mit Dach");
        assertThat(sql.queryForMap("select name, description, addr_housenumber from places where id = " + id))
                .containsEntry("name", "Mitfahrbank Angerplatz").containsEntry("description", "mit Dach")
                .containsEntry("addr_housenumber", null);

        // Stale and missing If-Match change nothing
        var stale = as(steward, "PATCH", location, "application/merge-patch+json",
                "{\"properties\": {\"name\": \"Veraltet\"}}", "If-Match", etag(replaced));
        status(stale, 412);
        assertThat(body(stale).get("current-etag").asText()).isEqualTo(etag(patched));
        status(as(steward, "PUT", location, GEOJSON, replacement.toString()), 428);
        status(as(steward, "DELETE", location, null, null), 428);
        assertThat(sql.queryForObject("select name from places where id = " + id, String.class))
                .isEqualTo("Mitfahrbank Angerplatz");
        assertThat(sql.queryForList("select origin from place_versions where place_id = " + id + " order by version",
                String.class)).containsExactly("ogc", "ogc", "ogc");

        // Delete: retired, kept with its history; the feature is gone (404), also for a second DELETE
        var deleted = as(steward, "DELETE", location, null, null, "If-Match", etag(patched));
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(sql.queryForObject("select retired_at is not null from places where id = " + id, Boolean.class)).isTrue();
        status(send("GET", location, null, null, "Accept", GEOJSON), 404);
        status(send("GET", "/places/" + id, null, null), 404);
        status(as(steward, "DELETE", location, null, null, "If-Match", etag(deleted)), 404);
        assertThat(tileNames(inside)).doesNotContain("Mitfahrbank Angerplatz");
        assertThat(sql.queryForList("select event from audit_events where subject = ? order by id", String.class,
                "place " + id)).containsExactly("place-created", "place-changed", "place-changed", "place-retired");
    }

    @Test
    void authenticationAndPermissionsAreTheEditingApis() throws Exception {
        long places = count();
        var anonymous = send("POST", "/collections/mobility/items", GEOJSON, feature("mitfahrbank", "Ohne", inside));
        status(anonymous, 401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        var nextDoorBench = as(steward, "POST", "/collections/mobility/items", GEOJSON,
                feature("mitfahrbank", "Nebenan", nextDoor));
        status(nextDoorBench, 403);
        assertThat(body(nextDoorBench).at("/missing-territory/ags").asText()).isEqualTo(neighbour);
        String moderator = accounts.token("ogc-steward", Role.MUNICIPALITY_STEWARD, HEINERSREUTH, Scope.MODERATE);
        var unscoped = as(moderator, "POST", "/collections/mobility/items", GEOJSON, feature("mitfahrbank", "Scope", inside));
        status(unscoped, 403);
        assertThat(body(unscoped).get("missing-scope").asText()).isEqualTo("edit");
        String nobody = accounts.token("ogc-no-role", null, null, Scope.EDIT);
        var roleless = as(nobody, "POST", "/collections/mobility/items", GEOJSON, feature("mitfahrbank", "Rolle", inside));
        status(roleless, 403);
        assertThat(body(roleless).get("missing-role").toString()).contains("municipality_steward");

        // moving a feature out of the territory is refused too
        var own = as(steward, "POST", "/collections/mobility/items", GEOJSON, feature("mitfahrbank", "Bank", inside));
        status(own, 201);
        String location = own.headers().firstValue("Location").orElseThrow();
        var moved = as(steward, "PATCH", location, "application/merge-patch+json", json.writeValueAsString(Map.of(
                "geometry", Map.of("type", "Point", "coordinates", List.of(nextDoor[0], nextDoor[1])))), "If-Match", etag(own));
        status(moved, 403);
        status(send("DELETE", location, null, null, "If-Match", etag(own)), 401);
        assertThat(count()).isEqualTo(places + 1);
    }

    @Test
    void fieldsAreCheckedByTheImportersRulesAndTheKindStaysInTheCollection() throws Exception {
        long places = count();
        var bad = as(steward, "POST", "/collections/mobility/items", GEOJSON, feature("mitfahrbank", "Bank", inside,
                "postcode", "9547", "wheelchair", "maybe"));
        status(bad, 422);
        var params = body(bad).get("invalid-params");
        assertThat(params.findValuesAsText("name")).containsExactlyInAnyOrder("addr_postcode", "wheelchair");
        assertThat(params.findValuesAsText("reason")).contains("'9547' is not a German postcode (five digits)",
                "'maybe' is not yes, limited or no");
        var club = as(steward, "POST", "/collections/mobility/items", GEOJSON, feature("club", "Verein", inside));
        status(club, 422);
        assertThat(body(club).at("/invalid-params/0/name").asText()).isEqualTo("kind");
        assertThat(body(club).at("/invalid-params/0/reason").asText()).contains("not a kind of collection 'mobility'");
        var unknown = as(steward, "POST", "/collections/mobility/items", GEOJSON, feature("mitfahrbank", "Bank", inside,
                "colour", "green"));
        status(unknown, 422);
        assertThat(body(unknown).at("/invalid-params/0/name").asText()).isEqualTo("colour");
        status(as(steward, "POST", "/collections/mobility/items", GEOJSON, "{\"type\": \"FeatureCollection\"}"), 400);
        status(as(steward, "POST", "/collections/mobility/items", GEOJSON, "not json"), 400);
        status(as(steward, "POST", "/collections/mobility/items", GEOJSON, feature("mitfahrbank", "Bank", inside),
                "Content-Crs", "<http://www.opengis.net/def/crs/EPSG/0/25832>"), 400);
        assertThat(count()).isEqualTo(places);

        // an existing feature cannot leave its collection, nor be written through another collection
        var own = as(steward, "POST", "/collections/mobility/items", GEOJSON, feature("mitfahrbank", "Bank am Bach", inside));
        String id = own.headers().firstValue("Location").orElseThrow().replaceAll(".*/", "");
        status(as(steward, "PATCH", "/collections/mobility/items/" + id, "application/merge-patch+json",
                "{\"properties\": {\"kind\": \"club\"}}", "If-Match", etag(own)), 422);
        status(as(steward, "PATCH", "/collections/clubs/items/" + id, "application/merge-patch+json",
                "{\"properties\": {\"name\": \"Anders\"}}", "If-Match", etag(own)), 404);
        assertThat(sql.queryForObject("select kind || ' ' || name from places where id = " + id, String.class))
                .isEqualTo("mitfahrbank Bank am Bach");
    }

    @Test
    void collectionsThatAreNotPlacesAreReadOnly() throws Exception {
        for (String path : List.of("/collections/municipalities/items", "/collections/villages/items")) {
            var r = as(steward, "POST", path, GEOJSON, feature("mitfahrbank", "Bank", inside));
            status(r, 405);
            assertThat(r.headers().firstValue("Allow")).hasValue("GET, HEAD");
        }
        String ags = sql.queryForObject("select id::text from admin_areas where ags = ? and level = 'gemeinde'", String.class,
                HEINERSREUTH);
        for (String method : List.of("PUT", "PATCH", "DELETE")) {
            var r = as(steward, method, "/collections/municipalities/items/" + ags, "application/json", "{}", "If-Match", "\"1.1\"");
            status(r, 405);
            assertThat(r.headers().firstValue("Allow")).hasValue("GET, HEAD");
        }
    }

    @Test
    void conformanceAndTheApiDocumentDeclareTheWrites() throws Exception {
        var conformance = body(send("GET", "/conformance", null, null, "Accept", "application/json"));
        assertThat(conformance.get("conformsTo").toString()).contains(
                "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/create-replace-delete",
                "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/update");
        var api = body(send("GET", "/api", null, null));
        var items = api.at("/paths/~1collections~1mobility~1items");
        assertThat(items.at("/post/requestBody/content").has(GEOJSON)).isTrue();
        var item = api.at("/paths/~1collections~1mobility~1items~1{featureId}");
        assertThat(item.at("/put/requestBody/content").has(GEOJSON)).isTrue();
        assertThat(item.at("/patch/requestBody/content").has("application/merge-patch+json")).isTrue();
        assertThat(item.at("/delete/responses").has("204")).isTrue();
        assertThat(item.at("/put/parameters").findValuesAsText("name")).contains("If-Match");
        assertThat(api.at("/paths/~1collections~1municipalities~1items").has("post")).isFalse();
    }
}
