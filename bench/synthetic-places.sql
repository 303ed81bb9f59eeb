-- Synthetic benchmark data, spread over Germany the way real places are: clustered around the 7,244
-- German towns of GeoNames (population ≥ 1000, weighted by √population), Gaussian offsets of a few km.
-- Variables: :places, :villages; standard input: data/geonames/de-places-geonames-pop1000.csv.
\set ON_ERROR_STOP on

create temp table towns_raw (geonameid bigint, name text, feature_code text, admin1 text, ags_kreis text,
                             ags_gemeinde text, population integer, lon float8, lat float8);
\copy towns_raw from pstdin with (format csv, delimiter ';', header true)

create temp table towns as
select name, lon, lat,
       sum(sqrt(population)) over (order by geonameid) - sqrt(population) as lo,
       sum(sqrt(population)) over (order by geonameid) as hi
  from towns_raw;
create index on towns (hi);
analyze towns;

-- Picks a town by weight and offsets by a Gaussian of sigma metres (Box–Muller).
create temp table draws as
select g, t.name as town,
       t.lon + sigma_m * sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random()) / (111320 * cos(radians(t.lat))) as lon,
       t.lat + sigma_m * sqrt(-2 * ln(1 - random())) * sin(2 * pi() * random()) / 110574 as lat
  from (select g, random() * (select max(hi) from towns) as r, 4000.0 as sigma_m
          from generate_series(1, :places) g) d
  cross join lateral (select * from towns where hi >= d.r order by hi limit 1) t;

insert into places (kind, name, geom, opening_hours, wheelchair, free_entry, source, source_id, licence, attribution)
select kind, initcap(replace(kind, '_', ' ')) || ' ' || town || ' ' || g,
       ST_Point(lon, lat, 4326),
       (array['Mo-Fr 09:00-18:00', 'Tu,Th 14:00-20:00', 'Mo-Su 10:00-22:00', 'Sa 09:00-12:00', null])[1 + g % 5],
       (array['yes', 'limited', 'no', null])[1 + g % 4],
       case when kind in ('pub', 'cafe') then false when g % 3 = 0 then null else true end,
       'synthetic', g::text, 'CC0-1.0', 'Synthetic benchmark data (Ortsanker), towns from GeoNames CC BY 4.0'
  from (select *, case
          when g % 100 < 30 then 'bus_stop'        when g % 100 < 35 then 'village_shop'
          when g % 100 < 43 then 'pub'             when g % 100 < 48 then 'cafe'
          when g % 100 < 54 then 'village_hall'    when g % 100 < 57 then 'community_centre'
          when g % 100 < 59 then 'library'         when g % 100 < 61 then 'youth_club'
          when g % 100 < 64 then 'parish_hall'     when g % 100 < 76 then 'club'
          when g % 100 < 79 then 'meeting_room'    when g % 100 < 82 then 'mitfahrbank'
          when g % 100 < 87 then 'charging_station' when g % 100 < 88 then 'car_sharing'
          when g % 100 < 89 then 'bike_rental'     when g % 100 < 90 then 'train_station'
          when g % 100 < 95 then 'vacant_building' else 'health_site' end as kind
          from draws) d
 where lat between -90 and 90;

create temp table village_draws as
select g, t.name as town,
       t.lon + 8000 * sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random()) / (111320 * cos(radians(t.lat))) as lon,
       t.lat + 8000 * sqrt(-2 * ln(1 - random())) * sin(2 * pi() * random()) / 110574 as lat
  from (select g, random() * (select max(hi) from towns) as r from generate_series(1, :villages) g) d
  cross join lateral (select * from towns where hi >= d.r order by hi limit 1) t;

insert into localities (name, kind, geom, population, population_source, source, source_id, licence, attribution)
select town || '-' || g, case when g % 10 < 7 then 'village' else 'hamlet' end, ST_Point(lon, lat, 4326),
       case when g % 5 = 0 then null else (20 + 3000 * random() ^ 3)::int end,
       case when g % 5 = 0 then null else 'synthetic' end,
       'synthetic', g::text, 'CC0-1.0', 'Synthetic benchmark data (Ortsanker)'
  from village_draws;

analyze places;
analyze localities;
