package de.ortsanker.journeys;

import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The problems of the getting-there endpoints (their 400 and 503 come with every /places path). */
@Configuration
class JourneysApiDocumentation {

    private static final Set<String> PATHS = Set.of("/places/{id}/way", "/places/{id}/departures", "/places/{id}/villages");

    @Bean
    OpenApiCustomizer journeysErrors() {
        return api -> api.getPaths().forEach((path, item) -> {
            if (!PATHS.contains(path)) {
                return;
            }
            item.readOperations().forEach(op -> {
                op.getResponses().addApiResponse("404", problem("no public place has this id"));
                if (path.endsWith("/way")) {
                    op.getResponses().addApiResponse("503", problem("the walking and cycling network is still being"
                            + " built (Retry-After), or the query ran longer than the statement timeout"));
                }
            });
        });
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(
                "application/problem+json", new MediaType().schema(new Schema<>().type("object")
                        .description("RFC 9457 problem details"))));
    }
}
