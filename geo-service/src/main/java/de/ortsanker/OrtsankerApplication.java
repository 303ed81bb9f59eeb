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
        var app = new SpringApplication(OrtsankerApplication.class);
        app.addListeners(new StartupPreflight());
        app.run(args);
    }
}
