package de.ortsanker.service;

import static org.assertj.core.api.Assertions.assertThat;

import de.ortsanker.testing.TestDatabase;
import de.ortsanker.testing.TestSchema;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The packaged service as a user starts it: `java -jar geo-service.jar` with settings in the environment. */
class PackagedJarIT {

    private static final Path JAR = Path.of(System.getProperty("ortsanker.jar", "target/geo-service.jar"));

    private Process start(Map<String, String> env, Path stderr) throws IOException {
        var pb = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", JAR.toString()));
        pb.environment().keySet().removeIf(k -> k.startsWith("ORTSANKER_") || k.equals("PORT"));
        pb.environment().putAll(env);
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.redirectError(stderr.toFile());
        return pb.start();
    }

    private static int freePort() throws IOException {
        try (var s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void badDatabaseSettingsStopStartUpWithOneLine() throws Exception {
        Path err = Files.createTempFile("ortsanker", ".err");
        int closed = freePort();
        Process p = start(Map.of("ORTSANKER_DB_URL", "jdbc:postgresql://127.0.0.1:" + closed + "/ortsanker",
                "PORT", String.valueOf(freePort())), err);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        List<String> lines = Files.readAllLines(err, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).startsWith("ortsanker: cannot start: cannot connect to database")
                .contains("scripts/postgis.sh");
    }

    @Test
    void aPortInUseStopsStartUpWithOneLine() throws Exception {
        Path err = Files.createTempFile("ortsanker", ".err");
        try (var taken = new ServerSocket(0)) {
            Process p = start(Map.of("PORT", String.valueOf(taken.getLocalPort())), err);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isEqualTo(2);
            assertThat(Files.readAllLines(err)).containsExactly("ortsanker: cannot start: port " + taken.getLocalPort()
                    + " is already in use: stop the program using it or choose another port, e.g. PORT=8080");
        }
    }

    @Test
    void startsAgainstPostgisAndServesHealthAndApi() throws Exception {
        Path err = Files.createTempFile("ortsanker", ".err");
        int port = freePort();
        try (TestSchema schema = TestDatabase.freshSchema()) {
            Process p = start(Map.of("ORTSANKER_DB_URL", schema.jdbcUrl(), "ORTSANKER_DB_USER", schema.user(),
                    "ORTSANKER_DB_PASSWORD", schema.password(), "PORT", String.valueOf(port)), err);
            try {
                var client = HttpClient.newHttpClient();
                Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
                HttpResponse<String> health = null;
                while (Instant.now().isBefore(deadline) && p.isAlive()) {
                    try {
                        health = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                                + "/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.ofString());
                        if (health.statusCode() == 200) {
                            break;
                        }
                    } catch (IOException notYet) {
                        // still starting
                    }
                    Thread.sleep(300);
                }
                assertThat(health).as("service did not answer; stderr: %s", Files.readString(err)).isNotNull();
                assertThat(health.body()).contains("\"status\":\"UP\"");
                var api = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(api.body()).contains("\"openapi\":\"3.");
            } finally {
                p.destroy();
                p.waitFor(20, TimeUnit.SECONDS);
            }
        }
    }
}
