package de.ortsanker.tiles;

import de.ortsanker.tiles.TileLayer.Field;
import de.ortsanker.tiles.TileLayer.Source;
import de.ortsanker.vocabulary.Group;
import de.ortsanker.vocabulary.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The layers the tiles offer, in drawing order (areas below points): municipalities, villages, then one
 * layer per kind group. The combined tile ({@link #COMBINED}) holds all of them.
 */
public final class TileLayers {

    /** The id of the tile that combines every public layer. */
    public static final String COMBINED = "all";

    /** Highest zoom tiles are made for; clients overzoom beyond it. */
    public static final int MAX_ZOOM = 16;

    // Cluster aggregates: a value shared by all rows of the cell, or the single row's value.
    private static final String SINGLE = "case when count(*) = 1 then min(%s) end";
    private static final String SHARED = "case when min(%1$s) = max(%1$s) then min(%1$s) end";

    private static final Field LICENCE = new Field("licence", "String: licence of the record's data (e.g. ODbL-1.0)",
            SHARED.formatted("licence"));
    private static final Field ATTRIBUTION = new Field("attribution",
            "String: attribution the record's source requires, shown in popups", SHARED.formatted("attribution"));

    private static final List<Field> PLACE_FIELDS = List.of(
            new Field("name", "String: name of the place", SINGLE.formatted("name")),
            new Field("kind", "String: kind code (see /api), on a cluster only when all its places share it",
                    SHARED.formatted("kind")),
            new Field("wheelchair", "String: step-free access: yes, limited or no", SINGLE.formatted("wheelchair")),
            new Field("free_entry", "Boolean: free entry, no obligation to buy",
                    "case when count(*) = 1 then bool_and(free_entry) end"),
            LICENCE, ATTRIBUTION);

    private static final List<TileLayer> LAYERS = build();
    /** Each tileset's layers, one list per tileset for the life of the service. */
    private static final Map<String, List<TileLayer>> TILESETS = tilesets();

    private TileLayers() {
    }

    private static List<TileLayer> build() {
        var layers = new ArrayList<TileLayer>();
        layers.add(new TileLayer("municipalities", "Gemeinden", "Municipalities (Gemeinden) with their official key (AGS)",
                Source.MUNICIPALITIES, List.of(), 8, MAX_ZOOM, false, List.of(
                        new Field("name", "String: name of the municipality", null),
                        new Field("ags", "String: official municipality key (Amtlicher Gemeindeschlüssel, 8 digits)", null),
                        new Field("designation", "String: Stadt, Markt, Gemeinde …", null),
                        new Field("population", "Number: inhabitants, where known", null),
                        LICENCE, ATTRIBUTION)));
        layers.add(new TileLayer("villages", "Orte", "Villages, hamlets and towns", Source.VILLAGES, List.of(),
                0, MAX_ZOOM, true, List.of(
                        new Field("name", "String: name of the village", SINGLE.formatted("name")),
                        new Field("kind", "String: city, town, village, hamlet, isolated_dwelling …",
                                SHARED.formatted("kind")),
                        new Field("population", "Number: inhabitants where known; on a cluster the sum of the known",
                                "sum(population)"),
                        LICENCE, ATTRIBUTION)));
        for (Group group : Group.values()) {
            layers.add(new TileLayer(group.code(), title(group), "Public " + title(group).toLowerCase(java.util.Locale.ROOT)
                    + " (kinds: " + String.join(", ", kindCodes(group)) + ")",
                    Source.PLACES, kindCodes(group), 0, MAX_ZOOM, true, PLACE_FIELDS));
        }
        return List.copyOf(layers);
    }

    private static Map<String, List<TileLayer>> tilesets() {
        var tilesets = new HashMap<String, List<TileLayer>>();
        tilesets.put(COMBINED, LAYERS);
        LAYERS.forEach(l -> tilesets.put(l.id(), List.of(l)));
        return Map.copyOf(tilesets);
    }

    private static List<String> kindCodes(Group group) {
        return Kind.inGroup(group).stream().map(Kind::code).toList();
    }

    private static String title(Group group) {
        return switch (group) {
            case THIRD_PLACE -> "Places to meet";
            case CLUB -> "Clubs and volunteering";
            case MEETING_ROOM -> "Meeting rooms";
            case MOBILITY -> "Ride-sharing benches and mobility";
            case VACANT -> "Vacant buildings";
            case SUPPLY -> "Shops and health";
        };
    }

    /** Every layer, in drawing order. */
    public static List<TileLayer> all() {
        return LAYERS;
    }

    public static Optional<TileLayer> byId(String id) {
        return LAYERS.stream().filter(l -> l.id().equals(id)).findFirst();
    }

    /** The layers a tile id stands for: one layer, or all of them for {@link #COMBINED}. */
    public static Optional<List<TileLayer>> forTile(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(TILESETS.get(id));
    }

    /** The layer holding a kind. */
    public static TileLayer ofKind(Kind kind) {
        return byId(kind.group().code()).orElseThrow();
    }
}
