package de.ortsanker.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import de.ortsanker.filter.PlaceFilter;
import de.ortsanker.imports.ImportOptions;
import de.ortsanker.imports.Imports;
import de.ortsanker.planning.analysis.Underserved;
import de.ortsanker.planning.area.Area;
import de.ortsanker.planning.distance.NearPlace;
import de.ortsanker.planning.distance.Reach;
import de.ortsanker.planning.distance.StraightLine;
import de.ortsanker.planning.rules.Rule;
import de.ortsanker.planning.rules.Target;
import de.ortsanker.planning.villages.Population;
import de.ortsanker.planning.villages.Village;
import de.ortsanker.planning.villages.Villages;
import de.ortsanker.testing.PostgisTest;
import de.ortsanker.testing.TestSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The planning figures on a real OpenStreetMap extract (north of Bayreuth, imported by the OSM importer)
 * are the distances and counts PostGIS computes directly, pair by pair.
 */
@PostgisTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealExtractTest {

    private static final int[] RADII = {1000, 2000, 5000};

    private JdbcTemplate jdbc;
    private List<Village> villages;

    @BeforeAll
    void importTheExtract(TestSchema db) {
        // A source of this schema's own: the importer's lock on a source spans schemas of one database.
        Imports.importFile(db.dataSource(), data("osm/north-bayreuth.osm.pbf"),
                ImportOptions.builder().source("north-bayreuth-" + db.name()).stagingBuffer(1024).build()).orThrow();
        jdbc = new JdbcTemplate(db.dataSource());
        villages = new Villages(jdbc).load(Area.EVERYTHING, List.of("village", "hamlet"), 2000).villages();
    }

    static Path data(String file) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("data").resolve(file))) {
                return dir.resolve("data").resolve(file);
            }
        }
        throw new IllegalStateException("data/" + file + " not found above " + Path.of("").toAbsolutePath());
    }

    @Test
    void everyVillageAndHamletOfTheExtractIsAnalysedWithItsMunicipality() {
        assertThat(villages).hasSize(jdbc.queryForObject(
                "select count(*) from localities where kind in ('village', 'hamlet') and retired_at is null", Integer.class))
                .hasSizeGreaterThan(50);
        // The extract has one whole municipality boundary: Heinersreuth; its villages are placed in it.
        Map<Long, String> inHeinersreuth = new HashMap<>();
        jdbc.query("""
                select l.id, a.ags from localities l join admin_areas a on ST_Intersects(a.geom, l.geom)
                 where a.level = 'gemeinde' and l.kind in ('village', 'hamlet')""", rs -> {
            inHeinersreuth.put(rs.getLong(1), rs.getString(2));
        });
        assertThat(inHeinersreuth).isNotEmpty();
        villages.stream().filter(v -> inHeinersreuth.containsKey(v.id()))
                .forEach(v -> assertThat(v.ags()).isEqualTo(inHeinersreuth.get(v.id())));
        // OSM population figures are kept as the villages' own.
        assertThat(villages.stream().filter(v -> v.population().method() == Population.Method.OWN).count()).isPositive();
    }

    @Test
    void distancesAndCountsAreThoseOfPostgis() {
        List<Target> targets = List.of(Target.parse("third_places", PlaceFilter.NONE, "t"), Target.parse("bus_stop|train_station", PlaceFilter.NONE, "t"),
                Target.parse("village_shop", PlaceFilter.NONE, "t"), Target.parse("mitfahrbank", PlaceFilter.NONE, "t"));
        // A box over the western part: the rest of the extract counts as "around" the area.
        var area = new Area("bbox:west", "west", null, new double[] {11.48, 49.97, 11.55, 50.05});
        List<Village> west = villages.stream().filter(v -> v.lon() <= 11.55).toList();
        for (var run : List.of(Map.entry(Area.EVERYTHING, villages), Map.entry(area, west))) {
            Reach reach = new StraightLine(jdbc).reach(run.getKey(), run.getValue(), targets, RADII);
            for (int t = 0; t < targets.size(); t++) {
                Map<Long, double[]> expected = postgis(targets.get(t));
                for (int v = 0; v < run.getValue().size(); v++) {
                    double[] e = expected.get(run.getValue().get(v).id());
                    NearPlace near = reach.nearest(t, v);
                    if (e == null) {
                        assertThat(near).isNull();
                        continue;
                    }
                    assertThat(near.metres()).as(run.getValue().get(v).name()).isCloseTo(e[0], within(0.001));
                    for (int r = 0; r < RADII.length; r++) {
                        assertThat(reach.within(t, r, v)).isEqualTo((int) e[1 + r]);
                    }
                }
            }
        }
    }

    @Test
    void theUnderservedAreThoseWithoutAThirdPlaceWithin2km() {
        var rule = Rule.parse("third_places:2000", PlaceFilter.NONE, "rule", 50_000);
        Reach reach = new StraightLine(jdbc).reach(Area.EVERYTHING, villages, List.of(rule.target()), new int[0]);
        var result = Underserved.evaluate(villages, List.of(rule), reach);
        Set<Long> expected = Set.copyOf(jdbc.queryForList("""
                select l.id from localities l
                 where l.kind in ('village', 'hamlet') and not exists (
                       select 1 from places p join kinds k on k.code = p.kind
                        where k.group_code = 'third_places' and p.retired_at is null and p.is_public
                          and ST_DWithin(p.geog, l.geog, 2000))""", Long.class));
        assertThat(result.villages().stream().map(u -> u.village().id()).collect(Collectors.toSet())).isEqualTo(expected);
        assertThat(expected).isNotEmpty();
        // Ranked by people affected.
        var people = result.villages().stream().map(u -> u.village().population().weight()).toList();
        assertThat(people).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    /** Per village: nearest distance and counts within the radii, computed by PostGIS over every pair. */
    private Map<Long, double[]> postgis(Target target) {
        Map<Long, double[]> out = new HashMap<>();
        jdbc.query("""
                select l.id, min(ST_Distance(p.geog, l.geog)),
                       count(*) filter (where ST_DWithin(p.geog, l.geog, ?)),
                       count(*) filter (where ST_DWithin(p.geog, l.geog, ?)),
                       count(*) filter (where ST_DWithin(p.geog, l.geog, ?))
                  from localities l, places p
                 where l.kind in ('village', 'hamlet') and p.kind = any(?) and p.retired_at is null and p.is_public
                 group by l.id""", rs -> {
            out.put(rs.getLong(1), new double[] {rs.getDouble(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)});
        }, RADII[0], RADII[1], RADII[2], target.kindCodes());
        return out;
    }
}
