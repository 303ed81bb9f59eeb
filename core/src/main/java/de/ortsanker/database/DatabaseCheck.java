package de.ortsanker.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;

/**
 * Checks before start-up that the configured database can be reached and has PostGIS, and says in one
 * line what is wrong and how to fix it — instead of a stack trace from deep inside a connection pool.
 */
public final class DatabaseCheck {

    private static final String PROVISION = "run scripts/postgis.sh, or set "
            + DatabaseSettings.URL + ", " + DatabaseSettings.USER + " and " + DatabaseSettings.PASSWORD;

    private DatabaseCheck() {
    }

    /** Empty when the database is usable, else one line: what is wrong and what to do. */
    public static Optional<String> problemWith(DatabaseSettings settings) {
        if (settings.url() == null || !settings.url().startsWith("jdbc:postgresql:")) {
            return Optional.of("database URL '" + settings.url() + "' is not a PostgreSQL JDBC URL"
                    + " (expected jdbc:postgresql://HOST:PORT/DATABASE): " + PROVISION);
        }
        var props = new Properties();
        props.setProperty("user", settings.user());
        props.setProperty("password", settings.password() == null ? "" : settings.password());
        props.setProperty("connectTimeout", "5");
        props.setProperty("loginTimeout", "5");
        try (Connection c = DriverManager.getConnection(settings.url(), props)) {
            return missingPostgis(c, settings);
        } catch (SQLException e) {
            return Optional.of(describeConnectionFailure(e, settings));
        }
    }

    private static Optional<String> missingPostgis(Connection c, DatabaseSettings settings) throws SQLException {
        try (var st = c.createStatement();
             var rs = st.executeQuery("select count(*) filter (where name = 'postgis' and installed_version is not null),"
                     + " count(*) filter (where name = 'postgis') from pg_available_extensions")) {
            rs.next();
            if (rs.getInt(1) > 0) {
                return Optional.empty();
            }
            String fix = rs.getInt(2) > 0
                    ? "run CREATE EXTENSION postgis in it (or scripts/postgis.sh)"
                    : "install PostGIS on that server (scripts/postgis.sh does it on Debian/Ubuntu)";
            return Optional.of("database " + settings.describe() + " has no PostGIS extension: " + fix);
        }
    }

    private static String describeConnectionFailure(SQLException e, DatabaseSettings settings) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String why = switch (state) {
            case "28P01", "28000" -> "user '" + settings.user() + "' was refused (wrong user or password)";
            case "3D000" -> "the database does not exist";
            case "08001", "08004", "08006" -> "the server cannot be reached (" + firstLine(e.getMessage()) + ")";
            default -> firstLine(e.getMessage());
        };
        return "cannot connect to database " + settings.describe() + ": " + why + " — " + PROVISION;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).trim();
    }
}
