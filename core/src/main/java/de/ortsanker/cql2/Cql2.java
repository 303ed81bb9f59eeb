package de.ortsanker.cql2;

import java.util.Locale;

/**
 * Entry point of the CQL2 library (OGC 21-065): parse a filter in CQL2 text or CQL2 JSON, then translate it
 * to a parameterised SQL condition with {@link SqlTranslator}.
 *
 * <pre>
 * Queryables q = Queryables.of(Queryable.of("name", Type.STRING, "p.name"), …);
 * SqlFilter where = SqlTranslator.toSql(Cql2.parse(text, "cql2-text"), q);
 * // "select … from places p where " + where.sql(), then where.bind(statement, 1)
 * </pre>
 */
public final class Cql2 {

    public static final String TEXT = "cql2-text";
    public static final String JSON = "cql2-json";

    /** Longest filter accepted, in characters; longer ones are refused before parsing. */
    public static final int MAX_LENGTH = 100_000;

    private Cql2() {
    }

    public static Expression parseText(String text) {
        return TextParser.parse(checked(text));
    }

    public static Expression parseJson(String json) {
        return JsonParser.parse(checked(json));
    }

    /** Parses in the named encoding ({@value #TEXT} or {@value #JSON}). */
    public static Expression parse(String filter, String language) {
        return switch (language.toLowerCase(Locale.ROOT)) {
            case TEXT -> parseText(filter);
            case JSON -> parseJson(filter);
            default -> throw new Cql2Exception("unknown filter language '" + language + "' (use " + TEXT + " or "
                    + JSON + ")");
        };
    }

    private static String checked(String filter) {
        if (filter == null || filter.isBlank()) {
            throw new Cql2Exception("the filter is empty");
        }
        if (filter.length() > MAX_LENGTH) {
            throw new Cql2Exception("the filter is longer than " + MAX_LENGTH + " characters");
        }
        return filter;
    }
}
