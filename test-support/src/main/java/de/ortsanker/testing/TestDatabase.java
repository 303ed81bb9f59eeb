package de.ortsanker.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The PostGIS server every data test runs against. In order of preference: the database named by
 * {@code ORTSANKER_TEST_DB_URL} (scripts/test.sh sets it), a Testcontainers PostGIS when a Docker engine
 * answers, otherwise a failure that says how to provision one. Tests are never skipped for lack of it.
 *
 * <p>Each test class works in a schema of its own, migrated from scratch, so tests neither see each
 * other's rows nor depend on their order, and can run in parallel against one server.
 */
public final class TestDatabase {

    public static final String URL = "ORTSANKER_TEST_DB_URL";
    public static final String USER = "ORTSANKER_TEST_DB_USER";
    public static final String PASSWORD = "ORTSANKER_TEST_DB_PASSWORD";

    static final String MISSING = "No PostGIS for tests: set " + URL
            + " (scripts/postgis.sh provisions a local PostGIS and prints its URL; scripts/test.sh does both),"
            + " or start a Docker engine for Testcontainers.";

    private static final String SCHEMA_PREFIX = "test_";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private static Server server;

    private TestDatabase() {
    }

    /** Server connection settings, resolved once per JVM. */
    public record Server(String url, String user, String password) {
        public Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }

        /** A JDBC URL whose connections use the given schema first, then public (where PostGIS lives). */
        public String urlFor(String schema) {
            return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema + ",public";
        }
    }

    public static synchronized Server server() {
        if (server == null) {
            server = resolve();
            dropStaleSchemas(server);
        }
        return server;
    }

    /** A new schema with every migration on the classpath applied; close it to drop it. */
    public static TestSchema freshSchema() {
        Server s = server();
        String name = SCHEMA_PREFIX + LocalDateTime.now().format(STAMP) + "_"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xFFFFFF));
        return TestSchema.create(s, name);
    }

    private static Server resolve() {
        String url = System.getenv(URL);
        if (url != null && !url.isBlank()) {
            return new Server(url, envOr(USER, "postgres"), envOr(PASSWORD, ""));
        }
        if (dockerAvailable()) {
            var image = DockerImageName.parse("postgis/postgis:15-3.4").asCompatibleSubstituteFor("postgres");
            var container = new PostgreSQLContainer<>(image);
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            return new Server(container.getJdbcUrl(), container.getUsername(), container.getPassword());
        }
        throw new IllegalStateException(MISSING);
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static String envOr(String name, String fallback) {
        String v = System.getenv(name);
        return v == null ? fallback : v;
    }

    /** Schemas of test runs that were killed before they could clean up (older than six hours). */
    private static void dropStaleSchemas(Server s) {
        String cutoff = SCHEMA_PREFIX + LocalDateTime.now().minusHours(6).format(STAMP);
        try (Connection c = s.connect()) {
            List<String> stale = new ArrayList<>();
            try (var ps = c.prepareStatement(
                    "select nspname from pg_namespace where nspname ~ '^test_[0-9]{14}_' and nspname < ?")) {
                ps.setString(1, cutoff);
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        stale.add(rs.getString(1));
                    }
                }
            }
            for (String schema : stale) {
                try (var st = c.createStatement()) {
                    st.execute("drop schema if exists \"" + schema + "\" cascade");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot connect to the test database " + s.url() + ": "
                    + e.getMessage() + " — " + MISSING, e);
        }
    }
}
