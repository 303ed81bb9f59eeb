package de.ortsanker.imports.features;

import de.ortsanker.imports.ImportFailure;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which column of a file fills which field. Explicit choices (--column name=Vereinsname) win; otherwise
 * common German and English column names are recognised ("Straße", "PLZ", "Öffnungszeiten", "lat" …).
 */
public final class Columns {

    /** Column names recognised per field, compared without case, accents, spaces and punctuation. */
    static final Map<String, List<String>> SYNONYMS = Map.ofEntries(
            Map.entry("id", List.of("id", "fid", "objid", "gmlid", "osmid", "nummer", "lfdnr", "geonameid", "key",
                    "uuid", "globalid")),
            Map.entry("kind", List.of("kind", "art", "typ", "type", "kategorie", "category", "ortsankerkind")),
            Map.entry("name", List.of("name", "bezeichnung", "titel", "title", "einrichtung", "vereinsname", "verein",
                    "gen")),
            Map.entry("description", List.of("description", "beschreibung", "info")),
            Map.entry("addr_street", List.of("addrstreet", "strasse", "street", "str", "strassename")),
            Map.entry("addr_housenumber", List.of("addrhousenumber", "hausnummer", "hausnr", "hnr", "housenumber")),
            Map.entry("addr_postcode", List.of("addrpostcode", "plz", "postleitzahl", "postcode", "zip", "zipcode")),
            Map.entry("addr_city", List.of("addrcity", "ort", "stadt", "city", "wohnort", "gemeinde", "ortsteil")),
            Map.entry("opening_hours", List.of("openinghours", "offnungszeiten", "oeffnungszeiten")),
            Map.entry("wheelchair", List.of("wheelchair", "barrierefrei", "rollstuhl", "rollstuhlgerecht")),
            Map.entry("free_entry", List.of("freeentry", "eintrittfrei", "kostenlos", "konsumfrei")),
            Map.entry("operator", List.of("operator", "betreiber", "trager", "traeger")),
            Map.entry("operator_type", List.of("operatortype", "betreiberart", "tragerart")),
            Map.entry("contact_role", List.of("contactrole", "ansprechstelle", "kontaktstelle")),
            Map.entry("contact_phone", List.of("contactphone", "telefon", "phone", "tel", "telefonnummer")),
            Map.entry("contact_email", List.of("contactemail", "email", "mail", "emailadresse")),
            Map.entry("contact_is_public", List.of("contactispublic", "kontaktoffentlich")),
            Map.entry("website", List.of("website", "url", "homepage", "internet", "webseite", "internetseite")),
            Map.entry("capacity", List.of("capacity", "kapazitat", "kapazitaet", "platze", "plaetze", "personen")),
            Map.entry("equipment", List.of("equipment", "ausstattung")),
            Map.entry("booking_url", List.of("bookingurl", "buchung", "buchungslink")),
            Map.entry("target_groups", List.of("targetgroups", "zielgruppen", "zielgruppe")),
            Map.entry("valid_from", List.of("validfrom", "gultigab", "gueltigab")),
            Map.entry("valid_to", List.of("validto", "gultigbis", "gueltigbis")),
            Map.entry("is_public", List.of("ispublic", "offentlich", "oeffentlich")),
            Map.entry("source_url", List.of("sourceurl", "quelle")),
            Map.entry("last_verified", List.of("lastverified", "stand", "geprueft", "gepruft", "gepruftam",
                    "geprueftam", "letztepruefung")),
            Map.entry("lon", List.of("lon", "lng", "long", "longitude", "x", "rechtswert", "laenge", "easting", "xkoordinate")),
            Map.entry("lat", List.of("lat", "latitude", "y", "hochwert", "breite", "northing", "ykoordinate")),
            Map.entry("wkt", List.of("wkt", "geometry", "geom", "thegeom", "wktgeometry", "geometrie")),
            Map.entry("population", List.of("population", "einwohner", "ewz", "bevolkerung", "bevoelkerung",
                    "einwohnerzahl")),
            Map.entry("population_date", List.of("populationdate", "stichtag")),
            Map.entry("ags", List.of("ags", "agsgemeinde", "gemeindeschlussel", "gemeindeschluessel", "gkz")),
            Map.entry("ars", List.of("ars", "rs", "regionalschlussel", "regionalschluessel")),
            Map.entry("designation", List.of("bez", "designation", "bezeichnungart")),
            Map.entry("level", List.of("level", "ebene")));

    private final Map<String, String> chosen = new LinkedHashMap<>();
    private final List<String> columns;

    /**
     * @param columns  the file's column names
     * @param explicit field → column as the user gave them; each must exist
     * @param fields   the fields to look for
     */
    public Columns(List<String> columns, Map<String, String> explicit, List<String> fields, String fileName) {
        this.columns = columns;
        for (var e : explicit.entrySet()) {
            String column = find(e.getValue()).orElseThrow(() -> new ImportFailure(fileName + ": there is no column '"
                    + e.getValue() + "' (for " + e.getKey() + "); the columns are: " + String.join(", ", columns)));
            chosen.put(e.getKey(), column);
        }
        for (String field : fields) {
            if (chosen.containsKey(field)) {
                continue;
            }
            for (String synonym : SYNONYMS.getOrDefault(field, List.of(fold(field)))) {
                Optional<String> c = columns.stream().filter(col -> fold(col).equals(synonym))
                        .filter(col -> !chosen.containsValue(col)).findFirst();
                if (c.isPresent()) {
                    chosen.put(field, c.get());
                    break;
                }
            }
        }
    }

    /** The column chosen for a field, if any. */
    public Optional<String> column(String field) {
        return Optional.ofNullable(chosen.get(field));
    }

    public boolean has(String field) {
        return chosen.containsKey(field);
    }

    /** The field → column choices, for the summary. */
    public Map<String, String> chosen() {
        return chosen;
    }

    /** Columns no field took. */
    public List<String> unused() {
        return columns.stream().filter(c -> !chosen.containsValue(c)).toList();
    }

    /** A column whose name folds to the given one ("Straße" finds "strasse"). */
    public Optional<String> find(String name) {
        return columns.stream().filter(c -> c.equals(name)).findFirst()
                .or(() -> columns.stream().filter(c -> fold(c).equals(fold(name))).findFirst());
    }

    /** Lower case, umlauts and accents to their base letter, ß to ss, without spaces and punctuation. */
    public static String fold(String s) {
        String n = Normalizer.normalize(s.toLowerCase(Locale.GERMAN).replace("ß", "ss"), Normalizer.Form.NFD);
        return n.replaceAll("\\p{M}", "").replaceAll("[^a-z0-9]", "");
    }
}
