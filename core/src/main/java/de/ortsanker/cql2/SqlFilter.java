package de.ortsanker.cql2;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * A filter as an SQL condition with {@code ?} placeholders and the values that go into them, in order.
 * Append {@link #sql()} to a WHERE clause and bind the values with {@link #bind}.
 */
public record SqlFilter(String sql, List<Object> parameters) {

    public SqlFilter {
        parameters = List.copyOf(parameters);
    }

    /** Binds the values starting at placeholder {@code firstIndex} (1-based); returns the next free index. */
    public int bind(PreparedStatement statement, int firstIndex) throws SQLException {
        int i = firstIndex;
        for (Object value : parameters) {
            bindValue(statement, i++, value);
        }
        return i;
    }

    static void bindValue(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value instanceof String[] array) {
            Connection c = statement.getConnection();
            statement.setArray(index, c.createArrayOf("text", array));
        } else { // String, BigDecimal, Boolean, Double, LocalDate, OffsetDateTime: the driver types them
            statement.setObject(index, value);
        }
    }
}
