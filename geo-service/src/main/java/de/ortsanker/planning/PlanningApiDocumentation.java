package de.ortsanker.planning;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * States the configured defaults (application.yml, {@code ortsanker.planning}) in the OpenAPI document —
 * lists are not resolved by the annotations' placeholders — and, beside each answer's JSON schema (declared
 * on {@link PlanningController}), the GeoJSON and CSV it also comes in.
 */
@Configuration
class PlanningApiDocumentation {

    private static final List<String> ANSWERS = List.of("/planning/reach", "/planning/underserved",
            "/planning/candidates", "/planning/coverage");

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
        return api -> {
            api.getPaths().forEach((path, item) -> {
                if (ANSWERS.contains(path)) {
                    Stream.of(item.getGet(), item.getPost()).filter(Objects::nonNull)
                            .forEach(operation -> document(operation, defaults));
                    problems(item.getGet());
                }
            });
            // Java's Object makes the id "type: object", which neither a place's number nor "point-N" is.
            var site = api.getComponents().getSchemas().get("CandidateSite");
            if (site != null) {
                ((Schema<?>) site.getProperties().get("id")).setType(null);
            }
        };
    }

    private static void document(Operation operation, Map<String, String> defaults) {
        operation.getParameters().forEach(p -> {
            String d = p.getDescription();
            if (d != null) {
                for (var e : defaults.entrySet()) {
                    d = d.replace(e.getKey(), e.getValue());
                }
                p.setDescription(d);
            }
        });
        operation.getResponses().forEach((status, response) -> {
            if (status.startsWith("2")) {
                response.getContent()
                        .addMediaType("application/geo+json", new MediaType().schema(new Schema<>().type("object")
                                .description("The JSON answer with its villages or sites as point features")))
                        .addMediaType("text/csv", new MediaType().schema(new Schema<>().type("string")
                                .description("A row per village or site (per=municipality|district: per area)")));
            }
        });
    }

    private static void problems(Operation get) {
        for (var problem : List.of("400", "404")) {
            get.getResponses().addApiResponse(problem, new ApiResponse().description(problem.equals("400")
                    ? "A parameter cannot be used (RFC 9457 problem naming it)"
                    : "No village or hamlet in the area (RFC 9457 problem)").content(new Content()
                    .addMediaType("application/problem+json", new MediaType().schema(new Schema<>().type("object")))));
        }
    }
}
