package de.ortsanker.catalogue;

/**
 * Where a layer's rows come from: the table and its alias, the joins its fields need, which rows exist at
 * all (retired rows never do), and the columns every layer has — id, geometry, provenance. Who may see a
 * place is not here: {@link de.ortsanker.filter.PublicPlaces} decides that, for places only.
 *
 * @param joins     joins some fields need ({@code k.label_de}); queries that use none of them leave them out
 * @param existing  the condition for rows that exist now, over the alias
 * @param geography an indexed geography twin of the geometry for distances in metres, or null
 */
public record Source(String table, String alias, String joins, String existing, String geography,
                     String versionLayer) {

    public static final Source PLACES = new Source("places", "p", "join kinds k on k.code = p.kind", null,
            "p.geog", null);
    public static final Source VILLAGES = new Source("localities", "l", "", "l.retired_at is null", "l.geog",
            "localities");
    public static final Source MUNICIPALITIES = new Source("admin_areas", "a", "",
            "a.level = 'gemeinde' and a.retired_at is null", null, "admin_areas");
    public static final Source DISTRICTS = new Source("admin_areas", "a", "",
            "a.level = 'kreis' and a.retired_at is null", null, "admin_areas");

    public boolean isPlaces() {
        return this == PLACES;
    }

    /** {@code places p} */
    public String from() {
        return table + " " + alias;
    }

    /** {@code places p join kinds k on …}: the FROM clause for every field. */
    public String fromWithJoins() {
        return joins.isEmpty() ? from() : from() + " " + joins;
    }

    public String id() {
        return alias + ".id";
    }

    public String geometry() {
        return alias + ".geom";
    }

    public String sourceColumn() {
        return alias + ".source";
    }

    public String licenceColumn() {
        return alias + ".licence";
    }

    public String attributionColumn() {
        return alias + ".attribution";
    }
}
