package de.ortsanker.webmap;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The packaged service started as a user starts it ({@code java -jar geo-service.jar}), on a free port. */
final class RunningService implements AutoCloseable {

    private static final Path JAR = Path.of(System.getProperty("ortsanker.jar", "target/geo-service.jar"));

    private final Process process;
    private final Path log;
    final String base;

    private RunningService(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.base = "http://localhost:" + port;
    }

    static RunningService start(Map<String, String> env) throws IOException, InterruptedException {
        int port = freePort();
        Path log = Files.createTempFile("ortsanker-webmap", ".log");
        var pb = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-jar", JAR.toString()));
        pb.environment().keySet().removeIf(k -> k.startsWith("ORTSANKER_") || k.equals("PORT"));
        pb.environment().putAll(env);
        pb.environment().put("PORT", String.valueOf(port));
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        var service = new RunningService(pb.start(), log, port);
        service.awaitReady();
        return service;
    }

    private void awaitReady() throws IOException, InterruptedException {
        var client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline) && process.isAlive()) {
            try {
                var health = client.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(300);
        }
        close();
        throw new IllegalStateException("the service did not become ready; its log:\n" + Files.readString(log));
    }

    /** A free port nobody listens on: a basemap there is unreachable, as on machines without internet. */
    static int freePort() throws IOException {
        try (var s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
