package de.ortsanker.planning.distance;

/**
 * A spot where something new could open: a vacant building (placeId set) or a point a planner gives.
 * Provenance travels with it.
 */
public record Site(Long placeId, String label, double lon, double lat, String source, String licence,
                   String attribution) {
}
