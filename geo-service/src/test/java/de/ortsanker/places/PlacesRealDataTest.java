package de.ortsanker.places;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import de.ortsanker.imports.ImportOptions;
import de.ortsanker.imports.ImportResult;
import de.ortsanker.imports.Imports;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The places API on the real OSM extract north of Bayreuth (Neudrossenfeld, Harsdorf, Bindlach),
 * imported with the product's importer; every answer is checked against PostGIS asked directly.
 */
class PlacesRealDataTest extends PlacesApiTest {

    static final String SOURCE = "north-bayreuth";
    /** Only what the API shows: public, not retired, valid today (the extract has no validity periods). */
    static final String PUBLIC = "source = '" + SOURCE + "' and is_public and retired_at is null";

    @BeforeAll
    void importTheExtract() {
        removeTheExtract();
        // With a small staging buffer the extract loads as a partition of its own, as a large source would
        // (V60): the API must find places there as it does in the default partition.
        ImportResult r = Imports.importFile(db.dataSource(), dataFile("osm/north-bayreuth.osm.pbf"),
                ImportOptions.builder().stagingBuffer(1024).build());
        assertThat(r.stats()).containsEntry("places.own_partition", 1L);
        assertThat(r.added()).isGreaterThan(20);
    }

    @AfterAll
    void removeTheExtract() {
        db.execute("delete from places where source = '" + SOURCE + "'",
                "delete from localities where source = '" + SOURCE + "'",
                "delete from addresses where source = '" + SOURCE + "'",
                "delete from admin_areas where source = '" + SOURCE + "'");
    }

    @Test
    void nearbyFromAVillageHasExactDistancesAndTheDirectCount() throws Exception {
        var a = get("/places/nearby?near=Neudrossenfeld&radius=3000&limit=100");
        assertThat(a.status()).as(a.raw().body()).isEqualTo(200);
        double lon = a.json().path("origin").path("lon").asDouble();
        double lat = a.json().path("origin").path("lat").asDouble();
        String origin = "ST_Point(" + lon + ", " + lat + ", 4326)::geography";
        assertThat(lon).isCloseTo(sqlNumber("select ST_X(geom) from localities where name = 'Neudrossenfeld'"
                + " and source = '" + SOURCE + "'"), within(1e-9));
        long direct = (long) sqlNumber("select count(*) from places where " + PUBLIC
                + " and ST_DWithin(geog, " + origin + ", 3000)");
        assertThat(a.json().path("features")).hasSize((int) direct).isNotEmpty();
        double previous = 0;
        for (JsonNode f : a.json().path("features")) {
            double d = f.path("properties").path("distance_m").asDouble();
            assertThat(d).isCloseTo(sqlNumber("select ST_Distance(geog, " + origin + ") from places where id = "
                    + f.path("id").asLong()), within(0.01)).isGreaterThanOrEqualTo(previous).isLessThanOrEqualTo(3000);
            previous = d;
            assertThat(f.path("properties").path("attribution").asText()).isEqualTo("© OpenStreetMap contributors");
        }
    }

    @Test
    void kindFiltersMatchTheDirectCount() throws Exception {
        var stops = get("/places/nearby?lon=11.55&lat=50.0&radius=10000&limit=100&kinds=bus_stop,train_station");
        long direct = (long) sqlNumber("select count(*) from places where " + PUBLIC
                + " and kind in ('bus_stop', 'train_station')"
                + " and ST_DWithin(geog, ST_Point(11.55, 50.0, 4326)::geography, 10000)");
        assertThat(stops.json().path("features")).hasSize((int) direct);
        assertThat(stops.json().path("features").findValuesAsText("group")).containsOnly("mobility");
    }

    @Test
    void aBboxPagedThroughGivesEveryPlaceInItOnce() throws Exception {
        Set<Long> seen = new HashSet<>();
        String url = "/places/within?bbox=11.45,49.95,11.65,50.05&limit=7";
        int pages = 0;
        while (url != null) {
            var page = get(url);
            assertThat(page.status()).isEqualTo(200);
            page.json().path("features").forEach(f -> assertThat(seen.add(f.path("id").asLong())).isTrue());
            var links = page.json().path("links");
            url = links.isEmpty() ? null : relative(links.get(0).path("href").asText());
            pages++;
        }
        assertThat(seen).hasSize((int) sqlNumber("select count(*) from places where " + PUBLIC
                + " and ST_Intersects(geom, ST_MakeEnvelope(11.45, 49.95, 11.65, 50.05, 4326))"));
        assertThat(pages).isGreaterThan(3);
    }

    @Test
    void aMunicipalityByItsAgsMatchesTheDirectCount() throws Exception {
        String ags = sqlText("select ags from admin_areas where source = '" + SOURCE + "' and level = 'gemeinde' limit 1");
        var a = get("/places/within?municipality=" + ags + "&limit=1000");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().path("features")).hasSize((int) sqlNumber("select count(*) from places p where " + PUBLIC
                + " and ST_Intersects(p.geom, (select geom from admin_areas where ags = '" + ags + "'"
                + " and source = '" + SOURCE + "'))"));
    }

    @Test
    void everyNamedPlaceIsFoundByItsNameInAnySpelling() throws Exception {
        for (String name : sqlTexts("select distinct name from places where " + PUBLIC + " and name is not null")) {
            var a = get("/places/search?q=" + enc(name) + "&limit=100");
            assertThat(a.names()).as(name).contains(name);
            String variant = name.toLowerCase().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue");
            assertThat(get("/places/search?q=" + enc(variant) + "&limit=100").names()).as(variant).contains(name);
        }
    }

    @Test
    void theTwoPlatformsOfAStopAreOneStopAtItsDistance() throws Exception {
        // "Unterwaiz" is mapped as two platforms, one on each side of the road: one stop for the citizen.
        var a = get("/places/search?q=Unterwaiz&lon=11.5200&lat=49.97985");
        assertThat(a.names()).containsExactly("Unterwaiz");
        double metres = sqlNumber("select ST_Distance(geog, ST_Point(11.5200, 49.97985, 4326)::geography)"
                + " from places where " + PUBLIC + " and name = 'Unterwaiz'");
        assertThat(a.json().path("features").get(0).path("properties").path("distance_m").asDouble())
                .isCloseTo(metres, within(1.0));
    }

    @Test
    void realOpeningHoursEvaluate() {
        // Cafeteria Sonngard: "Mo-Fr 09:30-19:00; Sa 09:00-18:00; PH off" (2026-11-23 is a Monday).
        var monday = get("/places/search?q=Sonngard&open_at=2026-11-23T10:00");
        assertThat(monday.names()).containsExactly("Cafeteria Sonngard");
        assertThat(monday.feature("Cafeteria Sonngard").path("properties").path("next_change").asText())
                .isEqualTo("2026-11-23T19:00+01:00");
        assertThat(get("/places/search?q=Sonngard&open_at=2026-12-25T10:00").names()).isEmpty();  // PH off
        assertThat(get("/places/search?q=Sonngard&open_at=2026-11-22T10:00").names()).isEmpty();  // Sunday
        assertThat(get("/places/search?q=Aral&open_at=2026-11-22T03:00").names()).contains("Aral Autohof");  // 24/7
    }

    @Test
    void howToGetThereListsTheStopsPostgisFinds() throws Exception {
        long cafe = (long) sqlNumber("select id from places where " + PUBLIC + " and name = 'Cafeteria Sonngard'");
        var there = get("/places/" + cafe).json().path("properties").path("getting_there");
        List<Long> ids = new ArrayList<>();
        there.forEach(n -> ids.add(n.path("id").asLong()));
        List<Long> direct = new ArrayList<>();
        for (String id : sqlTexts("select s.id from places s, places c where c.id = " + cafe + " and s." + PUBLIC.replace(" and ", " and s.")
                + " and s.kind in ('bus_stop', 'train_station') and ST_DWithin(s.geog, c.geog, 2000)"
                + " order by ST_Distance(s.geog, c.geog) limit 3")) {
            direct.add(Long.parseLong(id));
        }
        assertThat(ids).containsAll(direct).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void nearARealAddress() throws Exception {
        var a = get("/places/nearby?near=" + enc("Neuenreuther Str. 17, Neudrossenfeld") + "&radius=2000");
        assertThat(a.status()).as(a.raw().body()).isEqualTo(200);
        assertThat(a.json().path("origin").path("lon").asDouble()).isCloseTo(sqlNumber("select ST_X(geom) from addresses"
                + " where street = 'Neuenreuther Straße' and housenumber = '17' and source = '" + SOURCE + "'"), within(1e-9));
    }

    private static Path dataFile(String name) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("data").resolve(name))) {
                return dir.resolve("data").resolve(name);
            }
        }
        throw new IllegalStateException("data/" + name + " not found above " + Path.of("").toAbsolutePath());
    }

    private static String relative(String href) {
        var uri = URI.create(href);
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }

    private String sqlText(String sql) throws SQLException {
        return sqlTexts(sql).get(0);
    }

    private List<String> sqlTexts(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (var c = db.connect(); var rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
