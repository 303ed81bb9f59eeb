package de.ortsanker.routing;

/**
 * Short walks from each of some points to the others within a time: for point {@code i}, the indices
 * {@code to[i]} it reaches and the seconds {@code seconds[i]} each takes (straight legs to and from the
 * network included). Sparse: a village's stops within 20 minutes, a stop's neighbours within 5.
 */
public record Walks(int[][] to, int[][] seconds) {

    public int size() {
        return to.length;
    }

    /** No walks at all from {@code n} points (a point off the network walks nowhere). */
    public static Walks none(int n) {
        int[][] empty = new int[n][0];
        return new Walks(empty, empty);
    }
}
