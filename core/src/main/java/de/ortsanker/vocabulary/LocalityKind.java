package de.ortsanker.vocabulary;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of settlement ({@code localities.kind}, OSM's {@code place=}), with what a German or English
 * reader calls them: a planner's table says "Weiler", not "hamlet".
 */
public enum LocalityKind {
    CITY("city", "Stadt", "city"),
    TOWN("town", "Stadt", "town"),
    VILLAGE("village", "Dorf", "village"),
    HAMLET("hamlet", "Weiler", "hamlet"),
    ISOLATED_DWELLING("isolated_dwelling", "Einzelsiedlung", "farmstead"),
    SUBURB("suburb", "Ortsteil", "district"),
    QUARTER("quarter", "Ortsteil", "quarter"),
    LOCALITY("locality", "Flur", "locality");

    private final String code;
    private final String de;
    private final String en;

    LocalityKind(String code, String de, String en) {
        this.code = code;
        this.de = de;
        this.en = en;
    }

    public String code() {
        return code;
    }

    public String de() {
        return de;
    }

    public String en() {
        return en;
    }

    public static Optional<LocalityKind> fromCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }
}
