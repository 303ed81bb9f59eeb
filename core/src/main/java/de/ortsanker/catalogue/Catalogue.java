package de.ortsanker.catalogue;

import static de.ortsanker.catalogue.Text.of;

import de.ortsanker.catalogue.Layer.MapStyle;
import de.ortsanker.vocabulary.Group;
import de.ortsanker.vocabulary.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every layer Ortsanker publishes, once. The places API, the OGC API collections and their OpenAPI
 * description, the vector tile layers, TileJSON, the map style, the web map's layer list and the planning
 * targets are all made from this list: a new layer or field is one change here.
 *
 * <pre>
 * Catalogue.byId("clubs")           // the layer, or empty
 * Catalogue.resolve("club")         // also an id the tiles used before (deprecated)
 * Catalogue.layerOf(Group.MOBILITY) // the layer of a kind group
 * </pre>
 */
public final class Catalogue {

    /** Highest zoom vector tiles are made for; clients overzoom beyond it. */
    public static final int MAX_ZOOM = 16;

    private static final List<Layer> LAYERS = List.of(
            places(Group.THIRD_PLACE, of("Treffpunkte", "Places to meet"), of(
                    "Orte zum Treffen, die weder Zuhause noch Arbeit sind: Dorfgemeinschaftshäuser, Bürgerhäuser,"
                            + " Bibliotheken, Jugendclubs, Gemeindehäuser, Gaststätten und Cafés, offene Werkstätten,"
                            + " digitale Hilfe, mobile Angebote.",
                    "Places to meet that are neither home nor work: village halls, community centres, libraries, youth"
                            + " clubs, parish halls, pubs and cafés, makerspaces, digital help points, mobile offers."),
                    "#a3195b", "third_place"),
            places(Group.CLUB, of("Vereine & Engagement", "Clubs & volunteering"), of(
                    "Vereine, Initiativen und Gelegenheiten, sich zu engagieren.",
                    "Clubs, initiatives and volunteering opportunities."), "#1f5fa8", "club"),
            places(Group.MEETING_ROOM, of("Räume", "Meeting rooms"), of(
                    "Räume zum Mieten: Plätze, Ausstattung, Zugang ohne Stufen, Buchung und Preis.",
                    "Rooms to book: capacity, equipment, step-free access, booking contact and price."),
                    "#6a3d9a", "meeting_room"),
            places(Group.MOBILITY, of("Mitfahrbänke & Mobilität", "Ride benches & mobility"), of(
                    "Unterwegs ohne Auto: Mitfahrbänke, Mitfahrparkplätze, Mobilitätsstationen, Carsharing,"
                            + " Fahrradverleih, Ladestationen, Bus- und Bahnhalte, Rufbus-Gebiete.",
                    "Getting around without a car: ride-sharing benches (Mitfahrbänke), car-pool parking, mobility"
                            + " stations, car sharing, bike rental, charging stations, bus and train stops, on-demand zones."),
                    "#00704a"),
            places(Group.VACANT, of("Leerstand", "Vacant buildings"), of(
                    "Leer stehende Gebäude, die ein Treffpunkt werden könnten: Größe, Eigentümer, Verfügbarkeit, Eignung.",
                    "Vacant buildings that could become a place to meet: size, owner type, availability, suitability."),
                    "#75560a", "vacant"),
            places(Group.SUPPLY, of("Versorgung", "Shops & health"), of(
                    "Dorfläden, 24/7-Läden, Gesundheit und Pflege.",
                    "Village shops, 24/7 shops, care and health sites."), "#a33a00"),
            new Layer("villages", of("Orte", "Villages"), of(
                    "Dörfer, Weiler und Städte, mit Einwohnerzahl, wo bekannt.",
                    "Villages, hamlets and towns, with their population where known."),
                    Source.VILLAGES, null, Layer.Geometry.POINT, Fields.VILLAGES, "localities", List.of(),
                    new MapStyle("#4a4a4a", 0, true)),
            new Layer("municipalities", of("Gemeinden", "Municipalities"), of(
                    "Gemeinden mit ihrem Amtlichen Gemeindeschlüssel (AGS, 8 Ziffern).",
                    "Municipalities (Gemeinden) with their official key (AGS, 8 digits)."),
                    Source.MUNICIPALITIES, null, Layer.Geometry.POLYGON, Fields.ADMIN_AREAS, "admin_areas", List.of(),
                    new MapStyle("#4a4a4a", 8, false)),
            new Layer("districts", of("Landkreise", "Districts"), of(
                    "Landkreise und kreisfreie Städte mit ihrem Schlüssel (AGS, 5 Ziffern).",
                    "Districts (Landkreise and kreisfreie Städte) with their official key (AGS, 5 digits)."),
                    Source.DISTRICTS, null, Layer.Geometry.POLYGON, Fields.ADMIN_AREAS, "admin_areas", List.of(), null));

    private Catalogue() {
    }

    private static Layer places(Group group, Text title, Text description, String colour, String... aliases) {
        return new Layer(group.code(), title, description, Source.PLACES, group,
                Layer.Geometry.of(Kind.inGroup(group)), Fields.places(group), group.code(), List.of(aliases),
                new MapStyle(colour, 0, true));
    }

    /** Every layer, in the order a portal lists them. */
    public static List<Layer> all() {
        return LAYERS;
    }

    /** The layers of places, one per kind group. */
    public static List<Layer> places() {
        return LAYERS.stream().filter(Layer::isPlaces).toList();
    }

    /** The layers in the vector tiles, in drawing order: areas below villages below places. */
    public static List<Layer> tiles() {
        var drawn = new ArrayList<Layer>();
        LAYERS.stream().filter(l -> l.inTiles() && !l.map().clusters()).forEach(drawn::add);
        LAYERS.stream().filter(l -> l.inTiles() && l.map().clusters() && !l.isPlaces()).forEach(drawn::add);
        LAYERS.stream().filter(l -> l.inTiles() && l.isPlaces()).forEach(drawn::add);
        return List.copyOf(drawn);
    }

    /** The layer with this id (not an alias). */
    public static Optional<Layer> byId(String id) {
        return LAYERS.stream().filter(l -> l.id().equals(id)).findFirst();
    }

    /** A layer named by its id, or by an id it had before (then {@link Named#deprecated()} says so). */
    public record Named(Layer layer, boolean deprecated) {
    }

    public static Optional<Named> resolve(String idOrAlias) {
        for (Layer l : LAYERS) {
            if (l.id().equals(idOrAlias)) {
                return Optional.of(new Named(l, false));
            }
        }
        return LAYERS.stream().filter(l -> l.aliases().contains(idOrAlias)).findFirst().map(l -> new Named(l, true));
    }

    /** The layer of a kind group's places. */
    public static Layer layerOf(Group group) {
        return byId(group.code()).orElseThrow();
    }

    /** The layer holding a kind. */
    public static Layer layerOf(Kind kind) {
        return layerOf(kind.group());
    }
}
