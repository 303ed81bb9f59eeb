package de.ortsanker.gis;

import static org.assertj.core.api.Assertions.assertThat;

import de.ortsanker.ServiceTest;
import de.ortsanker.accounts.TestAccounts;
import de.ortsanker.testing.TestSchema;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * A real client reads what OGC API Features Part 4 wrote: a feature POSTed to the mobility collection (and then
 * patched) is read by Debian's GDAL ({@code ogrinfo}, OAPIF driver; scripts/gis-clients.sh) with its fields and
 * position, checked against the stored row. GDAL 3.6's OAPIF driver cannot write (read-only), so the writes are
 * the standard's HTTP requests; the read is GDAL's.
 */
@OgcWritesGdalIT.Context
class OgcWritesGdalIT {

    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @ServiceTest
    @TestPropertySource(properties = "ortsanker.test.context=ogc-writes-gdal")
    @interface Context {
    }

    @LocalServerPort
    int port;

    @Autowired
    TestSchema db;

    @Autowired
    TestAccounts accounts;

    private HttpResponse<String> send(String method, String path, String type, String body, String... headers)
            throws Exception {
        var b = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : "http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", type);
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void gdalReadsTheCreatedAndPatchedFeatureWithItsFields() throws Exception {
        String token = accounts.administrator();
        var created = send("POST", "/collections/mobility/items", "application/geo+json", """
                {"type": "Feature", "geometry": {"type": "Point", "coordinates": [11.5623, 49.9741]},
                 "properties": {"kind": "mitfahrbank", "name": "Mitfahrbank Schlossplatz", "street": "Schlossplatz",
                                "housenumber": "1", "wheelchair": "yes", "capacity": 3, "free_entry": true}}""",
                "Authorization", "Bearer " + token);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        String id = location.substring(location.lastIndexOf('/') + 1);
        var patched = send("PATCH", location, "application/merge-patch+json",
                "{\"properties\": {\"opening_hours\": \"Mo-Fr 07:00-19:00\"}}", "Authorization", "Bearer " + token,
                "If-Match", created.headers().firstValue("ETag").orElseThrow());
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);

        String feature = GdalClientIT.gdal("ogrinfo", "-ro", "-al", "-fid", id, "OAPIF:http://localhost:" + port,
                "mobility");
        var row = new JdbcTemplate(db.dataSource()).queryForMap("select name, addr_street, opening_hours, capacity,"
                + " ST_X(geom) as lon, ST_Y(geom) as lat from places where id = " + id);
        assertThat(feature).contains("name (String) = " + row.get("name"),
                "street (String) = " + row.get("addr_street"),
                "opening_hours (String) = " + row.get("opening_hours"),
                "capacity (Integer) = " + row.get("capacity"),
                "wheelchair (String) = yes", "free_entry (Integer(Boolean)) = 1", "kind (String) = mitfahrbank",
                "POINT (" + row.get("lon") + " " + row.get("lat") + ")");
        assertThat(row.get("opening_hours")).isEqualTo("Mo-Fr 07:00-19:00");
    }
}
