package de.ortsanker.service;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document at /api (browsable at /api/ui). */
@Configuration
public class ApiDocumentation {

    @Bean
    OpenAPI ortsankerOpenApi() {
        return new OpenAPI().info(new Info()
                .title("Ortsanker")
                .version("1")
                .description("Places to meet, clubs, meeting rooms, ride-sharing benches and mobility, and vacant"
                        + " buildings in rural counties. Every record carries its source, licence and attribution.")
                .license(new License().name("Data: see each record's licence (OpenStreetMap data: ODbL 1.0)")
                        .url("https://www.openstreetmap.org/copyright")));
    }
}
