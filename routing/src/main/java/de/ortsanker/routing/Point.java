package de.ortsanker.routing;

/** A position in WGS 84 degrees. */
public record Point(double lon, double lat) {
}
