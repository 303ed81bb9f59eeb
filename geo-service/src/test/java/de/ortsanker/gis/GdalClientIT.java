package de.ortsanker.gis;

import static org.assertj.core.api.Assertions.assertThat;

import de.ortsanker.ServiceTest;
import de.ortsanker.imports.Imports;
import de.ortsanker.testing.TestSchema;
import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The GIS clients a county team runs, for real: Debian's GDAL 3.6 ({@code ogrinfo}, {@code ogr2ogr}; installed
 * by scripts/gis-clients.sh, which scripts/test.sh calls) with its OGC API Features (OAPIF) and vector tile
 * (MVT) drivers against the running service, on the Herrenberg OpenStreetMap extract
 * (data/osm/herrenberg-and-around-2020-04-21.osm.pbf, © OpenStreetMap contributors, ODbL) imported as the
 * demo imports. What GDAL makes of it is checked against SQL on the imported tables.
 */
@GdalClientIT.Context
class GdalClientIT {

    /** Its own service and schema: this data must not meet other tests' fixtures. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @ServiceTest
    @TestPropertySource(properties = "ortsanker.test.context=gdal-clients")
    @interface Context {
    }

    /** Places a citizen sees today, as the public rule says (spelled out here as the independent reference). */
    static final String PUBLIC_MOBILITY = " from places p join kinds k on k.code = p.kind where k.group_code = 'mobility'"
            + " and p.retired_at is null and p.is_public and (p.valid_from is null or p.valid_from <= current_date)"
            + " and (p.valid_to is null or p.valid_to >= current_date)";

    private static boolean imported;

    @LocalServerPort
    int port;

    @Autowired
    TestSchema db;

    @TempDir
    Path temp;

    @BeforeEach
    void importRealData() {
        synchronized (GdalClientIT.class) {
            if (!imported) {
                Imports.importFile(db.dataSource(), data("osm/herrenberg-and-around-2020-04-21.osm.pbf")).orThrow();
                imported = true;
            }
        }
    }

    @Test
    void anEmptyCollectionOpensWithItsGeometryTypeAndEveryFieldTyped() throws Exception {
        assertThat(sql("select count(*) from places where kind = 'meeting_room'")).isZero();
        String info = gdal("ogrinfo", "-ro", "-so", "OAPIF:" + base(), "meeting_rooms");
        assertThat(info).contains("Geometry: Point", "Feature Count: 0");
        assertThat(fields(info)).containsAllEntriesOf(java.util.Map.of("name", "String", "capacity", "Integer",
                "free_entry", "Integer(Boolean)", "equipment", "StringList", "valid_from", "Date",
                "updated_at", "DateTime", "wheelchair", "String", "attribution", "String"));
        assertThat(fields(info)).hasSize(31); // the catalogue's 28 fields of places and the provenance
    }

    @Test
    void everyColumnHasItsTypeEvenWhenTheFirstPageHoldsNoValueOfIt() throws Exception {
        // the first feature GDAL reads (lowest id) has no free_entry, valid_from, website nor opening hours:
        // from that page alone GDAL would make them String columns
        assertThat(sql("select count(*) from (select free_entry, valid_from, website, opening_hours" + PUBLIC_MOBILITY
                + " order by p.id limit 1) f where free_entry is null and valid_from is null and website is null"
                + " and opening_hours is null")).isEqualTo(1);
        String info = gdal("ogrinfo", "-ro", "-so", "-oo", "PAGE_SIZE=1", "OAPIF:" + base(), "mobility");
        assertThat(fields(info)).containsEntry("free_entry", "Integer(Boolean)").containsEntry("valid_from", "Date")
                .containsEntry("website", "String").containsEntry("opening_hours", "String")
                .containsEntry("capacity", "Integer").containsEntry("last_verified", "Date");
        // and the first page's feature carries them all, null included
        String first = gdal("ogrinfo", "-ro", "-al", "-oo", "PAGE_SIZE=1", "-fid", String.valueOf(sql("select min(p.id)"
                + PUBLIC_MOBILITY)), "OAPIF:" + base(), "mobility");
        assertThat(first).contains("free_entry (Integer(Boolean)) = (null)", "valid_from (Date) = (null)");
    }

    @Test
    void aGeoPackageExportKeepsEveryFieldAndValue() throws Exception {
        Path gpkg = temp.resolve("mobility.gpkg");
        gdal("ogr2ogr", "-f", "GPKG", gpkg.toString(), "OAPIF:" + base(), "mobility"); // GDAL's own page size
        assertThat(fields(gdal("ogrinfo", "-ro", "-so", gpkg.toString(), "mobility")))
                .containsEntry("wheelchair", "String").containsEntry("capacity", "Integer")
                .containsEntry("website", "String").containsEntry("opening_hours", "String");
        String counts = gdal("ogrinfo", "-ro", gpkg.toString(), "-sql", "select count(*) n, count(wheelchair) w,"
                + " count(capacity) c, sum(capacity) s, count(website) ws, count(opening_hours) o from mobility");
        long n = sql("select count(*)" + PUBLIC_MOBILITY);
        assertThat(n).isGreaterThan(100);
        assertThat(value(counts, "n")).isEqualTo(n);
        assertThat(value(counts, "w")).isEqualTo(sql("select count(wheelchair)" + PUBLIC_MOBILITY)).isPositive();
        assertThat(value(counts, "c")).isEqualTo(sql("select count(capacity)" + PUBLIC_MOBILITY)).isPositive();
        assertThat(value(counts, "s")).isEqualTo(sql("select sum(capacity)" + PUBLIC_MOBILITY));
        assertThat(value(counts, "ws")).isEqualTo(sql("select count(website)" + PUBLIC_MOBILITY)).isPositive();
        assertThat(value(counts, "o")).isEqualTo(sql("select count(opening_hours)" + PUBLIC_MOBILITY)).isPositive();
    }

    @Test
    void theMvtDriverReadsAWebMercatorTile() throws Exception {
        String name;
        double lon;
        double lat;
        try (var c = db.connect(); var rs = c.createStatement().executeQuery("select p.name, ST_X(p.geom), ST_Y(p.geom)"
                + PUBLIC_MOBILITY + " and p.name is not null and p.kind = 'charging_station' order by p.id limit 1")) {
            assertThat(rs.next()).isTrue();
            name = rs.getString(1);
            lon = rs.getDouble(2);
            lat = rs.getDouble(3);
        }
        int z = 15;
        int x = (int) Math.floor((lon + 180) / 360 * (1 << z));
        double rad = Math.toRadians(lat);
        int y = (int) Math.floor((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2 * (1 << z));
        String tile = gdal("ogrinfo", "-ro", "-al", "MVT:" + base() + "/tiles/all/" + z + "/" + x + "/" + y + ".mvt");
        assertThat(tile).contains("Layer name: mobility").contains("name (String) = " + name);
    }

    /**
     * A tile of the AdV_25832 grid (basemap.de's, for portals in UTM 32N) read by GDAL's MVT driver: the place
     * is in the tile that PostGIS's ST_Transform and the grid's published origin and cell size put it in.
     */
    @Test
    void theMvtDriverReadsAUtm32Tile() throws Exception {
        String name;
        double e;
        double n;
        try (var c = db.connect(); var rs = c.createStatement().executeQuery("select p.name,"
                + " ST_X(ST_Transform(p.geom, 25832)), ST_Y(ST_Transform(p.geom, 25832))" + PUBLIC_MOBILITY
                + " and p.name is not null and p.kind = 'charging_station' order by p.id limit 1")) {
            assertThat(rs.next()).isTrue();
            name = rs.getString(1);
            e = rs.getDouble(2);
            n = rs.getDouble(3);
        }
        int level = 9;
        double span = 4891.96981025127 * 256 / (1 << level);
        long col = (long) Math.floor((e + 46133.17) / span);
        long row = (long) Math.floor((6301219.54 - n) / span);
        String url = base() + "/collections/mobility/tiles/AdV_25832/" + level + "/" + row + "/" + col;
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(url)).build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        // a query tells GDAL's MVT driver that the URL is one tile, not a directory of a tileset
        String tile = gdal("ogrinfo", "-ro", "-al", "MVT:" + url + "?f=mvt");
        assertThat(tile).contains("Layer name: mobility").contains("name (String) = " + name);
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    private String base() {
        return "http://localhost:" + port;
    }

    /** Runs a GDAL program, expecting success, and returns what it printed. */
    static String gdal(String... command) throws IOException, InterruptedException {
        var pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("GDAL_HTTP_TIMEOUT", "60");
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new AssertionError(command[0] + " is not installed: run scripts/gis-clients.sh (Debian's gdal-bin)", e);
        }
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
        String text = new String(out, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(String.join(" ", command) + "\n" + text).isZero();
        return text;
    }

    /** The fields ogrinfo lists for a layer, name to type ({@code capacity: Integer (0.0)}). */
    static java.util.Map<String, String> fields(String ogrinfo) {
        var fields = new java.util.LinkedHashMap<String, String>();
        Matcher m = Pattern.compile("(?m)^([a-z_0-9]+): ([A-Za-z0-9()]+) \\(").matcher(ogrinfo);
        while (m.find()) {
            fields.put(m.group(1), m.group(2));
        }
        return fields;
    }

    /** A value of ogrinfo's answer to a query: {@code n (Integer64) = 212}. */
    private static long value(String ogrinfo, String column) {
        Matcher m = Pattern.compile("(?m)^\\s*" + column + " \\([A-Za-z0-9]+\\) = (-?\\d+)").matcher(ogrinfo);
        assertThat(m.find()).as(column + " in\n" + ogrinfo).isTrue();
        return Long.parseLong(m.group(1));
    }

    private long sql(String query) throws Exception {
        try (var c = db.connect(); var rs = c.createStatement().executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static Path data(String relative) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("data/README.md"))) {
            dir = dir.getParent();
        }
        return dir.resolve("data").resolve(relative);
    }
}
