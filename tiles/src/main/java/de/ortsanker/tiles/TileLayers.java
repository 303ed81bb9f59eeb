package de.ortsanker.tiles;

import de.ortsanker.catalogue.Catalogue;
import de.ortsanker.catalogue.Layer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tilesets: one per catalogue layer in the tiles (municipalities, villages, one per kind group), and
 * the combined tileset {@link #COMBINED} holding all of them in drawing order (areas below points). The
 * ids the tiles used before the catalogue gave every layer one id are understood for one release.
 */
public final class TileLayers {

    /** The id of the tileset that combines every layer. */
    public static final String COMBINED = "all";

    private static final List<TileLayer> LAYERS = Catalogue.tiles().stream().map(TileLayer::of).toList();
    /** Each tileset's layers, one list per tileset for the life of the service. */
    private static final Map<String, List<TileLayer>> TILESETS = tilesets();

    private TileLayers() {
    }

    /** A tileset as a request named it: its id (old names resolved) and layers. */
    public record Tileset(String id, List<TileLayer> layers, boolean deprecatedName) {
    }

    private static Map<String, List<TileLayer>> tilesets() {
        var tilesets = new HashMap<String, List<TileLayer>>();
        tilesets.put(COMBINED, LAYERS);
        LAYERS.forEach(l -> tilesets.put(l.id(), List.of(l)));
        return Map.copyOf(tilesets);
    }

    /** Every layer, in drawing order. */
    public static List<TileLayer> all() {
        return LAYERS;
    }

    /** The tile layer of a catalogue layer id, or of an id it had before. */
    public static Optional<TileLayer> byId(String id) {
        return Catalogue.resolve(id).map(n -> TILESETS.get(n.layer().id())).filter(l -> l != null).map(l -> l.get(0));
    }

    /** The tileset a path names: {@link #COMBINED}, a layer id, or a layer's old id (deprecated). */
    public static Optional<Tileset> forTile(String id) {
        if (id == null) {
            return Optional.empty();
        }
        List<TileLayer> layers = TILESETS.get(id);
        if (layers != null) {
            return Optional.of(new Tileset(id, layers, false));
        }
        return Catalogue.resolve(id).filter(Catalogue.Named::deprecated).map(Catalogue.Named::layer).map(Layer::id)
                .filter(TILESETS::containsKey).map(current -> new Tileset(current, TILESETS.get(current), true));
    }

    /** Every tileset id, for messages. */
    static String ids() {
        return COMBINED + ", " + String.join(", ", LAYERS.stream().map(TileLayer::id).toList());
    }
}
