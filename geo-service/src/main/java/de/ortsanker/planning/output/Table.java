package de.ortsanker.planning.output;

import java.util.ArrayList;
import java.util.List;

/** An answer as a table: column headings and rows of values (see {@link Csv} for how values are written). */
public record Table(List<String> header, List<List<Object>> rows) {

    public static <T> Table of(List<Column<T>> columns, List<? extends T> records) {
        List<List<Object>> rows = new ArrayList<>();
        for (T record : records) {
            List<Object> row = new ArrayList<>();
            columns.forEach(c -> row.add(c.value().apply(record)));
            rows.add(row);
        }
        return new Table(columns.stream().map(Column::heading).toList(), rows);
    }

    /** This table with one more column that holds the same value in every row. */
    public Table with(String heading, Object value) {
        List<String> header = new ArrayList<>(this.header);
        header.add(heading);
        List<List<Object>> rows = new ArrayList<>();
        for (List<Object> r : this.rows) {
            List<Object> row = new ArrayList<>(r);
            row.add(value);
            rows.add(row);
        }
        return new Table(header, rows);
    }
}
