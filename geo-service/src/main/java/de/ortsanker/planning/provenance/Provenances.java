package de.ortsanker.planning.provenance;

import de.ortsanker.cql2.SqlFilter;
import de.ortsanker.database.LayerVersions;
import de.ortsanker.filter.PlaceFilter;
import de.ortsanker.planning.rules.Target;
import de.ortsanker.planning.villages.Population;
import de.ortsanker.planning.villages.Village;
import de.ortsanker.planning.villages.ZensusCells;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Collects the {@link Provenance} of an answer from the rows it used and the import log. */
@Component
public class Provenances {

    /** Places of the analysed kinds in and around the area (as far around as places were considered). */
    private static final String PLACE_SOURCES = """
            select p.source, p.licence, p.attribution, count(*), max(p.last_verified)
              from places p
             where %s %s
             group by 1, 2, 3 order by 4 desc""";

    private static final String ADMIN_SOURCES = """
            select source, licence, attribution, count(*) from admin_areas
             where retired_at is null and ags = any(?) group by 1, 2, 3 order by 4 desc""";

    private static final String IMPORTS = """
            select distinct on (source) source, finished_at, file_name from import_runs
             where status = 'succeeded' and source = any(?) order by source, finished_at desc""";

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;

    public Provenances(JdbcTemplate jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /**
     * @param places  the places the answer looked at: the filters of its targets (of distinct kinds)
     * @param box     where it looked for them (null: everywhere)
     * @param layers  the data layers the answer depends on, for their versions
     */
    public Provenance of(Collection<PlaceFilter> places, double[] box, List<Village> villages, ZensusCells cells,
                         Collection<String> layers) {
        List<Provenance.Source> sources = new ArrayList<>();
        places.forEach(p -> sources.addAll(places(p, box)));
        sources.addAll(localities(villages));
        sources.addAll(populationFigures(villages));
        if (cells != null) {
            sources.add(new Provenance.Source("population_cells", cells.source(), cells.licence(), cells.attribution(),
                    cells.size(), null, null, null));
        }
        sources.addAll(adminAreas(villages));
        Map<String, Long> versions = new TreeMap<>();
        var all = LayerVersions.read(dataSource);
        new TreeSet<>(layers).forEach(l -> versions.put(l, all.of(l).version()));
        return new Provenance(Instant.now(), versions, withImportDates(sources));
    }

    private List<Provenance.Source> places(PlaceFilter places, double[] box) {
        if (places.kinds().isEmpty()) {
            return List.of();
        }
        SqlFilter counted = Target.counted(places);
        String sql = PLACE_SOURCES.formatted(counted.sql(), box == null ? "" : "and p.geom && ST_MakeEnvelope(?, ?, ?, ?, 4326)");
        var args = new ArrayList<Object>(counted.parameters());
        if (box != null) {
            args.addAll(List.of(box[0], box[1], box[2], box[3]));
        }
        return jdbc.query(sql, (rs, i) -> {
            Date verified = rs.getDate(5);
            return new Provenance.Source("places", rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                    verified == null ? null : verified.toLocalDate(), null, null);
        }, args.toArray());
    }

    private static List<Provenance.Source> localities(List<Village> villages) {
        Map<List<String>, Long> counts = villages.stream().collect(Collectors.groupingBy(
                v -> List.of(v.source(), v.licence(), v.attribution()), LinkedHashMap::new, Collectors.counting()));
        List<Provenance.Source> out = new ArrayList<>();
        counts.forEach((k, n) -> out.add(new Provenance.Source("localities", k.get(0), k.get(1), k.get(2), n, null, null, null)));
        return out;
    }

    /** The sources of the villages' figures (their own, or the official figures shared), each with its newest date. */
    private static List<Provenance.Source> populationFigures(List<Village> villages) {
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, LocalDate> dates = new HashMap<>();
        for (Village v : villages) {
            if (v.population().method() != Population.Method.UNKNOWN && v.population().source() != null) {
                String s = v.population().source();
                counts.computeIfAbsent(s, k -> new long[1])[0]++;
                LocalDate d = v.population().date();
                if (d != null && (dates.get(s) == null || d.isAfter(dates.get(s)))) {
                    dates.put(s, d);
                }
            }
        }
        List<Provenance.Source> out = new ArrayList<>();
        counts.forEach((s, n) -> out.add(new Provenance.Source("population", s, null, null, n[0], dates.get(s), null, null)));
        return out;
    }

    private List<Provenance.Source> adminAreas(List<Village> villages) {
        Set<String> keys = villages.stream().flatMap(v -> Stream.of(v.ags(), v.districtAgs()))
                .filter(Objects::nonNull).collect(Collectors.toCollection(TreeSet::new));
        if (keys.isEmpty()) {
            return List.of();
        }
        return jdbc.query(ADMIN_SOURCES, (rs, i) -> new Provenance.Source("admin_areas", rs.getString(1),
                rs.getString(2), rs.getString(3), rs.getLong(4), null, null, null), (Object) keys.toArray(String[]::new));
    }

    private List<Provenance.Source> withImportDates(List<Provenance.Source> sources) {
        String[] names = sources.stream().map(Provenance.Source::source).filter(Objects::nonNull).distinct().toArray(String[]::new);
        Map<String, Object[]> imports = new HashMap<>();
        jdbc.query(IMPORTS, rs -> {
            Timestamp at = rs.getTimestamp(2);
            imports.put(rs.getString(1), new Object[] {at == null ? null : at.toInstant(), rs.getString(3)});
        }, (Object) names);
        return sources.stream().map(s -> {
            Object[] run = imports.get(s.source());
            return run == null ? s : new Provenance.Source(s.layer(), s.source(), s.licence(), s.attribution(),
                    s.records(), s.lastVerified(), (Instant) run[0], (String) run[1]);
        }).toList();
    }
}
