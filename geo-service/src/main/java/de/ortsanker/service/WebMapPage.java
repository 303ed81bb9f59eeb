package de.ortsanker.service;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The web map lives at {@code /map/} (static resources of the frontend module); {@code /} is the OGC API. */
@Configuration
public class WebMapPage implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/map", "/map/");
        registry.addViewController("/map/").setViewName("forward:/map/index.html");
    }
}
