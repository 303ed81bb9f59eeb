package de.ortsanker.imports;

/**
 * What an import did to one target table, or in total.
 *
 * @param read      records read from the file for this target
 * @param added     new records
 * @param updated   records whose attributes changed (and retired ones that came back)
 * @param unchanged records imported before exactly as they are
 * @param retired   records gone from a complete source: kept, marked retired
 * @param rejected  records not imported because of a problem with them
 * @param conflicts records edited by hand that the source also changed (hand edit kept)
 * @param skipped   records left out that are not errors (e.g. cut by an extract's edge)
 */
public record Counts(long read, long added, long updated, long unchanged, long retired, long rejected,
                     long conflicts, long skipped) {

    public static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0, 0, 0);

    public Counts plus(Counts o) {
        return new Counts(read + o.read, added + o.added, updated + o.updated, unchanged + o.unchanged,
                retired + o.retired, rejected + o.rejected, conflicts + o.conflicts, skipped + o.skipped);
    }

    /** True when the import changed nothing in the database. */
    public boolean changedNothing() {
        return added == 0 && updated == 0 && retired == 0;
    }
}
