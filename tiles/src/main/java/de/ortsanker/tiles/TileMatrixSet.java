package de.ortsanker.tiles;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A tile grid (OGC Two Dimensional Tile Matrix Set 2.0): its CRS, the top-left corner of its only tile at
 * level 0, and cell sizes that halve from level to level, 256 × 256 cells a tile.
 *
 * <p>Besides the world's WebMercatorQuad, the grids German portals run in: AdV_25832 (ETRS89 / UTM 32N) and
 * AdV_25833 (UTM 33N, Brandenburg, Berlin, Saxony, Mecklenburg-Western Pomerania). They are the AdV's grids
 * of basemap.de's WMTS ({@code DE_EPSG_25832_ADV}, {@code DE_EPSG_25833_ADV}), under the ids ldproxy's
 * OGC API Tiles uses for them: level 0 has Web Mercator's cell size at zoom 5 (4,891.97 m, 1:17,471,320.75),
 * so level n draws at Web Mercator's zoom n + 5, and a portal's basemap and our tiles share one grid —
 * no resampling, no seams. The OGC registry's UTM grids (UTM32WGS84Quad) span a whole zone from the
 * equator and are not what German portals' basemaps use.
 *
 * @param zoomOffset the Web Mercator zoom of level 0 at the same scale: clusters and layers' minimum zooms,
 *                   set in Web Mercator zooms, apply at level − offset
 */
public record TileMatrixSet(String id, String title, String uri, int srid, double originX, double originY,
                            double cellSize0, int maxLevel, int zoomOffset, String wellKnownScaleSet) {

    public static final TileMatrixSet WEB_MERCATOR = new TileMatrixSet("WebMercatorQuad",
            "Google Maps Compatible for the World", "http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad",
            3857, -20037508.3427892, 20037508.3427892, 156543.03392804097, 24, 0,
            "http://www.opengis.net/def/wkss/OGC/1.0/GoogleMapsCompatible");
    public static final TileMatrixSet ADV_25832 = new TileMatrixSet("AdV_25832",
            "AdV tiling scheme using ETRS89/UTM32N covering Germany", null, 25832, -46133.17, 6301219.54,
            4891.96981025127, 14, 5, null);
    public static final TileMatrixSet ADV_25833 = new TileMatrixSet("AdV_25833",
            "AdV tiling scheme using ETRS89/UTM33N covering Germany", null, 25833, -464849.38, 6310160.14,
            4891.96981025127, 14, 5, null);

    /** Every grid the tiles are made in, Web Mercator first. */
    public static final List<TileMatrixSet> ALL = List.of(WEB_MERCATOR, ADV_25832, ADV_25833);

    /** The grid with this id. */
    public static Optional<TileMatrixSet> byId(String id) {
        return ALL.stream().filter(t -> t.id.equals(id)).findFirst();
    }

    /** Pixels per tile side. */
    static final int TILE_SIZE = 256;
    /** Metres per inch-less pixel of OGC's standardized rendering (0.28 mm). */
    private static final double PIXEL_METRES = 0.00028;

    public boolean isWebMercator() {
        return this == WEB_MERCATOR;
    }

    public String crs() {
        return "http://www.opengis.net/def/crs/EPSG/0/" + srid;
    }

    /** A tile's side in CRS units at a level. */
    public double tileSpan(int level) {
        return cellSize0 * TILE_SIZE / Math.pow(2, level);
    }

    /** The Web Mercator zoom at the scale of a level (for clustering and layers' minimum zooms). */
    public int webMercatorZoom(int level) {
        return level + zoomOffset;
    }

    /** The level at the scale of a Web Mercator zoom (may be negative: not in this grid). */
    public int level(int webMercatorZoom) {
        return webMercatorZoom - zoomOffset;
    }

    /**
     * SQL for a tile's envelope in the grid's CRS: {@code ST_TileEnvelope} with the grid's level-0 tile as
     * bounds; the level, column, row and margin bound as parameters. All numbers are the grid's constants.
     */
    String envelopeSql(boolean margin) {
        String bounds = isWebMercator() ? "" : ", " + boundsSql();
        return "ST_TileEnvelope(?, ?, ?" + bounds + (margin ? ", margin => ?::float8" : "") + ")";
    }

    /** The level-0 tile: everything the grid covers. */
    String boundsSql() {
        double span = tileSpan(0);
        return String.format(Locale.ROOT, "ST_MakeEnvelope(%.8f, %.8f, %.8f, %.8f, %d)", originX, originY - span,
                originX + span, originY, srid);
    }

    /** The Tile Matrix Set 2.0 JSON document. */
    Map<String, Object> definition(String selfUrl) {
        var matrices = new ArrayList<Map<String, Object>>();
        for (int z = 0; z <= maxLevel; z++) {
            var m = new LinkedHashMap<String, Object>();
            m.put("id", Integer.toString(z));
            double cellSize = cellSize0 / Math.pow(2, z);
            m.put("scaleDenominator", cellSize / PIXEL_METRES);
            m.put("cellSize", cellSize);
            m.put("cornerOfOrigin", "topLeft");
            m.put("pointOfOrigin", List.of(originX, originY));
            m.put("tileWidth", TILE_SIZE);
            m.put("tileHeight", TILE_SIZE);
            m.put("matrixWidth", 1L << z);
            m.put("matrixHeight", 1L << z);
            matrices.add(m);
        }
        var tms = new LinkedHashMap<String, Object>();
        tms.put("id", id);
        tms.put("title", title);
        if (uri != null) {
            tms.put("uri", uri);
        }
        tms.put("crs", crs());
        tms.put("orderedAxes", isWebMercator() ? List.of("X", "Y") : List.of("E", "N"));
        if (wellKnownScaleSet != null) {
            tms.put("wellKnownScaleSet", wellKnownScaleSet);
        }
        double span = tileSpan(0);
        var bbox = new LinkedHashMap<String, Object>();
        bbox.put("lowerLeft", List.of(originX, originY - span));
        bbox.put("upperRight", List.of(originX + span, originY));
        bbox.put("crs", crs());
        tms.put("boundingBox", bbox);
        tms.put("tileMatrices", matrices);
        if (!isWebMercator()) {
            // The same grid once more as Tile Matrix Set 1.0 (OGC 17-083r2) members: GDAL up to 3.6 (Debian 12)
            // reads only that encoding for a grid it does not know by name. TMS 2.0 readers ignore them.
            tms.put("type", "TileMatrixSetType");
            tms.put("identifier", id);
            tms.put("supportedCRS", crs());
            bbox.put("type", "BoundingBoxType");
            bbox.put("lowerCorner", List.of(originX, originY - span));
            bbox.put("upperCorner", List.of(originX + span, originY));
            tms.put("tileMatrix", matrices.stream().map(m -> {
                var v1 = new LinkedHashMap<String, Object>();
                v1.put("type", "TileMatrixType");
                v1.put("identifier", m.get("id"));
                v1.put("scaleDenominator", m.get("scaleDenominator"));
                v1.put("topLeftCorner", m.get("pointOfOrigin"));
                v1.put("tileWidth", m.get("tileWidth"));
                v1.put("tileHeight", m.get("tileHeight"));
                v1.put("matrixWidth", m.get("matrixWidth"));
                v1.put("matrixHeight", m.get("matrixHeight"));
                return v1;
            }).toList());
        }
        tms.put("links", List.of(OgcTiles.link("self", selfUrl, "application/json", id)));
        return tms;
    }
}
