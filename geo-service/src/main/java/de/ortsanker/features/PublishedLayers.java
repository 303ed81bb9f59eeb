package de.ortsanker.features;

import static de.ortsanker.features.FeatureProperty.queryable;
import static de.ortsanker.features.FeatureProperty.shown;

import de.ortsanker.features.FeatureProperty.Type;
import de.ortsanker.vocabulary.Group;
import de.ortsanker.vocabulary.Kind;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The layers Ortsanker publishes as OGC API collections: one per kind group of places (places to meet,
 * clubs, rooms, mobility, vacant buildings, supply), villages and towns, municipalities and districts.
 * Only public rows: not retired, not hidden, not expired; contact details only where marked public.
 */
@Configuration
public class PublishedLayers {

    /** Everything a citizen or a portal needs to know about a place, and nothing private. */
    static final List<FeatureProperty> PLACE_PROPERTIES = List.of(
            queryable("name", "p.name", Type.STRING, "Name"),
            queryable("kind", "p.kind", Type.STRING, "Kind of place (code of the vocabulary, e.g. village_hall)"),
            shown("kind_label", "k.label_de", Type.STRING, "Kind of place, in German"),
            shown("description", "p.description", Type.STRING, "Description"),
            shown("street", "p.addr_street", Type.STRING, "Street"),
            shown("housenumber", "p.addr_housenumber", Type.STRING, "House number"),
            queryable("postcode", "p.addr_postcode", Type.STRING, "Postcode"),
            queryable("city", "p.addr_city", Type.STRING, "Town or village of the address"),
            queryable("opening_hours", "p.opening_hours", Type.STRING, "Opening hours (OpenStreetMap opening_hours syntax)"),
            queryable("wheelchair", "p.wheelchair", Type.STRING, "Step-free access: yes, limited or no"),
            queryable("free_entry", "p.free_entry", Type.BOOLEAN, "Free entry and no obligation to buy anything"),
            queryable("operator", "p.operator", Type.STRING, "Operator"),
            queryable("operator_type", "p.operator_type", Type.STRING,
                    "municipality, county, club, church, private, cooperative, public_transport or other"),
            shown("contact_role", "case when p.contact_is_public then p.contact_role end", Type.STRING,
                    "Who to contact (a role, not a person); only where published"),
            shown("contact_phone", "case when p.contact_is_public then p.contact_phone end", Type.STRING,
                    "Contact phone; only where published"),
            shown("contact_email", "case when p.contact_is_public then p.contact_email end", Type.STRING,
                    "Contact e-mail; only where published"),
            shown("website", "p.website", Type.STRING, "Website"),
            queryable("capacity", "p.capacity", Type.INTEGER, "How many people fit"),
            queryable("equipment", "p.equipment", Type.STRING_ARRAY, "Equipment, e.g. projector, kitchen, wifi"),
            shown("booking_url", "p.booking_url", Type.STRING, "Where to book"),
            queryable("target_groups", "p.target_groups", Type.STRING_ARRAY, "Who it is for"),
            queryable("valid_from", "p.valid_from", Type.DATE, "First day of a temporary offer"),
            queryable("valid_to", "p.valid_to", Type.DATE, "Last day of a temporary offer"),
            shown("details", "nullif(p.details, '{}'::jsonb)", Type.OBJECT, "Details that depend on the kind"),
            queryable("source_id", "p.source_id", Type.STRING, "Identifier in the source"),
            shown("source_url", "p.source_url", Type.STRING, "Where the record comes from"),
            queryable("last_verified", "p.last_verified", Type.DATE, "When the record was last checked"),
            queryable("updated_at", "p.updated_at", Type.TIMESTAMP, "When the record last changed here"));

    @Bean
    CollectionDefinition thirdPlaces() {
        return places(Group.THIRD_PLACE, "third_places", "Treffpunkte",
                "Places to meet that are neither home nor work: village halls, community centres, libraries, youth"
                        + " clubs, parish halls, pubs and cafés, makerspaces, digital help points, mobile offers.", 10);
    }

    @Bean
    CollectionDefinition clubs() {
        return places(Group.CLUB, "clubs", "Vereine & Engagement",
                "Clubs, initiatives and volunteering opportunities.", 20);
    }

    @Bean
    CollectionDefinition meetingRooms() {
        return places(Group.MEETING_ROOM, "meeting_rooms", "Räume",
                "Rooms to book: capacity, equipment, step-free access, booking contact and price.", 30);
    }

    @Bean
    CollectionDefinition mobility() {
        return places(Group.MOBILITY, "mobility", "Mitfahrbänke & Mobilität",
                "Getting around without a car: ride-sharing benches (Mitfahrbänke), car-pool parking, mobility"
                        + " stations, car sharing, bike rental, charging stations, bus and train stops, on-demand zones.", 40);
    }

    @Bean
    CollectionDefinition vacantBuildings() {
        return places(Group.VACANT, "vacant_buildings", "Leerstand",
                "Vacant buildings that could become a place to meet: size, owner type, availability, suitability.", 50);
    }

    @Bean
    CollectionDefinition supply() {
        return places(Group.SUPPLY, "supply", "Versorgung",
                "Village shops, 24/7 shops, care and health sites.", 60);
    }

    private static CollectionDefinition places(Group group, String id, String title, String description, int order) {
        return CollectionDefinition.builder(id)
                .title(title)
                .description(description)
                .from("places p join kinds k on k.code = p.kind")
                .where(kindsOf(group) + " and p.retired_at is null and p.is_public"
                        + " and (p.valid_to is null or p.valid_to >= current_date)")
                .id("p.id")
                .geometry("p.geom", "p.geog")
                .temporal("p.valid_from", "p.valid_to", Type.DATE)
                .properties(PLACE_PROPERTIES)
                .provenance("p.source", "p.licence", "p.attribution")
                .layers(group.code())
                .order(order)
                .build();
    }

    /**
     * The group's kinds by name ({@code p.kind in ('cafe', 'pub', …)}), not {@code k.group_code = …} through
     * the join: PostgreSQL then estimates from the statistics of {@code places.kind} how many rows match,
     * and does not narrow a small bbox by intersecting the spatial index with the kind index kind by kind
     * (23 ms instead of 1 ms for a town's places to meet). The enum and the kinds table are kept equal by
     * a test; the data-version triggers bump the same group.
     */
    static String kindsOf(Group group) {
        return Kind.inGroup(group).stream().map(k -> "'" + k.code() + "'")
                .collect(Collectors.joining(", ", "p.kind in (", ")"));
    }

    @Bean
    CollectionDefinition villages() {
        return CollectionDefinition.builder("villages")
                .title("Orte")
                .description("Villages, hamlets and towns, with their population where known.")
                .from("localities l")
                .where("l.retired_at is null")
                .id("l.id")
                .geometry("l.geom", "l.geog")
                .properties(List.of(
                        queryable("name", "l.name", Type.STRING, "Name"),
                        queryable("kind", "l.kind", Type.STRING,
                                "city, town, village, hamlet, isolated_dwelling, suburb, quarter or locality"),
                        queryable("population", "l.population", Type.INTEGER, "Inhabitants, where known"),
                        shown("population_source", "l.population_source", Type.STRING, "Where the population figure comes from"),
                        shown("population_date", "l.population_date", Type.DATE, "Reference date of the population figure"),
                        queryable("ags", "l.ags", Type.STRING, "Key (AGS) of the municipality it lies in"),
                        queryable("source_id", "l.source_id", Type.STRING, "Identifier in the source"),
                        queryable("last_verified", "l.last_verified", Type.DATE, "When the record was last checked")))
                .provenance("l.source", "l.licence", "l.attribution")
                .layers("localities")
                .order(70)
                .build();
    }

    @Bean
    CollectionDefinition municipalities() {
        return adminAreas("municipalities", "Gemeinden", "gemeinde",
                "Municipalities (Gemeinden) with their official key (AGS, 8 digits).", 80);
    }

    @Bean
    CollectionDefinition districts() {
        return adminAreas("districts", "Landkreise", "kreis",
                "Districts (Landkreise and kreisfreie Städte) with their official key (AGS, 5 digits).", 90);
    }

    private static CollectionDefinition adminAreas(String id, String title, String level, String description, int order) {
        return CollectionDefinition.builder(id)
                .title(title)
                .description(description)
                .from("admin_areas a")
                .where("a.level = '" + level + "' and a.retired_at is null")
                .id("a.id")
                .geometry("a.geom", null)
                .properties(List.of(
                        queryable("name", "a.name", Type.STRING, "Name"),
                        queryable("designation", "a.designation", Type.STRING, "Stadt, Markt, Gemeinde, Landkreis …"),
                        queryable("ags", "a.ags", Type.STRING, "Official key (Amtlicher Gemeindeschlüssel)"),
                        queryable("ars", "a.ars", Type.STRING, "Regional key (Regionalschlüssel)"),
                        queryable("population", "a.population", Type.INTEGER, "Inhabitants, where known"),
                        queryable("source_id", "a.source_id", Type.STRING, "Identifier in the source")))
                .provenance("a.source", "a.licence", "a.attribution")
                .layers("admin_areas")
                .order(order)
                .build();
    }
}
