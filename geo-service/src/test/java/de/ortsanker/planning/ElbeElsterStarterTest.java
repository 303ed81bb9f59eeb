package de.ortsanker.planning;

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
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The Elbe-Elster starter of the demo (scripts/run.sh): the county's municipalities (BKG), the VBB and DB
 * stops, GeoNames' towns as its villages — imported by the real importers — and the answers a user from the
 * county gets, each checked against a query of PostGIS written here: which stops each municipality has, and
 * how many people live more than 1 km from a stop (with regular departures).
 */
@ServiceTest
@TestPropertySource(properties = "ortsanker.test.context=elbe-elster-starter")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ElbeElsterStarterTest {

    /** A stop with regular departures: the VBB's departure weight at least this (docs/elbe-elster.md). */
    static final int REGULAR = 10;
    /** The county's official boundary, as the answers take it. */
    private static final String COUNTY = "(select ST_Union(geom) from admin_areas where ags = '12062' and retired_at is null)";

    @LocalServerPort
    int port;

    @Autowired
    TestSchema db;

    private JdbcTemplate jdbc;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    void importTheStarter() {
        for (String file : List.of("vg5000/VG5000_KRS.shp", "vg5000/VG5000_GEM.shp",
                "stops/vbb-stations-8.31.0-bbox-13.0-14.0E-51.3-51.9N.csv",
                "stops/db-stations-5.0.2-bbox-13.0-14.0E-51.3-51.9N.csv", "geonames/de-places-geonames-pop1000.csv")) {
            // Sources of this schema's own: the importer's lock on a source spans the schemas of one database.
            Imports.importFile(db.dataSource(), RealExtractTest.data(file), ImportOptions.builder()
                    .source(file.substring(file.indexOf('/') + 1, file.indexOf('.')) + "-" + db.name()).build()).orThrow();
        }
        jdbc = new JdbcTemplate(db.dataSource());
    }

    private JsonNode get(String pathAndQuery) throws Exception {
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + pathAndQuery)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    @Test
    void everyMunicipalityOfTheCountyShowsItsStops() throws Exception {
        List<String> municipalities = jdbc.queryForList("select ags from admin_areas where level = 'gemeinde'"
                + " and ags like '12062%' and retired_at is null order by ags", String.class);
        assertThat(municipalities).hasSize(33);
        // As the README asks for them: the OGC collection filtered by the county's key.
        var listed = new ArrayList<String>();
        get("/collections/municipalities/items?limit=100&filter=" + URLEncoder.encode("ags like '12062%'",
                StandardCharsets.UTF_8)).path("features").forEach(f -> listed.add(f.path("properties").path("ags").asText()));
        assertThat(listed).containsExactlyInAnyOrderElementsOf(municipalities);
        long stopsInCounty = 0;
        for (String ags : municipalities) {
            var names = new TreeSet<String>();
            get("/places/within?municipality=" + ags + "&kinds=bus_stop,train_station&limit=1000").path("features")
                    .forEach(f -> names.add(f.path("properties").path("name").asText() + "|" + f.path("id").asText()));
            List<String> expected = jdbc.queryForList("""
                    select p.name || '|' || p.id from places p
                      join admin_areas a on a.ags = ? and a.retired_at is null and ST_Intersects(a.geom, p.geom)
                     where p.kind in ('bus_stop', 'train_station') and p.retired_at is null and p.is_public""",
                    String.class, ags);
            assertThat(names).as(ags).containsExactlyInAnyOrderElementsOf(expected);
            stopsInCounty += names.size();
        }
        // The county's stops are the VBB's and DB's within its boundary: hundreds, not a handful.
        assertThat(stopsInCounty).isGreaterThan(400);
    }

    @Test
    void howManyPeopleLiveMoreThanOneKilometreFromAStop() throws Exception {
        JsonNode answer = get("/planning/underserved?ags=12062&rule="
                + URLEncoder.encode("bus_stop|train_station:1000", StandardCharsets.UTF_8));
        // The villages of the county as PostGIS finds them, and those without a stop within 1 km.
        List<Long> villages = jdbc.queryForList("select id from localities l where retired_at is null"
                + " and kind in ('village', 'hamlet') and ST_Within(geom, " + COUNTY + ")", Long.class);
        assertThat(villages).as(jdbc.queryForList("select source || ' ' || kind || ' ' || (retired_at is null) || ' '"
                + " || count(*) from localities group by source, kind, retired_at is null", String.class).toString())
                .isNotEmpty();
        assertThat(answer.path("totals").path("villages").asInt()).isEqualTo(villages.size());
        String farFromAStop = """
                select coalesce(sum(l.population), 0) from localities l
                 where l.retired_at is null and l.kind in ('village', 'hamlet') and ST_Within(l.geom, %s)
                   and not exists (select 1 from places p where p.kind in ('bus_stop', 'train_station')
                                      and p.retired_at is null and p.is_public and ST_DWithin(p.geog, l.geog, 1000)
                                      and %s)""";
        long anyStop = jdbc.queryForObject(farFromAStop.formatted(COUNTY, "true"), Long.class);
        assertThat(answer.path("totals").path("population_affected").asLong()).isEqualTo(anyStop);
        List<Long> underserved = new ArrayList<>();
        answer.path("villages").forEach(v -> underserved.add(v.path("id").asLong()));
        assertThat(underserved).containsExactlyInAnyOrderElementsOf(jdbc.queryForList("""
                select l.id from localities l where l.retired_at is null and l.kind in ('village', 'hamlet')
                   and ST_Within(l.geom, %s) and not exists (select 1 from places p
                        where p.kind in ('bus_stop', 'train_station') and p.retired_at is null and p.is_public
                          and ST_DWithin(p.geog, l.geog, 1000))""".formatted(COUNTY), Long.class));
        // With regular departures only (docs/elbe-elster.md): the figure the documented query gives.
        long regular = jdbc.queryForObject(farFromAStop.formatted(COUNTY,
                "coalesce((p.details->>'departures')::numeric, " + REGULAR + ") >= " + REGULAR), Long.class);
        assertThat(regular).isGreaterThanOrEqualTo(anyStop);
        assertThat(jdbc.queryForObject("select count(*) from places p where p.kind in ('bus_stop', 'train_station')"
                + " and (p.details->>'departures')::numeric < " + REGULAR + " and ST_Within(p.geom, " + COUNTY + ")",
                Long.class)).as("stops without regular departures").isPositive();
    }
}
