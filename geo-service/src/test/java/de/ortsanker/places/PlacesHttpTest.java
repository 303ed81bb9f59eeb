package de.ortsanker.places;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Conditional requests from data versions, CORS and gzip on the places endpoints. */
class PlacesHttpTest extends PlacesFixture {

    static final String MONDAY = "/places/within?bbox=11.5,50.0,11.6,50.1&open_at=2026-11-23T12:00";

    @Test
    void unchangedDataAnswers304AndAChangeInvalidates() throws Exception {
        var first = get(MONDAY);
        String etag = first.header("ETag");
        assertThat(etag).isNotNull();
        assertThat(first.header("Last-Modified")).isNotNull();
        assertThat(get(MONDAY, "If-None-Match", etag).status()).isEqualTo(304);

        // A new vacant building changes another layer: still 304. A new pub changes this answer: 200.
        db.execute("insert into places (kind, geom, source, source_id, licence, attribution) values"
                + " ('vacant_building', ST_Point(11.57, 50.03, 4326), 'places-test', 'http-vacant', 'x', 'y')");
        assertThat(get(MONDAY + "&kinds=third_place", "If-None-Match", get(MONDAY + "&kinds=third_place").header("ETag"))
                .status()).isEqualTo(304);
        String thirdPlaces = get(MONDAY + "&kinds=third_place").header("ETag");
        db.execute("insert into places (kind, name, geom, opening_hours, source, source_id, licence, attribution) values"
                + " ('pub', 'Neue Kneipe', ST_Point(11.57, 50.03, 4326), '24/7', 'places-test', 'http-pub', 'x', 'y')");
        var changed = get(MONDAY + "&kinds=third_place", "If-None-Match", thirdPlaces);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.names()).contains("Neue Kneipe");
        db.execute("delete from places where source_id like 'http-%' and source = 'places-test'");
    }

    @Test
    void answersAboutNowRevalidateOnTheOpenState() {
        var first = get("/places/nearby?lon=11.5708&lat=50.0333&radius=5000");
        assertThat(first.header("Cache-Control")).isEqualTo("no-cache");
        assertThat(get("/places/nearby?lon=11.5708&lat=50.0333&radius=5000", "If-None-Match", first.header("ETag"))
                .status()).isEqualTo(304);
    }

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void everyQueryRunsUnderAStatementTimeoutThatEndsAs503() {
        // Every pooled connection carries the timeout (ORTSANKER_STATEMENT_TIMEOUT, 10 s by default) …
        assertThat(jdbc.queryForObject("show statement_timeout", String.class)).isEqualTo("10s");
        // … and a query cut by it surfaces as QueryTimeoutException, which ProblemResponses answers 503.
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            jdbc.execute("set local statement_timeout = '50ms'");
            assertThatThrownBy(() -> jdbc.queryForObject("select pg_sleep(2)::text", String.class))
                    .isInstanceOf(QueryTimeoutException.class);
        });
    }

    @Test
    void corsAndGzip() throws Exception {
        var cors = get("/places/nearby?lon=11.5708&lat=50.0333", "Origin", "https://example.org");
        // Open data: any origin may read (echoed), without credentials unless the portal is configured.
        assertThat(cors.header("Access-Control-Allow-Origin")).isEqualTo("https://example.org");
        assertThat(cors.header("Access-Control-Allow-Credentials")).isNull();
        var gz = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/places/nearby?lon=11.5708&lat=50.0333&limit=7")).header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(gz.headers().firstValue("Content-Encoding")).contains("gzip");
    }

    @Test
    void clientsAskingForPlainJsonGetTheGeoJson() throws Exception {
        var a = get("/places/nearby?lon=11.5708&lat=50.0333&limit=1", "Accept", "application/json");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().path("type").asText()).isEqualTo("FeatureCollection");
        assertThat(get("/places/" + idOf("muehle"), "Accept", "application/json").status()).isEqualTo(200);
        assertThat(get("/places/nearby?lon=11.5708&lat=50.0333").header("Content-Type")).startsWith("application/geo+json");
    }

    @Test
    void documentedInTheOpenApi() {
        var api = get("/api").json();
        assertThat(api.path("paths").has("/places/nearby")).isTrue();
        assertThat(api.path("paths").has("/places/search")).isTrue();
        assertThat(api.path("paths").has("/places/within")).isTrue();
        assertThat(api.path("paths").has("/places/{id}")).isTrue();
        assertThat(api.path("paths").has("/kinds")).isTrue();
        var limit = api.path("paths").path("/places/nearby").path("get").path("parameters").findParents("name").stream()
                .filter(p -> p.path("name").asText().equals("limit")).findFirst().orElseThrow();
        assertThat(limit.path("schema").path("maximum").asInt()).isEqualTo(100);
        assertThat(limit.path("schema").path("default").asInt()).isEqualTo(10);
        assertThat(api.path("paths").path("/places/{id}").path("get").path("responses").has("404")).isTrue();
        assertThat(api.path("paths").path("/places/within").path("post").path("requestBody").path("content")
                .has("application/geo+json")).isTrue();
        assertThat(api.path("paths").path("/places/search").path("get").path("responses").path("400")
                .path("content").has("application/problem+json")).isTrue();
    }
}
