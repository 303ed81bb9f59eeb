package de.ortsanker.places;

import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Documents the errors every places endpoint can answer, once instead of on each operation. */
@Configuration
class PlacesApiDocumentation {

    @Bean
    OpenApiCustomizer placesErrors() {
        return api -> api.getPaths().forEach((path, item) -> {
            if (!path.startsWith("/places") && !path.equals("/kinds")) {
                return;
            }
            item.readOperations().forEach(op -> {
                op.getResponses().addApiResponse("400", problem("a parameter is unusable: the problem document"
                        + " names it in `invalid-params` (`near` also lists `suggestions`)"));
                if (path.equals("/places/{id}")) {
                    op.getResponses().addApiResponse("404", problem("no public place has this id"));
                }
                op.getResponses().addApiResponse("503", problem("the query ran longer than the statement timeout"));
            });
        });
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(
                "application/problem+json", new MediaType().schema(new Schema<>().type("object")
                        .description("RFC 9457 problem details"))));
    }
}
