package de.ortsanker.planning;

import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * States the configured defaults (application.yml, {@code ortsanker.planning}) in the OpenAPI document —
 * lists are not resolved by the annotations' placeholders — and the three formats every answer comes in.
 */
@Configuration
class PlanningApiDocumentation {

    @Bean
    OpenApiCustomizer planningDefaults(PlanningSettings settings) {
        Map<String, String> defaults = Map.of(
                "${ortsanker.planning.targets}", String.join(", ", settings.targets()),
                "${ortsanker.planning.radii}", String.join(", ", settings.radii().stream().map(String::valueOf).toList()),
                "${ortsanker.planning.rules}", String.join(", ", settings.rules()),
                "${ortsanker.planning.max-radius-m}", String.valueOf(settings.maxRadiusM()),
                "${ortsanker.planning.candidate-rule}", settings.candidateRule(),
                "${ortsanker.planning.candidates}", String.valueOf(settings.candidates()),
                "${ortsanker.planning.max-candidates}", String.valueOf(settings.maxCandidates()));
        return api -> api.getPaths().forEach((path, item) -> {
            if (!path.startsWith("/planning/") || item.getGet() == null) {
                return;
            }
            var get = item.getGet();
            java.util.stream.Stream.of(get, item.getPost()).filter(java.util.Objects::nonNull)
                    .flatMap(o -> o.getParameters().stream()).forEach(p -> {
                String d = p.getDescription();
                if (d != null) {
                    for (var e : defaults.entrySet()) {
                        d = d.replace(e.getKey(), e.getValue());
                    }
                    p.setDescription(d);
                }
            });
            var content = new Content()
                    .addMediaType("application/json", new MediaType().schema(new Schema<>().type("object")))
                    .addMediaType("application/geo+json", new MediaType().schema(new Schema<>().type("object")))
                    .addMediaType("text/csv", new MediaType().schema(new Schema<>().type("string")));
            get.getResponses().addApiResponse("200", new ApiResponse().content(content).description(
                    "The answer with its inputs and provenance (sources, licences, attributions, import dates)."));
            for (var problem : List.of("400", "404")) {
                get.getResponses().addApiResponse(problem, new ApiResponse().description(problem.equals("400")
                        ? "A parameter cannot be used (RFC 9457 problem naming it)"
                        : "No village or hamlet in the area (RFC 9457 problem)").content(new Content()
                        .addMediaType("application/problem+json", new MediaType().schema(new Schema<>().type("object")))));
            }
        });
    }
}
