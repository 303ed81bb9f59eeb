package de.ortsanker.imports.osm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import de.ortsanker.imports.ImportFailure;
import de.ortsanker.imports.PlaceFields;
import de.ortsanker.imports.Vocabulary;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The mapping from OSM tags to our records, read from a YAML file (the built-in
 * {@code osm-mapping.yaml}, or a user's file that may extend it). See that file for the format.
 */
public final class OsmMapping {

    static final String BUILTIN = "osm-mapping.yaml";

    /** The place fields a mapping may fill from tags (columns) or set to a constant (set). */
    static final List<String> FIELDS = PlaceFields.osmNames();

    /** A tag condition: a value, any of several, any but "no" (*), or absent (!). */
    record Condition(String key, Set<String> values, boolean any, boolean absent) {
        boolean test(Tags tags) {
            String v = tags.get(key);
            if (absent) {
                return v == null;
            }
            if (v == null) {
                return false;
            }
            return any ? !v.equals("no") : values.contains(v);
        }
    }

    /** Where a detail's value comes from: tags (first present), the suffixes of "prefix:*" keys, or a constant. */
    record DetailSource(List<String> tags, String prefix, String constant) {
        Object value(Tags t) {
            if (constant != null) {
                return constant;
            }
            if (prefix != null) {
                List<String> suffixes = t.suffixesOf(prefix);
                return suffixes.isEmpty() ? null : suffixes;
            }
            return t.first(tags);
        }
    }

    record PlaceRule(int number, String kind, List<Condition> when, Map<String, DetailSource> details,
                     Map<String, Object> set, Map<String, List<String>> columns) {
        boolean matches(Tags tags) {
            for (Condition c : when) {
                if (!c.test(tags)) {
                    return false;
                }
            }
            return true;
        }
    }

    record LocalityRule(List<Condition> when, String kindTag, List<String> name, List<String> population,
                        List<String> populationDate, List<String> ags) {
    }

    record AdminLevel(List<Condition> when, String level) {
    }

    record AdminRule(List<String> name, List<String> designation, List<String> ags, List<String> ars,
                     List<AdminLevel> levels) {
    }

    record AddressRule(List<Condition> when, List<String> street, List<String> housenumber, List<String> postcode,
                       List<String> city) {
    }

    /** The kinds whose elements are grouped into one stop per stop area ({@link StopAreas}). */
    record StopAreaRule(List<String> kinds, double sameNameWithinMetres) {
    }

    final String origin;
    String licence;
    String attribution;
    String sourceUrl;
    boolean contactPublic;
    final Map<String, List<String>> columns = new LinkedHashMap<>();
    final Map<String, Map<String, Object>> translate = new LinkedHashMap<>();
    final List<PlaceRule> places = new ArrayList<>();
    LocalityRule localities;
    AdminRule adminAreas;
    AddressRule addresses;
    StopAreaRule stopAreas;

    private OsmMapping(String origin) {
        this.origin = origin;
    }

    public static OsmMapping builtin() {
        try (InputStream in = OsmMapping.class.getResourceAsStream(BUILTIN)) {
            return parse("the built-in mapping", new String(in.readAllBytes(), StandardCharsets.UTF_8), null);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the built-in OSM mapping", e);
        }
    }

    /** The built-in mapping file's text (for --print-mapping). */
    public static String builtinText() {
        try (InputStream in = OsmMapping.class.getResourceAsStream(BUILTIN)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static OsmMapping load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ImportFailure("mapping " + file + ": cannot be read (" + e.getMessage() + ")");
        }
        return parse(file.getFileName().toString(), text, builtin());
    }

    private static OsmMapping parse(String origin, String text, OsmMapping builtin) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(text);
        } catch (IOException e) {
            throw new ImportFailure("mapping " + origin + ": not valid YAML (" + e.getMessage().split("\n")[0] + ")");
        }
        if (root == null || !root.isObject()) {
            throw new ImportFailure("mapping " + origin + ": expected sections such as places, columns, localities");
        }
        var m = new OsmMapping(origin);
        boolean extend = root.has("extends");
        if (extend) {
            if (!"builtin".equals(root.get("extends").asText()) || builtin == null) {
                throw new ImportFailure("mapping " + origin + ": 'extends' can only be 'builtin'");
            }
            m.licence = builtin.licence;
            m.attribution = builtin.attribution;
            m.sourceUrl = builtin.sourceUrl;
            m.contactPublic = builtin.contactPublic;
            m.columns.putAll(builtin.columns);
            builtin.translate.forEach((k, v) -> m.translate.put(k, new LinkedHashMap<>(v)));
            m.localities = builtin.localities;
            m.adminAreas = builtin.adminAreas;
            m.addresses = builtin.addresses;
            m.stopAreas = builtin.stopAreas;
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String section = it.next();
            JsonNode n = root.get(section);
            String where = "mapping " + origin + ", " + section;
            switch (section) {
                case "extends" -> { }
                case "licence" -> m.licence = n.asText();
                case "attribution" -> m.attribution = n.asText();
                case "source_url" -> m.sourceUrl = n.asText();
                case "contact_public" -> m.contactPublic = n.asBoolean();
                case "columns" -> m.columns.putAll(columns(n, where));
                case "translate" -> n.fields().forEachRemaining(e -> {
                    field(e.getKey(), where);
                    var values = m.translate.computeIfAbsent(e.getKey(), k -> new LinkedHashMap<>());
                    e.getValue().fields().forEachRemaining(v -> values.put(yamlWord(v.getKey()), scalar(v.getValue())));
                });
                case "places" -> {
                    int number = 0;
                    for (JsonNode rule : n) {
                        m.places.add(placeRule(rule, ++number, where));
                    }
                }
                case "localities" -> m.localities = new LocalityRule(conditions(n.get("when"), where),
                        required(n, "kind", where).asText(), tags(n.get("name"), where), tags(n.get("population"), where),
                        tags(n.get("population_date"), where), tags(n.get("ags"), where));
                case "admin_areas" -> {
                    var levels = new ArrayList<AdminLevel>();
                    for (JsonNode l : required(n, "levels", where)) {
                        levels.add(new AdminLevel(conditions(l.get("when"), where), required(l, "level", where).asText()));
                    }
                    m.adminAreas = new AdminRule(tags(n.get("name"), where), tags(n.get("designation"), where),
                            tags(n.get("ags"), where), tags(n.get("ars"), where), levels);
                }
                case "addresses" -> m.addresses = new AddressRule(conditions(n.get("when"), where),
                        tags(n.get("street"), where), tags(n.get("housenumber"), where),
                        tags(n.get("postcode"), where), tags(n.get("city"), where));
                case "stop_areas" -> m.stopAreas = new StopAreaRule(tags(required(n, "kinds", where), where),
                        n.has("same_name_within_m") ? n.get("same_name_within_m").asDouble() : 0);
                default -> throw new ImportFailure("mapping " + origin + ": unknown section '" + section
                        + "' (known: extends, licence, attribution, source_url, contact_public, columns, translate,"
                        + " places, localities, admin_areas, addresses, stop_areas)");
            }
        }
        if (extend) {
            int number = m.places.size();
            for (PlaceRule r : builtin.places) {
                m.places.add(new PlaceRule(++number, r.kind(), r.when(), r.details(), r.set(), r.columns()));
            }
        }
        return m;
    }

    /** Fails when a rule names a kind or detail field the database does not know. */
    void check(Vocabulary vocabulary) {
        if (stopAreas != null) {
            for (String k : stopAreas.kinds()) {
                vocabulary.kind(k).orElseThrow(() -> new ImportFailure("mapping " + origin + ", stop_areas: unknown kind '"
                        + k + "' (known: " + String.join(", ", vocabulary.codes()) + ")"));
            }
        }
        for (PlaceRule r : places) {
            var kind = vocabulary.kind(r.kind()).orElseThrow(() -> new ImportFailure("mapping " + origin
                    + ", places rule " + r.number() + ": unknown kind '" + r.kind() + "' (known: "
                    + String.join(", ", vocabulary.codes()) + ")"));
            for (String detail : r.details().keySet()) {
                if (!kind.detailTypes().containsKey(detail)) {
                    throw new ImportFailure("mapping " + origin + ", places rule " + r.number() + " (" + r.kind()
                            + "): '" + detail + "' is not a detail of this kind (its details: "
                            + (kind.detailTypes().isEmpty() ? "none" : String.join(", ", kind.detailTypes().keySet()))
                            + "; a migration can add one)");
                }
            }
        }
    }

    /** Groups elements into stops, or null when the mapping keeps every element a place of its own. */
    StopAreas stopAreas() {
        return stopAreas == null ? null : new StopAreas(stopAreas.kinds(), stopAreas.sameNameWithinMetres());
    }

    PlaceRule placeRule(Tags tags) {
        for (PlaceRule r : places) {
            if (r.matches(tags)) {
                return r;
            }
        }
        return null;
    }

    boolean isLocality(Tags tags) {
        return localities != null && all(localities.when(), tags);
    }

    String adminLevel(Tags tags) {
        if (adminAreas == null) {
            return null;
        }
        for (AdminLevel l : adminAreas.levels()) {
            if (all(l.when(), tags)) {
                return l.level();
            }
        }
        return null;
    }

    boolean isAddress(Tags tags) {
        return addresses != null && all(addresses.when(), tags);
    }

    String sourceUrl(String type, long id) {
        return sourceUrl == null ? null : sourceUrl.replace("{type}", type).replace("{id}", Long.toString(id));
    }

    static boolean all(List<Condition> conditions, Tags tags) {
        for (Condition c : conditions) {
            if (!c.test(tags)) {
                return false;
            }
        }
        return true;
    }

    private static PlaceRule placeRule(JsonNode rule, int number, String where) {
        String here = where + " rule " + number;
        for (Iterator<String> it = rule.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!Set.of("kind", "when", "details", "set", "columns").contains(key)) {
                throw new ImportFailure(here + ": unknown key '" + key + "' (known: kind, when, details, set, columns)");
            }
        }
        String kind = required(rule, "kind", here).asText();
        var details = new LinkedHashMap<String, DetailSource>();
        if (rule.has("details")) {
            rule.get("details").fields().forEachRemaining(e -> details.put(e.getKey(), detail(e.getValue(), here)));
        }
        var set = new LinkedHashMap<String, Object>();
        if (rule.has("set")) {
            rule.get("set").fields().forEachRemaining(e -> set.put(field(e.getKey(), here), scalar(e.getValue())));
        }
        return new PlaceRule(number, kind, conditions(required(rule, "when", here), here), details, set,
                rule.has("columns") ? columns(rule.get("columns"), here) : Map.of());
    }

    private static DetailSource detail(JsonNode n, String where) {
        if (n.isTextual() && n.asText().startsWith("=")) {
            return new DetailSource(null, null, n.asText().substring(1));
        }
        if (n.isTextual() && n.asText().endsWith(":*")) {
            return new DetailSource(null, n.asText().substring(0, n.asText().length() - 1), null);
        }
        return new DetailSource(tags(n, where), null, null);
    }

    private static Map<String, List<String>> columns(JsonNode n, String where) {
        var out = new LinkedHashMap<String, List<String>>();
        n.fields().forEachRemaining(e -> out.put(field(e.getKey(), where), tags(e.getValue(), where)));
        return out;
    }

    private static String field(String name, String where) {
        if (!FIELDS.contains(name)) {
            throw new ImportFailure(where + ": unknown field '" + name + "' (known: " + String.join(", ", FIELDS) + ")");
        }
        return name;
    }

    private static List<Condition> conditions(JsonNode n, String where) {
        if (n == null || !n.isObject() || n.isEmpty()) {
            throw new ImportFailure(where + ": 'when' needs tag conditions, e.g. {amenity: library}");
        }
        var out = new ArrayList<Condition>();
        n.fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            if (v.isArray()) {
                var values = new LinkedHashSet<String>();
                v.forEach(x -> values.add(word(x)));
                out.add(new Condition(e.getKey(), values, false, false));
            } else {
                String s = word(v);
                out.add(new Condition(e.getKey(), Set.of(s), s.equals("*"), s.equals("!")));
            }
        });
        return out;
    }

    private static List<String> tags(JsonNode n, String where) {
        if (n == null || n.isNull()) {
            return List.of();
        }
        var out = new ArrayList<String>();
        if (n.isArray()) {
            n.forEach(x -> out.add(x.asText()));
        } else if (n.isValueNode()) {
            out.add(n.asText());
        } else {
            throw new ImportFailure(where + ": expected a tag or a list of tags, not " + n);
        }
        return out;
    }

    private static JsonNode required(JsonNode n, String key, String where) {
        JsonNode v = n == null ? null : n.get(key);
        if (v == null || v.isNull()) {
            throw new ImportFailure(where + ": '" + key + "' is missing");
        }
        return v;
    }

    /** YAML 1.1 reads an unquoted yes/no as a boolean; in tag values they are words. */
    private static String word(JsonNode v) {
        return v.isBoolean() ? (v.asBoolean() ? "yes" : "no") : v.asText();
    }

    private static String yamlWord(String key) {
        return switch (key) {
            case "true" -> "yes";
            case "false" -> "no";
            default -> key;
        };
    }

    private static Object scalar(JsonNode v) {
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isIntegralNumber()) {
            return v.asLong();
        }
        if (v.isNumber()) {
            return v.asDouble();
        }
        return v.asText();
    }
}
