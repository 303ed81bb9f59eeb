package de.ortsanker.imports.gtfs;

import de.ortsanker.imports.ImportFailure;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The files of a GTFS feed: a zip archive or an unpacked folder. A zip is opened with limits, because a
 * feed arrives from outside: at most {@link #MAX_ENTRIES} entries, {@link #MAX_TOTAL_BYTES} unpacked in all,
 * and no entry that unpacks to more than {@link #MAX_RATIO} times its packed size once it is past
 * {@link #RATIO_FROM_BYTES} (a zip bomb); the limits are counted on the bytes actually inflated, not on the sizes
 * the archive claims. Entry names that climb out of the archive ({@code ../}, absolute paths) refuse the feed.
 * Files inside a single top-level folder of the archive are found there too (a common way to zip a folder).
 */
public final class FeedFiles implements AutoCloseable {

    static final int MAX_ENTRIES = 1_000;
    static final long MAX_TOTAL_BYTES = 8L << 30;
    static final long MAX_RATIO = 200;
    static final long RATIO_FROM_BYTES = 16L << 20;

    private final Path path;
    private final ZipFile zip;
    private final Map<String, ZipEntry> entries = new LinkedHashMap<>();
    private final Path folder;
    private long inflated;

    private FeedFiles(Path path, ZipFile zip, Path folder) {
        this.path = path;
        this.zip = zip;
        this.folder = folder;
    }

    /** Whether a path looks like a GTFS feed: a folder or zip holding stops.txt, trips.txt or stop_times.txt. */
    public static boolean recognises(Path path) {
        if (Files.isDirectory(path)) {
            return Files.isRegularFile(path.resolve("stop_times.txt")) || Files.isRegularFile(path.resolve("stops.txt"))
                    || Files.isRegularFile(path.resolve("trips.txt"));
        }
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".zip") || !Files.isRegularFile(path)) {
            return false;
        }
        try (ZipFile z = new ZipFile(path.toFile())) {
            Enumeration<? extends ZipEntry> e = z.entries();
            for (int i = 0; e.hasMoreElements() && i < MAX_ENTRIES; i++) {
                String n = baseName(e.nextElement().getName());
                if (n.equals("stops.txt") || n.equals("stop_times.txt") || n.equals("trips.txt")) {
                    return true;
                }
            }
            return false;
        } catch (IOException | IllegalArgumentException e) {
            // A .zip named like a feed that cannot be opened is still meant as one: report it as a broken feed.
            return name.contains("gtfs");
        }
    }

    public static FeedFiles open(Path path) throws IOException {
        String label = path.getFileName().toString();
        if (Files.isDirectory(path)) {
            return new FeedFiles(path, null, path);
        }
        ZipFile zip;
        try {
            zip = new ZipFile(path.toFile());
        } catch (ZipException | IllegalArgumentException e) {
            throw new ImportFailure(label + ": not a readable zip archive (" + e.getMessage() + ")");
        }
        var files = new FeedFiles(path, zip, null);
        try {
            files.index();
        } catch (RuntimeException e) {
            zip.close();
            throw e;
        }
        return files;
    }

    private void index() {
        String label = path.getFileName().toString();
        List<ZipEntry> all = new ArrayList<>();
        Enumeration<? extends ZipEntry> e = zip.entries();
        while (e.hasMoreElements()) {
            ZipEntry entry = e.nextElement();
            if (all.size() >= MAX_ENTRIES) {
                throw new ImportFailure(label + ": holds more than " + MAX_ENTRIES + " entries; a GTFS feed has a"
                        + " few dozen files at most. Nothing was changed");
            }
            String n = entry.getName().replace('\\', '/');
            if (n.startsWith("/") || n.matches("^[A-Za-z]:.*") || List.of(n.split("/")).contains("..")) {
                throw new ImportFailure(label + ": entry \"" + entry.getName() + "\" points outside the archive"
                        + " (path traversal); the feed is refused. Nothing was changed");
            }
            all.add(entry);
        }
        // The feed's files at the top, or in its one folder.
        String prefix = "";
        boolean top = all.stream().anyMatch(z -> !z.isDirectory() && !z.getName().contains("/")
                && z.getName().endsWith(".txt"));
        if (!top) {
            var folders = all.stream().filter(z -> !z.isDirectory() && z.getName().endsWith(".txt")
                    && z.getName().indexOf('/') == z.getName().lastIndexOf('/') && z.getName().contains("/"))
                    .map(z -> z.getName().substring(0, z.getName().indexOf('/') + 1)).distinct().toList();
            if (folders.size() == 1) {
                prefix = folders.get(0);
            }
        }
        for (ZipEntry z : all) {
            if (!z.isDirectory() && z.getName().startsWith(prefix) && z.getName().indexOf('/', prefix.length()) < 0) {
                entries.put(z.getName().substring(prefix.length()), z);
            }
        }
    }

    private static String baseName(String entry) {
        int slash = entry.lastIndexOf('/');
        return entry.substring(slash + 1);
    }

    /** The feed's file names (stops.txt …). */
    public List<String> names() throws IOException {
        if (zip != null) {
            return List.copyOf(entries.keySet());
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    public boolean has(String name) throws IOException {
        return names().contains(name);
    }

    /** The files read for the run's checksum: the zip itself, or the folder's files in name order. */
    public List<Path> checksumFiles() throws IOException {
        if (zip != null) {
            return List.of(path);
        }
        List<Path> files = new ArrayList<>();
        for (String n : names()) {
            files.add(folder.resolve(n));
        }
        return files;
    }

    /** Bytes to read, for progress: the zip's or the folder's files' size. */
    public long size() throws IOException {
        long total = 0;
        for (Path p : checksumFiles()) {
            total += Files.size(p);
        }
        return total;
    }

    /** Opens one file of the feed; in a zip, with the limits above. */
    public InputStream open(String name) throws IOException {
        if (zip == null) {
            return Files.newInputStream(folder.resolve(name));
        }
        ZipEntry entry = entries.get(name);
        if (entry == null) {
            throw new java.io.FileNotFoundException(name);
        }
        return new Limited(zip.getInputStream(entry), name, entry.getCompressedSize());
    }

    /** Counts the bytes inflated from one entry against the archive's limits. */
    private final class Limited extends FilterInputStream {
        private final String name;
        private final long packed;
        private long read;

        Limited(InputStream in, String name, long packed) {
            super(in);
            this.name = name;
            this.packed = packed;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            inflated += n;
            String label = path.getFileName() + " (" + name + ")";
            if (inflated > MAX_TOTAL_BYTES) {
                throw new ImportFailure(label + ": the archive unpacks to more than " + (MAX_TOTAL_BYTES >> 30)
                        + " GiB; refused as a possible zip bomb. Nothing was changed");
            }
            if (read > RATIO_FROM_BYTES && packed > 0 && read > packed * MAX_RATIO) {
                throw new ImportFailure(label + ": unpacks to more than " + MAX_RATIO + " times its packed size ("
                        + packed + " bytes); refused as a possible zip bomb. Nothing was changed");
            }
        }
    }

    @Override
    public void close() throws IOException {
        if (zip != null) {
            zip.close();
        }
    }
}
