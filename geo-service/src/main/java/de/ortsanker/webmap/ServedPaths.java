package de.ortsanker.webmap;

import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Whether this service answers a path: the web map links a GIS only to endpoints that exist (the tiles
 * and OGC API modules are optional parts of a build), without depending on their code.
 */
@Component
class ServedPaths {

    private final RequestMappingHandlerMapping mappings;
    private volatile List<PathPattern> patterns;

    ServedPaths(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
        this.mappings = mappings;
    }

    boolean serves(String path) {
        PathContainer container = PathContainer.parsePath(path);
        return patterns().stream().anyMatch(p -> p.matches(container));
    }

    private List<PathPattern> patterns() {
        if (patterns == null) {
            patterns = mappings.getHandlerMethods().keySet().stream()
                    .flatMap(info -> info.getPatternValues().stream())
                    .map(PathPatternParser.defaultInstance::parse)
                    .toList();
        }
        return patterns;
    }
}
