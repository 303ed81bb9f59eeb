package de.ortsanker.service;

import static org.assertj.core.api.Assertions.assertThat;

import de.ortsanker.testing.TestDatabase;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Bad configuration stops start-up with one line naming the problem and the fix. */
class StartupPreflightTest {

    private final TestDatabase.Server db = TestDatabase.server();

    private MockEnvironment env(String port) {
        return new MockEnvironment()
                .withProperty("server.port", port)
                .withProperty("spring.datasource.url", db.url())
                .withProperty("spring.datasource.username", db.user())
                .withProperty("spring.datasource.password", db.password());
    }

    @Test
    void passesAGoodConfiguration() throws Exception {
        int free;
        try (var s = new ServerSocket(0)) {
            free = s.getLocalPort();
        }
        assertThat(StartupPreflight.problem(env(String.valueOf(free)))).isEmpty();
    }

    @Test
    void namesAPortInUse() throws Exception {
        try (var taken = new ServerSocket(0)) {
            assertThat(StartupPreflight.problem(env(String.valueOf(taken.getLocalPort()))))
                    .hasValueSatisfying(line -> assertThat(line)
                            .isEqualTo("port " + taken.getLocalPort() + " is already in use: stop the program using it"
                                    + " or choose another port, e.g. PORT=8080"));
        }
    }

    @Test
    void namesAPortThatIsNoNumber() {
        assertThat(StartupPreflight.problem(env("eighty"))).hasValueSatisfying(line ->
                assertThat(line).contains("PORT 'eighty' is not a number"));
    }

    @Test
    void namesAnUnreachableDatabase() throws Exception {
        int closed;
        try (var s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        var env = env("0").withProperty("spring.datasource.url", "jdbc:postgresql://127.0.0.1:" + closed + "/ortsanker");
        assertThat(StartupPreflight.problem(env)).hasValueSatisfying(line -> assertThat(line)
                .startsWith("cannot connect to database jdbc:postgresql://127.0.0.1:" + closed + "/ortsanker")
                .contains("scripts/postgis.sh"));
    }
}
