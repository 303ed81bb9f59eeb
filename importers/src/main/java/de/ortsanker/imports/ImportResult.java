package de.ortsanker.imports;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What an import did. {@link #status()} says whether the data changed at all: only a SUCCEEDED run
 * wrote to the data tables; a FAILED or ABORTED run left them exactly as they were.
 *
 * @param runId     the import_runs row (0 when no run was recorded, e.g. a skipped unchanged file)
 * @param status    the outcome
 * @param source    the source name records are keyed by
 * @param file      the file's name
 * @param format    the format read (osm-pbf, shapefile, geojson …)
 * @param checksum  SHA-256 of the input, hex
 * @param total     counts over all targets
 * @param byTarget  counts per table written (places, localities …)
 * @param problems  every rejected or repaired record, conflict and note (the first 10,000)
 * @param error     why a FAILED or ABORTED run stopped, else null
 * @param duration  wall time
 * @param stats     further numbers, e.g. geocoding match quality ("geocoding.address": 12)
 */
public record ImportResult(long runId, Status status, String source, String file, String format, String checksum,
                           Counts total, Map<Target, Counts> byTarget, List<Problem> problems, String error,
                           Duration duration, Map<String, Long> stats) {

    public enum Status {
        /** The data was merged. */
        SUCCEEDED,
        /** Nothing written: the file could not be read (corrupt, truncated, wrong encoding …). */
        FAILED,
        /** Nothing written: more records were rejected than --max-errors allows. */
        ABORTED,
        /** Nothing written, as asked: the counts say what an import would do. */
        DRY_RUN,
        /** Nothing done: the same file was imported successfully before (--skip-unchanged). */
        SKIPPED_UNCHANGED;

        public String code() {
            return name().toLowerCase();
        }
    }

    public boolean succeeded() {
        return status == Status.SUCCEEDED || status == Status.DRY_RUN || status == Status.SKIPPED_UNCHANGED;
    }

    public long added() {
        return total.added();
    }

    public long updated() {
        return total.updated();
    }

    public long unchanged() {
        return total.unchanged();
    }

    public long retired() {
        return total.retired();
    }

    public long rejected() {
        return total.rejected();
    }

    public long conflicts() {
        return total.conflicts();
    }

    public long skipped() {
        return total.skipped();
    }

    public Counts counts(Target target) {
        return byTarget.getOrDefault(target, Counts.NONE);
    }

    /** The problems with the given action, e.g. every rejection. */
    public List<Problem> problems(Problem.Action action) {
        return problems.stream().filter(p -> p.action() == action).toList();
    }

    /** This result, or an exception with its error and first problems when the run did not succeed. */
    public ImportResult orThrow() {
        if (!succeeded()) {
            throw new IllegalStateException("import of " + file + " " + status.code() + ": " + error
                    + (problems.isEmpty() ? "" : "; first problems: " + problems.stream().limit(5).toList()));
        }
        return this;
    }
}
