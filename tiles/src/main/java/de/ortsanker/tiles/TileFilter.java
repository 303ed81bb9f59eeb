package de.ortsanker.tiles;

import de.ortsanker.cql2.Cql2;
import de.ortsanker.cql2.Cql2Exception;
import de.ortsanker.cql2.SqlFilter;
import de.ortsanker.cql2.SqlTranslator;
import de.ortsanker.filter.PlaceFilter;
import de.ortsanker.problem.InvalidParameter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What a tile request narrows the places down to: the shared filter language ({@link PlaceFilter}: kinds,
 * step-free, free entry) and any CQL2 filter over the places' attributes ({@link TileQueryables}). Filters
 * apply to place layers; villages and municipalities in the combined tile stay as they are (they are the
 * map's context). A filter is part of the cache key and the ETag through {@link #key()}.
 *
 * @param places the filter language's part
 * @param cql2   a CQL2 filter, or null
 */
public record TileFilter(PlaceFilter places, Cql2Filter cql2) {

    public static final TileFilter NONE = new TileFilter(PlaceFilter.NONE, null);

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
                throw new InvalidParameter("filter", e.getMessage());
            }
        }

        /** Equal for filters that mean the same however they were spelt: the SQL and its values. */
        String key() {
            return sql.sql() + " " + Arrays.deepToString(sql.parameters().toArray());
        }
    }

    /**
     * Reads the filter parameters of a request ({@code kinds=pub,cafe&step_free=yes&free_entry=true&filter=…})
     * for a tile of the given layers; an unusable value is a 400 naming the parameter.
     */
    public static TileFilter parse(Map<String, String[]> parameters, List<TileLayer> layers) {
        if (parameters.isEmpty()) {
            return NONE; // most tile requests: no need to build one
        }
        PlaceFilter places = PlaceFilter.parse(parameters, true);
        if (layers.size() == 1 && layers.get(0).isPlaces()) {
            places.requireWithin(layers.get(0).layer().group(), layers.get(0).id());
        }
        String[] language = parameters.getOrDefault("filter-lang", new String[0]);
        String text = parameters.getOrDefault("filter", new String[0]).length == 0 ? null : parameters.get("filter")[0];
        Cql2Filter cql2 = text == null || text.isBlank() ? null
                : Cql2Filter.parse(text, language.length == 0 ? Cql2.TEXT : language[0]);
        var filter = new TileFilter(places, cql2);
        if (!filter.isEmpty() && layers.stream().noneMatch(TileLayer::isPlaces)) {
            String name = places.isEmpty() ? "filter" : PlaceFilter.ACCEPTED.stream()
                    .filter(parameters::containsKey).findFirst().orElse(PlaceFilter.KINDS);
            throw new InvalidParameter(name, "layer '" + layers.get(0).id() + "' holds no places; filters apply to"
                    + " the place layers");
        }
        return filter;
    }

    public boolean isEmpty() {
        return places.isEmpty() && cql2 == null;
    }

    /** The deprecated names the request used (answered with a Deprecation header). */
    List<String> deprecated() {
        return places.deprecated();
    }

    /** The filter as a URL query ({@code ?kinds=cafe,pub&free_entry=true}), empty for no filter. */
    public String query() {
        var parts = new ArrayList<String>(places.queryParameters());
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
        var parts = new ArrayList<String>(places.queryParameters());
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
        return places.key() + (cql2 == null ? "" : "&filter=" + cql2.key());
    }
}
