package de.ortsanker.cql2;

/**
 * The coordinate reference system geometry literals in a filter are written in (the {@code filter-crs}).
 *
 * @param srid      its EPSG code as PostGIS knows it
 * @param swapAxes  true when its first axis is latitude or northing (EPSG:4326 by URI is latitude first),
 *                  as PostGIS expects x (longitude, easting) first
 * @param projected true for a projected CRS in metres; its straight edges are densified before transforming
 */
public record LiteralCrs(int srid, boolean swapAxes, boolean projected) {

    /** WGS 84 longitude/latitude — the CQL2 default, and how geometries are stored. */
    public static final LiteralCrs CRS84 = new LiteralCrs(SqlTranslator.STORAGE_SRID, false, false);
}
