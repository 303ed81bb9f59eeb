package de.ortsanker.planning.distance;

import de.ortsanker.problem.InvalidParameter;
import de.ortsanker.routing.TravelMode;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How distance is measured: in a straight line, or along the network on foot or by bike (metres of the
 * network, and travel time). By car and by public transport are named so that a request for them gets a
 * precise answer about what is missing.
 */
public enum Mode {
    STRAIGHT, WALK, BIKE, CAR, TRANSIT;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The network mode, for walking and cycling; null for the others. */
    public TravelMode travelMode() {
        return switch (this) {
            case WALK -> TravelMode.WALK;
            case BIKE -> TravelMode.BIKE;
            default -> null;
        };
    }

    public static Mode parse(String text) {
        if (text == null || text.isBlank()) {
            return STRAIGHT;
        }
        return Arrays.stream(values()).filter(m -> m.code().equals(text.trim())).findFirst()
                .orElseThrow(() -> new InvalidParameter("mode", "'" + text + "' is not a distance mode; one of "
                        + Arrays.stream(values()).map(Mode::code).collect(Collectors.joining(", "))));
    }
}
