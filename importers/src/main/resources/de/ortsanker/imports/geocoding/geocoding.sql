-- Offline geocoding against the gazetteer in the database: OSM addresses (addr:*), localities and
-- municipalities. Folding (fold_street, fold_housenumber, fold_name) makes "Hauptstr. 5a" meet
-- "Hauptstraße 5 a".

-- name: address
-- The houses with this street and number, anywhere; the caller picks by postcode or city.
select ST_X(geom), ST_Y(geom), postcode, city_folded, street, housenumber
  from addresses
 where retired_at is null
   and street_folded = fold_street(?)
   and housenumber_folded = fold_housenumber(?)
 limit 50

-- name: street
-- The house of the street (in the given postcode or city) whose number is closest to the one wanted.
select ST_X(geom), ST_Y(geom), street, housenumber
  from addresses
 where retired_at is null
   and street_folded = fold_street(?)
   and (postcode = ? or city_folded = fold_name(?))
 order by abs(coalesce(nullif(substring(housenumber from '^[0-9]+'), '')::int, 0) - ?), housenumber
 limit 1

-- name: locality
-- A village or town of that name; among several, the one with the most inhabitants.
select ST_X(geom), ST_Y(geom), name, kind
  from localities
 where retired_at is null and name_folded = fold_name(?)
 order by population desc nulls last, id
 limit 1

-- name: municipality
select ST_X(p), ST_Y(p), name, 'municipality'
  from (select ST_PointOnSurface(geom) p, name, designation, population
          from admin_areas
         where retired_at is null and level = 'gemeinde' and name_folded = fold_name(?)) m
 order by population desc nulls last
 limit 1

-- name: known
select count(*) from addresses where retired_at is null
