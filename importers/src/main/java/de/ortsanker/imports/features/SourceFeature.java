package de.ortsanker.imports.features;

import de.ortsanker.imports.Origin;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * A feature or row as a GIS or table file gives it: its attributes by column name (in file order) and its
 * geometry in the file's CRS (null for a table row whose position is in columns or to be geocoded).
 */
public record SourceFeature(Origin origin, Map<String, Object> properties, Geometry geometry) {
}
