package de.ortsanker.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Networks are rebuilt when their extract changes; a failed build leaves the previous network answering. */
class NetworksTest {

    @TempDir
    Path dir;

    @Test
    void aChangedExtractIsRebuiltAndABrokenOneLeavesThePreviousNetwork() throws Exception {
        Path extract = dir.resolve("county.osm.pbf");
        Files.copy(NetworkTest.HERRENBERG, extract);
        try (Networks networks = new Networks(new RoutingSettings(List.of(extract), dir.resolve("graphs"), 500))) {
            assertThat(networks.missing()).contains("still being built");
            assertThat(networks.version()).isEqualTo("none");
            networks.refresh().get();
            String version = networks.version();
            assertThat(version).isNotEqualTo("none");
            assertThat(networks.missing()).isNull();
            Network first = networks.current().get(0);
            assertThat(networks.covering(8.87, 48.59)).contains(first);      // Herrenberg
            assertThat(networks.covering(11.55, 50.0)).isEmpty();            // north of Bayreuth

            networks.refresh().get();                                        // unchanged: kept as it is
            assertThat(networks.current().get(0)).isSameAs(first);
            assertThat(networks.version()).isEqualTo(version);

            Files.write(extract, new byte[] {0, 0, 0, 13, 'n', 'o', 't', ' ', 'a', ' ', 'P', 'B', 'F'});
            networks.refresh().get();
            assertThat(networks.current()).containsExactly(first);           // the broken file changed nothing
            assertThat(networks.version()).isEqualTo(version);
            assertThat(networks.covering(8.87, 48.59)).contains(first);

            Files.copy(Path.of("../data/osm/north-bayreuth.osm.pbf"), extract, StandardCopyOption.REPLACE_EXISTING);
            Files.setLastModifiedTime(extract, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
            networks.refresh().get();
            assertThat(networks.current()).hasSize(1).doesNotContain(first);
            assertThat(networks.version()).as("a rebuild changes what ETags depend on").isNotEqualTo(version);
            assertThat(networks.covering(11.55, 50.0)).isPresent();
            assertThat(networks.covering(8.87, 48.59)).isEmpty();
        }
    }

    @Test
    void aMissingExtractSaysWhichFileCouldNotBeBuilt() throws Exception {
        Path missing = dir.resolve("nowhere.osm.pbf");
        try (Networks networks = new Networks(new RoutingSettings(List.of(missing), dir.resolve("graphs"), 500))) {
            networks.refresh().get();
            assertThat(networks.current()).isEmpty();
            assertThat(networks.missing()).contains("could not be built").contains("nowhere.osm.pbf");
        }
    }

    @Test
    void withoutExtractsTheMissingDataIsNamed() {
        try (Networks networks = new Networks(new RoutingSettings(List.of(), dir.resolve("graphs"), 500))) {
            assertThat(networks.missing()).contains("no OpenStreetMap extract is configured");
        }
    }
}
