package de.ortsanker.planning.villages;

import de.ortsanker.planning.area.Area;
import de.ortsanker.planning.geodesy.Geodesic;
import de.ortsanker.planning.geodesy.SphereIndex;
import java.sql.Date;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Loads the villages of an area with their municipality, district and population. A village's municipality
 * is its own AGS where the data has one, else the VG5000 municipality it lies in. Population: the
 * village's own figure; else the Zensus cells whose nearest settlement it is (a Voronoi partition of the
 * grid, cells farther than a set distance from every settlement left out); else the median of comparable
 * villages in the area; else unknown — kept and flagged.
 */
@Component("planningVillages")
public class Villages {

    /**
     * Villages without a key of their own are placed in the municipality they lie in. Municipalities are
     * the outer loop so that each outline is prepared once for all the villages in it (five times faster
     * than testing each village against the outlines).
     */
    private static final String VILLAGES = """
            with located as materialized (
                select l.id, a.ags
                  from admin_areas a
                 cross join lateral (select l.id from localities l
                                      where l.geom && a.geom and ST_Intersects(a.geom, l.geom) and l.ags is null
                                        and l.retired_at is null and l.kind = any(?) {in-box} offset 0) l
                 where a.level = 'gemeinde' and a.retired_at is null {municipalities}
            ), v as materialized (
                select l.id, l.ags from localities l
                 where l.ags is not null and l.retired_at is null and l.kind = any(?) {keyed}
                union all
                select id, ags from located
                union all
                select l.id, null from localities l
                 where l.ags is null and l.retired_at is null and l.kind = any(?) {unlocated}
                   and not exists (select 1 from located where located.id = l.id)
            )
            select l.id, l.name, l.kind, ST_X(l.geom), ST_Y(l.geom), l.population, l.population_source,
                   l.population_date, l.source, l.licence, l.attribution, v.ags, g.name, left(v.ags, 5), k.name
              from v join localities l on l.id = v.id
              left join (select distinct on (ags) ags, name from admin_areas
                          where level = 'gemeinde' and retired_at is null order by ags, id) g on g.ags = v.ags
              left join (select distinct on (ags) ags, coalesce(designation || ' ', '') || name as name from admin_areas
                          where level = 'kreis' and retired_at is null order by ags, id) k on k.ags = left(v.ags, 5)
             order by l.id""";

    private static final String IN_BOX = "and l.geom && ST_MakeEnvelope(?, ?, ?, ?, 4326)";

    /** Settlements of every kind that people live in: the cells of the grid are shared out among them. */
    private static final String SETTLEMENTS = """
            select id, ST_X(geom), ST_Y(geom) from localities
             where retired_at is null and kind <> 'locality' and geom && ST_MakeEnvelope(?, ?, ?, ?, 4326)""";

    private static final String CELLS = """
            select ST_X(p), ST_Y(p), population, census, source, licence, attribution
              from (select ST_Transform(centre, 4326) as p, population, census, source, licence, attribution
                      from population_cells
                     where population > 0 and retired_at is null
                       and centre && ST_Transform(ST_MakeEnvelope(?, ?, ?, ?, 4326), 3035)) c""";

    private final JdbcTemplate jdbc;

    public Villages(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The villages of the settlement kinds in the area, with population resolved; possibly none. */
    public Loaded load(Area area, List<String> settlementKinds, int zensusMaxDistanceM) {
        String[] kinds = settlementKinds.toArray(String[]::new);
        String sql = VILLAGES;
        List<Object> args = new ArrayList<>();
        if (area.agsKey() != null) {
            String k = area.agsKey();
            Object[] range = {k + "0".repeat(8 - k.length()), k + "9".repeat(8 - k.length())};
            sql = sql.replace("{in-box}", "").replace("{municipalities}", "and a.ags between ? and ?")
                    .replace("{keyed}", "and l.ags between ? and ?").replace("{unlocated}", "and false");
            args.addAll(List.of(kinds, range[0], range[1], kinds, range[0], range[1], kinds));
        } else if (area.bbox() != null) {
            double[] b = area.bbox();
            Object[] box = {b[0], b[1], b[2], b[3]};
            sql = sql.replace("{in-box}", IN_BOX).replace("{municipalities}", IN_BOX.replace("l.geom", "a.geom"))
                    .replace("{keyed}", IN_BOX).replace("{unlocated}", IN_BOX);
            args.add(kinds);
            args.addAll(List.of(box));
            args.addAll(List.of(box));
            args.add(kinds);
            args.addAll(List.of(box));
            args.add(kinds);
            args.addAll(List.of(box));
        } else {
            sql = sql.replace("{in-box}", "").replace("{municipalities}", "").replace("{keyed}", "").replace("{unlocated}", "");
            args.addAll(List.of(kinds, kinds, kinds));
        }
        List<Village> villages = jdbc.query(sql, (rs, i) -> {
            Integer people = (Integer) rs.getObject(6);
            Date date = rs.getDate(8);
            Population population = people == null ? Population.UNKNOWN
                    : new Population(people, Population.Method.OWN, rs.getString(7),
                            date == null ? null : date.toLocalDate(), "the village's own figure");
            return new Village(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getDouble(4), rs.getDouble(5),
                    rs.getString(12), rs.getString(13), rs.getString(14), rs.getString(15), population,
                    rs.getString(9), rs.getString(10), rs.getString(11));
        }, args.toArray());
        if (villages.isEmpty()) {
            return new Loaded(villages, null);
        }
        ZensusCells cells = fillFromZensus(villages, zensusMaxDistanceM);
        return new Loaded(estimateTheRest(villages), cells);
    }

    /** The villages, and the census cells used for their population (null when none were). */
    public record Loaded(List<Village> villages, ZensusCells cells) {
    }

    private ZensusCells fillFromZensus(List<Village> villages, int maxDistanceM) {
        if (villages.stream().allMatch(v -> v.population().known())) {
            return null;
        }
        double[] box = Envelope.of(villages).expandedBy(maxDistanceM).toArray();
        ZensusCells cells = cells(box);
        if (cells == null) {
            return null;
        }
        // Settlements just outside the area too, so that a cell on the border goes to its true nearest.
        double[] around = Envelope.of(villages).expandedBy(2.0 * maxDistanceM).toArray();
        List<long[]> ids = new ArrayList<>();
        List<double[]> xy = new ArrayList<>();
        jdbc.query(SETTLEMENTS, rs -> {
            ids.add(new long[] {rs.getLong(1)});
            xy.add(new double[] {rs.getDouble(2), rs.getDouble(3)});
        }, around[0], around[1], around[2], around[3]);
        var index = new SphereIndex(xy.stream().mapToDouble(p -> p[0]).toArray(), xy.stream().mapToDouble(p -> p[1]).toArray());
        double maxChord = Geodesic.chord(maxDistanceM);
        Map<Long, int[]> sums = new HashMap<>();   // settlement id → {people, cells}
        double[] chord = new double[1];
        for (int c = 0; c < cells.size(); c++) {
            int s = index.nearest(cells.lon()[c], cells.lat()[c], chord);
            if (s >= 0 && chord[0] <= maxChord) {
                int[] sum = sums.computeIfAbsent(ids.get(s)[0], k -> new int[2]);
                sum[0] += cells.people()[c];
                sum[1]++;
            }
        }
        String note = cells.census() + " grid: the " + "%d cells whose nearest settlement this is (within "
                + maxDistanceM + " m), summed";
        for (int i = 0; i < villages.size(); i++) {
            Village v = villages.get(i);
            int[] sum = sums.get(v.id());
            if (!v.population().known() && sum != null) {
                villages.set(i, v.withPopulation(new Population(sum[0], Population.Method.ZENSUS,
                        cells.source(), null, note.formatted(sum[1]))));
            }
        }
        return cells;
    }

    private ZensusCells cells(double[] box) {
        List<double[]> rows = new ArrayList<>();
        String[] meta = new String[4];
        jdbc.query(CELLS, rs -> {
            rows.add(new double[] {rs.getDouble(1), rs.getDouble(2), rs.getInt(3)});
            meta[0] = rs.getString(4);
            meta[1] = rs.getString(5);
            meta[2] = rs.getString(6);
            meta[3] = rs.getString(7);
        }, box[0], box[1], box[2], box[3]);
        if (rows.isEmpty()) {
            return null;
        }
        return new ZensusCells(rows.stream().mapToDouble(r -> r[0]).toArray(), rows.stream().mapToDouble(r -> r[1]).toArray(),
                rows.stream().mapToInt(r -> (int) r[2]).toArray(), meta[0], meta[1], meta[2], meta[3]);
    }

    /** Villages still without a figure get the median of the same kind in the area, if at least three have one. */
    private static List<Village> estimateTheRest(List<Village> villages) {
        Map<String, List<Integer>> known = new HashMap<>();
        for (Village v : villages) {
            if (v.population().known()) {
                known.computeIfAbsent(v.kind(), k -> new ArrayList<>()).add(v.population().people());
            }
        }
        Map<String, Population> estimates = new HashMap<>();
        known.forEach((kind, figures) -> {
            if (figures.size() >= 3) {
                List<Integer> sorted = figures.stream().sorted().toList();
                int n = sorted.size();
                int median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2) + 1) / 2;
                estimates.put(kind, new Population(median, Population.Method.ESTIMATE, null, null,
                        "estimate: median of the " + n + " places of kind '" + kind
                                + "' in the analysed area with a known population"));
            }
        });
        List<Village> out = new ArrayList<>(villages.size());
        for (Village v : villages) {
            Population estimate = estimates.get(v.kind());
            out.add(v.population().known() || estimate == null ? v : v.withPopulation(estimate));
        }
        return out;
    }
}
