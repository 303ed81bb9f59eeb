package de.ortsanker.service;

import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Which web pages may call the API from a browser. Open data is readable from anywhere by default
 * (any origin, no credentials). A secured portal is listed in ORTSANKER_CORS_ORIGINS: then credentials are
 * allowed for it and its origin is echoed back — browsers refuse credentials with {@code *}; every other
 * origin still reads open data, without credentials ({@link OpenDataCors}).
 */
@Configuration
public class CrossOrigin implements WebMvcConfigurer {

    static final String METHODS = "GET, HEAD, OPTIONS, POST";
    static final String EXPOSED = "ETag, Last-Modified, Content-Crs, Link, OGC-NumberMatched, Retry-After";

    private final List<String> origins;

    public CrossOrigin(@Value("${ortsanker.cors.origins:}") String origins) {
        this.origins = origins(origins);
    }

    static List<String> origins(String setting) {
        return Arrays.stream(setting.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        var mapping = registry.addMapping("/**")
                .allowedMethods(METHODS.split(", "))
                .exposedHeaders(EXPOSED.split(", "))
                .maxAge(3600);
        if (origins.isEmpty()) {
            mapping.allowedOriginPatterns("*").allowCredentials(false);
        } else {
            mapping.allowedOriginPatterns(origins.toArray(String[]::new)).allowCredentials(true);
        }
    }
}
