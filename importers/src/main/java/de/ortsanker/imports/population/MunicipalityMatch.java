package de.ortsanker.imports.population;

import de.ortsanker.imports.ImportContext;
import de.ortsanker.imports.Origin;
import de.ortsanker.imports.Problem;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Matches a file's municipal figures to the municipalities of the imported boundaries by their key (AGS)
 * and reports, precisely, what does not meet: a row whose key no boundary has (a municipality formed after
 * the boundaries' date), and a municipality the file has no figure for (merged or renamed since). The
 * figures are kept either way: they are the statistical office's, and the next boundaries may match them.
 */
final class MunicipalityMatch {

    private static final String MUNICIPALITIES = """
            select ags, name from admin_areas where level = 'gemeinde' and retired_at is null order by ags""";

    /** Key → where in the file and the name the file gives. */
    private final Map<String, Origin> rows = new LinkedHashMap<>();
    private final Map<String, String> names = new LinkedHashMap<>();

    void add(String ags, String name, Origin origin) {
        rows.putIfAbsent(ags, origin);
        names.putIfAbsent(ags, name);
    }

    /** Reports the rows and municipalities that do not meet, and counts both, to the run. */
    void report(ImportContext context) {
        Map<String, String> municipalities = new TreeMap<>();
        try (Connection c = context.dataSource().getConnection(); var ps = c.prepareStatement(MUNICIPALITIES);
             var rs = ps.executeQuery()) {
            while (rs.next()) {
                municipalities.put(rs.getString(1), rs.getString(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the municipalities: " + e.getMessage(), e);
        }
        if (municipalities.isEmpty()) {
            context.problem(new Problem(context.fileName(), null, null, null, "ags", "no municipal boundaries"
                    + " are imported yet: the figures are kept, and meet their municipalities once the boundaries"
                    + " (e.g. BKG VG5000_GEM.shp) are imported", Problem.Action.NOTE));
            return;
        }
        long matched = 0;
        long unmatched = 0;
        for (var row : rows.entrySet()) {
            if (municipalities.containsKey(row.getKey())) {
                matched++;
            } else {
                unmatched++;
                context.problem(row.getValue().problem("ags", "no municipality " + row.getKey() + " ("
                        + names.get(row.getKey()) + ") among the imported boundaries — formed or re-keyed after"
                        + " them? The figure is kept", Problem.Action.NOTE));
            }
        }
        long without = 0;
        for (var m : municipalities.entrySet()) {
            if (!rows.containsKey(m.getKey())) {
                without++;
                context.problem(new Problem(context.fileName(), null, null, "gemeinde " + m.getKey(), "ags",
                        "the municipality " + m.getValue() + " (" + m.getKey() + ") of the boundaries has no figure in"
                                + " this file — merged or re-keyed since the boundaries' date?", Problem.Action.NOTE));
            }
        }
        context.stat("official_population.matched", matched);
        context.stat("official_population.rows_without_municipality", unmatched);
        context.stat("official_population.municipalities_without_figure", without);
    }
}
