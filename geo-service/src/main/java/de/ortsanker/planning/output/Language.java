package de.ortsanker.planning.output;

import de.ortsanker.problem.InvalidParameter;

/**
 * The language of a table's headings and words ({@code lang=}): German unless asked otherwise — the
 * county's language, and what the web map's German page downloads.
 */
public enum Language {
    DE, EN;

    public static Language parse(String lang) {
        if (lang == null || lang.isBlank() || lang.trim().equalsIgnoreCase("de")) {
            return DE;
        }
        if (lang.trim().equalsIgnoreCase("en")) {
            return EN;
        }
        throw new InvalidParameter("lang", "'" + lang + "' is not a language of the tables: de (default) or en");
    }

    /** The text in this language. */
    public String pick(String de, String en) {
        return this == DE ? de : en;
    }
}
