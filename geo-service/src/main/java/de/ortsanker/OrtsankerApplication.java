package de.ortsanker;

import de.ortsanker.accounts.AdminCommand;
import de.ortsanker.service.StartupPreflight;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The map service: citizen and planner APIs, OGC API Features, vector tiles and the web map; with
 * {@code create-admin <login>} the command that creates a county administrator instead.
 */
@SpringBootApplication
public class OrtsankerApplication {

    public static void main(String[] args) {
        if (AdminCommand.handles(args)) {   // scripts/admin.sh: a command, not the service
            AdminCommand.main(args);
            return;
        }
        // Spring's background pre-initialiser would warm up Hibernate Validator on a thread of its own; when the
        // pre-flight stops a bad start, that thread's first log line (before logging is set up) lands on stderr
        // beside the pre-flight's one line. Validation is warmed on first use instead.
        System.setProperty("spring.backgroundpreinitializer.ignore", "true");
        var app = new SpringApplication(OrtsankerApplication.class);
        app.addListeners(new StartupPreflight());
        app.run(args);
    }
}
