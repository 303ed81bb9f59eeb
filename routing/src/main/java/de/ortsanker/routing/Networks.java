package de.ortsanker.routing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The networks the service answers from. Graphs are built in the background, one extract after the
 * other; until a build is done the previous graphs (or none) answer, and a finished build replaces them
 * in one step. A graph is stored under the cache directory in a folder named after its extract's name,
 * size and modification time, so an unchanged extract is loaded, not rebuilt, and a changed one
 * ({@link #refresh}) gets a graph of its own while the old one keeps answering.
 */
public final class Networks implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Networks.class);

    private final RoutingSettings settings;
    private final AtomicReference<List<Network>> current = new AtomicReference<>(List.of());
    private final AtomicReference<String> state = new AtomicReference<>("not built");
    private final ExecutorService builder = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "routing-graph-builder");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });
    private volatile List<String> builtKeys = List.of();

    public Networks(RoutingSettings settings) {
        this.settings = settings;
    }

    /** Starts a build of every extract whose file changed since the last build; returns at once. */
    public Future<?> refresh() {
        return builder.submit(this::rebuildIfChanged);
    }

    /** The networks to answer from now (empty until the first build is done, or when no extract is configured). */
    public List<Network> current() {
        return current.get();
    }

    /**
     * Which graphs answer now, as a short token for ETags: it changes with every build that replaces them
     * (an extract's name, size or modification time changed), so an answer computed on the old graphs is
     * not served as current. The same after a restart that loads unchanged graphs. {@code none} before the
     * first build.
     */
    public String version() {
        List<String> keys = builtKeys;
        return keys.isEmpty() ? "none" : Integer.toHexString(keys.hashCode());
    }

    /** The network whose extract covers the point, if any. */
    public Optional<Network> covering(double lon, double lat) {
        return current.get().stream().filter(n -> n.covers(lon, lat)).findFirst();
    }

    /** Whether walking and cycling can be answered at all; with a reason for a problem document when not. */
    public String missing() {
        if (settings.extracts().isEmpty()) {
            return "no OpenStreetMap extract is configured for walking and cycling networks"
                    + " (ortsanker.routing.extracts)";
        }
        String now = state.get();
        if (current.get().isEmpty() && now.startsWith("the last build failed")) {
            return "the walking and cycling network could not be built from "
                    + settings.extracts().stream().map(p -> p.getFileName().toString()).toList() + " (" + now + ")";
        }
        if (current.get().isEmpty()) {
            return "the walking and cycling network is still being built from "
                    + settings.extracts().stream().map(p -> p.getFileName().toString()).toList()
                    + " (" + now + "); ask again in a minute";
        }
        return null;
    }

    /**
     * Whether the first networks are still being built (extracts configured, none answering yet, no failed
     * build): a client should ask again shortly, rather than hear that walking and cycling are unavailable.
     */
    public boolean building() {
        return !settings.extracts().isEmpty() && current.get().isEmpty() && !state.get().startsWith("the last build failed");
    }

    private void rebuildIfChanged() {
        List<String> keys;
        try {
            keys = settings.extracts().stream().map(Networks::key).toList();
        } catch (UncheckedIOException e) {
            state.set("the last build failed: " + e.getMessage());
            log.error("routing: {}; answering from the previous networks", e.getMessage());
            return;
        }
        if (keys.equals(builtKeys)) {
            return;
        }
        List<Network> built = new ArrayList<>();
        try {
            for (int i = 0; i < keys.size(); i++) {
                Path extract = settings.extracts().get(i);
                state.set("building " + extract.getFileName());
                long start = System.nanoTime();
                Network n = Network.build(extract, settings.cacheDir().resolve(keys.get(i)), settings.maxSnapM());
                log.info("routing: {} ready in {} ms", n.describe(), (System.nanoTime() - start) / 1_000_000);
                built.add(n);
            }
        } catch (RuntimeException e) {
            // The previous networks keep answering; the failed build's graphs are let go.
            built.forEach(Network::close);
            state.set("the last build failed: " + e.getMessage());
            log.error("routing: building the networks failed; answering from the previous ones", e);
            return;
        }
        // The keys first: an answer computed on the new graphs never carries the old version (at worst, for a
        // moment, an answer on the old graphs carries the new one and is recomputed once more).
        builtKeys = keys;
        List<Network> old = current.getAndSet(List.copyOf(built));
        state.set("built");
        // Searches that already hold the old graphs finish on them; GraphHopper's memory is freed by GC.
        old.stream().filter(n -> !built.contains(n)).forEach(n -> log.info("routing: replaced {}", n.describe()));
    }

    /** The graph's folder: the extract's name, size and modification time. */
    static String key(Path extract) {
        try {
            return extract.getFileName().toString().replaceAll("[^A-Za-z0-9.-]", "_") + "-" + Files.size(extract)
                    + "-" + Files.getLastModifiedTime(extract).toMillis();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the OSM extract " + extract, e);
        }
    }

    @Override
    public void close() {
        builder.shutdownNow();
        current.getAndSet(List.of()).forEach(Network::close);
    }
}
