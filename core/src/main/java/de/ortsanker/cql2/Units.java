package de.ortsanker.cql2;

import java.util.Locale;

/** Distance units S_DWITHIN accepts; metres when none is given. */
final class Units {

    private Units() {
    }

    static double metresPer(String unit, int position) {
        return switch (unit.toLowerCase(Locale.ROOT)) {
            case "m", "meter", "meters", "metre", "metres" -> 1;
            case "km", "kilometer", "kilometers", "kilometre", "kilometres" -> 1000;
            default -> throw Tokenizer.error(position, "unknown distance unit '" + unit + "' (use 'm' or 'km')");
        };
    }
}
