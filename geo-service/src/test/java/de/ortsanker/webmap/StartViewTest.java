package de.ortsanker.webmap;

import static org.assertj.core.api.Assertions.assertThat;

import de.ortsanker.imports.ImportOptions;
import de.ortsanker.imports.Imports;
import de.ortsanker.testing.PostgisTest;
import de.ortsanker.testing.TestSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The first view shows the richest region of the data: with the demo's three regions imported (north of
 * Bayreuth, Herrenberg, the stops of Elbe-Elster), the region whose places are of the most kinds — asked of
 * PostGIS per source here — and not the extent of all three.
 */
@PostgisTest
class StartViewTest {

    @Test
    void aNewcomerSeesTheRegionWithTheMostKindsOfPlaces(TestSchema db) {
        var view = new StartView(new WebMapSettings(null, null, null, null), new NamedParameterJdbcTemplate(db.dataSource()));
        assertThat(view.bbox()).containsExactly(StartView.GERMANY);

        Map<String, String> regions = Map.of(
                "osm/north-bayreuth.osm.pbf", "bayreuth",
                "osm/herrenberg-and-around-2020-04-21.osm.pbf", "herrenberg",
                "stops/vbb-stations-8.31.0-bbox-13.0-14.0E-51.3-51.9N.csv", "elbe-elster");
        regions.forEach((file, source) -> Imports.importFile(db.dataSource(), data(file),
                ImportOptions.builder().source(source + "-" + db.name()).build()).orThrow());
        var jdbc = new JdbcTemplate(db.dataSource());
        String richest = jdbc.queryForObject("""
                select source from places where retired_at is null and is_public
                 group by source order by count(distinct kind) desc limit 1""", String.class);
        assertThat(richest).startsWith("herrenberg");

        double[] box = new StartView(new WebMapSettings(null, null, null, null),
                new NamedParameterJdbcTemplate(db.dataSource())).bbox();
        double lon = (box[0] + box[2]) / 2;
        double lat = (box[1] + box[3]) / 2;
        // Its centre lies among the richest source's places, and the view is a region, not half of Germany.
        Boolean inside = jdbc.queryForObject("select ST_Contains(ST_SetSRID(ST_Extent(geom)::geometry, 4326), ST_Point(?, ?, 4326))"
                + " from places where source = ?", Boolean.class, lon, lat, richest);
        assertThat(inside).isTrue();
        assertThat(box[2] - box[0]).isLessThan(StartView.CELL_LON + 0.01);
        assertThat(box[3] - box[1]).isLessThan(StartView.CELL_LAT + 0.01);
        // A large database reads a block sample: the same statement, the same region when the sample is all.
        var sampled = jdbc.queryForList(StartView.RICHEST.formatted("tablesample system (100)"));
        assertThat(sampled).hasSize(1);
        assertThat(sampled.get(0).values().stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray())
                .containsExactly(box);
        // At least a hundred public places of that region are in view.
        assertThat(jdbc.queryForObject("select count(*) from places where retired_at is null and is_public"
                + " and geom && ST_MakeEnvelope(?, ?, ?, ?, 4326)", Integer.class, box[0], box[1], box[2], box[3]))
                .isGreaterThan(100);
    }

    @Test
    void aConfiguredViewWins(TestSchema db) {
        var view = new StartView(new WebMapSettings(null, null, null, "13.0,51.3,14.0,51.9"),
                new NamedParameterJdbcTemplate(db.dataSource()));
        assertThat(view.bbox()).containsExactly(13.0, 51.3, 14.0, 51.9);
    }

    static Path data(String file) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("data").resolve(file))) {
                return dir.resolve("data").resolve(file);
            }
        }
        throw new IllegalStateException("data/" + file + " not found above " + Path.of("").toAbsolutePath());
    }
}
