package de.ortsanker.database;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A query run under a session setting that is reset right after it, in one round trip: {@code set …;
 * the query; reset …}. The three travel as one implicit transaction, so an error rolls the setting back
 * with the query and a pooled connection always comes back as it went — without BEGIN and COMMIT.
 */
public record SessionSetting(String name, String value) {

    /** The query wrapped in the setting and its reset. */
    public String around(String query) {
        return "set " + name + " = " + value + ";\n" + query + ";\nreset " + name;
    }

    /** Executes a statement made by {@link #around} and returns the query's result set (past the SET's count). */
    public static ResultSet execute(PreparedStatement statement) throws SQLException {
        boolean resultSet = statement.execute();
        while (!resultSet && statement.getUpdateCount() != -1) {
            resultSet = statement.getMoreResults();
        }
        return statement.getResultSet();
    }
}
