package de.ortsanker.tiles;

import de.ortsanker.cql2.Cql2;
import de.ortsanker.cql2.Cql2Exception;
import de.ortsanker.cql2.SqlFilter;
import de.ortsanker.cql2.SqlTranslator;
import de.ortsanker.vocabulary.Kind;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a request narrows the places down to: kinds, step-free access, free entry, and any CQL2 filter over
 * the places' attributes ({@link TileQueryables}). Filters apply to place layers; villages and
 * municipalities in the combined tile stay as they are (they are the map's context). A filter is part of
 * the cache key and the ETag through {@link #key()}.
 *
 * @param kinds      kind codes to keep; empty keeps all
 * @param wheelchair wheelchair values to keep (yes, limited, no); empty keeps all
 * @param freeEntry  keep only places with (true) or without (false) free entry; null keeps all
 * @param cql2       a CQL2 filter, or null
 */
public record TileFilter(Set<String> kinds, Set<String> wheelchair, Boolean freeEntry, Cql2Filter cql2) {

    public static final TileFilter NONE = new TileFilter(Set.of(), Set.of(), null, null);

    /**
     * A CQL2 filter as the request gave it, and translated to SQL over the places ({@code p.…}).
     *
     * @param text     the filter as written, for links that repeat it
     * @param language cql2-text or cql2-json
     */
    public record Cql2Filter(String text, String language, SqlFilter sql) {

        /** Parses and translates; an unusable filter is a 400 that says why. */
        public static Cql2Filter parse(String text, String language) {
            try {
                return new Cql2Filter(text, language, SqlTranslator.toSql(Cql2.parse(text, language), TileQueryables.PLACES));
            } catch (Cql2Exception e) {
                throw TileProblems.invalid("filter", e.getMessage());
            }
        }

        /** Equal for filters that mean the same however they were spelt: the SQL and its values. */
        String key() {
            return sql.sql() + " " + Arrays.deepToString(sql.parameters().toArray());
        }
    }

    public TileFilter(Set<String> kinds, Set<String> wheelchair, Boolean freeEntry) {
        this(kinds, wheelchair, freeEntry, null);
    }

    private static final Set<String> WHEELCHAIR = Set.of("yes", "limited", "no");

    public TileFilter {
        kinds = Set.copyOf(new TreeSet<>(kinds));
        wheelchair = Set.copyOf(new TreeSet<>(wheelchair));
    }

    /**
     * Reads the filter parameters of a request ({@code kinds=pub,cafe&wheelchair=yes,limited&free_entry=true})
     * for a tile of the given layers; an unusable value is a 400 naming the parameter.
     */
    public static TileFilter parse(Map<String, String[]> parameters, List<TileLayer> layers) {
        if (parameters.isEmpty()) {
            return NONE; // most tile requests: no need to build one
        }
        var kinds = new TreeSet<String>();
        for (String code : values(parameters, "kinds")) {
            Kind kind = Kind.fromCode(code).orElseThrow(() -> TileProblems.invalid("kinds",
                    "unknown kind '" + code + "'; kinds: " + Arrays.stream(Kind.values()).map(Kind::code).toList()));
            if (layers.size() == 1 && !layers.get(0).kinds().contains(kind.code())) {
                throw TileProblems.invalid("kinds", "kind '" + code + "' is not in layer '" + layers.get(0).id()
                        + "' but in '" + TileLayers.ofKind(kind).id() + "'");
            }
            kinds.add(kind.code());
        }
        var wheelchair = new TreeSet<String>();
        for (String value : values(parameters, "wheelchair")) {
            if (!WHEELCHAIR.contains(value)) {
                throw TileProblems.invalid("wheelchair", "must be yes, limited or no (comma-separated), got '" + value + "'");
            }
            wheelchair.add(value);
        }
        Boolean freeEntry = null;
        List<String> free = values(parameters, "free_entry");
        if (free.size() > 1) {
            throw TileProblems.invalid("free_entry", "must be given once");
        }
        if (free.size() == 1) {
            freeEntry = switch (free.get(0)) {
                case "true" -> true;
                case "false" -> false;
                default -> throw TileProblems.invalid("free_entry", "must be true or false, got '" + free.get(0) + "'");
            };
        }
        List<String> language = values(parameters, "filter-lang");
        String text = parameters.getOrDefault("filter", new String[0]).length == 0 ? null : parameters.get("filter")[0];
        Cql2Filter cql2 = text == null || text.isBlank() ? null
                : Cql2Filter.parse(text, language.isEmpty() ? Cql2.TEXT : language.get(0));
        var filter = new TileFilter(kinds, wheelchair, freeEntry, cql2);
        if (!filter.isEmpty() && layers.stream().noneMatch(TileLayer::isPlaces)) {
            String name = !kinds.isEmpty() ? "kinds" : !wheelchair.isEmpty() ? "wheelchair"
                    : freeEntry != null ? "free_entry" : "filter";
            throw TileProblems.invalid(name, "layer '" + layers.get(0).id() + "' holds no places; filters apply to"
                    + " the place layers");
        }
        return filter;
    }

    /** Comma-separated values of a parameter that may also repeat; blanks are ignored. */
    private static List<String> values(Map<String, String[]> parameters, String name) {
        var out = new ArrayList<String>();
        for (String raw : parameters.getOrDefault(name, new String[0])) {
            for (String part : raw.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return out;
    }

    public boolean isEmpty() {
        return kinds.isEmpty() && wheelchair.isEmpty() && freeEntry == null && cql2 == null;
    }

    /** The kinds of a place layer that pass the filter. */
    List<String> kindsIn(TileLayer layer) {
        return kinds.isEmpty() ? layer.kinds() : layer.kinds().stream().filter(kinds::contains).toList();
    }

    /** The filter as a URL query ({@code ?kinds=cafe,pub&free_entry=true}), empty for no filter. */
    public String query() {
        var parts = new ArrayList<String>(plainParts());
        if (cql2 != null) {
            parts.add("filter=" + URLEncoder.encode(cql2.text(), StandardCharsets.UTF_8).replace("+", "%20"));
            if (!cql2.language().equalsIgnoreCase(Cql2.TEXT)) {
                parts.add("filter-lang=" + cql2.language());
            }
        }
        return parts.isEmpty() ? "" : "?" + String.join("&", parts);
    }

    /** The filter for people, e.g. in a description: {@code kinds=pub & filter=capacity > 20}. */
    public String describe() {
        var parts = new ArrayList<String>(plainParts());
        if (cql2 != null) {
            parts.add("filter=" + cql2.text());
        }
        return String.join(" & ", parts);
    }

    /** A canonical text of the filter: equal filters, equal keys (for cache keys and ETags). */
    public String key() {
        if (isEmpty()) {
            return "";
        }
        var parts = new ArrayList<String>(plainParts());
        if (cql2 != null) {
            parts.add("filter=" + cql2.key());
        }
        return String.join("&", parts);
    }

    private List<String> plainParts() { // codes and booleans only: nothing to encode
        var parts = new ArrayList<String>();
        if (!kinds.isEmpty()) {
            parts.add("kinds=" + String.join(",", new TreeSet<>(kinds)));
        }
        if (!wheelchair.isEmpty()) {
            parts.add("wheelchair=" + String.join(",", new TreeSet<>(wheelchair)));
        }
        if (freeEntry != null) {
            parts.add("free_entry=" + freeEntry);
        }
        return parts;
    }
}
