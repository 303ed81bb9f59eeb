package de.ortsanker.features;

import java.util.Locale;

/** Where to read the licences the data comes under, recognised by their usual names. */
final class Licences {

    private Licences() {
    }

    /** The licence text's URL, or null when the name is not one we know. */
    static String url(String licence) {
        if (licence == null) {
            return null;
        }
        String l = licence.toLowerCase(Locale.ROOT).replace(" ", "");
        if (l.contains("odbl") || l.contains("opendatabaselicense")) {
            return "https://opendatacommons.org/licenses/odbl/1-0/";
        }
        if (l.contains("dl-de/by-2") || l.contains("dl-de-by-2") || l.contains("namensnennung")) {
            return "https://www.govdata.de/dl-de/by-2-0";
        }
        if (l.contains("dl-de/zero") || l.contains("dl-de-zero")) {
            return "https://www.govdata.de/dl-de/zero-2-0";
        }
        if (l.contains("cc-by-4") || l.contains("ccby4")) {
            return "https://creativecommons.org/licenses/by/4.0/";
        }
        if (l.contains("cc0")) {
            return "https://creativecommons.org/publicdomain/zero/1.0/";
        }
        return null;
    }
}
