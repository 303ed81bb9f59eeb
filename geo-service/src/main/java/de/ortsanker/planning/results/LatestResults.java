package de.ortsanker.planning.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.ortsanker.planning.analysis.Covering;
import de.ortsanker.planning.analysis.Underserved;
import de.ortsanker.planning.area.Area;
import de.ortsanker.planning.provenance.Provenance;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the latest answer per analysis and area in the database (planning_runs and its result tables),
 * replacing the one before, so the county portal can show them as OGC API Features collections.
 */
@Component
public class LatestResults {

    /** One run per analysis and area: a new answer takes the place of the old (also when two race). */
    private static final String RUN = """
            insert into planning_runs (analysis, area_key, area_name, inputs, provenance, licence, attribution)
            values (?, ?, ?, ?::jsonb, ?::jsonb, ?, ?)
            on conflict on constraint planning_runs_latest do update
               set area_name = excluded.area_name, inputs = excluded.inputs, provenance = excluded.provenance,
                   licence = excluded.licence, attribution = excluded.attribution, computed_at = now()
            returning id""";

    private static final String FORGET_UNDERSERVED = "delete from planning_underserved where run_id = ?";
    private static final String FORGET_CANDIDATES = "delete from planning_candidates where run_id = ?";

    private static final String UNDERSERVED = """
            insert into planning_underserved (run_id, rank, locality_id, name, kind, ags, municipality, population,
                                              population_method, missing_rules, missing, geom)
            select ?, r.rank, r.id, r.name, r.kind, r.ags, r.municipality, r.population, r.method,
                   string_to_array(r.rules, ';'), r.missing, ST_Point(r.lon, r.lat, 4326)
              from unnest(?::int[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::int[], ?::text[],
                          ?::text[], ?::text[], ?::float8[], ?::float8[])
                   as r(rank, id, name, kind, ags, municipality, population, method, rules, missing, lon, lat)""";

    private static final String CANDIDATES = """
            insert into planning_candidates (run_id, rank, place_id, label, people_gained, villages_gained,
                                             people_served_after, source, licence, attribution, geom)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ST_Point(?, ?, 4326))""";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public LatestResults(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void underserved(Area area, Map<String, Object> inputs, Provenance provenance, Underserved.Result result) {
        long run = newRun("underserved", area, inputs, provenance);
        List<Underserved.Ranked> rows = result.villages();
        int n = rows.size();
        Integer[] rank = new Integer[n], population = new Integer[n];
        Long[] id = new Long[n];
        String[] name = new String[n], kind = new String[n], ags = new String[n], municipality = new String[n],
                method = new String[n], rules = new String[n], missing = new String[n];
        Double[] lon = new Double[n], lat = new Double[n];
        for (int i = 0; i < n; i++) {
            var r = rows.get(i);
            var v = r.village();
            rank[i] = r.rank();
            id[i] = v.id();
            name[i] = v.name();
            kind[i] = v.kind();
            ags[i] = v.ags();
            municipality[i] = v.municipality();
            population[i] = v.population().people();
            method[i] = v.population().method().code();
            rules[i] = String.join(";", r.missing().stream().map(Underserved.Missing::rule).toList());
            missing[i] = String.join("; ", r.missing().stream().map(LatestResults::inWords).toList());
            lon[i] = v.lon();
            lat[i] = v.lat();
        }
        jdbc.update(UNDERSERVED, run, rank, id, name, kind, ags, municipality, population, method, rules, missing, lon, lat);
    }

    public void candidates(Area area, Map<String, Object> inputs, Provenance provenance, Covering.Result result) {
        long run = newRun("candidates", area, inputs, provenance);
        for (Covering.Pick p : result.picks()) {
            var s = p.site();
            jdbc.update(CANDIDATES, run, p.rank(), s.placeId(), s.label(), p.peopleGained(), p.villagesGained(),
                    p.peopleServedAfter(), s.source(), s.licence(), s.attribution(), s.lon(), s.lat());
        }
    }

    /** "third_place:2000 (nearest 3400 m: Gasthof Linde)" or "… (none at all)". */
    public static String inWords(Underserved.Missing m) {
        if (m.nearest() == null) {
            return m.rule() + " (none at all)";
        }
        return m.rule() + " (nearest " + Math.round(m.nearest().metres()) + " m"
                + (m.nearest().name() == null ? "" : ": " + m.nearest().name()) + ")";
    }

    private long newRun(String analysis, Area area, Map<String, Object> inputs, Provenance provenance) {
        try {
            long run = jdbc.queryForObject(RUN, Long.class, analysis, area.key(), area.name(),
                    json.writeValueAsString(inputs), json.writeValueAsString(provenance), provenance.licences(),
                    provenance.attributions());
            jdbc.update(analysis.equals("underserved") ? FORGET_UNDERSERVED : FORGET_CANDIDATES, run);
            return run;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store planning inputs: " + e.getMessage(), e);
        }
    }
}
