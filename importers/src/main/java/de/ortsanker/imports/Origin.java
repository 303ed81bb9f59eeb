package de.ortsanker.imports;

/**
 * Where a record came from in its file, so that a problem with it can be reported precisely.
 * Exactly one of line, feature and element is set.
 */
public record Origin(String file, Long line, Long feature, String element) {

    public static Origin line(String file, long line) {
        return new Origin(file, line, null, null);
    }

    public static Origin feature(String file, long feature) {
        return new Origin(file, null, feature, null);
    }

    public static Origin element(String file, String element) {
        return new Origin(file, null, null, element);
    }

    public Problem problem(String field, String reason, Problem.Action action) {
        return new Problem(file, line, feature, element, field, reason, action);
    }

    /** Short form stored with a staged row: "line 12", "feature 3", "node/123". */
    public String label() {
        return line != null ? "line " + line : feature != null ? "feature " + feature : element;
    }

    /** The inverse of {@link #label()}, for problems found while merging. */
    public static Origin parse(String file, String label) {
        if (label.startsWith("line ")) {
            return line(file, Long.parseLong(label.substring(5)));
        }
        if (label.startsWith("feature ")) {
            return feature(file, Long.parseLong(label.substring(8)));
        }
        return element(file, label);
    }
}
