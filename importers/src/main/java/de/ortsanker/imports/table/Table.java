package de.ortsanker.imports.table;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/** Rows of a CSV file or an Excel sheet: a header, then values by column name. */
public interface Table extends AutoCloseable {

    /** A row and the line (CSV) or row number (Excel) it stands on. */
    record Row(long line, Map<String, Object> values, String problem) {
    }

    List<String> header();

    /** The next row, or null at the end. */
    Row next() throws IOException;

    @Override
    void close() throws IOException;
}
