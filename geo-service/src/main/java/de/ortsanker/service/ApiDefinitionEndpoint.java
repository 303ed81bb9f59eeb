package de.ortsanker.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springdoc.webmvc.api.OpenApiWebMvcResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The OpenAPI definition at {@code /api}, as {@code application/vnd.oai.openapi+json;version=3.0} for clients
 * that ask for it (OGC API clients follow the landing page's service-desc link with that type) and as
 * {@code application/json} for everyone else. Springdoc computes the document (its own endpoint is
 * {@code /api/openapi.json}, which the Swagger UI at {@code /api/ui} reads).
 */
@Hidden
@RestController
public class ApiDefinitionEndpoint {

    public static final MediaType OPENAPI = MediaType.parseMediaType("application/vnd.oai.openapi+json;version=3.0");

    private final OpenApiWebMvcResource springdoc;

    public ApiDefinitionEndpoint(OpenApiWebMvcResource springdoc) {
        this.springdoc = springdoc;
    }

    @GetMapping("/api")
    ResponseEntity<byte[]> definition(HttpServletRequest request, Locale locale) throws JsonProcessingException {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        boolean openapiType = accept != null && accept.toLowerCase(Locale.ROOT).contains("application/vnd.oai.openapi+json");
        byte[] body = springdoc.openapiJson(request, "/api", locale);
        return ResponseEntity.ok().contentType(openapiType ? OPENAPI : MediaType.APPLICATION_JSON)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT).body(body);
    }
}
