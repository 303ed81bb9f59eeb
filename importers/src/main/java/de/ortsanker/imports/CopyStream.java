package de.ortsanker.imports;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * One {@code COPY … FROM STDIN} on a connection of its own, fed by a thread of its own from a short
 * queue: the reader hands a chunk over and reads on while the database takes it, and two streams into
 * one table keep two backends busy. At most two chunks wait, so memory stays bounded.
 */
final class CopyStream implements AutoCloseable {

    /** The first {@code length} bytes of {@code bytes}: complete COPY lines. */
    private record Chunk(byte[] bytes, int length) {
    }

    private static final Chunk END = new Chunk(new byte[0], 0);

    private final Connection connection;
    private final CopyIn copy;
    private final BlockingQueue<Chunk> chunks = new ArrayBlockingQueue<>(2);
    private final Thread writer;
    private volatile SQLException failure;

    /** Starts the COPY on the connection (in its open transaction, which {@link #finish()} commits). */
    CopyStream(Connection connection, String copySql) throws SQLException {
        this.connection = connection;
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql);
        this.writer = new Thread(this::drain, "import copy");
        writer.setDaemon(true);
        writer.start();
    }

    /** Hands the first {@code length} bytes of complete COPY lines over; the stream owns the array from now on. */
    void write(byte[] bytes, int length) throws SQLException {
        throwIfFailed();
        put(new Chunk(bytes, length));
    }

    /** Waits until every chunk is sent, ends the COPY and commits. */
    void finish() throws SQLException {
        put(END);
        join();
        throwIfFailed();
        copy.endCopy();
        connection.commit();
    }

    /** The connection, free for other statements once {@link #finish()} returned. */
    Connection connection() {
        return connection;
    }

    private void drain() {
        try {
            for (Chunk chunk = chunks.take(); chunk != END; chunk = chunks.take()) {
                if (failure == null) {
                    try {
                        copy.writeToCopy(chunk.bytes(), 0, chunk.length());
                    } catch (SQLException e) {
                        failure = e; // reported to the reader at its next chunk; the rest is taken and dropped
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void put(Chunk chunk) throws SQLException {
        try {
            chunks.put(chunk);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while loading", e);
        }
    }

    private void join() throws SQLException {
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while loading", e);
        }
    }

    private void throwIfFailed() throws SQLException {
        if (failure != null) {
            throw failure;
        }
    }

    /** After a failure: lets the writer finish its chunk, cancels the COPY, rolls back, closes. */
    @Override
    public void close() {
        chunks.clear();
        chunks.offer(END);
        try {
            writer.join(TimeUnit.MINUTES.toMillis(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
            connection.rollback();
        } catch (SQLException e) {
            // the connection is closed next anyway
        }
        try {
            connection.close();
        } catch (SQLException e) {
            // nothing left to do
        }
    }
}
