package de.ortsanker.imports.osm;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import crosby.binary.Fileformat;
import crosby.binary.Osmformat;
import de.ortsanker.imports.ImportFailure;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads an OSM PBF file (https://wiki.openstreetmap.org/wiki/PBF_Format) block by block: blocks are
 * inflated and decoded on worker threads while the calling thread handles the previous ones in file
 * order, so both cores work and memory holds only a few blocks. A truncated or corrupt file fails with
 * the block and byte where it breaks.
 */
final class PbfReader {

    private static final Set<String> SUPPORTED = Set.of("OsmSchema-V0.6", "DenseNodes");
    private static final int MAX_HEADER = 64 * 1024;
    private static final int MAX_BLOB = 32 * 1024 * 1024;

    /** Where a data block lies in the file, to read it again (pass two). */
    record BlockRef(long offset, int headerLength, int blobLength) {
    }

    private final Path file;
    private final String name;
    private final LongConsumer bytesRead;
    private final int threads;

    PbfReader(Path file, LongConsumer bytesRead) {
        this.file = file;
        this.name = file.getFileName().toString();
        this.bytesRead = bytesRead;
        this.threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    /**
     * Reads every element.
     *
     * @return the blocks that hold ways, for {@link #readWays}
     */
    List<BlockRef> read(OsmHandler handler) throws IOException {
        var wayBlocks = new ArrayList<BlockRef>();
        try (InputStream raw = java.nio.file.Files.newInputStream(file)) {
            var in = new DataInputStream(new java.io.BufferedInputStream(raw, 1 << 16));
            ExecutorService pool = Executors.newFixedThreadPool(threads, daemon());
            try {
                Deque<Future<Block>> window = new ArrayDeque<>();
                long offset = 0;
                int number = 0;
                boolean headerSeen = false;
                while (true) {
                    Blob blob = nextBlob(in, offset, ++number);
                    if (blob == null) {
                        break;
                    }
                    offset += blob.length();
                    bytesRead.accept(blob.length());
                    if (blob.type().equals("OSMHeader")) {
                        checkHeader(blob);
                        headerSeen = true;
                        continue;
                    }
                    if (!headerSeen) {
                        throw new ImportFailure(name + ": not an OSM PBF file (block 1 is '" + blob.type()
                                + "', not the OSMHeader)");
                    }
                    if (!blob.type().equals("OSMData")) {
                        continue;           // unknown block types are to be skipped, says the format
                    }
                    window.add(pool.submit(() -> decode(blob)));
                    if (window.size() > 2 * threads) {
                        handle(window.poll(), handler, wayBlocks);
                    }
                }
                while (!window.isEmpty()) {
                    handle(window.poll(), handler, wayBlocks);
                }
                if (!headerSeen) {
                    throw new ImportFailure(name + ": empty, or not an OSM PBF file");
                }
            } finally {
                pool.shutdownNow();
            }
        }
        return wayBlocks;
    }

    /** Reads the ways of the given blocks again (for multipolygons, whose ways come before them). */
    void readWays(List<BlockRef> blocks, OsmHandler handler) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            int number = 0;
            for (BlockRef ref : blocks) {
                ByteBuffer header = ByteBuffer.allocate(ref.headerLength());
                ByteBuffer body = ByteBuffer.allocate(ref.blobLength());
                ch.read(header, ref.offset() + 4);
                ch.read(body, ref.offset() + 4 + ref.headerLength());
                bytesRead.accept(4L + ref.headerLength() + ref.blobLength());
                Block b = decode(new Blob("OSMData", ByteString.copyFrom(body.array()), ref.offset(), ++number,
                        ref.headerLength(), ref.blobLength()));
                for (int i = 0; i < b.wayIds.size(); i++) {
                    handler.way(b.wayIds.get(i), b.wayNodes.get(i), b.wayTags.get(i), b.wayTimes.get(i));
                }
            }
        }
    }

    private void handle(Future<Block> future, OsmHandler handler, List<BlockRef> wayBlocks) throws IOException {
        Block b;
        try {
            b = future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImportFailure(name + ": reading was interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ImportFailure f) {
                throw f;
            }
            throw new ImportFailure(name + ": cannot be decoded (" + e.getCause() + ")", e.getCause());
        }
        for (int i = 0; i < b.nodeCount; i++) {
            handler.node(b.nodeIds[i], b.nodeLon7[i], b.nodeLat7[i],
                    b.nodeTags[i] == null ? Tags.EMPTY : b.nodeTags[i], b.nodeTimes[i]);
        }
        if (!b.wayIds.isEmpty()) {
            wayBlocks.add(b.ref);
        }
        for (int i = 0; i < b.wayIds.size(); i++) {
            handler.way(b.wayIds.get(i), b.wayNodes.get(i), b.wayTags.get(i), b.wayTimes.get(i));
        }
        for (Relation r : b.relations) {
            handler.relation(r.id, r.memberIds, r.memberTypes, r.roles, r.tags, r.timestamp);
        }
    }

    private record Blob(String type, ByteString data, long offset, int number, int headerLength, int blobLength) {
        long length() {
            return 4L + headerLength + blobLength;
        }
    }

    /** The next blob, or null at a clean end of file. */
    private Blob nextBlob(DataInputStream in, long offset, int number) throws IOException {
        int headerLength;
        try {
            headerLength = in.readInt();
        } catch (EOFException e) {
            return null;
        }
        if (headerLength <= 0 || headerLength > MAX_HEADER) {
            throw new ImportFailure(name + ": corrupt or not an OSM PBF file (block " + number + " at byte " + offset
                    + " declares a header of " + headerLength + " bytes)");
        }
        byte[] header = readFully(in, headerLength, offset, number);
        Fileformat.BlobHeader h;
        try {
            h = Fileformat.BlobHeader.parseFrom(header);
        } catch (InvalidProtocolBufferException e) {
            throw new ImportFailure(name + ": corrupt (the header of block " + number + " at byte " + offset
                    + " cannot be decoded)");
        }
        if (h.getDatasize() <= 0 || h.getDatasize() > MAX_BLOB) {
            throw new ImportFailure(name + ": corrupt (block " + number + " at byte " + offset + " declares "
                    + h.getDatasize() + " bytes)");
        }
        byte[] data = readFully(in, h.getDatasize(), offset, number);
        return new Blob(h.getType(), ByteString.copyFrom(data), offset, number, headerLength, h.getDatasize());
    }

    private byte[] readFully(DataInputStream in, int length, long offset, int number) throws IOException {
        byte[] buf = new byte[length];
        try {
            in.readFully(buf);
        } catch (EOFException e) {
            throw new ImportFailure(name + ": truncated (the file ends inside block " + number + ", which starts at"
                    + " byte " + offset + "): download or copy it again");
        }
        return buf;
    }

    private void checkHeader(Blob blob) {
        Osmformat.HeaderBlock header;
        try {
            header = Osmformat.HeaderBlock.parseFrom(inflate(blob));
        } catch (InvalidProtocolBufferException e) {
            throw new ImportFailure(name + ": corrupt (its header block cannot be decoded)");
        }
        for (String feature : header.getRequiredFeaturesList()) {
            if (!SUPPORTED.contains(feature)) {
                throw new ImportFailure(name + ": needs the PBF feature '" + feature + "', which is not supported"
                        + (feature.equals("HistoricalInformation") ? " (a history file: use a current extract)" : ""));
            }
        }
    }

    private ByteString inflate(Blob blob) {
        Fileformat.Blob b;
        try {
            b = Fileformat.Blob.parseFrom(blob.data());
        } catch (InvalidProtocolBufferException e) {
            throw corrupt(blob, "its data cannot be decoded");
        }
        if (b.hasRaw()) {
            return b.getRaw();
        }
        if (b.hasZlibData()) {
            var inflater = new Inflater();
            try {
                inflater.setInput(b.getZlibData().toByteArray());
                byte[] out = new byte[b.getRawSize()];
                int n = 0;
                while (n < out.length && !inflater.finished()) {
                    int got = inflater.inflate(out, n, out.length - n);
                    if (got == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                        break;
                    }
                    n += got;
                }
                if (n != out.length) {
                    throw corrupt(blob, "it inflates to " + n + " bytes, not " + out.length);
                }
                return ByteString.copyFrom(out);
            } catch (DataFormatException e) {
                throw corrupt(blob, "its compressed data is damaged (" + e.getMessage() + ")");
            } finally {
                inflater.end();
            }
        }
        throw corrupt(blob, "it uses a compression other than zlib (" + b.getDataCase() + "), which is not supported");
    }

    private ImportFailure corrupt(Blob blob, String why) {
        return new ImportFailure(name + ": corrupt (block " + blob.number() + " at byte " + blob.offset() + ": "
                + why + ")");
    }

    private Block decode(Blob blob) {
        Osmformat.PrimitiveBlock pb;
        try {
            pb = Osmformat.PrimitiveBlock.parseFrom(inflate(blob));
        } catch (InvalidProtocolBufferException e) {
            throw corrupt(blob, "it cannot be decoded");
        }
        return new Block(pb, new BlockRef(blob.offset(), blob.headerLength(), blob.blobLength()));
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        return r -> {
            Thread t = new Thread(r, "pbf-decoder");
            t.setDaemon(true);
            return t;
        };
    }

    private record Relation(long id, long[] memberIds, char[] memberTypes, String[] roles, Tags tags, long timestamp) {
    }

    /** A decoded block in plain arrays. */
    private static final class Block {
        final BlockRef ref;
        int nodeCount;
        long[] nodeIds = new long[0];
        int[] nodeLon7 = new int[0];
        int[] nodeLat7 = new int[0];
        Tags[] nodeTags = new Tags[0];
        long[] nodeTimes = new long[0];
        final List<Long> wayIds = new ArrayList<>();
        final List<long[]> wayNodes = new ArrayList<>();
        final List<Tags> wayTags = new ArrayList<>();
        final List<Long> wayTimes = new ArrayList<>();
        final List<Relation> relations = new ArrayList<>();

        Block(Osmformat.PrimitiveBlock pb, BlockRef ref) {
            this.ref = ref;
            var table = pb.getStringtable();
            String[] strings = new String[table.getSCount()];
            for (int i = 0; i < strings.length; i++) {
                strings[i] = table.getS(i).toString(StandardCharsets.UTF_8);
            }
            long granularity = pb.getGranularity();
            long latOffset = pb.getLatOffset();
            long lonOffset = pb.getLonOffset();
            long dateGranularity = pb.getDateGranularity();
            for (Osmformat.PrimitiveGroup g : pb.getPrimitivegroupList()) {
                if (g.hasDense()) {
                    dense(g.getDense(), strings, granularity, latOffset, lonOffset, dateGranularity);
                }
                if (g.getNodesCount() > 0) {
                    nodes(g.getNodesList(), strings, granularity, latOffset, lonOffset, dateGranularity);
                }
                for (Osmformat.Way w : g.getWaysList()) {
                    long[] refs = new long[w.getRefsCount()];
                    long id = 0;
                    for (int i = 0; i < refs.length; i++) {
                        id += w.getRefs(i);
                        refs[i] = id;
                    }
                    wayIds.add(w.getId());
                    wayNodes.add(refs);
                    wayTags.add(tags(w.getKeysList(), w.getValsList(), strings));
                    wayTimes.add(w.hasInfo() ? w.getInfo().getTimestamp() * dateGranularity : 0L);
                }
                for (Osmformat.Relation r : g.getRelationsList()) {
                    int n = r.getMemidsCount();
                    long[] ids = new long[n];
                    char[] types = new char[n];
                    String[] roles = new String[n];
                    long id = 0;
                    for (int i = 0; i < n; i++) {
                        id += r.getMemids(i);
                        ids[i] = id;
                        types[i] = switch (r.getTypes(i)) {
                            case NODE -> 'n';
                            case WAY -> 'w';
                            default -> 'r';
                        };
                        roles[i] = strings[r.getRolesSid(i)];
                    }
                    relations.add(new Relation(r.getId(), ids, types, roles,
                            tags(r.getKeysList(), r.getValsList(), strings),
                            r.hasInfo() ? r.getInfo().getTimestamp() * dateGranularity : 0L));
                }
            }
        }

        private void dense(Osmformat.DenseNodes d, String[] strings, long granularity, long latOffset,
                           long lonOffset, long dateGranularity) {
            int n = d.getIdCount();
            grow(n);
            boolean hasTimes = d.hasDenseinfo() && d.getDenseinfo().getTimestampCount() == n;
            long id = 0;
            long lat = 0;
            long lon = 0;
            long time = 0;
            int kv = 0;
            int kvCount = d.getKeysValsCount();
            for (int i = 0; i < n; i++) {
                id += d.getId(i);
                lat += d.getLat(i);
                lon += d.getLon(i);
                int at = nodeCount++;
                nodeIds[at] = id;
                nodeLat7[at] = (int) ((latOffset + granularity * lat) / 100);
                nodeLon7[at] = (int) ((lonOffset + granularity * lon) / 100);
                if (hasTimes) {
                    time += d.getDenseinfo().getTimestamp(i);
                    nodeTimes[at] = time * dateGranularity;
                }
                if (kv < kvCount) {
                    int start = kv;
                    while (kv < kvCount && d.getKeysVals(kv) != 0) {
                        kv += 2;
                    }
                    if (kv > start) {
                        String[] pairs = new String[kv - start];
                        for (int j = start; j < kv; j++) {
                            pairs[j - start] = strings[d.getKeysVals(j)];
                        }
                        nodeTags[at] = new Tags(pairs);
                    }
                    kv++;   // the 0 that ends this node's tags
                }
            }
        }

        private void nodes(List<Osmformat.Node> list, String[] strings, long granularity, long latOffset,
                           long lonOffset, long dateGranularity) {
            grow(list.size());
            for (Osmformat.Node node : list) {
                int at = nodeCount++;
                nodeIds[at] = node.getId();
                nodeLat7[at] = (int) ((latOffset + granularity * node.getLat()) / 100);
                nodeLon7[at] = (int) ((lonOffset + granularity * node.getLon()) / 100);
                nodeTimes[at] = node.hasInfo() ? node.getInfo().getTimestamp() * dateGranularity : 0;
                Tags t = tags(node.getKeysList(), node.getValsList(), strings);
                nodeTags[at] = t.isEmpty() ? null : t;
            }
        }

        private void grow(int more) {
            int size = nodeCount + more;
            if (size > nodeIds.length) {
                nodeIds = java.util.Arrays.copyOf(nodeIds, size);
                nodeLon7 = java.util.Arrays.copyOf(nodeLon7, size);
                nodeLat7 = java.util.Arrays.copyOf(nodeLat7, size);
                nodeTags = java.util.Arrays.copyOf(nodeTags, size);
                nodeTimes = java.util.Arrays.copyOf(nodeTimes, size);
            }
        }

        private static Tags tags(List<Integer> keys, List<Integer> values, String[] strings) {
            if (keys.isEmpty()) {
                return Tags.EMPTY;
            }
            String[] pairs = new String[keys.size() * 2];
            for (int i = 0; i < keys.size(); i++) {
                pairs[2 * i] = strings[keys.get(i)];
                pairs[2 * i + 1] = strings[values.get(i)];
            }
            return new Tags(pairs);
        }
    }
}
