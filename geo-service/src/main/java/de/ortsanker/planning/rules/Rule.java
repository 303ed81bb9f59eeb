package de.ortsanker.planning.rules;

import de.ortsanker.filter.PlaceFilter;
import de.ortsanker.problem.InvalidParameter;

/**
 * A planner's standard for one kind of offer: a village is served when a place of the target lies within
 * the radius — "a third place within 2 km" is {@code third_places:2000}, "a Mitfahrbank or a stop within
 * 1 km" is {@code mitfahrbank|bus_stop:1000}.
 */
public record Rule(Target target, int radiusM) {

    /** Parses {@code TARGET:METRES} under the request's conditions; radii must lie in 1 … maxRadiusM. */
    public static Rule parse(String text, PlaceFilter conditions, String parameter, int maxRadiusM) {
        String t = text == null ? "" : text.trim();
        int colon = t.lastIndexOf(':');
        if (colon < 0 || t.substring(colon + 1).matches("[a-z_]+")) {
            throw new InvalidParameter(parameter, "'" + t + "' lacks a radius: write KINDS:METRES, e.g. third_places:2000"
                    + " or mitfahrbank|bus_stop:1000");
        }
        Target target = Target.parse(t.substring(0, colon), conditions, parameter);
        return new Rule(target, Radius.parse(t.substring(colon + 1), parameter, maxRadiusM));
    }

    /** The rule as a planner writes it, e.g. {@code third_places:2000}. */
    public String label() {
        return target.label() + ":" + radiusM;
    }
}
