package de.ortsanker.planning.villages;

import java.time.LocalDate;

/**
 * How many people live in a village, and how we know: the village's own figure (OSM, an imported list),
 * the Zensus grid cells nearest to it, or an estimate — each stated, so a council report can cite it.
 *
 * @param people null when nothing is known
 * @param note   how the figure was made, in words
 */
public record Population(Integer people, Method method, String source, LocalDate date, String note) {

    /** In order of preference. */
    public enum Method {
        OWN("own"), ZENSUS("zensus"), ESTIMATE("estimate"), UNKNOWN("unknown");

        private final String code;

        Method(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    public static final Population UNKNOWN = new Population(null, Method.UNKNOWN, null, null,
            "no figure: not in the village's data, no Zensus cells nearby, too few comparable villages to estimate");

    /** A real figure, not an estimate and not missing; villages without one are flagged. */
    public boolean known() {
        return method == Method.OWN || method == Method.ZENSUS;
    }

    /** The people to weight by; an unknown figure counts as none (and is flagged). */
    public int weight() {
        return people == null ? 0 : people;
    }
}
