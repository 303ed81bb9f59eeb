package de.ortsanker.imports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Moves one target's staged rows into its table, keyed by (source, key): new records are added,
 * changed ones updated in place, unchanged ones left alone (not even their timestamps move), and
 * records gone from a complete source retired. Records edited by hand are not overwritten: the
 * conflict is reported and the hand edit kept (unless the run says to overwrite).
 * Runs inside the caller's transaction.
 */
final class Merge {

    private static final Sql SQL = Sql.load(Merge.class, "merge.sql");

    private final Connection connection;
    private final Target target;
    private final String staging;
    private final String source;
    private final String file;
    private final boolean overwriteEdits;

    Merge(Connection connection, Target target, String staging, String source, String file, boolean overwriteEdits) {
        this.connection = connection;
        this.target = target;
        this.staging = staging;
        this.source = source;
        this.file = file;
        this.overwriteEdits = overwriteEdits;
    }

    /**
     * Drops records whose key repeats an earlier one of the same file, reporting each.
     *
     * @return the key of each record dropped
     */
    List<String> dropDuplicates(Consumer<Problem> problems) throws SQLException {
        List<Long> seqs = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        try (var ps = connection.prepareStatement(sql("duplicates")); var rs = ps.executeQuery()) {
            while (rs.next()) {
                seqs.add(rs.getLong(1));
                keys.add(rs.getString(2));
                problems.accept(Origin.parse(file, rs.getString(3)).problem(target.key(),
                        "the id '" + rs.getString(2) + "' was used before (" + rs.getString(4)
                                + "): ids must be unique within a file", Problem.Action.REJECTED));
            }
        }
        if (!seqs.isEmpty()) {
            try (var ps = connection.prepareStatement(sql("drop-duplicates"))) {
                ps.setArray(1, connection.createArrayOf("bigint", seqs.toArray()));
                ps.executeUpdate();
            }
        }
        return keys;
    }

    /** Merges; problems receives a CONFLICT (or NOTE, when overwriting) for each record edited by hand. */
    Counts run(boolean complete, long read, long rejected, long skipped, Consumer<Problem> problems) throws SQLException {
        if (!sourceHasRecords(connection, target, source)) {
            long added = execute("insert-all", 1);
            return new Counts(read, added, 0, 0, 0, rejected, 0, skipped);
        }
        long staged = count();
        try (var st = connection.createStatement()) {
            // Without statistics and an index the planner may compare every record with every staged row.
            st.execute("create index on " + staging + " (source_key)");
            st.execute("analyze " + staging);
        }
        long changedByHand = 0;
        long goneButEdited = 0;
        if (target.editable()) {
            changedByHand = reportEdited("changed-by-hand", complete, problems,
                    "the source changed this record, which was edited by hand on ");
            if (changedByHand > 0 && !overwriteEdits && target == Target.PLACES) {
                execute("keep-source-version", 1);
            }
            if (complete) {
                goneButEdited = reportEdited("gone-but-edited", complete, problems,
                        "gone from the source, but edited by hand on ");
            }
        }
        long updated = execute("update", 1);
        long added = execute("insert", 2);
        long retired = complete ? execute("retire", 1) : 0;
        if (complete && target.oneRecordRule() != null) {
            execute("unlink-gone", 1);
        }
        long conflicts = overwriteEdits ? 0 : changedByHand + goneButEdited;
        long unchanged = staged - added - updated - (overwriteEdits ? 0 : changedByHand);
        return new Counts(read, added, updated, unchanged, retired, rejected, conflicts, skipped);
    }

    private long reportEdited(String query, boolean complete, Consumer<Problem> problems, String reason)
            throws SQLException {
        long n = 0;
        try (PreparedStatement ps = connection.prepareStatement(sql(query))) {
            ps.setString(1, source);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    n++;
                    Origin origin = query.equals("changed-by-hand")
                            ? Origin.parse(file, rs.getString(2))
                            : Origin.element(file, target.key() + " " + rs.getString(1));
                    String when = rs.getTimestamp(query.equals("changed-by-hand") ? 3 : 2).toInstant().toString();
                    problems.accept(origin.problem(null, reason + when + (overwriteEdits
                            ? ": the source's version replaced the hand edit"
                            : ": the hand edit was kept (re-import with --on-conflict overwrite to take the source's)"),
                            overwriteEdits ? Problem.Action.NOTE : Problem.Action.CONFLICT));
                }
            }
        }
        return n;
    }

    /** Whether the source has records in the target's table yet, current or retired. */
    static boolean sourceHasRecords(Connection connection, Target target, String source) throws SQLException {
        try (var ps = connection.prepareStatement(SQL.get("existing").replace("{target}", target.table()))) {
            ps.setString(1, source);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private long count() throws SQLException {
        try (var ps = connection.prepareStatement(sql("staged")); var rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private long execute(String query, int sourceParameters) throws SQLException {
        try (var ps = connection.prepareStatement(sql(query))) {
            for (int i = 1; i <= sourceParameters; i++) {
                ps.setString(i, source);
            }
            return ps.executeLargeUpdate();
        }
    }

    private String sql(String name) {
        String columns = String.join(", ", target.columns());
        String sColumns = "s." + String.join(", s.", target.columns());
        boolean keepEdits = target.editable() && !overwriteEdits;
        return SQL.get(name)
                .replace("{target}", target.table())
                .replace("{staging}", staging)
                .replace("{key}", target.key())
                .replace("{s_columns}", sColumns)
                .replace("{columns}", columns)
                .replace("{unless_edited}", keepEdits ? "and t.edited_at is null" : "")
                .replace("{not_linked}", target.oneRecordRule() != null ? " and t.superseded_by is null" : "")
                .replace("{overwrite}", target.editable() && overwriteEdits ? ", edited_at = null, edited_by = null" : "");
    }
}
