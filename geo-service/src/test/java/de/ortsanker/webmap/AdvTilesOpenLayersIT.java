package de.ortsanker.webmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.sun.net.httpserver.HttpServer;
import de.ortsanker.imports.Imports;
import de.ortsanker.testing.TestDatabase;
import de.ortsanker.testing.TestSchema;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A portal's map in EPSG:25832 and EPSG:25833, as Masterportal builds it with OpenLayers (10.6, from the
 * org.webjars.npm:ol jar; proj4js registers the CRS): our vector tiles on the AdV grid of the portal's CRS,
 * over real OpenStreetMap data — the Herrenberg extract (UTM 32) and the Hoyerswerda extract (UTM 33),
 * © OpenStreetMap contributors, ODbL — in Debian's headless Chromium against the packaged service. The page
 * is served from another origin, as a portal is. What the map draws is checked against PostGIS: where
 * ST_Transform puts a place is where OpenLayers draws it, a place on a tile border is drawn whole (no seam),
 * and the places drawn in the view are those PostGIS counts there.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdvTilesOpenLayersIT {

    /** The AdV grids as published (AdV, basemap.de WMTS): level 0 cell size and top-left corners. */
    static final double CELL_0 = 4891.96981025127;

    /** Public places as the public rule says, spelled out here as the independent reference. */
    static final String PUBLIC_PLACES = " from places p join kinds k on k.code = p.kind"
            + " where k.group_code in ('third_places', 'clubs', 'meeting_rooms', 'mobility', 'vacant_buildings', 'supply')"
            + " and p.retired_at is null and p.is_public and (p.valid_from is null or p.valid_from <= current_date)"
            + " and (p.valid_to is null or p.valid_to >= current_date)";

    static final Map<String, String> COLOURS = Map.of("third_places", "#c2185b", "clubs", "#7b1fa2",
            "meeting_rooms", "#1976d2", "mobility", "#e65100", "vacant_buildings", "#5d4037", "supply", "#2e7d32");

    private TestSchema schema;
    private RunningService service;
    private HttpServer portal;
    private Browser browser;

    @BeforeAll
    void start() throws Exception {
        schema = TestDatabase.freshSchema();
        Imports.importFile(schema.dataSource(), data("osm/herrenberg-and-around-2020-04-21.osm.pbf")).orThrow();
        Imports.importFile(schema.dataSource(), data("osm/hoyerswerda.osm.pbf")).orThrow();
        service = RunningService.start(Map.of("ORTSANKER_DB_URL", schema.jdbcUrl(), "ORTSANKER_DB_USER", schema.user(),
                "ORTSANKER_DB_PASSWORD", schema.password()));
        portal = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        serve("/adv-tiles.html", "openlayers/adv-tiles.html", "text/html");
        serve("/ol.js", "META-INF/resources/webjars/ol/10.6.0/dist/ol.js", "text/javascript");
        serve("/ol.css", "META-INF/resources/webjars/ol/10.6.0/ol.css", "text/css");
        serve("/proj4.js", "META-INF/resources/webjars/proj4/2.7.2/dist/proj4.js", "text/javascript");
        portal.start();
        browser = new Browser();
        browser.size(960, 640);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (portal != null) {
            portal.stop(0);
        }
        if (service != null) {
            service.close();
        }
        if (schema != null) {
            schema.close();
        }
    }

    @Test
    void utm32OverHerrenberg() throws Exception {
        drawsThePlacesWherePostgisPutsThemWithoutSeams(new Grid("AdV_25832", 25832, 32, -46133.17, 6301219.54),
                "8.70 48.45 9.05 48.70", "openlayers-adv-25832-herrenberg");
    }

    @Test
    void utm33OverHoyerswerda() throws Exception {
        drawsThePlacesWherePostgisPutsThemWithoutSeams(new Grid("AdV_25833", 25833, 33, -464849.38, 6310160.14),
                "14.10 51.35 14.40 51.50", "openlayers-adv-25833-hoyerswerda");
    }

    record Grid(String id, int srid, int zone, double originX, double originY) {
        String proj4() {
            return "+proj=utm +zone=" + zone + " +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs";
        }
    }

    record Place(long id, String name, String layer, double e, double n, int level) {
    }

    private void drawsThePlacesWherePostgisPutsThemWithoutSeams(Grid grid, String lonLatBox, String screenshot)
            throws Exception {
        // A place on a tile border of the grid, computed from the grid as published and ST_Transform.
        Place place = borderPlace(grid, lonLatBox);
        double res = CELL_0 / (1 << place.level);
        double span = res * 256;
        double border = grid.originX + Math.round((place.e - grid.originX) / span) * span;
        assertThat(Math.abs(place.e - border) / res).as("a place within 3.5 px of a tile border").isLessThan(3.5);

        // The view puts the place off centre, so its pixel depends on the grid, the CRS and the resolution.
        double cx = place.e + 120 * res;
        double cy = place.n - 80 * res;
        browser.open("http://127.0.0.1:" + portal.getAddress().getPort() + "/adv-tiles.html?service="
                + enc(service.base) + "&tms=" + grid.id + "&epsg=" + grid.srid + "&proj4=" + enc(grid.proj4())
                + "&x=" + cx + "&y=" + cy + "&level=" + place.level);
        browser.await("the map to render its tiles", d -> Boolean.TRUE.equals(browser.js(
                "return window.__state.rendered && window.__state.tilesLoaded > 0")) || hasErrors() ? true : null);
        assertThat(browser.js("return window.__errors")).as("errors in the page").isEqualTo(List.of());
        assertThat(browser.js("return window.__state.tileErrors")).as("tiles that failed").isEqualTo(List.of());
        assertThat(((Number) browser.js("return window.__map.getView().getResolution()")).doubleValue())
                .isCloseTo(res, within(1e-9));

        @SuppressWarnings("unchecked")
        List<Number> size = (List<Number>) browser.js("return window.__map.getSize()");
        double width = size.get(0).doubleValue();
        double height = size.get(1).doubleValue();
        int px = (int) Math.round(width / 2 + (place.e - cx) / res);
        int py = (int) Math.round(height / 2 - (place.n - cy) / res);
        int bx = (int) Math.round(width / 2 + (border - cx) / res);

        // Drawn where PostGIS puts it: the place is hit at its pixel, in its layer's colour.
        assertThat(browser.js("return window.__map.getFeaturesAtPixel([arguments[0], arguments[1]], {hitTolerance: 1})"
                + ".map(f => f.get('name'))", px, py)).as(place.toString()).asList().contains(place.name);
        int[] colour = rgb(COLOURS.get(place.layer));
        assertThat(pixel(px, py)).as("the colour at the place's pixel").isEqualTo(colour);

        // No seam: the circle (radius 7 px) is drawn on both sides of the tile border, from both tiles.
        assertThat(pixel(bx - 2, py)).as("left of the tile border").isEqualTo(colour);
        assertThat(pixel(bx + 2, py)).as("right of the tile border").isEqualTo(colour);

        // Every public place in the view is drawn once: the distinct features of the rendered tiles in the view
        // equal PostGIS's count of the places in the view's extent (± 1 m for MVT's rounding at the edges).
        long drawn = browser.number("return window.__placesInView()");
        double minE = cx - width / 2 * res;
        double maxE = cx + width / 2 * res;
        double minN = cy - height / 2 * res;
        double maxN = cy + height / 2 * res;
        long inner = countIn(grid, minE + 1, minN + 1, maxE - 1, maxN - 1);
        long outer = countIn(grid, minE - 1, minN - 1, maxE + 1, maxN + 1);
        assertThat(inner).as("places in the view").isGreaterThan(3);
        assertThat(drawn).isBetween(inner, outer);

        Path shot = browser.screenshot(screenshot);
        assertThat(Files.size(shot)).isPositive();
    }

    /**
     * The named point place of the region nearest a tile column border of the grid at levels 9–11 (where tiles
     * hold every place, unclustered), with no other place within 15 px: its level is the view's.
     */
    private Place borderPlace(Grid grid, String lonLatBox) throws SQLException {
        String sql = "with p as (select p.id, p.name, k.group_code, ST_X(ST_Transform(p.geom, ?)) e,"
                + " ST_Y(ST_Transform(p.geom, ?)) n" + PUBLIC_PLACES + " and p.name is not null"
                + " and ST_GeometryType(p.geom) = 'ST_Point' and p.geom && ST_MakeEnvelope(?, ?, ?, ?, 4326)),"
                + " l as (select level, ? / 2 ^ level res from generate_series(9, 11) level)"
                + " select id, name, group_code, e, n, level from p, l where not exists (select 1 from p q"
                + " where q.id <> p.id and abs(q.e - p.e) < 15 * res and abs(q.n - p.n) < 15 * res)"
                + " order by abs((e - ?) / (256 * res) - round((e - ?) / (256 * res))) * 256, level desc, id limit 1";
        String[] box = lonLatBox.split(" ");
        try (var c = schema.dataSource().getConnection(); var st = c.prepareStatement(sql)) {
            st.setInt(1, grid.srid);
            st.setInt(2, grid.srid);
            for (int i = 0; i < 4; i++) {
                st.setDouble(3 + i, Double.parseDouble(box[i]));
            }
            st.setDouble(7, CELL_0);
            st.setDouble(8, grid.originX);
            st.setDouble(9, grid.originX);
            try (var rs = st.executeQuery()) {
                assertThat(rs.next()).as("a named public place in " + lonLatBox).isTrue();
                return new Place(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getDouble(4), rs.getDouble(5),
                        rs.getInt(6));
            }
        }
    }

    private long countIn(Grid grid, double minE, double minN, double maxE, double maxN) throws SQLException {
        try (var c = schema.dataSource().getConnection(); var st = c.prepareStatement("select count(*)" + PUBLIC_PLACES
                + " and ST_Intersects(ST_Transform(p.geom, ?), ST_MakeEnvelope(?, ?, ?, ?, ?))")) {
            st.setInt(1, grid.srid);
            st.setDouble(2, minE);
            st.setDouble(3, minN);
            st.setDouble(4, maxE);
            st.setDouble(5, maxN);
            st.setInt(6, grid.srid);
            try (var rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private boolean hasErrors() {
        return Boolean.TRUE.equals(browser.js("return window.__errors.length > 0 || window.__state.tileErrors.length > 0"));
    }

    private int[] pixel(int x, int y) {
        @SuppressWarnings("unchecked")
        List<Number> rgba = (List<Number>) browser.js("return window.__pixel(arguments[0], arguments[1])", x, y);
        return new int[] {rgba.get(0).intValue(), rgba.get(1).intValue(), rgba.get(2).intValue()};
    }

    private static int[] rgb(String hex) {
        int v = Integer.parseInt(hex.substring(1), 16);
        return new int[] {v >> 16 & 0xff, v >> 8 & 0xff, v & 0xff};
    }

    private void serve(String path, String resource, String type) {
        portal.createContext(path, exchange -> {
            try (InputStream in = AdvTilesOpenLayersIT.class.getClassLoader().getResourceAsStream(resource)) {
                byte[] body = in.readAllBytes();
                exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            } finally {
                exchange.close();
            }
        });
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static Path data(String relative) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("data/README.md"))) {
            dir = dir.getParent();
        }
        return dir.resolve("data").resolve(relative);
    }
}
