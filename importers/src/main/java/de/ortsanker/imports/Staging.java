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
 * The staging tables of one run: one unlogged table per target, filled by COPY while the file is read,
 * each over its own connection (PostgreSQL runs one COPY per connection), so that reading the file and
 * loading the rows run side by side and memory does not grow with the file. The data tables are not
 * touched until {@link Merge} moves the rows in one transaction; a killed run leaves only its staging
 * tables behind, which the next run drops.
 */
final class Staging implements AutoCloseable {

    static final String PREFIX = "import_staging_";
    private static final int FLUSH_BYTES = 1 << 20;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final DataSource dataSource;
    private final long runId;
    private final Provenance provenance;
    private final Map<Target, Stream> streams = new EnumMap<>(Target.class);

    Staging(DataSource dataSource, long runId, Provenance provenance) {
        this.dataSource = dataSource;
        this.runId = runId;
        this.provenance = provenance;
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

    void place(PlaceRecord r) throws SQLException {
        var row = new CopyRow();
        r.write(row, provenance);
        stream(Target.PLACES).add(r.sourceId, r.origin, row);
    }

    void locality(LocalityRecord r) throws SQLException {
        var row = new CopyRow();
        r.write(row, provenance);
        stream(Target.LOCALITIES).add(r.sourceId, r.origin, row);
    }

    void adminArea(AdminAreaRecord r) throws SQLException {
        var row = new CopyRow();
        r.write(row, provenance);
        stream(Target.ADMIN_AREAS).add(r.sourceId, r.origin, row);
    }

    void populationCell(PopulationCellRecord r) throws SQLException {
        var row = new CopyRow();
        r.write(row, provenance);
        stream(Target.POPULATION_CELLS).add(r.cellId, r.origin, row);
    }

    void address(AddressRecord r) throws SQLException {
        var row = new CopyRow();
        r.write(row, provenance);
        stream(Target.ADDRESSES).add(r.sourceId, r.origin, row);
    }

    /** Rows staged so far for a target. */
    long staged(Target target) {
        Stream s = streams.get(target);
        return s == null ? 0 : s.seq;
    }

    /** Ends every COPY; the staged rows are then committed and visible to the merge. */
    void finish() throws SQLException {
        for (Stream s : streams.values()) {
            s.finish();
        }
    }

    private Stream stream(Target target) throws SQLException {
        Stream s = streams.get(target);
        if (s == null) {
            s = new Stream(dataSource.getConnection(), table(target), target.columns().size());
            streams.put(target, s);
        }
        return s;
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

    private static final class Stream {
        private final Connection connection;
        private final CopyIn copy;
        private final int columns;
        private final MessageDigest sha;
        private final byte[] buffer = new byte[FLUSH_BYTES + 65536];
        private int used;
        private long seq;

        Stream(Connection connection, String table, int columns) throws SQLException {
            this.connection = connection;
            this.columns = columns;
            try {
                this.sha = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            try {
                connection.setAutoCommit(true);
                this.copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + table + " from stdin");
            } catch (SQLException e) {
                closeQuietly(connection);
                throw e;
            }
        }

        void add(String key, Origin origin, CopyRow row) throws SQLException {
            if (row.fieldCount() != columns) {
                throw new IllegalStateException("a staged row has " + row.fieldCount() + " columns, not " + columns);
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
            put(prefix.toString().getBytes(StandardCharsets.UTF_8));
            put(data);
            put(new byte[] {'\n'});
        }

        private void put(byte[] bytes) throws SQLException {
            if (used + bytes.length > buffer.length) {
                flush();
            }
            if (bytes.length > buffer.length) {
                copy.writeToCopy(bytes, 0, bytes.length);
                return;
            }
            System.arraycopy(bytes, 0, buffer, used, bytes.length);
            used += bytes.length;
            if (used >= FLUSH_BYTES) {
                flush();
            }
        }

        private void flush() throws SQLException {
            if (used > 0) {
                copy.writeToCopy(buffer, 0, used);
                used = 0;
            }
        }

        void finish() throws SQLException {
            flush();
            copy.endCopy();
        }

        void close() {
            try {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            } catch (SQLException e) {
                // the connection is closed next anyway
            }
            closeQuietly(connection);
        }

        private static void closeQuietly(Connection c) {
            try {
                c.close();
            } catch (SQLException e) {
                // nothing left to do
            }
        }
    }
}
