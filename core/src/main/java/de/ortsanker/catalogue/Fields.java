package de.ortsanker.catalogue;

import static de.ortsanker.catalogue.Field.queryable;
import static de.ortsanker.catalogue.Field.shown;
import static de.ortsanker.catalogue.Text.of;

import de.ortsanker.catalogue.Field.InTiles;
import de.ortsanker.vocabulary.Group;
import de.ortsanker.vocabulary.Kind;
import java.util.List;

/**
 * The fields of the published layers: everything a citizen or a portal needs to know, and nothing private
 * (contact details only where they are marked public). Names follow OpenStreetMap where it has one.
 */
final class Fields {

    private Fields() {
    }

    /** Step-free access as OpenStreetMap's {@code wheelchair} tag and the places table's check say it. */
    static final List<String> WHEELCHAIR = List.of("yes", "limited", "no");
    /** Who runs a place, as the places table's check allows. */
    static final List<String> OPERATOR_TYPES = List.of("municipality", "county", "club", "church", "private",
            "cooperative", "public_transport", "other");
    /** What a locality is, as OpenStreetMap's {@code place} tag and the localities table's check say it. */
    static final List<String> LOCALITY_KINDS = List.of("city", "town", "village", "hamlet", "isolated_dwelling",
            "suburb", "quarter", "locality");

    /** The fields of a layer of places: the same for every group, but {@code kind} takes the group's kinds only. */
    static List<Field> places(Group group) {
        var kinds = Kind.inGroup(group).stream().map(Kind::code).toList();
        return PLACES.stream().map(f -> f.name().equals("kind") ? f.oneOf(kinds) : f).toList();
    }

    private static final List<Field> PLACES = List.of(
            queryable("name", FieldType.STRING, of("Name", "Name"), "p.name").inTiles(InTiles.SINGLE),
            queryable("kind", FieldType.STRING, of("Art (Code des Vokabulars, z. B. village_hall)",
                    "Kind of place (code of the vocabulary, e.g. village_hall)"), "p.kind").inTiles(InTiles.SHARED),
            shown("kind_label", FieldType.STRING, of("Art", "Kind of place, in German"), "k.label_de"),
            shown("description", FieldType.STRING, of("Beschreibung", "Description"), "p.description"),
            shown("street", FieldType.STRING, of("Straße", "Street"), "p.addr_street"),
            shown("housenumber", FieldType.STRING, of("Hausnummer", "House number"), "p.addr_housenumber"),
            queryable("postcode", FieldType.STRING, of("Postleitzahl", "Postcode"), "p.addr_postcode"),
            queryable("city", FieldType.STRING, of("Ort der Anschrift", "Town or village of the address"), "p.addr_city"),
            queryable("opening_hours", FieldType.STRING, of("Öffnungszeiten (Syntax von OpenStreetMap)",
                    "Opening hours (OpenStreetMap opening_hours syntax)"), "p.opening_hours"),
            queryable("wheelchair", FieldType.STRING, of("Stufenlos zugänglich: yes, limited oder no",
                    "Step-free access: yes, limited or no"), "p.wheelchair").inTiles(InTiles.SINGLE).oneOf(WHEELCHAIR),
            queryable("free_entry", FieldType.BOOLEAN, of("Eintritt frei, kein Verzehrzwang",
                    "Free entry and no obligation to buy anything"), "p.free_entry").inTiles(InTiles.SINGLE),
            queryable("operator", FieldType.STRING, of("Betreiber", "Operator"), "p.operator"),
            queryable("operator_type", FieldType.STRING, of(
                    "Art des Betreibers: municipality, county, club, church, private, cooperative, public_transport oder other",
                    "municipality, county, club, church, private, cooperative, public_transport or other"), "p.operator_type")
                    .oneOf(OPERATOR_TYPES),
            shown("contact_role", FieldType.STRING, of("Ansprechstelle (eine Funktion, keine Person); nur wo veröffentlicht",
                    "Who to contact (a role, not a person); only where published"),
                    "case when p.contact_is_public then p.contact_role end"),
            shown("contact_phone", FieldType.STRING, of("Telefon; nur wo veröffentlicht", "Contact phone; only where published"),
                    "case when p.contact_is_public then p.contact_phone end"),
            shown("contact_email", FieldType.STRING, of("E-Mail; nur wo veröffentlicht", "Contact e-mail; only where published"),
                    "case when p.contact_is_public then p.contact_email end"),
            shown("website", FieldType.STRING, of("Website", "Website"), "p.website"),
            queryable("capacity", FieldType.INTEGER, of("Plätze", "How many people fit"), "p.capacity"),
            queryable("equipment", FieldType.STRING_ARRAY, of("Ausstattung, z. B. projector, kitchen, wifi",
                    "Equipment, e.g. projector, kitchen, wifi"), "p.equipment"),
            shown("booking_url", FieldType.STRING, of("Buchung", "Where to book"), "p.booking_url"),
            queryable("target_groups", FieldType.STRING_ARRAY, of("Für wen", "Who it is for"), "p.target_groups"),
            queryable("valid_from", FieldType.DATE, of("Erster Tag eines befristeten Angebots",
                    "First day of a temporary offer"), "p.valid_from"),
            queryable("valid_to", FieldType.DATE, of("Letzter Tag eines befristeten Angebots",
                    "Last day of a temporary offer"), "p.valid_to"),
            shown("details", FieldType.OBJECT, of("Angaben je nach Art", "Details that depend on the kind"),
                    "nullif(p.details, '{}'::jsonb)"),
            queryable("source_id", FieldType.STRING, of("Kennung in der Quelle", "Identifier in the source"), "p.source_id"),
            shown("source_url", FieldType.STRING, of("Herkunft des Eintrags", "Where the record comes from"), "p.source_url"),
            queryable("last_verified", FieldType.DATE, of("Zuletzt geprüft", "When the record was last checked"),
                    "p.last_verified"),
            queryable("updated_at", FieldType.TIMESTAMP, of("Zuletzt hier geändert", "When the record last changed here"),
                    "p.updated_at"));

    static final List<Field> VILLAGES = List.of(
            queryable("name", FieldType.STRING, of("Name", "Name"), "l.name").inTiles(InTiles.SINGLE),
            queryable("kind", FieldType.STRING, of("city, town, village, hamlet, isolated_dwelling, suburb, quarter oder locality",
                    "city, town, village, hamlet, isolated_dwelling, suburb, quarter or locality"), "l.kind")
                    .inTiles(InTiles.SHARED).oneOf(LOCALITY_KINDS),
            // The village's figure as the database computes it (V68): its own, or its share of the official figure.
            queryable("population", FieldType.INTEGER, of(
                    "Einwohner: eigene Angabe oder Anteil an der amtlichen Zahl der Gemeinde (siehe population_method);"
                            + " bei einer Gruppe die Summe der bekannten",
                    "Inhabitants: the village's own figure or its share of the municipality's official figure (see"
                            + " population_method); on a cluster the sum of the known"),
                    "village_people(l.id)").inTiles(InTiles.SUM),
            queryable("population_method", FieldType.STRING, of(
                    "Wie die Einwohnerzahl ermittelt ist: own (eigene Angabe), zensus, addresses (Anteil nach Gitterzellen"
                            + " bzw. Adressen), settlement_kind (grober Anteil nach Art des Orts), unknown",
                    "How the figure was found: own (the village's), zensus, addresses (share by grid cells or addresses),"
                            + " settlement_kind (rough share by kind of settlement), unknown"),
                    "(select vp.method from village_population vp where vp.locality_id = l.id)"),
            shown("population_uncertainty", FieldType.INTEGER, of("Unsicherheit der Einwohnerzahl (± Personen)",
                    "Uncertainty of the figure (± people)"),
                    "(select vp.uncertainty from village_population vp where vp.locality_id = l.id)"),
            shown("population_source", FieldType.STRING, of("Quelle der Einwohnerzahl (bei einem Anteil: der amtlichen Zahl)",
                    "Where the figure comes from (for a share: the official figure's source)"),
                    "(select vp.source from village_population vp where vp.locality_id = l.id)"),
            shown("population_date", FieldType.DATE, of("Stichtag der Einwohnerzahl", "Reference date of the population figure"),
                    "(select vp.reference_date from village_population vp where vp.locality_id = l.id)"),
            queryable("ags", FieldType.STRING, of("Gemeindeschlüssel (AGS) der Gemeinde, in der der Ort liegt",
                    "Key (AGS) of the municipality it lies in"), "l.ags"),
            queryable("source_id", FieldType.STRING, of("Kennung in der Quelle", "Identifier in the source"), "l.source_id"),
            queryable("last_verified", FieldType.DATE, of("Zuletzt geprüft", "When the record was last checked"),
                    "l.last_verified"));

    static final List<Field> ADMIN_AREAS = List.of(
            queryable("name", FieldType.STRING, of("Name", "Name"), "a.name").inTiles(InTiles.PLAIN),
            queryable("designation", FieldType.STRING, of("Stadt, Markt, Gemeinde, Landkreis …",
                    "Stadt, Markt, Gemeinde, Landkreis …"), "a.designation").inTiles(InTiles.PLAIN),
            queryable("ags", FieldType.STRING, of("Amtlicher Gemeindeschlüssel (AGS)",
                    "Official key (Amtlicher Gemeindeschlüssel)"), "a.ags").inTiles(InTiles.PLAIN),
            queryable("ars", FieldType.STRING, of("Regionalschlüssel (ARS)", "Regional key (Regionalschlüssel)"), "a.ars"),
            // The official figure (V67: Destatis GV-ISys, Zensus 2022), a district's the sum of its municipalities'.
            queryable("population", FieldType.INTEGER, of("Einwohner (amtlich), wo bekannt", "Inhabitants (official), where known"),
                    "area_population(a)").inTiles(InTiles.PLAIN),
            queryable("source_id", FieldType.STRING, of("Kennung in der Quelle", "Identifier in the source"), "a.source_id"));
}
