package de.ortsanker.imports;

import java.util.List;

/**
 * A table an import writes to, keyed by (source, {@link #key()}). The columns are those a source
 * provides; the merge compares them through a digest ({@code import_hash}) and never touches the rest
 * (ids, timestamps, hand edits).
 */
public enum Target {
    PLACES("places", "source_id", true, null, PlaceFields.columns()),
    LOCALITIES("localities", "source_id", false, "localities_one_per_village", List.of(
            "name", "kind", "geom", "population", "population_source", "population_date", "ags",
            "licence", "attribution", "last_verified", "osm", "source_edited")),
    ADMIN_AREAS("admin_areas", "source_id", false, "admin_areas_one_per_key", List.of(
            "level", "ags", "ars", "name", "designation", "population", "geom", "licence", "attribution", "osm")),
    POPULATION_CELLS("population_cells", "cell_id", false, null, List.of(
            "size_m", "centre", "population", "census", "licence", "attribution")),
    ADDRESSES("addresses", "source_id", false, null, List.of(
            "street", "housenumber", "postcode", "city", "geom", "licence", "attribution")),
    /** A municipality's official population (V67), keyed by its AGS. */
    OFFICIAL_POPULATION("official_population", "ags", false, null, List.of(
            "name", "population", "reference_date", "publication", "licence", "attribution"));

    private final String table;
    private final String key;
    private final boolean editable;
    private final String oneRecordRule;
    private final List<String> columns;

    Target(String table, String key, boolean editable, String oneRecordRule, List<String> columns) {
        this.table = table;
        this.key = key;
        this.editable = editable;
        this.oneRecordRule = oneRecordRule;
        this.columns = columns;
    }

    /**
     * The database function that keeps one record per real thing in this table after a merge (V63: an area per
     * level and key, a village per place), or null where records of two sources cannot be the same thing.
     * Its records may be retired as stand-ins for another ({@code superseded_by}).
     */
    public String oneRecordRule() {
        return oneRecordRule;
    }

    /** The table's name; also the name used in summaries and import_runs.stats. */
    public String table() {
        return table;
    }

    /** The column that identifies a record within its source. */
    public String key() {
        return key;
    }

    /** Whether records can be edited by hand ({@code edited_at}), so that the merge must not overwrite them. */
    public boolean editable() {
        return editable;
    }

    /** The columns a source provides, in the order staged rows carry them. */
    public List<String> columns() {
        return columns;
    }
}
