package de.ortsanker.service;

import de.ortsanker.tiles.TileFastPath;
import io.micrometer.observation.ObservationPredicate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * No per-request observation (timer and tags of {@code http.server.requests}) for tiles: a map view asks
 * for dozens at once, a cached one costs a few microseconds, and the observation cost about as much again.
 * They are answered before Spring MVC (the tiles module's {@code TileFastPath}), so they would all be
 * recorded under the URI "UNKNOWN" anyway. Other requests keep theirs.
 */
@Configuration
public class TileObservations {

    @Bean
    ObservationPredicate noObservationForTiles() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext server
                && server.getCarrier() != null && TileFastPath.isTilePath(server.getCarrier()));
    }
}
