package de.ortsanker.tiles;

import de.ortsanker.cql2.SqlFilter;
import de.ortsanker.database.SessionSetting;
import de.ortsanker.filter.PlaceFilter;
import de.ortsanker.filter.PublicPlaces;
import de.ortsanker.tiles.TileLayer.TileField;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The one SQL statement that makes a tile in PostGIS: a named query per layer source selects the rows
 * whose geometry meets the tile (an index search on the stored EPSG:4326 geometry), and a wrapping step
 * turns them into an MVT layer with ST_AsMVTGeom/ST_AsMVT, clustering points at low zooms. Several
 * layers' MVTs are concatenated, which is a valid tile holding all of them. The statement also returns
 * the data versions it saw, so the tile's state comes from the very snapshot it was made from.
 */
public final class TileQuery {

    /** Tile units per side: ST_AsMVT's default, 16 per pixel of a 256 px tile. */
    static final int EXTENT = 4096;
    /** Features this many units beyond the edge are kept, so symbols are not cut at tile borders. */
    static final int BUFFER = 64;
    /** Cluster grid cell in tile units: 32 px on a 512 px tile. Cells align across tiles of a zoom. */
    static final int CELL = 256;
    private static final double EARTH_CIRCUMFERENCE_M = 40_075_016.685578488;

    // Planning the combined statement costs more than running it for most tiles (12 ms against 3 ms for a
    // z16 tile of the 1 M places), and PostgreSQL never settles on a generic plan by itself. Its plan
    // depends on the tile's structure, not on the parameter values (the tile envelope is known only at
    // run time anyway), so the generic plan, made once per pooled connection, is as good; the setting is
    // undone after the query (and rolled back with it when it fails), so other queries keep the default.
    private static final SessionSetting GENERIC_PLAN = new SessionSetting("plan_cache_mode", "force_generic_plan");

    /** A statement and its parameters (in order; String[] is bound as a text array). */
    public record Sql(String text, List<Object> parameters) {
    }

    private TileQuery() {
    }

    // The tile once: its envelope in the grid's CRS, the index search box in the stored EPSG:4326 (with a
    // margin for the buffer or the cluster cells, cut at the edge of the grid so that it does not wrap
    // around the antimeridian; in UTM densified first, as its straight edges are curves in degrees), and the
    // size of one tile unit in metres.
    private static final String TILE = """
            with tile as materialized (
                select %s as env,
                       ST_Transform(%s, 4326) as search,
                       ?::float8 as unit
            )
            """;

    private static String tile(TileMatrixSet grid) {
        String search = "ST_ClipByBox2D(" + grid.envelopeSql(true) + ", " + (grid.isWebMercator()
                ? "ST_TileEnvelope(0, 0, 0)" : grid.boundsSql()) + ")";
        if (!grid.isWebMercator()) {
            search = "ST_Segmentize(" + search + ", ?::float8)";
        }
        return TILE.formatted(grid.envelopeSql(false), search);
    }

    // A layer's rows that meet the tile: the catalogue's fields, the provenance, the geometry in the grid's CRS.
    // Places also pass the public rule and the filter; retired or hidden rows never reach a tile.
    private static final String ROWS = """
            select %s, %s,
                   ST_Transform(%s, %d) as geom
              from tile, %s
             where %s && tile.search
               and %s""";

    // Every feature as it is, areas simplified to the tile's resolution.
    private static final String PLAIN = """
            (select ST_AsMVT(t, ?, %1$d, 'geom', 'id') from (
                select f.id, %3$s, ST_AsMVTGeom(ST_Simplify(f.geom, tile.unit), tile.env, %1$d, %4$d, true) as geom
                  from %2$s f, tile
            ) t)""";

    // Points, and footprints smaller than a cell, counted per grid cell: a cell holding one feature keeps
    // it with its attributes, a cell holding more becomes one point at their mean position with a count.
    // Larger areas stay areas, simplified.
    private static final String CLUSTERED = """
            (select ST_AsMVT(t, ?, %1$d, 'geom', 'id') from (
                select case when count(*) = 1 then min(s.id) end as id, %3$s, count(*)::int as count,
                       ST_Point(round(avg(ST_X(s.spot))), round(avg(ST_Y(s.spot)))) as geom
                  from (select f.*, ST_AsMVTGeom(ST_PointOnSurface(f.geom), tile.env, %1$d, %5$d, true) as spot
                          from %2$s f, tile
                         where ST_XMax(f.geom) - ST_XMin(f.geom) < %5$d * tile.unit
                           and ST_YMax(f.geom) - ST_YMin(f.geom) < %5$d * tile.unit) s
                 where s.spot is not null
                 group by floor(ST_X(s.spot) / %5$d), floor(ST_Y(s.spot) / %5$d)
                union all
                select f.id, %4$s, 1, ST_AsMVTGeom(ST_Simplify(f.geom, tile.unit), tile.env, %1$d, %6$d, true)
                  from %2$s f, tile
                 where ST_XMax(f.geom) - ST_XMin(f.geom) >= %5$d * tile.unit
                    or ST_YMax(f.geom) - ST_YMin(f.geom) >= %5$d * tile.unit
            ) t)""";

    /**
     * The statement for a tile of the given layers. A layer that has nothing to show at this zoom, or
     * whose kinds the filter excludes, is left out; with no layer left the statement yields an empty tile.
     *
     * <p>Below {@code clusterBelowZoom} points are clustered. Above it they are drawn one by one unless the
     * tile would hold more than {@link #DENSE_TILE_FEATURES} of them (a city centre with dense data): then
     * it is clustered too, which keeps every tile within the size budget whatever the data.
     */
    public static Sql forTile(List<TileLayer> layers, TileAddress tile, TileFilter filter, LocalDate today,
                              int clusterBelowZoom) {
        return forTile(layers, tile, TileMatrixSet.WEB_MERCATOR, filter, today, clusterBelowZoom);
    }

    /**
     * The same in another grid: the tile's envelope and the features' coordinates in the grid's CRS; zooms
     * (clusters, layers' minimum zooms) compare at the Web Mercator zoom of the same scale.
     */
    public static Sql forTile(List<TileLayer> layers, TileAddress tile, TileMatrixSet grid, TileFilter filter,
                              LocalDate today, int clusterBelowZoom) {
        int zoom = grid.webMercatorZoom(tile.z());
        boolean lowZoom = zoom < clusterBelowZoom;
        double span = grid.isWebMercator() ? EARTH_CIRCUMFERENCE_M / (1L << tile.z()) : grid.tileSpan(tile.z());
        var params = new ArrayList<Object>(List.of(tile.z(), tile.x(), tile.y(), tile.z(), tile.x(), tile.y(),
                (double) (lowZoom ? CELL : BUFFER) / EXTENT));
        if (!grid.isWebMercator()) {
            params.add(span / 16); // a point every 16th of the tile along the search box's edges
        }
        params.add(span / EXTENT);
        var sql = new StringBuilder(tile(grid));
        var shown = new ArrayList<TileLayer>();
        for (TileLayer layer : layers) {
            if (zoom < layer.minZoom()) {
                continue;
            }
            String features = features(layer, filter, today, params, grid.srid());
            if (features != null) {
                sql.append(", ").append(layer.id()).append(" as (\n").append(indent(features)).append("\n)\n");
                shown.add(layer);
            }
        }
        List<TileLayer> clustering = shown.stream().filter(TileLayer::clusters).toList();
        if (!lowZoom && !clustering.isEmpty()) {
            sql.append(", dense as materialized (select ")
                    .append(clustering.stream().map(l -> "(select count(*) from " + l.id() + ")").collect(Collectors.joining(" + ")))
                    .append(" > ? as yes)\n");
            params.add(DENSE_TILE_FEATURES);
        }
        var parts = new ArrayList<String>();
        for (TileLayer layer : shown) {
            String part;
            if (!layer.clusters()) {
                part = plain(layer, params);
            } else if (lowZoom) {
                part = clustered(layer, params);
            } else {
                part = "case when (select yes from dense) then " + clustered(layer, params) + "\n else " + plain(layer, params) + " end";
            }
            parts.add("coalesce(" + part + ", '')");
        }
        sql.append(parts.isEmpty() ? "select ''::bytea" : "select " + String.join("\n    || ", parts)).append(" as mvt");
        // The data versions in the same snapshot as the tile: the state it was made in, at no extra trip.
        sql.append(",\n       (select string_agg(layer || '=' || version, ',') from data_versions) as versions");
        return new Sql(GENERIC_PLAN.around(sql.toString()), params);
    }

    /**
     * A query for whether changes logged in {@code tile_changes} reach a tile: the same search box the
     * tile's statement reads its rows by (envelope with the buffer or cluster margin, in EPSG:4326), so a
     * change outside it cannot alter the tile — clusters included, as their cells lie inside the margin.
     * Parameters after these: layers (text[]), versions after (bigint[]), versions up to (bigint[]).
     * Answers the changes touching the tile and the changes logged at all in those spans.
     */
    static Sql changesReaching(TileAddress tile, TileMatrixSet grid, int clusterBelowZoom) {
        boolean lowZoom = grid.webMercatorZoom(tile.z()) < clusterBelowZoom;
        double span = grid.isWebMercator() ? EARTH_CIRCUMFERENCE_M / (1L << tile.z()) : grid.tileSpan(tile.z());
        var params = new ArrayList<Object>(List.of(tile.z(), tile.x(), tile.y(), tile.z(), tile.x(), tile.y(),
                (double) (lowZoom ? CELL : BUFFER) / EXTENT));
        if (!grid.isWebMercator()) {
            params.add(span / 16);
        }
        params.add(span / EXTENT);
        return new Sql(tile(grid) + CHANGES_REACHING, params);
    }

    // A change's extent holds boxes of the rows' geometries; rows are found by box (&&) against the search
    // box's box, so the same test is made here. A change without extent reaches every tile.
    private static final String CHANGES_REACHING = """
            select count(*) filter (where c.extent is null or ST_Intersects(c.extent, ST_Envelope(tile.search))),
                   count(*)
              from tile,
                   unnest(?::text[], ?::bigint[], ?::bigint[]) as s(layer, after, upto)
              join tile_changes c on c.layer = s.layer and c.version > s.after and c.version <= s.upto""";

    /** Features drawn one by one above the cluster zoom as long as a tile holds no more than this many. */
    static final int DENSE_TILE_FEATURES = 3000;

    private static String plain(TileLayer layer, List<Object> params) {
        params.add(layer.id());
        return PLAIN.formatted(EXTENT, layer.id(), columns(layer), BUFFER);
    }

    private static String clustered(TileLayer layer, List<Object> params) {
        params.add(layer.id());
        return CLUSTERED.formatted(EXTENT, layer.id(), clusterValues(layer), columns(layer), CELL, BUFFER);
    }

    private static String columns(TileLayer layer) {
        return layer.fields().stream().map(f -> "f." + f.name()).collect(Collectors.joining(", "));
    }

    /** The rows of a layer with the filter applied, or null when the filter leaves nothing of it. */
    private static String features(TileLayer layer, TileFilter filter, LocalDate today, List<Object> params, int srid) {
        var source = layer.layer().source();
        String columns = layer.fields().stream().map(f -> f.sql() + " as " + f.name()).collect(Collectors.joining(", "));
        if (!layer.isPlaces()) {
            return ROWS.formatted(source.id(), columns, source.geometry(), srid, source.from(), source.geometry(),
                    source.existing());
        }
        PlaceFilter own = filter.places();
        var kinds = own.kindsIn(layer.kinds());
        if (kinds.isEmpty()) {
            return null;
        }
        // The layer's own kinds (a filter may name kinds of other layers too), the public rule, the filter.
        var conditions = new ArrayList<SqlFilter>(List.of(
                new PlaceFilter(java.util.Set.copyOf(kinds), own.stepFree(), own.freeEntry(), List.of()).sql(),
                PublicPlaces.on(today)));
        if (filter.cql2() != null) {
            conditions.add(filter.cql2().sql());
        }
        var where = new ArrayList<String>();
        for (SqlFilter c : conditions) {
            where.add("(" + c.sql() + ")");
            params.addAll(c.parameters());
        }
        return ROWS.formatted(source.id(), columns, source.geometry(), srid, source.from(), source.geometry(),
                String.join("\n   and ", where));
    }

    private static String clusterValues(TileLayer layer) {
        return layer.fields().stream().map(TileQuery::clusterValue).collect(Collectors.joining(", "));
    }

    private static String clusterValue(TileField field) {
        return (field.clusterValue() == null ? "null" : field.clusterValue()) + " as " + field.name();
    }

    private static String indent(String sql) {
        return sql.lines().map(l -> "    " + l).collect(Collectors.joining("\n"));
    }
}
