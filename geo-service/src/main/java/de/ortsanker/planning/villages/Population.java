package de.ortsanker.planning.villages;

import java.time.LocalDate;

/**
 * How many people live in a village, and how we know: the village's own figure (OSM, an imported list), or
 * its share of its municipality's official figure — each stated, so a council report can cite it.
 *
 * @param people      null when nothing is known
 * @param note        how the figure was made, in words
 * @param uncertainty ± people (the method's measured error, docs/population.md); null for an own figure
 */
public record Population(Integer people, Method method, String source, LocalDate date, String note,
                         Integer uncertainty) {

    public Population(Integer people, Method method, String source, LocalDate date, String note) {
        this(people, method, source, date, note, null);
    }

    /**
     * In order of preference: the village's own figure; else its share of the municipality's official figure by
     * the Zensus grid, by addresses, or (rough) by kind of settlement; else unknown.
     */
    public enum Method {
        OWN("own"), ZENSUS("zensus"), ADDRESSES("addresses"), SETTLEMENT_KIND("settlement_kind"), UNKNOWN("unknown");

        private final String code;

        Method(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static Method of(String code) {
            for (Method m : values()) {
                if (m.code.equals(code)) {
                    return m;
                }
            }
            throw new IllegalArgumentException("unknown population method " + code);
        }
    }

    public static final Population UNKNOWN = new Population(null, Method.UNKNOWN, null, null,
            "unknown: no figure of its own and no official figure for its municipality");

    /**
     * A figure of the village's own or a share of an official figure by where people live (grid, addresses);
     * a share by kind of settlement is rough and, like a missing figure, flagged.
     */
    public boolean known() {
        return method == Method.OWN || method == Method.ZENSUS || method == Method.ADDRESSES;
    }

    /** The people to weight by; an unknown figure counts as none (and is flagged). */
    public int weight() {
        return people == null ? 0 : people;
    }
}
