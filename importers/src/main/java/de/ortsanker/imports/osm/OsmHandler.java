package de.ortsanker.imports.osm;

import java.io.IOException;

/** Receives a file's elements in file order: nodes, then ways, then relations. */
interface OsmHandler {

    /** @param timestamp milliseconds since the epoch of the element's last edit, or 0 when unknown */
    void node(long id, int lon7, int lat7, Tags tags, long timestamp) throws IOException;

    void way(long id, long[] nodes, Tags tags, long timestamp) throws IOException;

    /** @param memberTypes 'n', 'w' or 'r' per member */
    void relation(long id, long[] memberIds, char[] memberTypes, String[] roles, Tags tags, long timestamp)
            throws IOException;
}
