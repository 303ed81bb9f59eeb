package de.ortsanker.imports.cli;

import de.ortsanker.imports.Counts;
import de.ortsanker.imports.ImportResult;
import de.ortsanker.imports.Problem;
import de.ortsanker.imports.Target;
import java.io.PrintStream;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The table printed after a run: what it did per table, and its problems. */
final class Summary {

    static final int SHOWN_PROBLEMS = 20;

    private Summary() {
    }

    static void print(ImportResult r, PrintStream out) {
        out.println();
        String run = r.runId() > 0 ? " (run " + r.runId() + ")" : "";
        double seconds = r.duration().toMillis() / 1000.0;
        out.printf(Locale.ROOT, "%s%s: %s in %s — source \"%s\"%s%n", r.file(), run, describe(r.status()),
                seconds < 60 ? String.format(Locale.ROOT, "%.1f s", seconds) : ProgressPrinter.duration(seconds),
                r.source() == null ? "?" : r.source(), r.format() == null ? "" : ", " + r.format());
        if (r.error() != null) {
            out.println("  " + r.error());
        }
        if (!r.byTarget().isEmpty()) {
            out.printf(Locale.ROOT, "  %-17s %9s %9s %9s %9s %9s %9s %9s %9s%n", "table", "read", "added", "updated",
                    "unchanged", "retired", "rejected", "conflicts", "skipped");
            Map<Target, Counts> sorted = new EnumMap<>(r.byTarget());
            sorted.forEach((t, c) -> row(out, t.table(), c));
            if (sorted.size() > 1) {
                row(out, "total", r.total());
            }
        }
        var stats = r.stats().entrySet().stream().filter(e -> !e.getKey().startsWith("time."))
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
        if (!stats.isEmpty()) {
            out.println("  " + stats);
        }
        if (r.status() == ImportResult.Status.DRY_RUN) {
            out.println("  dry run: nothing was changed; the counts say what an import would do");
        }
        if (!r.problems().isEmpty()) {
            out.printf(Locale.ROOT, "  %d problem%s%s:%n", r.problems().size(), r.problems().size() == 1 ? "" : "s",
                    r.problems().size() > SHOWN_PROBLEMS ? ", the first " + SHOWN_PROBLEMS
                            + (r.runId() > 0 ? " (all: select error_report from import_runs where id = " + r.runId() + ")" : "")
                            : "");
            for (Problem p : r.problems().subList(0, Math.min(SHOWN_PROBLEMS, r.problems().size()))) {
                out.println("    " + line(p, r.file()));
            }
        }
    }

    /** A problem without the file's name when it is the run's file: "line 12, name: … (rejected)". */
    static String line(Problem p, String file) {
        String where = p.location();
        String prefix = (p.file() == null || p.file().equals(file) ? "" : p.file() + (where.isEmpty() ? "" : " "))
                + where;
        return (prefix.isEmpty() ? "" : prefix + (p.field() == null ? ": " : ", "))
                + (p.field() == null ? "" : p.field() + ": ") + p.reason() + " (" + p.action().code().replace('_', ' ') + ")";
    }

    private static void row(PrintStream out, String name, Counts c) {
        out.printf(Locale.ROOT, "  %-17s %,9d %,9d %,9d %,9d %,9d %,9d %,9d %,9d%n", name, c.read(), c.added(),
                c.updated(), c.unchanged(), c.retired(), c.rejected(), c.conflicts(), c.skipped());
    }

    private static String describe(ImportResult.Status s) {
        return switch (s) {
            case SUCCEEDED -> "imported";
            case DRY_RUN -> "checked (dry run)";
            case SKIPPED_UNCHANGED -> "skipped, imported before with the same checksum";
            case ABORTED -> "ABORTED, nothing changed";
            case FAILED -> "FAILED, nothing changed";
        };
    }
}
