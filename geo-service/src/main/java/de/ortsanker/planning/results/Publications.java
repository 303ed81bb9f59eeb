package de.ortsanker.planning.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import de.ortsanker.planning.analysis.Covering;
import de.ortsanker.planning.analysis.Underserved;
import de.ortsanker.planning.answers.CandidatesAnswer.CandidatesInputs;
import de.ortsanker.planning.answers.UnderservedAnswer.UnderservedInputs;
import de.ortsanker.planning.answers.UnderservedVillage.MissedRule;
import de.ortsanker.planning.area.Area;
import de.ortsanker.planning.provenance.Provenance;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes planning answers for the county portal (the OGC collections of {@link PublishedResults}): each
 * publication is a run of its own with its date, rules, area, inputs and provenance; it supersedes the
 * analysis's current run for the same area, which is kept. Runs in the caller's transaction, so a
 * publication is all there or not at all.
 */
@Component
public class Publications {

    /** One publication after another per analysis and area, also when two are asked for at once. */
    private static final String LOCK = "select pg_advisory_xact_lock(hashtext('planning:' || ? || ':' || ?))";

    private static final String SUPERSEDE = """
            update planning_runs set superseded_at = now()
             where analysis = ? and area_key = ? and superseded_at is null""";

    private static final String RUN = """
            insert into planning_runs (analysis, area_key, area_name, inputs, provenance, licence, attribution, rules)
            values (?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?)
            returning id""";

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

    private static final String ISOCHRONE = """
            insert into planning_isochrones (run_id, place_id, place_name, kind, mode, minutes, time_window, nodes_reached,
                                             source, licence, attribution, geom)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ST_GeomFromText(?, 4326))""";

    private static final String LIST = """
            select r.id, r.analysis, r.area_key, r.area_name, r.rules, r.published_at, r.superseded_at,
                   (select count(*) from planning_underserved u where u.run_id = r.id)
                   + (select count(*) from planning_candidates c where c.run_id = r.id)
                   + (select count(*) from planning_isochrones i where i.run_id = r.id) as features
              from planning_runs r
             order by r.published_at desc, r.id desc
             limit ?""";

    /** A publication: what was published, for which area, when, and whether it is still the one shown. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Run(long id, String analysis, String areaKey, String area, List<String> rules,
                      OffsetDateTime publishedAt, OffsetDateTime supersededAt, long features) {
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public Publications(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Publishes the underserved villages of an answer; returns the run's id. */
    public long underserved(Area area, UnderservedInputs inputs, Provenance provenance, Underserved.Result result) {
        long run = newRun("underserved", area, inputs, inputs.labels(), provenance);
        List<Underserved.Ranked> rows = result.villages();
        int n = rows.size();
        Integer[] rank = new Integer[n], population = new Integer[n];
        Long[] id = new Long[n];
        String[] name = new String[n], kind = new String[n], ags = new String[n], municipality = new String[n],
                method = new String[n], missingRules = new String[n], missing = new String[n];
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
            missingRules[i] = String.join(";", r.missing().stream().map(Underserved.Missing::rule).toList());
            missing[i] = String.join("; ", r.missing().stream().map(m -> MissedRule.of(m).inWords()).toList());
            lon[i] = v.lon();
            lat[i] = v.lat();
        }
        jdbc.update(UNDERSERVED, run, rank, id, name, kind, ags, municipality, population, method, missingRules, missing,
                lon, lat);
        return run;
    }

    /** Publishes the chosen sites of an answer; returns the run's id. */
    public long candidates(Area area, CandidatesInputs inputs, Provenance provenance, Covering.Result result) {
        long run = newRun("candidates", area, inputs, List.of(inputs.rule().rule()), provenance);
        for (Covering.Pick p : result.picks()) {
            var s = p.site();
            jdbc.update(CANDIDATES, run, p.rank(), s.placeId(), s.label(), p.peopleGained(), p.villagesGained(),
                    p.peopleServedAfter(), s.source(), s.licence(), s.attribution(), s.lon(), s.lat());
        }
        return run;
    }

    /**
     * Publishes the isochrones of a target's places; returns the run's id. The run supersedes the area's
     * previous isochrones, whatever their kinds, mode or minutes: the collection shows one run per area.
     */
    public long isochrones(Area area, Record inputs, String rule, Provenance provenance, String mode, int minutes,
                           String window, List<de.ortsanker.planning.distance.Isochrones.Of> isochrones) {
        long run = newRun("isochrones", area, inputs, List.of(rule), provenance);
        var wkt = new org.locationtech.jts.io.WKTWriter();
        for (var i : isochrones) {
            jdbc.update(ISOCHRONE, run, i.placeId(), i.name(), i.kind(), mode, minutes, window, i.nodes(), i.source(),
                    i.licence(), i.attribution(), wkt.write(i.area()));
        }
        return run;
    }

    /** The newest publications first, current and superseded. */
    public List<Run> list(int limit) {
        return jdbc.query(LIST, (rs, i) -> new Run(rs.getLong("id"), rs.getString("analysis"), rs.getString("area_key"),
                rs.getString("area_name"), List.of((String[]) rs.getArray("rules").getArray()),
                rs.getObject("published_at", OffsetDateTime.class), rs.getObject("superseded_at", OffsetDateTime.class),
                rs.getLong("features")), limit);
    }

    /** @param inputs stored as the answer states them (as JSON) */
    private long newRun(String analysis, Area area, Record inputs, List<String> rules, Provenance provenance) {
        jdbc.queryForList(LOCK, analysis, area.key());
        jdbc.update(SUPERSEDE, analysis, area.key());
        try {
            return jdbc.queryForObject(RUN, Long.class, analysis, area.key(), area.name(),
                    json.writeValueAsString(inputs), json.writeValueAsString(provenance), provenance.licences(),
                    provenance.attributions(), rules.toArray(String[]::new));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store planning inputs: " + e.getMessage(), e);
        }
    }
}
