-- The official population of every municipality, as the statistical offices publish it: Destatis'
-- Gemeindeverzeichnis (GV-ISys, population on 31.12. of a year) and the Zensus 2022 table per Gemeinde.
-- A file of figures is a source like any other (keyed by source and AGS, digest, retired when gone): its
-- figures are kept beside the boundaries, not written into them, because the boundaries (BKG) and the
-- figures (Destatis, Zensus) have their own sources, dates and attributions.

create table official_population (
    id             bigint generated always as identity primary key,
    ags            text not null check (ags ~ '^[0-9]{8}$'),   -- the Gemeinde's key (the source's key)
    name           text not null check (btrim(name) <> ''),    -- as the file spells it ("Flensburg, Stadt")
    population     integer not null check (population >= 0),
    reference_date date not null,                              -- the day the figure counts
    publication    text not null,                              -- "GV-ISys 31.12.2024", "Zensus 2022" …

    source         text not null,
    licence        text not null,
    attribution    text not null,
    import_hash    text,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now(),
    retired_at     timestamptz,

    constraint official_population_source_key unique (source, ags)
);

create index official_population_ags_idx on official_population (ags) where retired_at is null;

create trigger official_population_touch before update on official_population
    for each row execute function touch_updated_at();

-- The figure that counts per municipality, and per district the sum of its municipalities: the latest
-- reference date, and of one date the source imported last. One definition for every reader (the layers
-- of municipalities and districts, the village figures, planning).
create view official_figures as
with current as (
    select distinct on (ags) ags, name, population, reference_date, publication, source, licence, attribution
      from official_population
     where retired_at is null
     order by ags, reference_date desc, updated_at desc, id desc
)
select 'gemeinde'::text as level, ags, population, reference_date, publication, source, licence, attribution
  from current
union all
select 'kreis', left(ags, 5), sum(population)::integer, max(reference_date), min(publication), min(source),
       min(licence), min(attribution)
  from current
 group by left(ags, 5)
union all
select 'land', left(ags, 2), sum(population)::integer, max(reference_date), min(publication), min(source),
       min(licence), min(attribution)
  from current
 group by left(ags, 2);

comment on view official_figures is 'the official population per gemeinde (latest figure), kreis and land (sums of their gemeinden)';

-- The official figure of an area by its level and key: a municipality's own, a district's (Land's,
-- Regierungsbezirk's) the sum of its municipalities' current figures. Read per row by the layers of
-- municipalities and districts and by the search: an index range over the keys, no view to aggregate.
create function official_population_of(level text, key text) returns integer
    language sql stable parallel safe
as $$
    select sum(c.population)::integer
      from (select distinct on (p.ags) p.population
              from official_population p
             where p.retired_at is null and p.ags between rpad(key, 8, '0') and rpad(key, 8, '9')
             order by p.ags, p.reference_date desc, p.updated_at desc, p.id desc) c
     where level in ('gemeinde', 'kreis', 'regierungsbezirk', 'land') and length(key) between 2 and 8
$$;

-- The figures belong to the layers of municipalities and districts: a changed figure is a new version of them.
create trigger official_population_version_insert after insert on official_population
    referencing new table as changed_rows for each statement execute function bump_table_layer('admin_areas');
create trigger official_population_version_update after update on official_population
    referencing new table as changed_rows for each statement execute function bump_table_layer('admin_areas');
create trigger official_population_version_delete after delete on official_population
    referencing old table as changed_rows for each statement execute function bump_table_layer('admin_areas');
