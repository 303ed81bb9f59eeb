package de.ortsanker.planning;

import static org.assertj.core.api.Assertions.assertThat;

import de.ortsanker.ServiceTest;
import de.ortsanker.imports.ImportOptions;
import de.ortsanker.imports.Imports;
import de.ortsanker.routing.Networks;
import de.ortsanker.testing.TestSchema;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * A rebuilt routing graph is new data: a planning answer's ETag must change with it, though no layer's
 * data version did (else a client keeps minutes computed on the old network).
 */
@ServiceTest
@TestPropertySource(properties = {"ortsanker.routing.extracts=target/routing-version-test/county.osm.pbf",
        "ortsanker.routing.cache-dir=target/routing-version-test/graphs", "ortsanker.test.context=routing-version"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoutingVersionTest {

    private static final Path EXTRACT = Path.of("target/routing-version-test/county.osm.pbf");

    @LocalServerPort
    int port;

    @Autowired
    TestSchema db;

    @Autowired
    Networks networks;

    @BeforeAll
    void importAndBuild() throws Exception {
        Files.createDirectories(EXTRACT.getParent());
        Files.copy(RealExtractTest.data("osm/north-bayreuth.osm.pbf"), EXTRACT, StandardCopyOption.REPLACE_EXISTING);
        Imports.importFile(db.dataSource(), RealExtractTest.data("osm/north-bayreuth.osm.pbf"),
                ImportOptions.builder().source("north-bayreuth-" + db.name()).build()).orThrow();
        networks.refresh().get();
        assertThat(networks.missing()).isNull();
    }

    @Test
    void aRebuiltNetworkChangesThePlanningETagsAndNothingElseDoes() throws Exception {
        String path = "/planning/coverage?rule=" + URLEncoder.encode("third_places:2000", StandardCharsets.UTF_8);
        var first = get(path, null);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(get(path, etag).statusCode()).isEqualTo(304);

        networks.refresh().get();                        // unchanged extract: the same graphs, the same ETag
        assertThat(get(path, etag).statusCode()).isEqualTo(304);

        // The same file, touched: the graph is rebuilt, and the answer is no longer the client's copy.
        Files.setLastModifiedTime(EXTRACT, FileTime.fromMillis(Files.getLastModifiedTime(EXTRACT).toMillis() + 60_000));
        networks.refresh().get();
        var after = get(path, etag);
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);
    }

    private HttpResponse<String> get(String pathAndQuery, String ifNoneMatch) throws Exception {
        var b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery)).header("Accept", "application/json");
        if (ifNoneMatch != null) {
            b.header("If-None-Match", ifNoneMatch);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
