package de.ortsanker.imports;

/**
 * A record ready for a staging table: the table it belongs to, its key within the source, and where in
 * the file it came from (for reports). The kinds of record are this package's *Record classes.
 */
public abstract class StagedRecord {

    /** The record's id within its source (a population cell's: its cell id). */
    public final String key;
    /** Where in the file the record came from. */
    public final Origin origin;
    private final Target target;

    StagedRecord(Target target, String key, Origin origin) {
        this.target = target;
        this.key = key;
        this.origin = origin;
    }

    public Target target() {
        return target;
    }

    /** Writes the data columns in the order of {@link Target#columns()}. */
    abstract void write(CopyRow row, Provenance provenance);
}
