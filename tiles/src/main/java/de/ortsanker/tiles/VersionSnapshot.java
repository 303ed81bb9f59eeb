package de.ortsanker.tiles;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The data versions of every layer as read at one moment, and the tile states made from them: made once
 * per list of layers (and day) rather than per request — a cached tile is answered in microseconds, and
 * building the state's text, key and ETag anew each time was a good part of that.
 */
final class VersionSnapshot {

    private final Map<String, Long> versions;
    private final Map<List<TileLayer>, Tiles.State> states = new ConcurrentHashMap<>();

    VersionSnapshot(Map<String, Long> versions) {
        this.versions = Map.copyOf(versions);
    }

    Map<String, Long> versions() {
        return versions;
    }

    /** The state of the given layers' tiles on the given day in the given format. */
    Tiles.State state(List<TileLayer> layers, LocalDate day, String format) {
        Tiles.State state = states.get(layers);
        if (state == null || !state.day().equals(day) || !state.format().equals(format)) {
            var own = new java.util.TreeMap<String, Long>();
            layers.forEach(l -> own.put(l.versionLayer(), versions.get(l.versionLayer())));
            state = new Tiles.State(token(layers), day, format, java.util.Map.copyOf(own));
            if (states.size() < 1_000) { // layer lists are tilesets or OGC collections: a few dozen at most
                states.put(layers, state);
            }
        }
        return state;
    }

    private String token(List<TileLayer> layers) {
        var token = new StringBuilder();
        layers.stream().map(TileLayer::versionLayer).distinct().sorted().forEach(layer ->
                token.append(token.isEmpty() ? "" : "-").append(layer).append('.').append(versions.get(layer)));
        return token.toString();
    }
}
