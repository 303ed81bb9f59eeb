package de.ortsanker.planning;

import de.ortsanker.planning.distance.AlongTheNetwork;
import de.ortsanker.planning.distance.DistanceModel;
import de.ortsanker.planning.distance.Mode;
import de.ortsanker.planning.distance.StraightLine;
import de.ortsanker.planning.distance.TravelTimes;
import de.ortsanker.routing.Networks;
import de.ortsanker.routing.RoutingSettings;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties({PlanningSettings.class, PlanningConfiguration.RoutingProperties.class})
class PlanningConfiguration {

    /**
     * The walking and cycling networks, from {@code ortsanker.routing} in application.yml.
     *
     * @param extracts the OSM extracts (.osm.pbf) the networks are built from; none: walk and bike answer 400
     * @param cacheDir where built graphs are kept between restarts
     * @param maxSnapM a village or place farther than this from a usable way is not on the network
     */
    @ConfigurationProperties("ortsanker.routing")
    record RoutingProperties(List<String> extracts, String cacheDir, double maxSnapM) {
    }

    /** Built in the background from start-up on; walk and bike answer from the previous graphs meanwhile. */
    @Bean(destroyMethod = "close")
    Networks networks(RoutingProperties p) {
        // Plain file names (Spring would read a Path as a class-path resource).
        List<Path> extracts = p.extracts() == null ? List.of()
                : p.extracts().stream().filter(e -> !e.isBlank()).map(e -> Path.of(e.trim())).toList();
        Networks networks = new Networks(new RoutingSettings(extracts, Path.of(p.cacheDir()), p.maxSnapM()));
        networks.refresh();
        return networks;
    }

    @Bean
    DistanceModel walking(TravelTimes times, StraightLine names) {
        return new AlongTheNetwork(Mode.WALK, times, names);
    }

    @Bean
    DistanceModel cycling(TravelTimes times, StraightLine names) {
        return new AlongTheNetwork(Mode.BIKE, times, names);
    }
}
