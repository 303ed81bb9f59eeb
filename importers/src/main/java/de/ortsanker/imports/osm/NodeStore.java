package de.ortsanker.imports.osm;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where every node of the file lies, for building ways: a temporary file of (id, lon, lat) records in id
 * order, memory-mapped for lookups — off the Java heap, so that memory does not grow with the file (as
 * osm2pgsql's flat node file). OSM files are sorted by id; the few nodes of an unsorted file (e.g. from
 * JOSM) that come out of order are kept in a small map.
 *
 * <p>Coordinates are stored as OSM stores them, in units of 10⁻⁷ degrees.
 */
final class NodeStore implements AutoCloseable {

    static final long MISSING = Long.MIN_VALUE;
    private static final int RECORD = 16;
    private static final int SEGMENT_RECORDS = 1 << 26;          // 1 GiB per mapped segment
    private static final int INDEX_EVERY = 1024;

    private final Path path;
    private final FileChannel channel;
    private final ByteBuffer writeBuffer = ByteBuffer.allocateDirect(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
    private final Map<Long, Long> outOfOrder = new HashMap<>();
    private long count;
    private long lastId = Long.MIN_VALUE;
    private long[] sparseIndex = new long[1024];
    private List<MappedByteBuffer> segments;

    NodeStore() throws IOException {
        path = Files.createTempFile("ortsanker-nodes-", ".bin");
        channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE,
                StandardOpenOption.DELETE_ON_CLOSE);
        try {
            Files.deleteIfExists(path);   // unlinked at once on Unix: nothing is left behind, even after kill -9
        } catch (IOException e) {
            // Windows keeps it until the channel closes (DELETE_ON_CLOSE)
        }
    }

    void put(long id, int lon7, int lat7) throws IOException {
        if (segments != null) {
            // a node after ways: the file is not sorted by type; keep it aside
            outOfOrder.put(id, pack(lon7, lat7));
            return;
        }
        if (id <= lastId) {
            outOfOrder.put(id, pack(lon7, lat7));
            return;
        }
        if (count % INDEX_EVERY == 0) {
            int slot = (int) (count / INDEX_EVERY);
            if (slot == sparseIndex.length) {
                sparseIndex = java.util.Arrays.copyOf(sparseIndex, slot * 2);
            }
            sparseIndex[slot] = id;
        }
        if (writeBuffer.remaining() < RECORD) {
            flush();
        }
        writeBuffer.putLong(id).putInt(lon7).putInt(lat7);
        lastId = id;
        count++;
    }

    /** Packed (lon7, lat7) of the node, or {@link #MISSING} when the file does not have it. */
    long get(long id) throws IOException {
        if (segments == null) {
            seal();
        }
        Long aside = outOfOrder.get(id);
        if (aside != null) {
            return aside;
        }
        if (count == 0) {
            return MISSING;
        }
        int blocks = (int) ((count + INDEX_EVERY - 1) / INDEX_EVERY);
        int lo = 0;
        int hi = blocks - 1;
        while (lo < hi) {               // last block whose first id <= id
            int mid = (lo + hi + 1) >>> 1;
            if (sparseIndex[mid] <= id) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        long first = (long) lo * INDEX_EVERY;
        long last = Math.min(count, first + INDEX_EVERY) - 1;
        while (first <= last) {
            long mid = (first + last) >>> 1;
            long midId = idAt(mid);
            if (midId == id) {
                return coordinatesAt(mid);
            }
            if (midId < id) {
                first = mid + 1;
            } else {
                last = mid - 1;
            }
        }
        return MISSING;
    }

    static int lon7(long packed) {
        return (int) (packed >> 32);
    }

    static int lat7(long packed) {
        return (int) packed;
    }

    private static long pack(int lon7, int lat7) {
        return ((long) lon7 << 32) | (lat7 & 0xffffffffL);
    }

    private long idAt(long index) {
        return segment(index).getLong(offset(index));
    }

    private long coordinatesAt(long index) {
        MappedByteBuffer s = segment(index);
        int off = offset(index);
        return pack(s.getInt(off + 8), s.getInt(off + 12));
    }

    private MappedByteBuffer segment(long index) {
        return segments.get((int) (index / SEGMENT_RECORDS));
    }

    private static int offset(long index) {
        return (int) (index % SEGMENT_RECORDS) * RECORD;
    }

    private void flush() throws IOException {
        writeBuffer.flip();
        while (writeBuffer.hasRemaining()) {
            channel.write(writeBuffer);
        }
        writeBuffer.clear();
    }

    /** Ends writing and maps the file for lookups (at the first way). */
    private void seal() throws IOException {
        flush();
        segments = new ArrayList<>();
        long bytes = count * RECORD;
        for (long start = 0; start < bytes; start += (long) SEGMENT_RECORDS * RECORD) {
            long size = Math.min((long) SEGMENT_RECORDS * RECORD, bytes - start);
            MappedByteBuffer m = channel.map(FileChannel.MapMode.READ_ONLY, start, size);
            m.order(ByteOrder.LITTLE_ENDIAN);
            segments.add(m);
        }
    }

    long size() {
        return count + outOfOrder.size();
    }

    @Override
    public void close() throws IOException {
        segments = null;
        channel.close();
        Files.deleteIfExists(path);
    }
}
