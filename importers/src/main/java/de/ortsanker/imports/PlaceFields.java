package de.ortsanker.imports;

import static de.ortsanker.imports.PlaceField.given;
import static de.ortsanker.imports.PlaceField.ofProvenance;
import static de.ortsanker.imports.PlaceField.staged;
import static de.ortsanker.imports.ValueType.BOOLEAN;
import static de.ortsanker.imports.ValueType.DATE;
import static de.ortsanker.imports.ValueType.GEOMETRY;
import static de.ortsanker.imports.ValueType.HOUSE_NUMBER;
import static de.ortsanker.imports.ValueType.INTEGER;
import static de.ortsanker.imports.ValueType.LIST;
import static de.ortsanker.imports.ValueType.POSTCODE;
import static de.ortsanker.imports.ValueType.TEXT;
import static de.ortsanker.imports.ValueType.YES_NO_TEXT;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The columns of {@code places} that imports fill, defined once: staging, the partition load and the
 * merge take their columns from here, a place record is written by it, the table and feature mappers
 * take the fields and the column names files use for them, the OSM mapping the fields it may fill.
 * Every format sets a field from a value as its file gives it (text, number, boolean): "12" for
 * capacity, "ja" for a boolean, "12.05.2024" for a date, "beamer; küche" for a list.
 */
public final class PlaceFields {

    /*
     * In the order of the staged rows, which the digest (import_hash) is made of: reordering them would make
     * every record of every source look changed once. Aliases are compared folded (lower case, no umlauts,
     * spaces or punctuation). Not in OSM mappings: the kind (the rule's), the source URL (the mapping's
     * source_url), lists and validity periods.
     */
    private static final List<PlaceField<?>> ALL = List.of(
            given("kind", TEXT, r -> r.kind, (r, v) -> r.kind = v,
                    "art", "typ", "type", "kategorie", "category", "ortsankerkind"),
            given("name", TEXT, r -> r.name, (r, v) -> r.name = v,
                    "bezeichnung", "titel", "title", "einrichtung", "vereinsname", "verein", "gen").inOsm(),
            given("description", TEXT, r -> r.description, (r, v) -> r.description = v,
                    "beschreibung", "info").inOsm(),
            staged("geom", GEOMETRY, r -> r.geometry),
            given("addr_street", TEXT, r -> r.addrStreet, (r, v) -> r.addrStreet = v,
                    "strasse", "street", "str", "strassename").inOsm(),
            given("addr_housenumber", HOUSE_NUMBER, r -> r.addrHousenumber, (r, v) -> r.addrHousenumber = v,
                    "hausnummer", "hausnr", "hnr", "housenumber").inOsm(),
            given("addr_postcode", POSTCODE, r -> r.addrPostcode, (r, v) -> r.addrPostcode = v,
                    "plz", "postleitzahl", "postcode", "zip", "zipcode").inOsm(),
            given("addr_city", TEXT, r -> r.addrCity, (r, v) -> r.addrCity = v,
                    "ort", "stadt", "city", "wohnort", "gemeinde", "ortsteil").inOsm(),
            given("opening_hours", TEXT, r -> r.openingHours, (r, v) -> r.openingHours = v,
                    "offnungszeiten", "oeffnungszeiten").inOsm(),
            given("wheelchair", YES_NO_TEXT, r -> r.wheelchair, (r, v) -> r.wheelchair = v,
                    "barrierefrei", "rollstuhl", "rollstuhlgerecht").inOsm(),
            given("free_entry", BOOLEAN, r -> r.freeEntry, (r, v) -> r.freeEntry = v,
                    "eintrittfrei", "kostenlos", "konsumfrei").inOsm(),
            given("operator", TEXT, r -> r.operator, (r, v) -> r.operator = v,
                    "betreiber", "trager", "traeger").inOsm(),
            given("operator_type", TEXT, r -> r.operatorType, (r, v) -> r.operatorType = v,
                    "betreiberart", "tragerart").inOsm(),
            given("contact_role", TEXT, r -> r.contactRole, (r, v) -> r.contactRole = v,
                    "ansprechstelle", "kontaktstelle").inOsm(),
            given("contact_phone", TEXT, r -> r.contactPhone, (r, v) -> r.contactPhone = v,
                    "telefon", "phone", "tel", "telefonnummer").inOsm(),
            given("contact_email", TEXT, r -> r.contactEmail, (r, v) -> r.contactEmail = v,
                    "email", "mail", "emailadresse").inOsm(),
            // Contact details stay private unless a value says otherwise.
            given("contact_is_public", BOOLEAN, r -> r.contactIsPublic,
                    (r, v) -> r.contactIsPublic = Boolean.TRUE.equals(v), "kontaktoffentlich").inOsm(),
            given("website", TEXT, r -> r.website, (r, v) -> r.website = v,
                    "url", "homepage", "internet", "webseite", "internetseite").inOsm(),
            given("capacity", INTEGER, r -> r.capacity, (r, v) -> r.capacity = v,
                    "kapazitat", "kapazitaet", "platze", "plaetze", "personen").inOsm(),
            given("equipment", LIST, r -> r.equipment, (r, v) -> r.equipment = v,
                    "ausstattung"),
            given("booking_url", TEXT, r -> r.bookingUrl, (r, v) -> r.bookingUrl = v,
                    "buchung", "buchungslink").inOsm(),
            given("target_groups", LIST, r -> r.targetGroups, (r, v) -> r.targetGroups = v,
                    "zielgruppen", "zielgruppe"),
            given("valid_from", DATE, r -> r.validFrom, (r, v) -> r.validFrom = v,
                    "gultigab", "gueltigab"),
            given("valid_to", DATE, r -> r.validTo, (r, v) -> r.validTo = v,
                    "gultigbis", "gueltigbis"),
            staged("details", TEXT, PlaceRecord::detailsJson),
            // A place is public unless a value says otherwise.
            given("is_public", BOOLEAN, r -> r.isPublic, (r, v) -> r.isPublic = !Boolean.FALSE.equals(v),
                    "offentlich", "oeffentlich").inOsm(),
            ofProvenance("licence", TEXT, Provenance::licence),
            ofProvenance("attribution", TEXT, Provenance::attribution),
            given("source_url", TEXT, r -> r.sourceUrl, (r, v) -> r.sourceUrl = v,
                    "quelle"),
            given("last_verified", DATE, r -> r.lastVerified, (r, v) -> r.lastVerified = v,
                    "stand", "geprueft", "gepruft", "gepruftam", "geprueftam", "letztepruefung").inOsm(),
            // Appended (V73): every record's digest changed once with it, OSM's moved their edit date here anyway.
            staged("source_edited", DATE, r -> r.sourceEdited));

    private static final List<String> COLUMNS = ALL.stream().map(PlaceField::column).toList();
    private static final Map<String, PlaceField<?>> GIVEN = ALL.stream().filter(PlaceField::given)
            .collect(Collectors.toMap(PlaceField::column, f -> f, (a, b) -> a, LinkedHashMap::new));
    private static final List<String> NAMES = List.copyOf(GIVEN.keySet());
    private static final List<String> OSM = ALL.stream().filter(PlaceField::inOsmMappings).map(PlaceField::column)
            .toList();

    private PlaceFields() {
    }

    /** The fields a source can fill, by their column names, in the order of the columns. */
    public static List<String> names() {
        return NAMES;
    }

    /** The fields an OSM mapping may fill from tags or set. */
    public static List<String> osmNames() {
        return OSM;
    }

    /** Other names a file's column for the field may have (folded); none for what is not a field. */
    public static List<String> aliases(String field) {
        PlaceField<?> f = GIVEN.get(field);
        return f == null ? List.of() : f.aliases();
    }

    /**
     * Sets a field from a value as a file gives it; blank is no value. A value that does not fit is dropped
     * with a note.
     *
     * @return false when the field is not one of {@link #names()}
     */
    public static boolean set(PlaceRecord r, String field, Object value, Consumer<Problem> problems) {
        PlaceField<?> f = GIVEN.get(field);
        if (f == null) {
            return false;
        }
        if (value != null && !(value instanceof String s && s.isBlank())) {
            f.set(r, value, problems);
        }
        return true;
    }

    /** The values of the fields a source gives, by column, in the order of the columns (for writers other than COPY). */
    static Map<String, Object> values(PlaceRecord r) {
        var out = new LinkedHashMap<String, Object>();
        for (PlaceField<?> f : GIVEN.values()) {
            out.put(f.column(), f.get().apply(r));
        }
        return out;
    }

    /** Every column a staged place row carries, in order. */
    static List<String> columns() {
        return COLUMNS;
    }

    static void write(PlaceRecord r, Provenance provenance, CopyRow row) {
        for (PlaceField<?> f : ALL) {
            f.write(r, provenance, row);
        }
    }

    /** Texts stripped, blank ones none: mappings may set fields without going through {@link #set}. */
    /** The longest name, description and other text a place may have (the constraints of migration V66). */
    static final int MAX_NAME = 300;
    static final int MAX_DESCRIPTION = 10_000;
    static final int MAX_TEXT = 2_000;

    static int maxLength(String column) {
        return switch (column) {
            case "name" -> MAX_NAME;
            case "description" -> MAX_DESCRIPTION;
            default -> MAX_TEXT;
        };
    }

    /** The first text field of the record longer than its limit, as "column: N characters (at most M)"; else null. */
    static String tooLong(PlaceRecord r) {
        for (PlaceField<?> f : ALL) {
            if (f.given() && f.get().apply(r) instanceof String s && s.length() > maxLength(f.column())
                    && s.codePointCount(0, s.length()) > maxLength(f.column())) {
                return f.column();
            }
        }
        return null;
    }

    static void tidy(PlaceRecord r) {
        for (PlaceField<?> f : ALL) {
            f.tidy(r);
        }
    }
}
