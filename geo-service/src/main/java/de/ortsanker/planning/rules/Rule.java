package de.ortsanker.planning.rules;

import de.ortsanker.filter.PlaceFilter;
import de.ortsanker.problem.InvalidParameter;
import de.ortsanker.routing.TravelMode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A planner's standard for one kind of offer. Two forms, one syntax:
 * <ul>
 * <li>{@code TARGET:METRES} — a place of the target within the radius, measured as the request's {@code mode}
 *     says (a straight line by default): "a third place within 2 km" is {@code third_places:2000}, "a
 *     Mitfahrbank or a stop within 1 km" is {@code mitfahrbank|bus_stop:1000};</li>
 * <li>{@code TARGET:MODE:MINUTESmin} — a place of the target within so many minutes, along the network:
 *     "a place to meet within 20 minutes on foot" is {@code third_places:walk:20min}, by bike
 *     {@code third_places:bike:15min}. Such a rule carries its own mode, whatever the request's.</li>
 * </ul>
 *
 * @param mode    the travel mode of a rule in minutes; null for a rule in metres
 * @param minutes the time a rule in minutes allows; 0 for a rule in metres
 */
public record Rule(Target target, int radiusM, TravelMode mode, int minutes) {

    /** The longest time a rule may allow: beyond, "within reach" says nothing about a village. */
    public static final int MAX_MINUTES = 180;

    private static final Pattern TIMED = Pattern.compile("(.+):([a-z]+):(\\d+)min");

    public Rule(Target target, int radiusM) {
        this(target, radiusM, null, 0);
    }

    /** Parses {@code TARGET:METRES} or {@code TARGET:MODE:Nmin}; radii must lie in 1 … maxRadiusM. */
    public static Rule parse(String text, PlaceFilter conditions, String parameter, int maxRadiusM) {
        String t = text == null ? "" : text.trim();
        Matcher timed = TIMED.matcher(t);
        if (timed.matches()) {
            Target target = Target.parse(timed.group(1), conditions, parameter);
            return new Rule(target, 0, travelMode(timed.group(2), t, parameter), minutes(timed.group(3), t, parameter));
        }
        int colon = t.lastIndexOf(':');
        if (colon < 0 || t.substring(colon + 1).matches("[a-z_]+")) {
            throw new InvalidParameter(parameter, "'" + t + "' lacks a radius or a time: write KINDS:METRES, e.g."
                    + " third_places:2000, or KINDS:MODE:MINUTESmin, e.g. third_places:walk:20min");
        }
        if (t.substring(colon + 1).matches("\\d+\\s*(min|m|km|h)")) {
            throw new InvalidParameter(parameter, "'" + t + "': a radius is whole metres without a unit (third_places:2000);"
                    + " a time needs its mode: third_places:walk:20min or third_places:bike:15min");
        }
        Target target = Target.parse(t.substring(0, colon), conditions, parameter);
        return new Rule(target, Radius.parse(t.substring(colon + 1), parameter, maxRadiusM));
    }

    private static TravelMode travelMode(String code, String rule, String parameter) {
        return switch (code) {
            case "walk" -> TravelMode.WALK;
            case "bike" -> TravelMode.BIKE;
            case "transit" -> throw new InvalidParameter(parameter, "'" + rule + "': transit travel times need a"
                    + " public-transport timetable (GTFS), and none is imported on this service; walk and bike"
                    + " are available");
            case "car" -> throw new InvalidParameter(parameter, "'" + rule + "': travel times by car are not"
                    + " available; walk and bike are");
            case "straight" -> throw new InvalidParameter(parameter, "'" + rule + "': a straight line has no travel"
                    + " time; write the radius in metres, e.g. third_places:2000");
            default -> throw new InvalidParameter(parameter, "'" + rule + "': '" + code + "' is not a travel mode;"
                    + " one of walk, bike");
        };
    }

    private static int minutes(String digits, String rule, String parameter) {
        long m = digits.length() > 6 ? Long.MAX_VALUE : Long.parseLong(digits);
        if (m < 1 || m > MAX_MINUTES) {
            throw new InvalidParameter(parameter, "'" + rule + "': " + digits + " minutes must be 1 … " + MAX_MINUTES);
        }
        return (int) m;
    }

    /** Whether the rule is stated in minutes along the network. */
    public boolean timed() {
        return mode != null;
    }

    /** The rule as a planner writes it, e.g. {@code third_places:2000} or {@code third_places:walk:20min}. */
    public String label() {
        return timed() ? target.label() + ":" + mode.code() + ":" + minutes + "min" : target.label() + ":" + radiusM;
    }
}
