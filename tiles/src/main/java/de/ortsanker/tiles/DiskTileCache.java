package de.ortsanker.tiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tiles on disk, surviving restarts: {@code DIR/tileset/state/filter/z/x/y.mvt}. The state directory
 * names the data versions (and day and tile format) the tiles were made from, so a change makes a new
 * directory; the first tile written into it removes the older ones of that tileset in the background.
 */
final class DiskTileCache {

    private static final Logger log = LoggerFactory.getLogger(DiskTileCache.class);

    private final Path root;
    private final ExecutorService cleaner = Executors.newSingleThreadExecutor(r -> {
        var t = new Thread(r, "tile-disk-cache-cleaner");
        t.setDaemon(true);
        return t;
    });

    DiskTileCache(Path root) {
        this.root = root;
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the tile cache directory " + root + ": " + e.getMessage(), e);
        }
    }

    byte[] read(TileCache.Key key) {
        try {
            return Files.readAllBytes(path(key));
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            log.warn("cannot read cached tile {}: {}", path(key), e.toString());
            return null;
        }
    }

    boolean holds(TileCache.Key key) {
        return Files.exists(path(key));
    }

    void write(TileCache.Key key, byte[] mvt) {
        Path file = path(key);
        Path stateDir = root.resolve(key.tileset()).resolve(key.state());
        try {
            boolean newState = !Files.isDirectory(stateDir);
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), "tile", ".tmp");
            Files.write(temp, mvt);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            if (newState) {
                cleaner.execute(() -> removeOtherStates(stateDir));
            }
        } catch (IOException e) {
            log.warn("cannot write cached tile {}: {}", file, e.toString()); // serving goes on without it
        }
    }

    /** Waits for the removals queued so far (tests). */
    void awaitCleanup() {
        try {
            cleaner.submit(() -> { }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path path(TileCache.Key key) {
        var a = key.address();
        return root.resolve(key.tileset()).resolve(key.state()).resolve(filterDirectory(key.filter()))
                .resolve(Integer.toString(a.z())).resolve(Integer.toString(a.x())).resolve(a.y() + ".mvt");
    }

    private static String filterDirectory(String filter) {
        if (filter.isEmpty()) {
            return "all";
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(filter.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void removeOtherStates(Path current) {
        try (Stream<Path> siblings = Files.list(current.getParent())) {
            siblings.filter(p -> !p.equals(current)).forEach(DiskTileCache::deleteTree);
        } catch (IOException e) {
            log.warn("cannot clean the tile cache next to {}: {}", current, e.toString());
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.warn("cannot remove old cached tiles {}: {}", dir, e.toString());
        }
    }
}
