package de.ortsanker.imports;

/** A record ready for a staging table: its table, its key within the source, where it came from, its columns. */
interface StagedRecord {

    Target target();

    /** The source id (for population cells, the cell id). */
    String key();

    Origin origin();

    /** Writes the data columns in the order of {@link Target#columns()}. */
    void write(CopyRow row, Provenance provenance);
}
