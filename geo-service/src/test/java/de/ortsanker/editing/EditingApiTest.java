package de.ortsanker.editing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.ortsanker.ServiceTest;
import de.ortsanker.accounts.Role;
import de.ortsanker.accounts.Scope;
import de.ortsanker.accounts.TestAccounts;
import de.ortsanker.imports.ImportOptions;
import de.ortsanker.imports.Imports;
import de.ortsanker.testing.TestSchema;
import de.ortsanker.tiles.DecodedTile;
import de.ortsanker.tiles.Fixtures;
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
 * The editing API on real data: OpenStreetMap north of Bayreuth and the BKG municipalities. A steward of
 * Heinersreuth (AGS 09472150) creates, changes and retires places there and is refused next door; a club's
 * editor edits only the club's places; stale and missing If-Match; invalid fields named with the importers'
 * messages and nothing stored; history with field diffs, revert; every change visible at once in the place,
 * its OGC item and its tile; no account identity in any public answer.
 */
@EditingApiTest.Context
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EditingApiTest {

    /** Its own service and schema: the real data must not meet the other tests' fixtures. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @ServiceTest
    @TestPropertySource(properties = "ortsanker.test.context=editing")
    @interface Context {
    }

    static final String HEINERSREUTH = "09472150";

    @LocalServerPort
    int port;

    @Autowired
    TestSchema db;

    @Autowired
    TestAccounts accounts;

    @Autowired
    de.ortsanker.tiles.Tiles tiles;

    private final ObjectMapper json = new ObjectMapper();
    private JdbcTemplate sql;
    private String steward;
    private String admin;
    private String neighbour;
    private double[] inside;
    private double[] nextDoor;

    @BeforeAll
    void load() {
        Imports.importFile(db.dataSource(), data("osm/north-bayreuth.osm.pbf"),
                ImportOptions.builder().source("north-bayreuth-" + db.name()).build()).orThrow();
        Imports.importFile(db.dataSource(), data("vg5000/VG5000_GEM.shp")).orThrow();
        sql = new JdbcTemplate(db.dataSource());
        // Points inside Heinersreuth and inside a municipality bordering it, as PostGIS finds them.
        inside = point("select ST_PointOnSurface(geom) from admin_areas where level = 'gemeinde' and retired_at is null"
                + " and ags = '" + HEINERSREUTH + "'");
        neighbour = sql.queryForObject("select n.ags from admin_areas h join admin_areas n on n.level = 'gemeinde'"
                + " and n.retired_at is null and n.ags <> h.ags and ST_Touches(n.geom, h.geom) where h.level = 'gemeinde'"
                + " and h.retired_at is null and h.ags = ? order by (select count(*) from places p"
                + " where p.retired_at is null and ST_Intersects(n.geom, ST_PointOnSurface(p.geom))) desc, n.ags limit 1", String.class, HEINERSREUTH);
        nextDoor = point("select ST_PointOnSurface(geom) from admin_areas where level = 'gemeinde' and retired_at is null"
                + " and ags = '" + neighbour + "'");
        steward = accounts.token("steward-heinersreuth", Role.MUNICIPALITY_STEWARD, HEINERSREUTH, Scope.EDIT);
        admin = accounts.administrator();
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

    private HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
        var b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> as(String token, String method, String path, String body, String... headers)
            throws Exception {
        var all = new String[headers.length + 2];
        all[0] = "Authorization";
        all[1] = "Bearer " + token;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return send(method, path, body, all);
    }

    private String place(String kind, String name, double[] at, String... more) throws Exception {
        var body = new java.util.LinkedHashMap<String, Object>();
        body.put("kind", kind);
        body.put("name", name);
        body.put("geometry", Map.of("type", "Point", "coordinates", List.of(at[0], at[1])));
        for (int i = 0; i < more.length; i += 2) {
            body.put(more[i], more[i + 1]);
        }
        return json.writeValueAsString(body);
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

    private long count() {
        return sql.queryForObject("select count(*) from places", Long.class);
    }

    private long version(String layer) {
        return sql.queryForObject("select version from data_versions where layer = ?", Long.class, layer);
    }

    private HttpResponse<byte[]> tile(double[] at) throws Exception {
        TileAddress a = Fixtures.tileAt(14, at[0], at[1]);
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/tiles/mobility/" + a.z() + "/" + a.x() + "/" + a.y() + ".mvt")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private List<String> tileNames(double[] at) throws Exception {
        var t = tile(at);
        if (t.statusCode() == 204 || t.body().length == 0) {
            return List.of();
        }
        return DecodedTile.of(t.body()).names("mobility").stream().map(String::valueOf).toList();
    }

    private JsonNode ogcItem(String id) throws Exception {
        var r = send("GET", "/collections/mobility/items/" + id, null, "Accept", "application/geo+json");
        return r.statusCode() == 200 ? body(r) : null;
    }

    @Test
    void aStewardCreatesChangesAndRetiresAPlaceInTheirMunicipalityVisibleEverywhereAtOnce() throws Exception {
        tileNames(inside);  // the tile cached before the change must not be served after it
        long before = version("mobility");
        var created = as(steward, "POST", "/places", place("mitfahrbank", "Mitfahrbank am Rathaus", inside,
                "comment", "neu aufgestellt"));
        status(created, 201);
        String id = body(created).get("id").asText();
        String etag = created.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).isEqualTo("\"" + id + ".1\"");
        assertThat(body(created).at("/properties/ags").asText()).isEqualTo(HEINERSREUTH);
        assertThat(version("mobility")).isGreaterThan(before);
        assertThat(sql.queryForObject("select edited_at is not null from places where id = " + id, Boolean.class)).isTrue();

        assertThat(body(send("GET", "/places/" + id, null)).at("/properties/name").asText())
                .isEqualTo("Mitfahrbank am Rathaus");
        assertThat(ogcItem(id).at("/properties/name").asText()).isEqualTo("Mitfahrbank am Rathaus");
        assertThat(tileNames(inside)).contains("Mitfahrbank am Rathaus");

        var changed = as(steward, "PATCH", "/places/" + id, "{\"name\": \"Mitfahrbank Rathausplatz\","
                + " \"wheelchair\": \"ja\"}", "If-Match", etag);
        status(changed, 200);
        assertThat(body(changed).at("/properties/wheelchair").asText()).isEqualTo("yes");  // as an import stores it
        assertThat(body(send("GET", "/places/" + id, null)).at("/properties/name").asText())
                .isEqualTo("Mitfahrbank Rathausplatz");
        assertThat(ogcItem(id).at("/properties/name").asText()).isEqualTo("Mitfahrbank Rathausplatz");
        assertThat(tileNames(inside)).contains("Mitfahrbank Rathausplatz").doesNotContain("Mitfahrbank am Rathaus");

        var retired = as(steward, "DELETE", "/places/" + id + "?comment=abgebaut", null);
        status(retired, 200);
        assertThat(sql.queryForObject("select retired_at is not null from places where id = " + id, Boolean.class))
                .isTrue();
        status(send("GET", "/places/" + id, null), 404);
        assertThat(ogcItem(id)).isNull();
        assertThat(tileNames(inside)).doesNotContain("Mitfahrbank Rathausplatz");
        status(as(steward, "DELETE", "/places/" + id, null), 409);
        // every write in the audit log, for administrators
        assertThat(sql.queryForList("select event from audit_events where subject = ? and actor = ? order by id",
                String.class, "place " + id, "steward-heinersreuth"))
                .containsExactly("place-created", "place-changed", "place-retired");
    }

    private HttpResponse<byte[]> tile(TileAddress a, String... headers) throws Exception {
        var b = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/tiles/mobility/" + a.z() + "/" + a.x() + "/" + a.y() + ".mvt"));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String etagOf(HttpResponse<byte[]> r) {
        return r.headers().firstValue("ETag").orElseThrow();
    }

    /**
     * Asserts the tile is as it was: 304 to its old ETag without being made again (a content ETag alone
     * would also answer 304 after a needless render), the very same bytes when asked plainly.
     */
    private void unchanged(TileAddress a, HttpResponse<byte[]> before) throws Exception {
        long misses = tiles.cacheMisses();
        assertThat(tile(a, "If-None-Match", etagOf(before)).statusCode()).as("tile %s", a).isEqualTo(304);
        assertThat(tiles.cacheMisses()).as("tile %s made again", a).isEqualTo(misses);
        var now = tile(a);
        assertThat(etagOf(now)).as("tile %s", a).isEqualTo(etagOf(before));
        assertThat(now.body()).as("tile %s", a).isEqualTo(before.body());
    }

    /** Asserts the tile was made again with something new: 200 to its old ETag, with a new one. */
    private HttpResponse<byte[]> changed(TileAddress a, HttpResponse<byte[]> before) throws Exception {
        var now = tile(a, "If-None-Match", etagOf(before));
        assertThat(now.statusCode()).as("tile %s", a).isIn(200, 204);
        assertThat(etagOf(now)).as("tile %s", a).isNotEqualTo(etagOf(before));
        return now;
    }

    @Test
    void anEditRemakesOnlyTheTilesItReachesAtEveryZoom() throws Exception {
        TileAddress here = Fixtures.tileAt(14, inside[0], inside[1]);
        TileAddress east = TileAddress.of(14, here.x() + 1, here.y());
        TileAddress there = Fixtures.tileAt(14, nextDoor[0], nextDoor[1]);
        // the mobility place farthest from here, as PostGIS finds it
        double[] farthest = point("select p.geom from places p join kinds k on k.code = p.kind"
                + " where k.group_code = 'mobility' and p.retired_at is null and p.is_public"
                + " order by p.geom <-> ST_Point(" + inside[0] + ", " + inside[1] + ", 4326) desc limit 1");
        TileAddress far = Fixtures.tileAt(14, farthest[0], farthest[1]);
        assertThat(List.of(east, there, far)).doesNotContain(here).doesNotHaveDuplicates();
        var parents = new java.util.ArrayList<TileAddress>();
        for (int z = 14; z >= 6; z--) {
            parents.add(TileAddress.of(z, here.x() >> (14 - z), here.y() >> (14 - z)));
        }
        var before = new java.util.LinkedHashMap<TileAddress, HttpResponse<byte[]>>();
        for (TileAddress a : parents) {
            before.put(a, tile(a));
        }
        for (TileAddress a : List.of(east, there, far)) {
            before.put(a, tile(a));
        }
        assertThat(DecodedTile.of(before.get(far).body()).names("mobility")).isNotEmpty();

        // created through the API: its tile and every parent down to the clusters change, nothing else
        var created = as(steward, "POST", "/places", place("mitfahrbank", "Bank an der Kirche", inside));
        status(created, 201);
        String id = body(created).get("id").asText();
        for (TileAddress a : parents) {
            var now = changed(a, before.get(a));
            if (a.z() >= 12) {
                assertThat(DecodedTile.of(now.body()).names("mobility")).as("z%d", a.z()).contains("Bank an der Kirche");
            }
            before.put(a, now);
        }
        unchanged(east, before.get(east));
        unchanged(there, before.get(there));
        unchanged(far, before.get(far));

        // moved next door (by an administrator): the old and the new tile change, the far one does not
        var moved = as(admin, "PATCH", "/places/" + id, json.writeValueAsString(Map.of(
                "geometry", Map.of("type", "Point", "coordinates", List.of(nextDoor[0], nextDoor[1])))),
                "If-Match", created.headers().firstValue("ETag").orElseThrow());
        status(moved, 200);
        var hereNow = changed(here, before.get(here));
        assertThat(hereNow.statusCode() == 204 ? List.of() : DecodedTile.of(hereNow.body()).names("mobility"))
                .doesNotContain("Bank an der Kirche");
        var thereNow = changed(there, before.get(there));
        assertThat(DecodedTile.of(thereNow.body()).names("mobility")).contains("Bank an der Kirche");
        unchanged(east, before.get(east));
        unchanged(far, before.get(far));

        // a change by plain SQL, not through the service, is seen alike
        sql.update("update places set name = 'Bank an der Linde' where id = " + id);
        var renamed = changed(there, thereNow);
        assertThat(DecodedTile.of(renamed.body()).names("mobility")).contains("Bank an der Linde");
        unchanged(here, hereNow);
        unchanged(far, before.get(far));
        sql.update("update places set retired_at = now() where id = " + id);
    }

    @Test
    void aStewardIsRefusedNextDoor() throws Exception {
        long places = count();
        var refused = as(steward, "POST", "/places", place("mitfahrbank", "Bank nebenan", nextDoor));
        status(refused, 403);
        assertThat(body(refused).get("missing-territory").get("ags").asText()).isEqualTo(neighbour);
        assertThat(count()).isEqualTo(places);

        // an imported place next door, and moving one of theirs out of Heinersreuth
        String osmNextDoor = sql.queryForObject("select p.id::text from places p join admin_areas a on a.level = 'gemeinde'"
                + " and a.retired_at is null and a.ags = ? and ST_Intersects(a.geom, ST_PointOnSurface(p.geom))"
                + " where p.retired_at is null order by p.id limit 1", String.class, neighbour);
        var current = send("GET", "/places/" + osmNextDoor + "/history", null);
        status(current, 200);
        var foreign = as(steward, "PATCH", "/places/" + osmNextDoor, "{\"name\": \"Übernommen\"}",
                "If-Match", current.headers().firstValue("ETag").orElseThrow());
        status(foreign, 403);
        assertThat(body(foreign).has("missing-territory")).isTrue();

        var own = as(steward, "POST", "/places", place("mitfahrbank", "Bank zum Verschieben", inside));
        status(own, 201);
        var moved = as(steward, "PATCH", "/places/" + body(own).get("id").asText(), json.writeValueAsString(Map.of(
                "geometry", Map.of("type", "Point", "coordinates", List.of(nextDoor[0], nextDoor[1])))),
                "If-Match", own.headers().firstValue("ETag").orElseThrow());
        status(moved, 403);
        assertThat(body(moved).get("missing-territory").get("ags").asText()).isEqualTo(neighbour);
        assertThat(sql.queryForObject("select ST_X(geom) from places where id = " + body(own).get("id").asText(),
                Double.class)).isEqualTo(inside[0]);

        status(send("POST", "/places", place("mitfahrbank", "Ohne Anmeldung", inside)), 401);
        String readOnly = accounts.token("steward-heinersreuth", Role.MUNICIPALITY_STEWARD, HEINERSREUTH, Scope.MODERATE);
        var unscoped = as(readOnly, "POST", "/places", place("mitfahrbank", "Falscher Scope", inside));
        status(unscoped, 403);
        assertThat(body(unscoped).get("missing-scope").asText()).isEqualTo("edit");
    }

    @Test
    void aClubsEditorEditsOnlyTheClubsPlaces() throws Exception {
        var ours = as(admin, "POST", "/places", place("club", "SV Heinersreuth", inside, "organisation", "SV Heinersreuth"));
        var theirs = as(admin, "POST", "/places", place("club", "TSV Nachbar", inside, "organisation", "TSV Nachbar"));
        status(ours, 201);
        status(theirs, 201);
        String editor = accounts.token("editor-sv", Role.ORGANISATION_EDITOR, "SV Heinersreuth", Scope.EDIT);

        var allowed = as(editor, "PATCH", "/places/" + body(ours).get("id").asText(), "{\"opening_hours\": \"Mo 18:00-22:00\"}",
                "If-Match", ours.headers().firstValue("ETag").orElseThrow());
        status(allowed, 200);
        var refused = as(editor, "PATCH", "/places/" + body(theirs).get("id").asText(), "{\"name\": \"Gekapert\"}",
                "If-Match", theirs.headers().firstValue("ETag").orElseThrow());
        status(refused, 403);
        assertThat(body(refused).get("missing-territory").get("organisation").asText()).isEqualTo("TSV Nachbar");
        var givenAway = as(editor, "PATCH", "/places/" + body(ours).get("id").asText(), "{\"organisation\": \"TSV Nachbar\"}",
                "If-Match", allowed.headers().firstValue("ETag").orElseThrow());
        status(givenAway, 403);
        var otherClubs = as(editor, "POST", "/places", place("club", "Neuer Verein", inside, "organisation", "TSV Nachbar"));
        status(otherClubs, 403);
        status(as(editor, "POST", "/places", place("club", "SV Heinersreuth Jugend", inside,
                "organisation", "SV Heinersreuth")), 201);
    }

    @Test
    void aStaleOrMissingIfMatchChangesNothing() throws Exception {
        var created = as(steward, "POST", "/places", place("mitfahrbank", "Bank am Weiher", inside));
        String id = body(created).get("id").asText();
        String first = created.headers().firstValue("ETag").orElseThrow();
        status(as(steward, "PATCH", "/places/" + id, "{\"name\": \"Bank am Dorfweiher\"}", "If-Match", first), 200);

        var stale = as(steward, "PATCH", "/places/" + id, "{\"name\": \"Veraltet\"}", "If-Match", first);
        status(stale, 412);
        assertThat(body(stale).get("current-etag").asText()).isEqualTo("\"" + id + ".2\"");
        status(as(steward, "PATCH", "/places/" + id, "{\"name\": \"Ohne Version\"}"), 428);
        status(as(steward, "PATCH", "/places/" + id, "{\"name\": \"Schwach\"}", "If-Match", "W/\"" + id + ".2\""), 412);
        assertThat(sql.queryForObject("select name from places where id = " + id, String.class)).isEqualTo("Bank am Dorfweiher");
    }

    @Test
    void invalidFieldsAreNamedWithTheImportersMessagesAndNothingIsStored() throws Exception {
        long places = count();
        long versions = sql.queryForObject("select count(*) from place_versions", Long.class);
        var bad = as(steward, "POST", "/places", place("mitfahrbank", "Bank", inside, "addr_postcode", "9547",
                "wheelchair", "maybe"));
        status(bad, 422);
        var params = body(bad).get("invalid-params");
        assertThat(params.findValuesAsText("name")).containsExactlyInAnyOrder("addr_postcode", "wheelchair");
        // the importers' own words (PlaceCheck)
        assertThat(params.findValuesAsText("reason")).contains("'9547' is not a German postcode (five digits)",
                "'maybe' is not yes, limited or no");
        var unknownKind = as(steward, "POST", "/places", place("bench", "Bank", inside));
        status(unknownKind, 422);
        assertThat(body(unknownKind).at("/invalid-params/0/name").asText()).isEqualTo("kind");
        assertThat(body(unknownKind).at("/invalid-params/0/reason").asText()).startsWith("unknown kind 'bench'");
        var noName = as(steward, "POST", "/places", place("club", null, inside));
        status(noName, 422);
        assertThat(body(noName).at("/invalid-params/0/name").asText()).isEqualTo("name");
        assertThat(count()).isEqualTo(places);

        var created = as(steward, "POST", "/places", place("mitfahrbank", "Bank am Anger", inside));
        String id = body(created).get("id").asText();
        var badPatch = as(steward, "PATCH", "/places/" + id, "{\"name\": \"Neu\", \"capacity\": \"viele\"}",
                "If-Match", created.headers().firstValue("ETag").orElseThrow());
        status(badPatch, 422);
        assertThat(body(badPatch).at("/invalid-params/0/name").asText()).isEqualTo("capacity");
        assertThat(sql.queryForObject("select name from places where id = " + id, String.class)).isEqualTo("Bank am Anger");
        assertThat(sql.queryForObject("select count(*) from place_versions", Long.class)).isEqualTo(versions + 1);
    }

    @Test
    void historyListsEveryVersionWithItsDiffAndRevertRestores() throws Exception {
        var created = as(steward, "POST", "/places", place("mitfahrbank", "Bank an der Kirche", inside,
                "contact_phone", "0921 12345", "comment", "Ortstermin"));
        String id = body(created).get("id").asText();
        var v2 = as(steward, "PATCH", "/places/" + id, "{\"name\": \"Bank bei der Kirche\", \"comment\": \"Tippfehler\"}",
                "If-Match", created.headers().firstValue("ETag").orElseThrow());
        var v3 = as(steward, "PATCH", "/places/" + id, "{\"description\": \"mit Dach\", \"contact_phone\": null}",
                "If-Match", v2.headers().firstValue("ETag").orElseThrow());
        status(v3, 200);

        var history = send("GET", "/places/" + id + "/history", null);
        status(history, 200);
        var versions = body(history).get("versions");
        assertThat(versions).hasSize(3);
        assertThat(versions.get(0).get("origin").asText()).isEqualTo("api");
        assertThat(versions.get(0).get("comment").asText()).isEqualTo("Ortstermin");
        assertThat(versions.get(1).at("/changes/name/old").asText()).isEqualTo("Bank an der Kirche");
        assertThat(versions.get(1).at("/changes/name/new").asText()).isEqualTo("Bank bei der Kirche");
        assertThat(versions.get(1).get("changes").size()).isEqualTo(1);
        assertThat(versions.get(2).at("/changes/description/new").asText()).isEqualTo("mit Dach");
        // pseudonymous for the public, and private contact values withheld
        assertThat(versions.get(0).get("by").asText()).isEqualTo("editor 1");
        assertThat(history.body()).doesNotContain("steward-heinersreuth").doesNotContain("0921 12345");
        assertThat(versions.get(2).at("/changes/contact_phone/withheld").asBoolean()).isTrue();
        // administrators see who
        var seenByAdmin = body(as(admin, "GET", "/places/" + id + "/history", null));
        assertThat(seenByAdmin.at("/versions/0/by").asText()).isEqualTo("steward-heinersreuth");
        assertThat(seenByAdmin.at("/versions/2/changes/contact_phone/old").asText()).isEqualTo("0921 12345");

        var reverted = as(steward, "POST", "/places/" + id + "/revert?version=1", null);
        status(reverted, 200);
        assertThat(sql.queryForMap("select name, description, contact_phone from places where id = " + id))
                .containsEntry("name", "Bank an der Kirche").containsEntry("contact_phone", "0921 12345")
                .containsEntry("description", null);
        var after = body(send("GET", "/places/" + id + "/history", null)).get("versions");
        assertThat(after).hasSize(4);
        assertThat(after.get(3).get("comment").asText()).isEqualTo("revert to version 1");
        assertThat(after.get(3).at("/changes/name/new").asText()).isEqualTo("Bank an der Kirche");

        // a retired place comes back by reverting to the version before
        var retired = as(steward, "DELETE", "/places/" + id, null);
        status(send("GET", "/places/" + id, null), 404);
        status(as(steward, "POST", "/places/" + id + "/revert?version=" + (body(retired).get("version").asInt() - 1), null), 200);
        status(send("GET", "/places/" + id, null), 200);
        status(as(steward, "POST", "/places/" + id + "/revert?version=99", null), 400);
    }

    @Test
    void revertBringsBackTheProvenanceOfThatVersion() throws Exception {
        String id = sql.queryForObject("select p.id::text from places p join admin_areas a on a.level = 'gemeinde'"
                + " and a.retired_at is null and a.ags = ? and ST_Intersects(a.geom, ST_PointOnSurface(p.geom))"
                + " where p.retired_at is null and p.source like 'north-bayreuth%' and p.is_public and p.kind <> 'club'"
                + " order by p.id desc limit 1", String.class, HEINERSREUTH);
        String provenance = "select source, source_id, licence, attribution, source_edited from places where id = " + id;
        var imported = sql.queryForMap(provenance);
        int version = sql.queryForObject("select coalesce(max(version), 0) from place_versions where place_id = " + id,
                Integer.class);
        // the record changes hands and terms (a plain database write, recorded as a version), then is edited
        sql.update("update places set source = 'landkreis-liste', source_id = 'LK-17', licence = 'dl-de/by-2-0',"
                + " attribution = '© Landkreis Bayreuth', source_edited = date '2026-01-01' where id = " + id);
        var history = send("GET", "/places/" + id + "/history", null);
        var edited = as(steward, "PATCH", "/places/" + id, "{\"description\": \"nach dem Wechsel\"}",
                "If-Match", history.headers().firstValue("ETag").orElseThrow());
        status(edited, 200);
        assertThat(body(edited).at("/properties/licence").asText()).isEqualTo("dl-de/by-2-0");

        var reverted = as(steward, "POST", "/places/" + id + "/revert?version=" + version, null);
        status(reverted, 200);
        assertThat(sql.queryForMap(provenance)).isEqualTo(imported);
        assertThat(body(reverted).at("/properties/licence").asText()).isEqualTo(imported.get("licence"));
        assertThat(body(reverted).at("/properties/attribution").asText()).isEqualTo(imported.get("attribution"));
        assertThat(body(reverted).at("/properties/source").asText()).isEqualTo(imported.get("source"));
        // the revert is a version of its own that says so
        var last = body(as(admin, "GET", "/places/" + id + "/history", null)).get("versions");
        var changes = last.get(last.size() - 1).get("changes");
        assertThat(changes.at("/licence/old").asText()).isEqualTo("dl-de/by-2-0");
        assertThat(changes.at("/licence/new").asText()).isEqualTo(imported.get("licence"));
        assertThat(changes.at("/attribution/new").asText()).isEqualTo(imported.get("attribution"));
        assertThat(changes.has("description")).isTrue();
    }

    @Test
    void aHandEditOfAnImportedPlaceIsMarkedAndImportsAreInTheHistory() throws Exception {
        String id = sql.queryForObject("select p.id::text from places p join admin_areas a on a.level = 'gemeinde'"
                + " and a.retired_at is null and a.ags = ? and ST_Intersects(a.geom, ST_PointOnSurface(p.geom))"
                + " where p.retired_at is null and p.source like 'north-bayreuth%' and p.is_public and p.kind <> 'club'"
                + " order by p.id limit 1", String.class, HEINERSREUTH);
        var history = send("GET", "/places/" + id + "/history", null);
        status(history, 200);
        assertThat(body(history).at("/versions/0/origin").asText()).isEqualTo("import");
        assertThat(body(history).at("/versions/0/import_run").asLong()).isEqualTo(sql.queryForObject(
                "select id from import_runs where source like 'north-bayreuth%' order by id limit 1", Long.class));
        var edited = as(steward, "PATCH", "/places/" + id, "{\"description\": \"von Hand ergänzt\"}",
                "If-Match", history.headers().firstValue("ETag").orElseThrow());
        status(edited, 200);
        assertThat(sql.queryForMap("select edited_at is not null as marked, edited_by from places where id = " + id))
                .containsEntry("marked", true).containsEntry("edited_by", "steward-heinersreuth");
    }

    @Test
    void noAccountIdentityInAnyPublicAnswer() throws Exception {
        var created = as(steward, "POST", "/places", place("mitfahrbank", "Bank am Sportplatz", inside));
        String id = body(created).get("id").asText();
        as(steward, "PATCH", "/places/" + id, "{\"name\": \"Bank beim Sportplatz\"}",
                "If-Match", created.headers().firstValue("ETag").orElseThrow());
        for (String path : List.of("/places/" + id, "/places/" + id + "/history", "/collections/mobility/items/" + id,
                "/collections/mobility/items?bbox=" + (inside[0] - 0.01) + "," + (inside[1] - 0.01) + ","
                        + (inside[0] + 0.01) + "," + (inside[1] + 0.01),
                "/places/nearby?kinds=mitfahrbank&lon=" + inside[0] + "&lat=" + inside[1] + "&radius=2000")) {
            var r = send("GET", path, null);
            status(r, 200);
            assertThat(r.body()).as(path).contains("Sportplatz").doesNotContain("steward-heinersreuth")
                    .doesNotContain("edited_by").doesNotContain("account");
        }
    }
}
