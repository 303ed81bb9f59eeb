package de.ortsanker.service;

import static org.assertj.core.api.Assertions.assertThat;

import de.ortsanker.ServiceTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@ServiceTest
class OpenApiTest {

    @LocalServerPort
    int port;

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesTheOpenApiDocumentAtApi() throws Exception {
        var r = get("/api");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type")).hasValueSatisfying(ct -> assertThat(ct).contains("json"));
        assertThat(r.body()).startsWith("{").contains("\"openapi\":\"3.").contains("\"title\":\"Ortsanker\"");
    }

    @Test
    void servesABrowsableUi() throws Exception {
        var r = get("/api/ui");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).containsIgnoringCase("swagger-ui");
    }
}
