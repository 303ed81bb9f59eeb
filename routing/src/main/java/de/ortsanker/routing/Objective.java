package de.ortsanker.routing;

/**
 * What a search minimises, over the ways the mode may use (GraphHopper's weighting for it is finite).
 * Planning asks for the quickest way, not the one a navigation app would prefer for its quiet streets:
 * "within 20 minutes" means the fastest way there.
 */
public enum Objective {
    /** Travel time at GraphHopper's speeds for the mode. */
    FASTEST,
    /** Length: the network distance, for checking against an independent router. */
    SHORTEST
}
