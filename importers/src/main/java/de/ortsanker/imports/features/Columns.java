package de.ortsanker.imports.features;

import de.ortsanker.imports.ImportFailure;
import de.ortsanker.imports.PlaceFields;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Which column of a file fills which field. Explicit choices (--column name=Vereinsname) win; otherwise
 * common German and English column names are recognised ("Straße", "PLZ", "Öffnungszeiten", "lat" …).
 */
public final class Columns {

    /**
     * Column names recognised per field that is not a place's ({@link PlaceFields#aliases} has those), compared
     * without case, accents, spaces and punctuation.
     */
    static final Map<String, List<String>> SYNONYMS = Map.ofEntries(
            Map.entry("id", List.of("id", "fid", "ogcfid", "objectid", "objid", "gmlid", "osmid", "nr", "nummer",
                    "lfdnr", "geonameid", "key", "uuid", "globalid")),
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
            for (String synonym : names(field)) {
                Optional<String> c = columns.stream().filter(col -> fold(col).equals(synonym))
                        .filter(col -> !chosen.containsValue(col)).findFirst();
                if (c.isPresent()) {
                    chosen.put(field, c.get());
                    break;
                }
            }
        }
    }

    /** The column names that mean a field, folded, the likeliest first. */
    private static List<String> names(String field) {
        List<String> names = SYNONYMS.get(field);
        if (names != null) {
            return names;
        }
        return Stream.concat(Stream.of(fold(field)), PlaceFields.aliases(field).stream()).toList();
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
