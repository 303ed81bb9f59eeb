package de.ortsanker;

import de.ortsanker.service.StartupPreflight;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The map service: citizen and planner APIs, OGC API Features, vector tiles and the web map. */
@SpringBootApplication
public class OrtsankerApplication {

    public static void main(String[] args) {
        var app = new SpringApplication(OrtsankerApplication.class);
        app.addListeners(new StartupPreflight());
        app.run(args);
    }
}
