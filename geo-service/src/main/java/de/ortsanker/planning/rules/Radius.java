package de.ortsanker.planning.rules;

import de.ortsanker.problem.InvalidParameter;

/** Radii in whole metres, checked: positive and not absurdly large for a straight line around a village. */
public final class Radius {

    private Radius() {
    }

    public static int parse(String text, String parameter, int maxRadiusM) {
        String t = text == null ? "" : text.trim();
        long metres;
        try {
            metres = Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new InvalidParameter(parameter, "radius '" + t + "' must be a whole number of metres, e.g. 2000");
        }
        if (metres <= 0) {
            throw new InvalidParameter(parameter, "radius " + metres + " m must be more than 0");
        }
        if (metres > maxRadiusM) {
            throw new InvalidParameter(parameter, "radius " + metres + " m is more than " + maxRadiusM
                    + " m; a reach that far says nothing about a village's own offers");
        }
        return (int) metres;
    }
}
