package de.ortsanker.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** ETags from the data versions (304 while unchanged), gzip and CORS on the OGC API endpoints. */
@FeaturesTest
class HttpBehaviourTest extends FeaturesApiTest {

    @Test
    void unchangedDataAnswers304AndAChangeToTheLayerInvalidates() {
        for (String path : new String[] {"/collections/third_places/items?limit=3", "/collections/third_places",
                "/collections", "/collections/third_places/items/1"}) {
            var first = api().get(path);
            assertThat(first.statusCode()).isEqualTo(200);
            String etag = first.headers().firstValue("ETag").orElseThrow();
            assertThat(first.headers().firstValue("Last-Modified")).isPresent();
            assertThat(api().get(path, "If-None-Match", etag).statusCode()).as(path).isEqualTo(304);
            // HTML at the same URL is another representation with its own ETag
            assertThat(api().get(path, "If-None-Match", etag, "Accept", "text/html").statusCode()).isEqualTo(200);
        }
        String items = "/collections/third_places/items?limit=3";
        String etag = api().get(items).headers().firstValue("ETag").orElseThrow();
        try {
            db.execute("insert into places (kind, name, geom, source, source_id, licence, attribution)"
                    + " values ('bus_stop', 'Neue Haltestelle', ST_Point(11.57, 50.03, 4326), 'ogc-http', 's', 'ODbL-1.0', 'OSM')");
            assertThat(api().get(items, "If-None-Match", etag).statusCode()).as("other layer changed").isEqualTo(304);
            db.execute("insert into places (kind, name, geom, source, source_id, licence, attribution)"
                    + " values ('cafe', 'Neues Café', ST_Point(11.57, 50.03, 4326), 'ogc-http', 'c', 'ODbL-1.0', 'OSM')");
            var changed = api().get(items, "If-None-Match", etag);
            assertThat(changed.statusCode()).isEqualTo(200);
            assertThat(changed.headers().firstValue("ETag")).isPresent().isNotEqualTo(etag);
            assertThat(Api.parse(changed.body()).path("numberMatched").asInt()).isEqualTo(5);
        } finally {
            db.execute("delete from places where source = 'ogc-http'");
        }
    }

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    /** Every connection of the pool carries the statement timeout; a query that overruns it is a 503 problem. */
    @Test
    void everyQueryRunsUnderTheStatementTimeout() {
        assertThat(jdbc.queryForObject("show statement_timeout", String.class)).isEqualTo("10s");
        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
            jdbc.execute("set local statement_timeout = '50ms'");
            jdbc.execute("select pg_sleep(1)");
        })).isInstanceOf(QueryTimeoutException.class);
    }

    @Test
    void responsesAreGzippedForClientsThatAcceptIt() throws Exception {
        var r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api().url(
                "/collections/mobility/items?limit=100"))).header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.headers().firstValue("Content-Encoding")).hasValue("gzip");
        int plain = api().get("/collections/mobility/items?limit=100").body().length();
        assertThat(r.body().length).isLessThan(plain / 3);
    }

    @Test
    void portalsOnOtherOriginsMayReadTheApiAndItsCrsHeader() {
        var r = api().get("/collections/third_places/items", "Origin", "https://geoportal.example.org");
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://geoportal.example.org");
        assertThat(r.headers().firstValue("Access-Control-Allow-Credentials")).as("open data: no credentials").isEmpty();
        assertThat(r.headers().firstValue("Access-Control-Expose-Headers")).hasValueSatisfying(
                h -> assertThat(h).contains("Content-Crs").contains("ETag"));
    }
}
