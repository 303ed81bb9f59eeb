package de.ortsanker.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ortsanker.routing.Networks;
import de.ortsanker.routing.Point;
import de.ortsanker.routing.RoutingSettings;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpStatus;

/** While the first network is being built the way is a 503 with Retry-After, not a 400 or a 500. */
class NetworkStillBuildingTest {

    @Test
    void aWayAskedForBeforeTheFirstBuildIsAnsweredWithRetryAfter(@TempDir Path graphs) {
        try (Networks networks = new Networks(new RoutingSettings(List.of(Path.of("../data/osm/north-bayreuth.osm.pbf")),
                graphs, 500))) {
            // No refresh yet: configured, nothing built, nothing failed.
            assertThat(networks.building()).isTrue();
            WayController controller = new WayController(networks, null);
            assertThatThrownBy(() -> controller.network(new Point(11.5, 50.0), "lon")).isInstanceOf(NetworkStillBuilding.class)
                    .hasMessageContaining("still being built");
            var answer = controller.stillBuilding(new NetworkStillBuilding("the walking and cycling network is still being built"));
            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("30");
            assertThat(answer.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        }
    }
}
