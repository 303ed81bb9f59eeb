package de.ortsanker.service;

import de.ortsanker.database.DatabaseCheck;
import de.ortsanker.database.DatabaseSettings;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Optional;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Checks the configuration before anything starts, and on a problem stops with one line that says
 * what is wrong and how to fix it — a wrong database URL or password, a database without PostGIS, a
 * port in use — instead of a page of stack trace from deep inside the framework.
 */
public final class StartupPreflight implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        problem(event.getEnvironment()).ifPresent(line -> {
            System.err.println("ortsanker: cannot start: " + line);
            System.exit(2);
        });
    }

    /** The first problem that would stop the service, as one line; empty when it can start. */
    public static Optional<String> problem(Environment env) {
        return portProblem(env).or(() -> DatabaseCheck.problemWith(new DatabaseSettings(
                env.getProperty("spring.datasource.url"),
                env.getProperty("spring.datasource.username", ""),
                env.getProperty("spring.datasource.password", ""))));
    }

    static Optional<String> portProblem(Environment env) {
        String raw = env.getProperty("server.port", "8080");
        int port;
        try {
            port = Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            return Optional.of("PORT '" + raw + "' is not a number: set PORT to a free TCP port, e.g. PORT=8080");
        }
        if (port == 0) {
            return Optional.empty();
        }
        if (port < 0 || port > 65535) {
            return Optional.of("PORT " + port + " is outside 1–65535: set PORT to a free TCP port");
        }
        try (var probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            String address = env.getProperty("server.address");
            probe.bind(address == null
                    ? new java.net.InetSocketAddress(port)
                    : new java.net.InetSocketAddress(InetAddress.getByName(address), port));
            return Optional.empty();
        } catch (BindException e) {
            return Optional.of("port " + port + " is already in use: stop the program using it"
                    + " or choose another port, e.g. PORT=" + (port == 8080 ? 8081 : 8080));
        } catch (IOException e) {
            return Optional.of("cannot open port " + port + ": " + e.getMessage());
        }
    }
}
