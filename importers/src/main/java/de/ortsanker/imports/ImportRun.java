package de.ortsanker.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A run's row in {@code import_runs}: written when the run starts (so that a running import can be seen,
 * and a killed one found), finished in the merge's own transaction (so counts and data always agree).
 *
 * <p>While it runs, the importing session holds an advisory lock on the run; a row still 'running' whose
 * lock is free belongs to a process that died, and the next import marks it failed and drops its
 * staging tables. A second lock on the source keeps two imports of one source from merging at once.
 */
final class ImportRun {

    private static final Sql SQL = Sql.load(ImportRun.class, "import-runs.sql");
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int MAX_STORED_PROBLEMS = 10_000;

    final long id;

    private ImportRun(long id) {
        this.id = id;
    }

    /** Marks runs whose process died (their lock is free) as failed and drops their staging tables. */
    static void failAbandoned(Connection c) throws SQLException {
        List<Long> running = new ArrayList<>();
        try (var ps = c.prepareStatement(SQL.get("running")); var rs = ps.executeQuery()) {
            while (rs.next()) {
                running.add(rs.getLong(1));
            }
        }
        for (long id : running) {
            if (tryLock(c, "run-lock", id)) {
                try (var ps = c.prepareStatement(SQL.get("fail-abandoned"))) {
                    ps.setString(1, json(List.of(Map.of("reason", "the import ended without finishing (process killed"
                            + " or crashed); the data was left as it was", "action", "rejected"))));
                    ps.setLong(2, id);
                    ps.executeUpdate();
                }
                Staging.drop(c, id);
                unlock(c, "run-unlock", id);
            }
        }
    }

    /** The checksum of the last successful run of a source, if any. */
    static Optional<String> lastChecksum(Connection c, String source) throws SQLException {
        try (var ps = c.prepareStatement(SQL.get("last-checksum"))) {
            ps.setString(1, source);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** Records the run's start (committed at once) and takes its lock on the given session. */
    static ImportRun start(Connection c, Provenance p, String file, String format, Map<String, Object> options,
                           long bytesTotal, String origin, String owner) throws SQLException {
        long id;
        try (var ps = c.prepareStatement(SQL.get("start"))) {
            ps.setString(1, p.source());
            ps.setString(2, file);
            ps.setString(3, format);
            ps.setString(4, p.licence());
            ps.setString(5, p.attribution());
            ps.setString(6, json(options));
            ps.setLong(7, bytesTotal);
            ps.setString(8, origin);
            ps.setString(9, owner);
            try (var rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        tryLock(c, "run-lock", id);
        return new ImportRun(id);
    }

    /** Takes the source's lock; false when another import of the source holds it. */
    static boolean lockSource(Connection c, String source) throws SQLException {
        try (var ps = c.prepareStatement(SQL.get("source-lock"))) {
            ps.setString(1, source);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    static void unlockSource(Connection c, String source) throws SQLException {
        try (var ps = c.prepareStatement(SQL.get("source-unlock"))) {
            ps.setString(1, source);
            ps.executeQuery().close();
        }
    }

    void release(Connection c) throws SQLException {
        unlock(c, "run-unlock", id);
    }

    /** Writes progress (from a connection of its own: the import's transaction is not visible yet). */
    void progress(Connection c, String phase, long features, long bytesRead) throws SQLException {
        try (var ps = c.prepareStatement(SQL.get("progress"))) {
            ps.setString(1, phase);
            ps.setLong(2, features);
            ps.setLong(3, bytesRead);
            ps.setLong(4, id);
            ps.executeUpdate();
        }
    }

    /** The run's outcome; in the merge's transaction when the data was merged. */
    void finish(Connection c, ImportResult.Status status, String checksum, Counts total, Map<String, Object> stats,
                List<Problem> problems, long features, long bytesRead) throws SQLException {
        var report = new ArrayList<Object>();
        for (Problem p : problems.subList(0, Math.min(problems.size(), MAX_STORED_PROBLEMS))) {
            report.add(p.toJson());
        }
        try (var ps = c.prepareStatement(SQL.get("finish"))) {
            int i = 0;
            ps.setString(++i, switch (status) {
                case SUCCEEDED -> "succeeded";
                case DRY_RUN -> "dry_run";
                case ABORTED -> "aborted";
                default -> "failed";
            });
            ps.setString(++i, checksum);
            ps.setLong(++i, total.added());
            ps.setLong(++i, total.updated());
            ps.setLong(++i, total.unchanged());
            ps.setLong(++i, total.retired());
            ps.setLong(++i, total.rejected());
            ps.setLong(++i, total.conflicts());
            ps.setLong(++i, total.skipped());
            ps.setString(++i, json(report));
            ps.setString(++i, json(stats));
            ps.setLong(++i, features);
            ps.setLong(++i, bytesRead);
            ps.setLong(++i, id);
            ps.executeUpdate();
        }
    }

    private static boolean tryLock(Connection c, String query, long id) throws SQLException {
        try (var ps = c.prepareStatement(SQL.get(query))) {
            ps.setLong(1, id);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static void unlock(Connection c, String query, long id) throws SQLException {
        tryLock(c, query, id);
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
