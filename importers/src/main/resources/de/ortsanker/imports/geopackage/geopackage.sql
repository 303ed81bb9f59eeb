-- Reading a GeoPackage's own tables (SQLite).

-- name: layers
-- Feature tables with their geometry column, type and CRS.
select c.table_name, g.column_name, g.geometry_type_name, s.organization, s.organization_coordsys_id
  from gpkg_contents c
  join gpkg_geometry_columns g on g.table_name = c.table_name
  left join gpkg_spatial_ref_sys s on s.srs_id = g.srs_id
 where c.data_type = 'features'
 order by c.table_name

-- name: columns
select name, pk from pragma_table_info(?) order by cid

-- name: extent
-- The extent gpkg_contents declares for a layer (informative, may be null): a feature far outside is corrupt.
select min_x, min_y, max_x, max_y from gpkg_contents where table_name = ?
