package de.ortsanker.planning.distance;

import de.ortsanker.problem.InvalidParameter;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How distance is measured: in a straight line today; along the road network on foot, by bike or car later. */
public enum Mode {
    STRAIGHT, WALK, BIKE, CAR;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
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
