package de.ortsanker.routing;

import java.nio.file.Path;
import java.util.List;

/**
 * Where networks come from and where built graphs are kept.
 *
 * @param extracts   the OSM extracts (.osm.pbf) the service was given; each becomes a network of its own
 * @param cacheDir   where built graphs are stored: a restart with unchanged extracts loads them in seconds
 * @param maxSnapM   a village or place farther than this from any usable way counts as not on the network
 */
public record RoutingSettings(List<Path> extracts, Path cacheDir, double maxSnapM) {

    public RoutingSettings {
        extracts = List.copyOf(extracts);
        if (maxSnapM <= 0) {
            throw new IllegalArgumentException("maxSnapM must be positive, got " + maxSnapM);
        }
    }
}
