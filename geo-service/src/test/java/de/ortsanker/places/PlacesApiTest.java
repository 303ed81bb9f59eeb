package de.ortsanker.places;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.ortsanker.ServiceTest;
import de.ortsanker.testing.TestSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The service on real PostGIS, and what tests of the places API ask it. All places test classes share
 * one Spring context and schema of their own (other packages' data never mixes in); each removes the
 * data it loads.
 */
@ServiceTest
@TestPropertySource(properties = "ortsanker.test.context=places")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PlacesApiTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    TestSchema db;

    record Answer(int status, HttpResponse<String> raw, JsonNode json) {
        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        /** The features' names, in answer order. */
        List<String> names() {
            List<String> names = new ArrayList<>();
            json.path("features").forEach(f -> names.add(f.path("properties").path("name").asText(null)));
            return names;
        }

        JsonNode feature(String name) {
            for (JsonNode f : json.path("features")) {
                if (name.equals(f.path("properties").path("name").asText(null))) {
                    return f;
                }
            }
            throw new AssertionError("no feature named " + name + " in " + names());
        }

        /** The answer is a 400 problem document naming the parameter. */
        void isBadParameter(String parameter) {
            assertThat(status).as(raw.body()).isEqualTo(400);
            assertThat(header("Content-Type")).startsWith("application/problem+json");
            assertThat(json.path("invalid-params").get(0).path("name").asText()).as(raw.body()).isEqualTo(parameter);
        }
    }

    Answer get(String pathAndQuery, String... headers) {
        var b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return send(b.build());
    }

    Answer post(String pathAndQuery, String body) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
                .header("Content-Type", "application/geo+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static Answer send(HttpRequest request) {
        try {
            var r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode json = r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body());
            return new Answer(r.statusCode(), r, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** A number computed by PostGIS directly, to compare the API with. */
    double sqlNumber(String sql) throws SQLException {
        try (var c = db.connect(); var rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getDouble(1);
        }
    }

    long idOf(String sourceId) throws SQLException {
        return (long) sqlNumber("select id from places where source = 'places-test' and source_id = '" + sourceId + "'");
    }
}
