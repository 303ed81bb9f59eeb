package de.ortsanker.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import de.ortsanker.filter.PlaceFilter;
import de.ortsanker.planning.area.Area;
import de.ortsanker.planning.distance.NearPlace;
import de.ortsanker.planning.distance.Reach;
import de.ortsanker.planning.distance.Site;
import de.ortsanker.planning.distance.StraightLine;
import de.ortsanker.planning.geodesy.Geodesic;
import de.ortsanker.planning.rules.Target;
import de.ortsanker.planning.villages.Village;
import de.ortsanker.planning.villages.Villages;
import de.ortsanker.testing.PostgisTest;
import de.ortsanker.testing.TestSchema;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The straight-line distance model gives exactly what PostGIS computes directly, by brute force over
 * every pair: the nearest place and its distance, and the counts within radii — also for villages
 * whose nearest place lies far outside the area (answered by PostGIS's own nearest-neighbour index).
 */
@PostgisTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StraightLineTest {

    private static final int[] RADII = {700, 1500, 4000};

    private JdbcTemplate jdbc;
    private List<Village> villages;

    @BeforeAll
    void randomCounty(TestSchema db) {
        db.execute("select setseed(0.42)",
                // 1,000 places of three kinds scattered over 40 × 33 km, one train station 60 km away,
                // and 200 villages among them.
                """
                insert into places (kind, name, geom, source, source_id, licence, attribution)
                select (array['pub', 'bus_stop', 'mitfahrbank'])[1 + (g % 3)], 'P' || g,
                       ST_Point(11.0 + random() * 0.55, 50.0 + random() * 0.3, 4326), 'random', g::text, 'CC0-1.0', 'test'
                  from generate_series(1, 1000) g""",
                """
                insert into places (kind, name, geom, source, source_id, licence, attribution)
                values ('train_station', 'Far away', ST_Point(12.4, 50.15, 4326), 'random', 'far', 'CC0-1.0', 'test')""",
                // An on-demand zone over the south-west: villages inside it are 0 m from it.
                """
                insert into places (kind, name, geom, source, source_id, licence, attribution)
                values ('on_demand_zone', 'Rufbus Süd', ST_Multi(ST_MakeEnvelope(11.0, 50.0, 11.2, 50.1, 4326)),
                        'random', 'zone', 'CC0-1.0', 'test')""",
                """
                insert into localities (name, kind, geom, population, population_source, source, source_id, licence, attribution)
                select 'V' || g, 'village', ST_Point(11.0 + random() * 0.55, 50.0 + random() * 0.3, 4326), 100,
                       'test', 'random', g::text, 'CC0-1.0', 'test'
                  from generate_series(1, 200) g""");
        jdbc = new JdbcTemplate(db.dataSource());
        villages = new Villages(jdbc).load(Area.EVERYTHING, List.of("village"), 2000).villages();
        assertThat(villages).hasSize(200);
    }

    @Test
    void geodesicDistancesAreThoseOfPostgis() {
        List<Map<String, Object>> pairs = jdbc.queryForList("""
                select ST_X(a.geom) ax, ST_Y(a.geom) ay, ST_X(b.geom) bx, ST_Y(b.geom) by, ST_Distance(a.geog, b.geog) d
                  from localities a join localities b on b.id = a.id + 1
                union all select 6.0, 47.3, 15.0, 55.0, ST_Distance('POINT(6 47.3)'::geography, 'POINT(15 55)'::geography)""");
        for (var p : pairs) {
            double mine = Geodesic.metres((Double) p.get("ax"), (Double) p.get("ay"), (Double) p.get("bx"), (Double) p.get("by"));
            assertThat(mine).isCloseTo((Double) p.get("d"), within(0.001));
        }
    }

    @Test
    void nearestAndCountsEqualPostgisBruteForce() {
        List<Target> targets = List.of(Target.parse("pub", PlaceFilter.NONE, "t"), Target.parse("mitfahrbank|bus_stop", PlaceFilter.NONE, "t"),
                Target.parse("train_station", PlaceFilter.NONE, "t"), Target.parse("library", PlaceFilter.NONE, "t"),
                Target.parse("on_demand_zone|mitfahrbank", PlaceFilter.NONE, "t"));
        // A bounded area: places are read around the villages only, the far station through the database.
        var area = new Area("bbox:test", "test", null, new double[] {11, 50, 11.55, 50.3});
        Reach reach = new StraightLine(jdbc).reach(area, villages, targets, RADII);
        Reach everywhere = new StraightLine(jdbc).reach(Area.EVERYTHING, villages, targets, RADII);

        for (int t = 0; t < targets.size(); t++) {
            Map<Long, Object[]> expected = bruteForce(targets.get(t));
            for (int v = 0; v < villages.size(); v++) {
                Object[] e = expected.get(villages.get(v).id());
                for (Reach r : List.of(reach, everywhere)) {
                    NearPlace near = r.nearest(t, v);
                    if (e == null) {
                        assertThat(near).as("no %s at all", targets.get(t).label()).isNull();
                        continue;
                    }
                    assertThat(near.metres()).isCloseTo((Double) e[0], within(0.001));
                    assertThat(near.id()).isEqualTo((Long) e[1]);
                    for (int i = 0; i < RADII.length; i++) {
                        assertThat(r.within(t, i, v)).as("%s within %d m of %s", targets.get(t).label(), RADII[i],
                                villages.get(v).name()).isEqualTo(((Number) e[2 + i]).intValue());
                    }
                }
            }
        }
        assertThat(villages.stream().filter(v -> v.lon() < 11.2 && v.lat() < 50.1).count()).isPositive();
        for (int v = 0; v < villages.size(); v++) {
            if (villages.get(v).lon() < 11.2 && villages.get(v).lat() < 50.1) {
                assertThat(reach.nearest(4, v).metres()).isZero();
                assertThat(reach.nearest(4, v).name()).isEqualTo("Rufbus Süd");
            }
        }
        assertThat(reach.nearest(2, 0).name()).isEqualTo("Far away");
        assertThat(reach.nearest(2, 0).metres()).isGreaterThan(50_000);
    }

    /** Per village: the nearest distance, the nearest place (lowest id on a tie), counts within each radius. */
    private Map<Long, Object[]> bruteForce(Target target) {
        Map<Long, Object[]> out = new HashMap<>();
        jdbc.query("""
                select l.id, d.d, d.pid, d.c1, d.c2, d.c3
                  from localities l
                  cross join lateral (
                        select min(ST_Distance(p.geog, l.geog)) d,
                               (array_agg(p.id order by ST_Distance(p.geog, l.geog), p.id))[1] pid,
                               count(*) filter (where ST_DWithin(p.geog, l.geog, ?)) c1,
                               count(*) filter (where ST_DWithin(p.geog, l.geog, ?)) c2,
                               count(*) filter (where ST_DWithin(p.geog, l.geog, ?)) c3
                          from places p where p.kind = any(?)) d
                 where d.d is not null""", rs -> {
            out.put(rs.getLong(1), new Object[] {rs.getDouble(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)});
        }, RADII[0], RADII[1], RADII[2], target.kindCodes());
        return out;
    }

    @Test
    void sitesReachTheVillagesPostgisFindsWithinTheRadius() {
        List<Site> sites = jdbc.query("select id, ST_X(geom), ST_Y(geom) from places where kind = 'pub' order by id limit 40",
                (rs, i) -> new Site(rs.getLong(1), "s", rs.getDouble(2), rs.getDouble(3), "random", "CC0-1.0", "test"));
        int[][] reached = new StraightLine(jdbc).reachedFrom(sites, villages, 3000);
        for (int s = 0; s < sites.size(); s++) {
            List<Long> expected = jdbc.queryForList("""
                    select l.id from localities l, places p
                     where p.id = ? and ST_DWithin(p.geog, l.geog, 3000) order by l.id""", Long.class, sites.get(s).placeId());
            assertThat(java.util.Arrays.stream(reached[s]).mapToObj(v -> villages.get(v).id()).toList()).isEqualTo(expected);
        }
    }
}
