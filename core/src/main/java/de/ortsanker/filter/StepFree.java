package de.ortsanker.filter;

import java.util.List;

/**
 * How step-free a place must be: {@code yes} (step-free, OSM {@code wheelchair=yes}) or {@code limited} (at
 * least partly: {@code wheelchair=yes} or {@code limited}). Places not known to be step-free never pass.
 */
public enum StepFree {
    YES("yes", List.of("yes")),
    LIMITED("limited", List.of("yes", "limited"));

    private final String code;
    private final List<String> wheelchairValues;

    StepFree(String code, List<String> wheelchairValues) {
        this.code = code;
        this.wheelchairValues = wheelchairValues;
    }

    public String code() {
        return code;
    }

    /** The values of the {@code wheelchair} attribute that pass. */
    public List<String> wheelchairValues() {
        return wheelchairValues;
    }
}
