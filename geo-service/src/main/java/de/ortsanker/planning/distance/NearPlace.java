package de.ortsanker.planning.distance;

/** The nearest place of a target to a village, and how far it is. */
public record NearPlace(long id, String kind, String name, double metres) {
}
