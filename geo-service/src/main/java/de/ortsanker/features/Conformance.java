package de.ortsanker.features;

import de.ortsanker.tiles.OgcStyles;
import de.ortsanker.tiles.OgcTiles;
import java.util.List;
import java.util.stream.Stream;

/**
 * The conformance classes this API implements, as listed at {@code /conformance}: OGC API Features with
 * CQL2 and Part 4's writes, and the tiles module's OGC API Tiles and Styles — one service root, one declaration.
 */
final class Conformance {

    private static final List<String> FEATURES = List.of(
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
            "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
            "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables",
            "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables-query-parameters",
            "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter",
            "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/features-filter",
            "http://www.opengis.net/spec/ogcapi-features-5/1.0/conf/schemas",
            "http://www.opengis.net/spec/ogcapi-features-5/1.0/conf/core-roles-features",
            "http://www.opengis.net/spec/ogcapi-features-5/1.0/conf/returnables-and-receivables",
            "http://www.opengis.net/spec/cql2/1.0/conf/cql2-text",
            "http://www.opengis.net/spec/cql2/1.0/conf/cql2-json",
            "http://www.opengis.net/spec/cql2/1.0/conf/basic-cql2",
            "http://www.opengis.net/spec/cql2/1.0/conf/advanced-comparison-operators",
            "http://www.opengis.net/spec/cql2/1.0/conf/case-insensitive-comparison",
            "http://www.opengis.net/spec/cql2/1.0/conf/accent-insensitive-comparison",
            "http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions",
            "http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions-plus",
            "http://www.opengis.net/spec/cql2/1.0/conf/spatial-functions",
            "http://www.opengis.net/spec/cql2/1.0/conf/property-property",
            "http://www.opengis.net/spec/cql2/1.0/conf/temporal-functions",
            "http://www.opengis.net/spec/cql2/1.0/conf/array-functions",
            // Part 4 on the place collections (ItemWrites): POST, PUT, DELETE; PATCH as JSON merge patch; ETags
            "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/create-replace-delete",
            "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/update",
            "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/optimistic-locking-etags",
            "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/features");

    static final List<String> CLASSES = Stream.of(FEATURES, OgcTiles.CONFORMANCE, OgcStyles.CONFORMANCE)
            .flatMap(List::stream).toList();

    private Conformance() {
    }
}
