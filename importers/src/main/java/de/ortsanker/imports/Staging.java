package de.ortsanker.imports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The staging tables of one run: one unlogged table per target, filled by COPY while the file is read.
 * A target's rows are collected in a buffer of a few megabytes; when it overflows, the target gets a
 * connection of its own (PostgreSQL runs one COPY per connection) and its rows stream to the database
 * while the file is read, so reading and loading run side by side and memory does not grow with the
 * file. A small file's rows are copied at the end over the run's own connection, without opening more.
 * The data tables are not touched until {@link Merge} moves the rows in one transaction; a killed run
 * leaves only its staging tables behind, which the next run drops.
 * <p>
 * A source's first import whose place rows overflow the buffer is large enough to load as a partition
 * of its own ({@link PartitionLoad}): from then on its place rows go there instead of to staging.
 */
final class Staging implements AutoCloseable {

    static final String PREFIX = "import_staging_";
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final DataSource dataSource;
    private final long runId;
    private final Provenance provenance;
    private final int bufferBytes;
    private final boolean partitionLoads;
    private final Map<Target, Stream> streams = new EnumMap<>(Target.class);

    /**
     * @param bufferBytes    the size of each target's buffer (also: how many bytes of place rows make a
     *                       first import large enough for a partition of its own)
     * @param partitionLoads whether a large first import may load as a partition (not in a dry run)
     */
    Staging(DataSource dataSource, long runId, Provenance provenance, int bufferBytes, boolean partitionLoads) {
        this.dataSource = dataSource;
        this.runId = runId;
        this.provenance = provenance;
        this.bufferBytes = bufferBytes;
        this.partitionLoads = partitionLoads;
    }

    static String table(long runId, Target target) {
        return PREFIX + runId + "_" + target.table();
    }

    String table(Target target) {
        return table(runId, target);
    }

    /** Creates the (empty) staging tables of the targets a file can fill; missing rows then mean retired records. */
    void create(Connection c, Set<Target> targets) throws SQLException {
        try (var st = c.createStatement()) {
            for (Target t : targets) {
                var columns = new StringBuilder();
                for (String col : t.columns()) {
                    columns.append(", t.").append(col);
                }
                st.execute("create unlogged table " + table(t) + " as select 0::bigint as seq, ''::text as origin,"
                        + " t." + t.key() + "::text as source_key, t.import_hash" + columns + " from " + t.table()
                        + " t with no data");
            }
        }
    }

    void add(StagedRecord r) throws SQLException {
        var row = new CopyRow();
        r.write(row, provenance);
        stream(r.target()).add(r.key, r.origin, row);
    }

    /**
     * Ends every COPY; the staged rows are then committed and visible to the merge.
     *
     * @param own the run's connection (autocommit), over which rows still in their buffer are copied
     */
    void finish(Connection own) throws SQLException {
        for (Stream s : streams.values()) {
            s.finish(own);
        }
    }

    /** The partition load the run's place rows went to, or null when they were staged. */
    PartitionLoad partitionLoad() {
        Stream s = streams.get(Target.PLACES);
        return s == null ? null : s.load;
    }

    private Stream stream(Target target) {
        return streams.computeIfAbsent(target, t -> new Stream(t, table(t)));
    }

    /** Ends COPYs still open (after a failure) and closes the connections. */
    @Override
    public void close() {
        for (Stream s : streams.values()) {
            s.close();
        }
        streams.clear();
    }

    /** Drops the staging tables of a run (its own when done, or those of a run that was killed). */
    static void drop(Connection c, long runId) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (var ps = c.prepareStatement("select quote_ident(tablename) from pg_tables"
                + " where schemaname = current_schema() and tablename like ?")) {
            ps.setString(1, PREFIX + runId + "\\_%");
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
        }
        try (var st = c.createStatement()) {
            for (String t : tables) {
                st.execute("drop table if exists " + t);
            }
        }
    }

    private final class Stream {
        private final Target target;
        private final String table;
        private final MessageDigest sha;
        private final byte[] buffer = new byte[bufferBytes];
        private int used;
        private long seq;
        private Connection connection;
        private CopyIn copy;
        private PartitionLoad load;

        Stream(Target target, String table) {
            this.target = target;
            this.table = table;
            try {
                this.sha = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Buffers one complete line (a partition load splits lines, so a buffer never ends inside one). */
        void add(String key, Origin origin, CopyRow row) throws SQLException {
            if (row.fieldCount() != target.columns().size()) {
                throw new IllegalStateException("a staged row has " + row.fieldCount() + " columns, not "
                        + target.columns().size());
            }
            byte[] data = row.data().getBytes(StandardCharsets.UTF_8);
            byte[] digest = sha.digest(data);
            var prefix = new StringBuilder(64);
            prefix.append(++seq).append('\t').append(CopyRow.escaped(origin.label())).append('\t')
                    .append(CopyRow.escaped(key)).append('\t');
            for (int i = 0; i < 16; i++) {
                prefix.append(HEX[(digest[i] >> 4) & 0xf]).append(HEX[digest[i] & 0xf]);
            }
            prefix.append('\t');
            byte[] head = prefix.toString().getBytes(StandardCharsets.UTF_8);
            int length = head.length + data.length + 1;
            if (used + length > buffer.length) {
                flush();
            }
            if (length > buffer.length) {
                byte[] line = new byte[length];
                System.arraycopy(head, 0, line, 0, head.length);
                System.arraycopy(data, 0, line, head.length, data.length);
                line[length - 1] = '\n';
                send(line, length);
                return;
            }
            System.arraycopy(head, 0, buffer, used, head.length);
            System.arraycopy(data, 0, buffer, used + head.length, data.length);
            buffer[used + length - 1] = '\n';
            used += length;
        }

        /** Sends the buffer, opening this target's connection and COPY (or partition load) the first time. */
        private void flush() throws SQLException {
            if (used > 0) {
                send(buffer, used);
                used = 0;
            }
        }

        private void send(byte[] bytes, int length) throws SQLException {
            if (copy == null && load == null) {
                open();
            }
            if (load != null) {
                load.write(bytes, 0, length);
            } else {
                copy.writeToCopy(bytes, 0, length);
            }
        }

        private void open() throws SQLException {
            if (partitionLoads && target == Target.PLACES) {
                load = PartitionLoad.startIfFirstImport(dataSource, PREFIX + runId + "_places_partition",
                        PREFIX + runId + "_places_keys", provenance);
                if (load != null) {
                    return;
                }
            }
            connection = dataSource.getConnection();
            try {
                // In a transaction of its own, so that a pool's statement timeout (the service's) can be lifted
                // for this COPY only: a large file takes longer than any query should.
                connection.setAutoCommit(false);
                try (var st = connection.createStatement()) {
                    st.execute("set local statement_timeout = 0");
                }
                copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql());
            } catch (SQLException e) {
                closeQuietly(connection);
                connection = null;
                throw e;
            }
        }

        private String sql() {
            return "copy " + table + " from stdin";
        }

        void finish(Connection own) throws SQLException {
            if (copy != null || load != null) {
                flush();
                if (load != null) {
                    load.finish();
                } else {
                    copy.endCopy();
                    connection.commit();
                }
            } else if (used > 0) {
                CopyIn small = own.unwrap(PGConnection.class).getCopyAPI().copyIn(sql());
                small.writeToCopy(buffer, 0, used);
                small.endCopy();
                used = 0;
            }
        }

        void close() {
            if (load != null) {
                load.close();
            }
            if (connection == null) {
                return;
            }
            try {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                    connection.setAutoCommit(true);
                }
            } catch (SQLException e) {
                // the connection is closed next anyway
            }
            closeQuietly(connection);
        }

        private void closeQuietly(Connection c) {
            try {
                c.close();
            } catch (SQLException e) {
                // nothing left to do
            }
        }
    }
}
