package de.ortsanker.tiles;

import de.ortsanker.cql2.Queryable;
import de.ortsanker.cql2.Queryable.Type;
import de.ortsanker.cql2.Queryables;

/**
 * What a CQL2 {@code filter} on place tiles may name: the places' public attributes, under the names the
 * OGC API Features collections use. The SQL is ours; a filter's text only ever selects among these.
 */
final class TileQueryables {

    static final Queryables PLACES = Queryables.of(
            Queryable.of("name", Type.STRING, "p.name"),
            Queryable.of("kind", Type.STRING, "p.kind"),
            Queryable.of("postcode", Type.STRING, "p.addr_postcode"),
            Queryable.of("city", Type.STRING, "p.addr_city"),
            Queryable.of("opening_hours", Type.STRING, "p.opening_hours"),
            Queryable.of("wheelchair", Type.STRING, "p.wheelchair"),
            Queryable.of("free_entry", Type.BOOLEAN, "p.free_entry"),
            Queryable.of("operator", Type.STRING, "p.operator"),
            Queryable.of("operator_type", Type.STRING, "p.operator_type"),
            Queryable.of("capacity", Type.INTEGER, "p.capacity"),
            Queryable.of("equipment", Type.STRING_ARRAY, "p.equipment"),
            Queryable.of("target_groups", Type.STRING_ARRAY, "p.target_groups"),
            Queryable.of("valid_from", Type.DATE, "p.valid_from"),
            Queryable.of("valid_to", Type.DATE, "p.valid_to"),
            Queryable.of("last_verified", Type.DATE, "p.last_verified"),
            Queryable.of("source", Type.STRING, "p.source"),
            Queryable.of("licence", Type.STRING, "p.licence"),
            Queryable.geometry("geometry", "p.geom", "p.geog"));

    private TileQueryables() {
    }
}
