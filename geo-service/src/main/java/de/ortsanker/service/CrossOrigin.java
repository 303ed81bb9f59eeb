package de.ortsanker.service;

import java.util.Arrays;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Which web pages may call the API from a browser. Open data is readable from anywhere by default
 * ({@code *}, no credentials). A secured portal is listed in ORTSANKER_CORS_ORIGINS: then credentials are
 * allowed and the caller's origin is echoed back — browsers refuse credentials with {@code *}.
 */
@Configuration
public class CrossOrigin implements WebMvcConfigurer {

    private final String[] origins;

    public CrossOrigin(@Value("${ortsanker.cors.origins:}") String origins) {
        this.origins = Arrays.stream(origins.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toArray(String[]::new);
    }

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        var mapping = registry.addMapping("/**")
                .allowedMethods("GET", "HEAD", "OPTIONS", "POST")
                .exposedHeaders("ETag", "Last-Modified", "Content-Crs", "Link", "OGC-NumberMatched")
                .maxAge(3600);
        if (origins.length == 0) {
            mapping.allowedOriginPatterns("*").allowCredentials(false);
        } else {
            mapping.allowedOriginPatterns(origins).allowCredentials(true);
        }
    }
}
