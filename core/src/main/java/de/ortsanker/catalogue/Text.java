package de.ortsanker.catalogue;

import java.util.Objects;

/** A text for people in both of the service's languages: German (the default) and English. */
public record Text(String de, String en) {

    public Text {
        Objects.requireNonNull(de, "de");
        Objects.requireNonNull(en, "en");
    }

    public static Text of(String de, String en) {
        return new Text(de, en);
    }

    /** The text in a language code ({@code en}, else German). */
    public String in(String language) {
        return "en".equals(language) ? en : de;
    }
}
