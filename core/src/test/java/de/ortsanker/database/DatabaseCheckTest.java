package de.ortsanker.database;

import static org.assertj.core.api.Assertions.assertThat;

import de.ortsanker.testing.TestDatabase;
import java.net.ServerSocket;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Bad configuration is told in one line, with the fix. */
class DatabaseCheckTest {

    private final TestDatabase.Server server = TestDatabase.server();

    @Test
    void acceptsTheTestDatabase() {
        assertThat(DatabaseCheck.problemWith(new DatabaseSettings(server.url(), server.user(), server.password())))
                .isEmpty();
    }

    @Test
    void namesAServerThatDoesNotAnswer() throws Exception {
        int closedPort;
        try (var s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        var settings = new DatabaseSettings("jdbc:postgresql://127.0.0.1:" + closedPort + "/ortsanker", "postgres", "");
        assertThat(DatabaseCheck.problemWith(settings)).hasValueSatisfying(line -> assertThat(line)
                .contains("cannot connect to database jdbc:postgresql://127.0.0.1:" + closedPort)
                .contains("cannot be reached")
                .contains("scripts/postgis.sh")
                .doesNotContain("\n"));
    }

    @Test
    void namesAMissingDatabase() {
        String url = server.url().replaceFirst("/[^/?]+(\\?|$)", "/no_such_db_ortsanker$1");
        assertThat(DatabaseCheck.problemWith(new DatabaseSettings(url, server.user(), server.password())))
                .hasValueSatisfying(line -> assertThat(line).contains("the database does not exist"));
    }

    @Test
    void namesARefusedUser() {
        assertThat(DatabaseCheck.problemWith(new DatabaseSettings(server.url(), "no_such_role_ortsanker", "secret")))
                .hasValueSatisfying(line -> assertThat(line)
                        .contains("no_such_role_ortsanker")
                        .doesNotContain("secret"));
    }

    @Test
    void rejectsAUrlThatIsNotPostgres() {
        assertThat(DatabaseCheck.problemWith(new DatabaseSettings("jdbc:mysql://localhost/x", "u", "p")))
                .hasValueSatisfying(line -> assertThat(line).contains("is not a PostgreSQL JDBC URL"));
    }

    @Test
    void namesADatabaseWithoutPostgis() throws SQLException {
        String name = "ortsanker_nopostgis_" + ProcessHandle.current().pid();
        try (var c = server.connect(); var st = c.createStatement()) {
            st.execute("drop database if exists " + name);
            st.execute("create database " + name);
        }
        try {
            String url = server.url().replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
            assertThat(DatabaseCheck.problemWith(new DatabaseSettings(url, server.user(), server.password())))
                    .hasValueSatisfying(line -> assertThat(line)
                            .contains("has no PostGIS extension")
                            .contains("CREATE EXTENSION postgis"));
        } finally {
            try (var c = server.connect(); var st = c.createStatement()) {
                st.execute("drop database if exists " + name);
            }
        }
    }
}
