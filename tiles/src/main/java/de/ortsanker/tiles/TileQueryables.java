package de.ortsanker.tiles;

import de.ortsanker.catalogue.Catalogue;
import de.ortsanker.cql2.Queryables;

/**
 * What a CQL2 {@code filter} on place tiles may name: the places' queryables as the catalogue defines them,
 * the same for every place layer and under the same names as the OGC API Features collections. The SQL is
 * ours; a filter's text only ever selects among these.
 */
final class TileQueryables {

    static final Queryables PLACES = Catalogue.places().get(0).queryables();

    private TileQueryables() {
    }
}
