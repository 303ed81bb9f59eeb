package de.ortsanker.planning.villages;

import de.ortsanker.planning.area.Area;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Loads the villages of an area with their municipality, district and population. A village's municipality
 * is its own AGS where the data has one, else the VG5000 municipality it lies in. Population: the figure
 * the database keeps per village (migration V68, {@code village_population_refresh}): its own, else its share
 * of the municipality's official figure by Zensus grid cells, addresses or kind of settlement — the same
 * figure the villages layer and the places API show.
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
            select l.id, l.name, l.kind, ST_X(l.geom), ST_Y(l.geom), p.people, p.source,
                   p.reference_date, l.source, l.licence, l.attribution, v.ags, g.name, left(v.ags, 5), k.name,
                   p.method, p.note_en, p.uncertainty, official_population_of('gemeinde', v.ags),
                   official_population_of('kreis', left(v.ags, 5))
              from v join localities l on l.id = v.id
              left join village_population p on p.locality_id = l.id
              left join (select distinct on (ags) ags, name from admin_areas
                          where level = 'gemeinde' and retired_at is null order by ags, id) g on g.ags = v.ags
              left join (select distinct on (ags) ags, coalesce(designation || ' ', '') || name as name from admin_areas
                          where level = 'kreis' and retired_at is null order by ags, id) k on k.ags = left(v.ags, 5)
             order by l.id""";

    private static final String IN_BOX = "and l.geom && ST_MakeEnvelope(?, ?, ?, ?, 4326)";

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
            Population population = population(rs);
            return new Village(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getDouble(4), rs.getDouble(5),
                    rs.getString(12), rs.getString(13), rs.getString(14), rs.getString(15), population,
                    rs.getString(9), rs.getString(10), rs.getString(11), (Integer) rs.getObject(19),
                    (Integer) rs.getObject(20));
        }, args.toArray());
        return new Loaded(villages, null);
    }

    /** The village's figure as the database computed it (V68, {@code village_population}): one definition for all. */
    private static Population population(ResultSet rs) throws SQLException {
        String method = rs.getString(16);
        if (method == null || rs.getObject(6) == null) {
            return Population.UNKNOWN;
        }
        Date date = rs.getDate(8);
        return new Population(rs.getInt(6), Population.Method.of(method), rs.getString(7),
                date == null ? null : date.toLocalDate(), rs.getString(17), (Integer) rs.getObject(18));
    }

    /** The villages, and the census cells used for their population (null when none were). */
    public record Loaded(List<Village> villages, ZensusCells cells) {
    }
}
