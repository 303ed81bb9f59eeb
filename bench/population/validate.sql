-- Measures the error of the village figures (docs/population.md). Run on a database holding the BKG
-- boundaries, the official figures and the OSM extracts (bench/population/run.sh imports them):
--   psql "$DB" -X -q -f bench/population/validate.sql
-- Everything happens in one transaction that is rolled back: the data is left as it was.
\pset footer off
begin;

-- The known figures of OpenStreetMap's villages: their own population tag, and GeoNames' figure where a
-- GeoNames place was merged into the village. Each with the product's verdict on an own tag (used, or why not).
create temp table known as
select l.id as locality_id, l.name, l.kind, l.source, 'OSM tag' as figure_from, l.population as known,
       v.method as verdict, v.own_unused_reason, v.ags
  from localities l join village_population v on v.locality_id = l.id
 where l.osm and l.retired_at is null and l.population > 0
union all
select o.id, o.name, o.kind, o.source, 'GeoNames', g.population, null, null, v.ags
  from localities g
  join localities o on o.id = g.superseded_by
  join village_population v on v.locality_id = o.id
 where g.population > 0;

-- The municipality's official figure, its settlements and the village's share of its addresses.
create temp table context as
select k.locality_id, m.official, m.settlements, m.address_share
  from (select distinct locality_id, ags from known) k
  join lateral (select v.official,
                       (select count(*) from village_population o where o.ags = k.ags) as settlements,
                       (select count(*) from addresses d where d.retired_at is null and d.geom && a.geom
                           and ST_Intersects(a.geom, d.geom)) as municipal_addresses,
                       null::numeric as address_share
                  from village_population v left join admin_areas a on a.level = 'gemeinde' and a.ags = k.ags
                                                                     and a.retired_at is null
                 where v.locality_id = k.locality_id) m on true;

-- What the method gives with every own figure hidden.
update localities set population = null, population_source = null, population_date = null where population is not null;
select village_population_refresh() as refreshed \gset
create temp table hidden as
select k.*, c.official, c.settlements, v.people as estimate, v.method as estimate_method, v.uncertainty,
       v.weight::numeric / nullif(v.weight_total, 0) as share
  from known k join context c using (locality_id) join village_population v on v.locality_id = k.locality_id;
-- A figure is the village's (not its municipality's) when the product uses an OSM tag as the village's own, or
-- a GeoNames figure is below 90 % of the municipality's; it tells something only where the municipality has
-- other settlements to share with.
alter table hidden add column is_village_figure boolean;
update hidden set is_village_figure = settlements > 1 and known <= official
                                      and case figure_from when 'OSM tag' then verdict = 'own'
                                                           else known < 0.9 * official end;

-- And with the addresses hidden too: the fallback by kind of settlement.
delete from addresses;
select village_population_refresh() as refreshed \gset
create temp table by_kind as
select k.locality_id, v.people as estimate
  from (select distinct locality_id from known) k join village_population v using (locality_id);

\echo
\echo 'Known village figures (an OSM population tag, or GeoNames'' figure of the same village) and what the'
\echo 'method gives without them. village_figure: the figure is the village''s, not its municipality''s.'
select h.source, h.name, h.kind, h.figure_from, h.known, h.official, h.is_village_figure as village_figure,
       h.estimate, h.estimate_method as method, round(100.0 * (h.estimate - h.known) / h.known) as "error %",
       k.estimate as by_kind, round(100.0 * (k.estimate - h.known) / h.known) as "kind error %"
  from hidden h join by_kind k using (locality_id)
 where h.source not like 'GeoNames%'
 order by h.source, h.name, h.figure_from;

\echo 'Absolute percentage error on the village figures (each known figure once)'
select method, count(*) as figures,
       round(percentile_cont(0.5) within group (order by e)::numeric, 1) as "median abs %",
       round(avg(e)::numeric, 1) as "mean abs %",
       round(percentile_cont(0.8) within group (order by e)::numeric, 1) as "p80 abs %",
       round(max(e)::numeric, 1) as "max abs %",
       round(avg(signed)::numeric, 1) as "mean signed %"
  from (select h.estimate_method as method, abs(100.0 * (h.estimate - h.known) / h.known) as e,
               100.0 * (h.estimate - h.known) / h.known as signed
          from hidden h where h.is_village_figure
        union all
        select 'settlement_kind (addresses hidden)', abs(100.0 * (k.estimate - h.known) / h.known),
               100.0 * (k.estimate - h.known) / h.known
          from hidden h join by_kind k using (locality_id) where h.is_village_figure) x
 group by method order by method;

rollback;
begin;

-- One level up, where there are many known figures: the municipalities that lie wholly inside an extract
-- (within the extent of its data), their official figures summed and shared out again in proportion to
-- their addresses, compared with each municipality's official figure. This measures the assumption the
-- method rests on — people per address alike across the places that share a figure.
create temp table covered as
with extent as (
    select source, ST_SetSRID(ST_Extent(geom), 4326) as box from addresses where retired_at is null group by source
), m as (
    select e.source, a.ags, a.name, f.population as official,
           (select count(*) from addresses d where d.retired_at is null and d.geom && a.geom and ST_Intersects(a.geom, d.geom)) as addresses
      from extent e
      join admin_areas a on a.level = 'gemeinde' and a.retired_at is null and ST_Within(a.geom, e.box)
      join official_figures f on f.level = 'gemeinde' and f.ags = a.ags
)
select m.*, round(sum(official) over (partition by source) * addresses::numeric
                  / nullif(sum(addresses) over (partition by source), 0)) as estimate
  from m;

\echo 'Municipalities wholly inside an extract: official figure vs the extract''s total shared by addresses'
select source, ags, name, official, addresses, estimate, round(100.0 * (estimate - official) / official) as "error %"
  from covered order by source, ags;
select count(*) as municipalities,
       round(percentile_cont(0.5) within group (order by e)::numeric, 1) as "median abs %",
       round(avg(e)::numeric, 1) as "mean abs %",
       round(percentile_cont(0.8) within group (order by e)::numeric, 1) as "p80 abs %",
       round(max(e)::numeric, 1) as "max abs %"
  from (select abs(100.0 * (estimate - official) / official) as e from covered where addresses > 0) x;
rollback;
