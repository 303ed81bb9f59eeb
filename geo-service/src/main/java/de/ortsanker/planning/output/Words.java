package de.ortsanker.planning.output;

/**
 * A table value that is words rather than a figure or a name, in German and English; the CSV writes the
 * language asked for ({@link Language}). JSON keeps codes ("hamlet", "estimate"): programs read those.
 */
public record Words(String de, String en) {

    public String in(Language language) {
        return language.pick(de, en);
    }

    @Override
    public String toString() {
        return de;
    }
}
