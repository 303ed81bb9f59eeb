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
 * <li>{@code TARGET:transit:MINUTESmin@WINDOW} — by public transport and on foot, for journeys leaving home
 *     within a {@link TimeWindow}: "within 30 minutes by bus and foot on Sunday afternoon" is
 *     {@code third_places:transit:30min@sun:14-18}. Without {@code @WINDOW} the request's {@code window}
 *     parameter gives it.</li>
 * </ul>
 *
 * @param mode    the walking or cycling mode of a rule in minutes; null for a rule in metres and for transit
 * @param minutes the time a rule in minutes allows; 0 for a rule in metres
 * @param window  a transit rule's time window (and, once answered, its day); null for every other rule
 */
public record Rule(Target target, int radiusM, TravelMode mode, int minutes, TimeWindow window) {

    /** The longest time a rule may allow: beyond, "within reach" says nothing about a village. */
    public static final int MAX_MINUTES = 180;

    private static final Pattern TIMED = Pattern.compile("(.+):([a-z]+):(\\d+)min(?:@(.*))?");

    public Rule(Target target, int radiusM) {
        this(target, radiusM, null, 0, null);
    }

    public Rule(Target target, TravelMode mode, int minutes) {
        this(target, 0, mode, minutes, null);
    }

    /** Whether the text is written as a transit rule (whatever else may be wrong with it). */
    public static boolean looksLikeTransit(String text) {
        Matcher timed = TIMED.matcher(text == null ? "" : text.trim());
        return timed.matches() && timed.group(2).equals("transit");
    }

    /** Parses {@code TARGET:METRES} or {@code TARGET:MODE:Nmin}; radii must lie in 1 … maxRadiusM. */
    public static Rule parse(String text, PlaceFilter conditions, String parameter, int maxRadiusM) {
        return parse(text, conditions, parameter, maxRadiusM, null);
    }

    /**
     * The same, and {@code TARGET:transit:Nmin[@WINDOW]}.
     *
     * @param window the window of a transit rule that states none (the request's {@code window}); null: none given
     */
    public static Rule parse(String text, PlaceFilter conditions, String parameter, int maxRadiusM, TimeWindow window) {
        String t = text == null ? "" : text.trim();
        Matcher timed = TIMED.matcher(t);
        if (timed.matches()) {
            Target target = Target.parse(timed.group(1), conditions, parameter);
            int minutes = minutes(timed.group(3), t, parameter);
            String own = timed.group(4);
            if (timed.group(2).equals("transit")) {
                TimeWindow w = own != null ? TimeWindow.parse(own, parameter) : window;
                if (w == null) {
                    throw new InvalidParameter(parameter, "'" + t + "': a transit rule needs a time window: write"
                            + " e.g. " + target.label() + ":transit:" + minutes + "min@sun:14-18, or give the request"
                            + " a window, e.g. window=weekday:7-9");
                }
                return new Rule(target, 0, null, minutes, w);
            }
            TravelMode mode = travelMode(timed.group(2), t, parameter);
            if (own != null) {
                throw new InvalidParameter(parameter, "'" + t + "': a time window (@" + own + ") applies to transit"
                        + " rules only; walking and cycling take the same time all day");
            }
            return new Rule(target, mode, minutes);
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
            case "car" -> throw new InvalidParameter(parameter, "'" + rule + "': travel times by car are not"
                    + " available; walk, bike and transit are");
            case "straight" -> throw new InvalidParameter(parameter, "'" + rule + "': a straight line has no travel"
                    + " time; write the radius in metres, e.g. third_places:2000");
            default -> throw new InvalidParameter(parameter, "'" + rule + "': '" + code + "' is not a travel mode;"
                    + " one of walk, bike, transit");
        };
    }

    private static int minutes(String digits, String rule, String parameter) {
        long m = digits.length() > 6 ? Long.MAX_VALUE : Long.parseLong(digits);
        if (m < 1 || m > MAX_MINUTES) {
            throw new InvalidParameter(parameter, "'" + rule + "': " + digits + " minutes must be 1 … " + MAX_MINUTES);
        }
        return (int) m;
    }

    /** Whether the rule is stated in minutes (along the network, or by public transport). */
    public boolean timed() {
        return mode != null || window != null;
    }

    /** Whether the rule is stated in minutes by public transport and on foot. */
    public boolean transit() {
        return window != null;
    }

    /** The mode of a rule in minutes as written: walk, bike or transit; null for a rule in metres. */
    public String modeCode() {
        return transit() ? "transit" : mode == null ? null : mode.code();
    }

    /** The same transit rule answered on a day. */
    public Rule on(java.time.LocalDate day) {
        return new Rule(target, radiusM, mode, minutes, window.on(day));
    }

    /**
     * The rule as a planner writes it, e.g. {@code third_places:2000}, {@code third_places:walk:20min} or
     * {@code third_places:transit:30min@sun:14-18} (with its window even where the request gave it apart).
     */
    public String label() {
        if (!timed()) {
            return target.label() + ":" + radiusM;
        }
        return target.label() + ":" + modeCode() + ":" + minutes + "min" + (transit() ? "@" + window.label() : "");
    }
}
