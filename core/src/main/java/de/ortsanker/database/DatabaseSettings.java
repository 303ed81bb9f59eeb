package de.ortsanker.database;

import java.util.Map;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Where the database is. The service and the command-line tools read the same environment variables,
 * so an import lands in the database the map serves from.
 */
public record DatabaseSettings(String url, String user, String password) {

    public static final String URL = "ORTSANKER_DB_URL";
    public static final String USER = "ORTSANKER_DB_USER";
    public static final String PASSWORD = "ORTSANKER_DB_PASSWORD";
    public static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/ortsanker";

    public static DatabaseSettings fromEnvironment() {
        return from(System.getenv());
    }

    static DatabaseSettings from(Map<String, String> env) {
        return new DatabaseSettings(
                env.getOrDefault(URL, DEFAULT_URL),
                env.getOrDefault(USER, "postgres"),
                env.getOrDefault(PASSWORD, ""));
    }

    public DataSource dataSource() {
        var ds = new PGSimpleDataSource();
        ds.setUrl(url);
        ds.setUser(user);
        ds.setPassword(password);
        return ds;
    }

    /** The URL without credentials that a user may have put into it, for messages. */
    public String describe() {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }
}
