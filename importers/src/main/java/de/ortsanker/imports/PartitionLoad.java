package de.ortsanker.imports;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * A large source's first import, loaded as a partition of places of its own (V60): the staged place
 * rows go by COPY into a bare table beside the live data, their keys into a second one (for the
 * duplicate report); the table is then checked and indexed in bulk, two index builds at a time, and
 * attached to places in the run's merge transaction. Building an index once costs a fraction of
 * maintaining it row by row (docs/benchmarks.md, Imports), and until the attach no reader sees a row.
 * A killed run leaves both tables under the staging prefix, which the next run drops.
 */
final class PartitionLoad implements AutoCloseable {

    private static final Sql SQL = Sql.load(PartitionLoad.class, "partition-load.sql");

    private final Provenance provenance;
    private final String table;
    private final String keys;
    private final byte[] sourceField;
    private final CopyStream[] rows = new CopyStream[2];
    private final CopyStream keyRows;
    private final List<String[]> indexes = new ArrayList<>(); // places' index name, this table's index name
    private long chunks;
    private long written;
    private long repeated;

    private PartitionLoad(DataSource dataSource, String table, String keys, Provenance provenance)
            throws SQLException {
        this.provenance = provenance;
        this.table = table;
        this.keys = keys;
        this.sourceField = (CopyRow.escaped(provenance.source()) + "\t").getBytes(StandardCharsets.UTF_8);
        var opened = new ArrayList<Connection>();
        try {
            for (int i = 0; i < 3; i++) {
                opened.add(open(dataSource));
            }
            Connection c = opened.get(0);
            try (var ps = c.prepareStatement(SQL.get("create-tables"))) {
                ps.setString(1, table);
                ps.setString(2, provenance.source());
                ps.setString(3, keys);
                for (String ddl : strings(ps)) {
                    execute(c, ddl);
                }
            }
            c.commit();
            String copyRows = formatted(c, "copy-rows", table, String.join(", ", Target.PLACES.columns()));
            String copyKeys = formatted(c, "copy-keys", keys);
            for (int i = 0; i < rows.length; i++) {
                rows[i] = new CopyStream(opened.get(i), copyRows);
            }
            keyRows = new CopyStream(opened.get(2), copyKeys);
        } catch (SQLException | RuntimeException e) {
            for (CopyStream stream : rows) {
                if (stream != null) {
                    stream.close();
                }
            }
            for (Connection c : opened) {
                closeQuietly(c);
            }
            throw e;
        }
    }

    /**
     * Starts a partition load for the run's place rows, or returns null when the source already has
     * records (its import merges into them instead).
     */
    static PartitionLoad startIfFirstImport(DataSource dataSource, String table, String keys, Provenance provenance)
            throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            if (Merge.sourceHasRecords(c, Target.PLACES, provenance.source())) {
                return null;
            }
        }
        return new PartitionLoad(dataSource, table, keys, provenance);
    }

    /**
     * Takes complete staged lines ({@code seq, origin, key, digest, data…}, see {@link Staging}): the key
     * part goes to the keys table, the rest, behind the source, to the partition — chunk by chunk to
     * one of two COPY streams in turn, so that two backends share the work of storing them.
     */
    void write(byte[] buffer, int offset, int length) throws SQLException {
        int end = offset + length;
        byte[] rowsOut = new byte[length + length / 8 + sourceField.length * 64];
        byte[] keysOut = new byte[Math.max(1024, length / 4)];
        int r = 0;
        int k = 0;
        for (int line = offset; line < end; ) {
            int t1 = indexOf(buffer, (byte) '\t', line, end);
            int t2 = indexOf(buffer, (byte) '\t', t1 + 1, end);
            int t3 = indexOf(buffer, (byte) '\t', t2 + 1, end);
            int t4 = indexOf(buffer, (byte) '\t', t3 + 1, end);
            int nl = indexOf(buffer, (byte) '\n', t4 + 1, end);
            keysOut = room(keysOut, k, t4 - line + 1);
            System.arraycopy(buffer, line, keysOut, k, t4 - line);
            k += t4 - line;
            keysOut[k++] = '\n';
            rowsOut = room(rowsOut, r, sourceField.length + nl - t2);
            System.arraycopy(sourceField, 0, rowsOut, r, sourceField.length);
            r += sourceField.length;
            System.arraycopy(buffer, t2 + 1, rowsOut, r, nl - t2);
            r += nl - t2;
            written++;
            line = nl + 1;
        }
        rows[(int) (chunks++ % rows.length)].write(rowsOut, r);
        keyRows.write(keysOut, k);
    }

    /** Ends the COPYs: the rows are committed, but part of no table anyone reads. */
    void finish() throws SQLException {
        for (CopyStream stream : rows) {
            stream.finish();
        }
        keyRows.finish();
    }

    /**
     * Before the merge transaction: builds every index of places on the table and checks the rows
     * against places' rules, two statements at a time over the streams' connections, then its
     * statistics. A file that repeats a key is found by the unique index refusing it (so a file without
     * repeats pays no search for them); then the repeats are dropped — each reported like {@link Merge}
     * reports them — and the index built.
     *
     * @return how many rows were dropped as repeated keys
     * @throws SQLException naming the first row places would refuse (check_violation)
     */
    long prepare(String file, Consumer<Problem> problems) throws SQLException {
        var statements = new ArrayList<String>();
        var keyConstraints = new ArrayList<String>();
        try (var ps = connection(0).prepareStatement(SQL.get("index-definitions"))) {
            ps.setString(1, table);
            ps.setString(2, table);
            ps.setString(3, table);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    indexes.add(new String[] {rs.getString(1), rs.getString(2)});
                    statements.add(rs.getString(3));
                    if (rs.getString(4) != null) {
                        keyConstraints.add(rs.getString(4));
                    }
                }
            }
            statements.add(formatted(connection(0), "assert-conforming", table));
        }
        connection(0).commit();
        List<String> refused = ParallelStatements.run(List.of(connection(0), connection(1)), statements);
        try (var st = connection(0).createStatement()) {
            if (!refused.isEmpty()) {
                dropRepeated(file, problems);
                for (String ddl : refused) {
                    st.execute(ddl);
                }
            }
            for (String ddl : keyConstraints) {
                st.execute(ddl);
            }
            st.execute(formatted(connection(0), "add-kind-key", table));
            st.execute("analyze " + table);
        }
        connection(0).commit();
        return repeated;
    }

    private void dropRepeated(String file, Consumer<Problem> problems) throws SQLException {
        var duplicates = new Merge(connection(0), Target.PLACES, keys, provenance.source(), file, false);
        List<String> repeatedKeys = duplicates.dropDuplicates(problems);
        try (var ps = connection(0).prepareStatement(SQL.get("delete-repeated")
                .replace("{partition}", table).replace("{keys}", keys))) {
            ps.setArray(1, connection(0).createArrayOf("text", repeatedKeys.toArray()));
            repeated = ps.executeLargeUpdate();
        }
        connection(0).commit();
    }

    /**
     * In the merge transaction: replaces an empty partition the source may have from earlier imports,
     * attaches the table as the source's partition under its readable name, and bumps the versions of
     * the layers it fills.
     */
    Counts attach(Connection main, long read, long rejected, long skipped) throws SQLException {
        String name = formatted(main, "partition-name", provenance.source(), provenance.source());
        try (var ps = main.prepareStatement(SQL.get("existing-partition"))) {
            ps.setString(1, provenance.source());
            try (var rs = ps.executeQuery()) {
                if (rs.next()) {
                    if (Merge.sourceHasRecords(main, Target.PLACES, provenance.source())) {
                        throw new SQLException("source '" + provenance.source() + "' got records while it was"
                                + " imported (by hand?): its import was not applied");
                    }
                    execute(main, formatted(main, "drop-table", rs.getString(1)));
                }
            }
        }
        try (var ps = main.prepareStatement(SQL.get("attach"))) {
            ps.setString(1, table);
            ps.setString(2, name);
            ps.setString(3, name);
            ps.setString(4, provenance.source());
            for (String ddl : strings(ps)) {
                execute(main, ddl);
            }
        }
        for (String[] index : indexes) {
            execute(main, formatted(main, "rename-index", index[1], name + index[0].substring("places".length())));
        }
        try (var st = main.createStatement()) {
            st.executeUpdate(SQL.get("bump-versions").replace("{partition}", '"' + name + '"'));
        }
        return new Counts(read, written - repeated, 0, 0, 0, rejected, 0, skipped);
    }

    /** Ends COPYs still open (after a failure) and closes the connections. */
    @Override
    public void close() {
        for (CopyStream stream : rows) {
            stream.close();
        }
        keyRows.close();
    }

    /** The connection of a rows stream: free once the rows are loaded, it builds indexes. */
    private Connection connection(int stream) {
        return rows[stream].connection();
    }

    private static Connection open(DataSource dataSource) throws SQLException {
        Connection c = dataSource.getConnection();
        c.setAutoCommit(false);
        try (var st = c.createStatement()) {
            // A pool's statement timeout (the service's) is for queries, not for loading a large file.
            st.execute("set statement_timeout = 0");
            st.execute("set maintenance_work_mem = '256MB'");
        }
        return c;
    }

    private static String formatted(Connection c, String query, String... parameters) throws SQLException {
        try (var ps = c.prepareStatement(SQL.get(query))) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setString(i + 1, parameters[i]);
            }
            return strings(ps).get(0);
        }
    }

    /** The text columns of a statement's one row. */
    private static List<String> strings(java.sql.PreparedStatement ps) throws SQLException {
        try (var rs = ps.executeQuery()) {
            rs.next();
            var out = new ArrayList<String>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                out.add(rs.getString(i));
            }
            return out;
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (var st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static int indexOf(byte[] b, byte what, int from, int end) {
        for (int i = from; i < end; i++) {
            if (b[i] == what) {
                return i;
            }
        }
        throw new IllegalStateException("a staged line without its fields");
    }

    private static byte[] room(byte[] out, int used, int more) {
        if (used + more <= out.length) {
            return out;
        }
        return Arrays.copyOf(out, Math.max(out.length * 2, used + more));
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // nothing left to do
            }
        }
    }
}
