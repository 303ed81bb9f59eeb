package de.ortsanker.routing;

import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * The area reachable within a time, and the network nodes it was drawn around (lon, lat, seconds).
 * The hull is an outline of the reached network, not a guarantee for every point inside it: a field
 * between two reached roads lies inside without being on a way.
 */
public record Isochrone(Geometry area, List<double[]> nodes) {
}
