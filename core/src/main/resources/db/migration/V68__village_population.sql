-- How many people live in each village, and how we know — one figure per village that the villages layer
-- (OGC items, tiles), the places API, planning and its CSV all read. In this order:
--   own        the village's own figure (OpenStreetMap population=*), where it is plausibly the village's;
--   zensus     else its municipality's official figure shared out in proportion to the Zensus grid cells
--              whose nearest settlement it is (where a grid was imported);
--   addresses  else shared out in proportion to the addresses (OSM addr:*) whose nearest settlement it is;
--   settlement_kind  else, where the data holds too few addresses (mapping unfinished), by a rough size
--              per kind of settlement (wide uncertainty);
--   unknown    no own figure and no official figure for its municipality.
-- The shares of a municipality add up to its official figure minus the own figures kept (largest remainder).
-- An own figure is not the village's when it exceeds the municipality's, when it is ≥ 90 % of it while the
-- village holds less than three quarters of the municipality's addresses (OSM often tags the municipality's
-- figure on its main place, or on every part of it), or when the own figures of a municipality add up to
-- more than its official figure; such a figure is noted and not used. Addresses and grid cells go to their
-- nearest settlement, own figure or not: a village that keeps its own figure keeps its addresses too.
-- Never an estimate from a list of large places only.

create table village_population (
    -- no foreign key: localities can be truncated (tests, a fresh start); the refresh drops figures of villages gone
    locality_id    bigint primary key,
    ags            text,           -- the municipality the village lies in
    people         integer check (people >= 0),
    method         text not null check (method in ('own', 'zensus', 'addresses', 'settlement_kind', 'unknown')),
    uncertainty    integer check (uncertainty >= 0),   -- ± people: the method's measured error (docs/population.md)
    weight         numeric,        -- the village's addresses, grid inhabitants or kind weight
    weight_total   numeric,        -- the same for all villages sharing the municipality's figure
    official       integer,        -- the municipality's official figure the share was taken from
    own_unused     integer,        -- an own figure (OSM) that was not used, and why (own_unused_reason)
    own_unused_reason text check (own_unused_reason in ('above_official', 'municipality_figure', 'sum_above_official')),
    note_de        text not null,
    note_en        text not null,
    source         text,           -- where the figure (or the total shared) comes from
    reference_date date,
    licence        text,
    attribution    text
);

create index village_population_ags_idx on village_population (ags);

-- A village's figure, for readers that want only the number (the villages layer, the search).
create function village_people(locality bigint) returns integer
    language sql stable parallel safe
as $$
    select people from village_population where locality_id = locality
$$;

-- A changed figure is a new version of the villages layer (tiles, ETags).
create trigger village_population_version_insert after insert on village_population
    referencing new table as changed_rows for each statement execute function bump_table_layer('localities');
create trigger village_population_version_update after update on village_population
    referencing new table as changed_rows for each statement execute function bump_table_layer('localities');
create trigger village_population_version_delete after delete on village_population
    referencing old table as changed_rows for each statement execute function bump_table_layer('localities');

-- Rough relative sizes of settlements by kind, used only to share a municipality's figure where the data
-- has no addresses for some of its settlements (a town ≈ 10 villages, a hamlet ≈ 1/8 of a village).
create function settlement_kind_weight(kind text) returns numeric
    language sql immutable strict parallel safe
as $$
    select case kind when 'city' then 100 when 'town' then 10 when 'suburb' then 2 when 'quarter' then 1
                     when 'village' then 1 when 'hamlet' then 0.12 when 'isolated_dwelling' then 0.015 else 0 end
$$;

-- How far a kind of settlement reaches, in metres: addresses and grid cells go to the settlement whose
-- distance divided by its reach is least (a weighted Voronoi partition). Plain nearest would give the
-- edge of a town to a farmstead just outside it, and a lone mill 1,100 people.
create function settlement_reach(kind text) returns numeric
    language sql immutable strict parallel safe
as $$
    select case kind when 'city' then 5000 when 'town' then 1500 when 'suburb' then 700 when 'quarter' then 400
                     when 'village' then 500 when 'hamlet' then 150 when 'isolated_dwelling' then 50 else 100 end
$$;

-- The relative error of each method, measured (docs/population.md, bench/population/run.sh): the uncertainty
-- shown is the village's figure times this — the 80th percentile of the absolute error on villages whose figure
-- is known (addresses: 16 %, by kind: 59 %, rounded up). No grid was at hand to measure the grid's share: it
-- is given the addresses' until it is measured.
create function village_population_relative_error(method text) returns numeric
    language sql immutable strict parallel safe
as $$
    select case method when 'zensus' then 0.20 when 'addresses' then 0.20 when 'settlement_kind' then 0.60 end
$$;

-- JIT off: compiling the statements cost seconds (more than running them) for the row counts of a county.
create function village_population_refresh() returns bigint
    language plpgsql
    set jit = off
as $$
declare
    changed bigint;
    removed bigint;
begin
    -- Tables just written in this transaction have no statistics yet: plans would assume them empty.
    analyze localities;
    analyze addresses;
    analyze admin_areas;
    analyze official_population;
    analyze population_cells;

    -- Each municipality's most exact outline: OpenStreetMap's where one is linked (VG5000 is generalised for
    -- 1:5,000,000), else the official one; its name from the record that stands for it.
    drop table if exists pg_temp.vp_area, pg_temp.vp_settlement, pg_temp.vp_municipality, pg_temp.vp_address,
        pg_temp.vp_cell, pg_temp.vp_new;
    create temp table vp_area as
    select distinct on (a.ags) a.ags, a.geom,
           (select c.name from admin_areas c where c.level = 'gemeinde' and c.ags = a.ags and c.retired_at is null
             order by c.id limit 1) as name
      from admin_areas a
     where a.level = 'gemeinde' and (a.retired_at is null or a.superseded_by is not null)
     order by a.ags, a.osm desc, (a.retired_at is null) desc, a.id;
    create index on vp_area using gist (geom);
    analyze vp_area;

    -- Settlements people live in (every kind but 'locality', a named spot), in their municipality: their own
    -- key where the data has one, else the outline they lie in.
    create temp table vp_settlement as
    select l.id, l.kind, l.geom, l.geog, ST_Transform(l.geom, 3035) as laea, settlement_reach(l.kind) as reach,
           l.population as own, l.population_source as own_source,
           l.population_date as own_date, l.licence as own_licence, l.attribution as own_attribution,
           coalesce(l.ags, (select a.ags from vp_area a where a.geom && l.geom and ST_Intersects(a.geom, l.geom)
                             order by a.ags limit 1)) as ags
      from localities l
     where l.retired_at is null and l.kind <> 'locality';
    create index on vp_settlement (ags);
    analyze vp_settlement;

    create temp table vp_municipality as
    select s.ags, f.population as official, f.reference_date, f.publication, f.source, f.licence, f.attribution,
           coalesce(a.name, s.ags) as name, a.geom, s.settlements
      from (select ags, count(*) as settlements from vp_settlement where ags is not null group by ags) s
      join official_figures f on f.level = 'gemeinde' and f.ags = s.ags
      left join vp_area a on a.ags = s.ags;
    create index on vp_municipality (ags);
    analyze vp_municipality;

    -- Each address of a municipality to its nearest settlement there, distances weighted by the settlements'
    -- reach (a weighted Voronoi partition within the outline; on the sphere, which is exact enough to rank).
    -- (A top-1 search per address over the few settlements of its municipality: three times faster than
    -- ranking every pair.)
    create temp table vp_address as
    select d.id, v.village
      from vp_municipality m
      join addresses d on d.retired_at is null and d.geom && m.geom and ST_Intersects(m.geom, d.geom)
     cross join lateral (select v.id as village from vp_settlement v where v.ags = m.ags
                          order by ST_Distance(v.geog, d.geom::geography, false) / v.reach, v.id limit 1) v;

    -- The same for inhabited Zensus grid cells, by their centres (ETRS89-LAEA metres: equal-area, near-true distances).
    create temp table vp_cell as
    select c.id, c.population, v.village
      from (select ags, ST_Transform(geom, 3035) as laea from vp_municipality) m
      join population_cells c on c.retired_at is null and c.population > 0
                              and c.centre && m.laea and ST_Intersects(m.laea, c.centre)
     cross join lateral (select v.id as village from vp_settlement v where v.ags = m.ags
                          order by ST_Distance(v.laea, c.centre) / v.reach, v.id limit 1) v;

    alter table vp_settlement add column cells bigint not null default 0, add column addresses bigint not null default 0,
        add column own_unused_reason text, add column own_used boolean not null default false;
    update vp_settlement s set cells = c.n from (select village, sum(population) as n from vp_cell group by village) c
     where c.village = s.id;
    update vp_settlement s set addresses = d.n from (select village, count(*) as n from vp_address group by village) d
     where d.village = s.id;

    -- Which own figures are the village's. Nearly the municipality's figure, on a settlement that holds much
    -- less than three quarters of the municipality's addresses (or where none are known, among others): the
    -- municipality's figure tagged on its main place. A village that is nearly all of its municipality keeps it.
    alter table vp_municipality add column addresses bigint not null default 0, add column own_kept bigint not null default 0;
    update vp_municipality m set addresses = t.n
      from (select ags, sum(addresses) as n from vp_settlement group by ags) t where t.ags = m.ags;
    update vp_settlement s
       set own_unused_reason = case
               when s.own > m.official then 'above_official'
               when m.settlements > 1 and s.own >= 0.9 * m.official
                    and coalesce(s.addresses::numeric / nullif(m.addresses, 0) < 0.75, true) then 'municipality_figure' end
      from vp_municipality m
     where m.ags = s.ags and s.own is not null;
    update vp_settlement set own_used = true where own is not null and own_unused_reason is null;
    update vp_settlement s set own_used = false, own_unused_reason = 'sum_above_official'
      from (select s2.ags from vp_settlement s2 join vp_municipality m on m.ags = s2.ags
             where s2.own_used group by s2.ags, m.official having sum(s2.own) > m.official) o
     where s.ags = o.ags and s.own_used;
    update vp_municipality m set own_kept = t.n
      from (select ags, sum(own) as n from vp_settlement where own_used group by ags) t where t.ags = m.ags;
    analyze vp_settlement;

    create temp table vp_new as
    with sharing as (
        -- the settlements that share their municipality's figure, with each kind of weight
        select v.id, v.ags, v.kind, v.cells, v.addresses
          from vp_settlement v
          join vp_municipality m on m.ags = v.ags
         where not v.own_used
    ), per_municipality as (
        select s.ags, m.official - m.own_kept as rest,
               sum(s.cells) as cells,
               -- addresses describe a municipality where the data holds nearly all of them: Germany has about one
               -- address for four to five people; fewer than one for seven means the mapping is unfinished
               sum(s.addresses) > 0 and sum(s.addresses) >= 0.15 * (m.official - m.own_kept) as by_addresses
          from sharing s join vp_municipality m on m.ags = s.ags
         group by s.ags, m.official, m.own_kept
    ), weighted as (
        select s.id, s.ags, s.kind, p.rest,
               case when p.cells > 0 then 'zensus' when p.by_addresses then 'addresses' else 'settlement_kind' end as method,
               case when p.cells > 0 then s.cells
                    when p.by_addresses then greatest(s.addresses, 1)   -- a settlement without an address: one
                    else settlement_kind_weight(s.kind) end::numeric as weight
          from sharing s join per_municipality p on p.ags = s.ags
    ), exact0 as (
        select w.*, sum(w.weight) over (partition by w.ags) as weight_total,
               case when sum(w.weight) over (partition by w.ags) > 0
                    then w.rest * w.weight / sum(w.weight) over (partition by w.ags)
                    else w.rest::numeric / count(*) over (partition by w.ags) end as share0,
               -- a guess by kind stays within the kind's definition (OSM: a hamlet up to some 200 people, an
               -- isolated dwelling one or two households); the excess goes to the larger settlements
               case when w.method = 'settlement_kind' then
                    case w.kind when 'hamlet' then 200 when 'isolated_dwelling' then 10 end end as cap
          from weighted w
    ), capped as (
        select e.*, sum(case when e.share0 > e.cap then e.share0 - e.cap else 0 end) over (partition by e.ags) as excess,
               sum(case when e.cap is null then e.weight else 0 end) over (partition by e.ags) as uncapped_weight
          from exact0 e
    ), exact as (
        -- where only capped settlements are in the data (the municipality lies partly outside it), the excess
        -- stays unshared: those people live in places the data does not hold
        select c.*, case when c.share0 > c.cap then c.cap
                         when c.cap is null and c.uncapped_weight > 0 then c.share0 + c.excess * c.weight / c.uncapped_weight
                         else c.share0 end as share
          from capped c
    ), rounded as (
        -- largest remainder: the integer shares add up to the rest exactly
        select e.*, floor(e.share)::integer
                    + case when row_number() over (partition by e.ags order by e.share - floor(e.share) desc, e.id)
                                <= round(sum(e.share) over (partition by e.ags)) - sum(floor(e.share)) over (partition by e.ags)
                           then 1 else 0 end as people
          from exact e
    )
    select v.id as locality_id, v.ags,
           case when v.own_used then v.own when r.id is not null then r.people else v.own end as people,
           case when v.own_used then 'own' when r.id is not null then r.method
                when v.own is not null then 'own' else 'unknown' end as method,
           r.weight, r.weight_total, m.official,
           case when not v.own_used and r.id is not null then v.own end as own_unused,
           case when not v.own_used and r.id is not null then v.own_unused_reason end as own_unused_reason,
           coalesce(r.share0 > r.cap, false) as capped, r.uncapped_weight = 0 and r.excess > 0 as unshared,
           m.name as municipality, m.publication,
           case when v.own_used or r.id is null then v.own_source else m.source end as source,
           case when v.own_used or r.id is null then v.own_date else m.reference_date end as reference_date,
           case when v.own_used or r.id is null then v.own_licence else m.licence end as licence,
           case when v.own_used or r.id is null then v.own_attribution else m.attribution end as attribution
      from vp_settlement v
      left join rounded r on r.id = v.id
      left join vp_municipality m on m.ags = v.ags;

    alter table vp_new add column uncertainty integer, add column note_de text, add column note_en text;
    update vp_new set
        uncertainty = round(people * village_population_relative_error(method)),
        note_de = case method
            when 'own' then format('eigene Angabe (%s)', coalesce(source, 'Quelle unbekannt'))
            when 'zensus' then format('Anteil an %s Einwohnern der Gemeinde %s (%s) nach den Zensus-Gitterzellen, deren nächster Ort er ist: %s von %s Einwohnern der Zellen',
                                      official, municipality, publication, weight, weight_total)
            when 'addresses' then format('Anteil an %s Einwohnern der Gemeinde %s (%s) nach Adressen, deren nächster Ort er ist: %s von %s',
                                         official, municipality, publication, weight, weight_total)
            when 'settlement_kind' then format('Anteil an %s Einwohnern der Gemeinde %s (%s) nach der Art des Orts (keine Adressen in den Daten): grob',
                                               official, municipality, publication)
            else 'unbekannt: keine eigene Angabe und keine amtliche Zahl der Gemeinde' end
            || case when capped then format('; höchstens %s für diese Art von Ort', people) else '' end
            || case when unshared then '; die Daten enthalten nur einen Teil der Gemeinde: der Rest ihrer Einwohner lebt in Orten, die nicht in den Daten sind' else '' end
            || case own_unused_reason
                 when 'above_official' then format('; die eigene Angabe %s übersteigt die der Gemeinde', own_unused)
                 when 'municipality_figure' then format('; die eigene Angabe %s ist die der ganzen Gemeinde', own_unused)
                 when 'sum_above_official' then format('; die eigene Angabe %s passt nicht: die Angaben der Orte ergeben mehr als die Gemeinde', own_unused)
                 else '' end,
        note_en = case method
            when 'own' then format('the village''s own figure (%s)', coalesce(source, 'source unknown'))
            when 'zensus' then format('share of the %s inhabitants of %s (%s) by the Zensus grid cells whose nearest settlement it is: %s of %s inhabitants of the cells',
                                      official, municipality, publication, weight, weight_total)
            when 'addresses' then format('share of the %s inhabitants of %s (%s) by the addresses whose nearest settlement it is: %s of %s',
                                         official, municipality, publication, weight, weight_total)
            when 'settlement_kind' then format('share of the %s inhabitants of %s (%s) by kind of settlement (no addresses in the data): rough',
                                               official, municipality, publication)
            else 'unknown: no figure of its own and no official figure for its municipality' end
            || case when capped then format('; at most %s for this kind of settlement', people) else '' end
            || case when unshared then '; the data holds only part of the municipality: the rest of its people live in places the data does not hold' else '' end
            || case own_unused_reason
                 when 'above_official' then format('; its own figure %s exceeds the municipality''s', own_unused)
                 when 'municipality_figure' then format('; its own figure %s is the whole municipality''s', own_unused)
                 when 'sum_above_official' then format('; its own figure %s does not fit: the villages'' figures add up to more than the municipality''s', own_unused)
                 else '' end;

    -- Write only what changed: an unchanged figure moves no version and invalidates no cache.
    insert into village_population as t (locality_id, ags, people, method, uncertainty, weight, weight_total, official,
                                         own_unused, own_unused_reason, note_de, note_en, source, reference_date,
                                         licence, attribution)
    select locality_id, ags, people, method, uncertainty, weight, weight_total, official, own_unused,
           own_unused_reason, note_de, note_en, source, reference_date, licence, attribution
      from vp_new
    on conflict (locality_id) do update
       set (ags, people, method, uncertainty, weight, weight_total, official, own_unused, own_unused_reason, note_de,
            note_en, source, reference_date, licence, attribution)
         = (excluded.ags, excluded.people, excluded.method, excluded.uncertainty, excluded.weight,
            excluded.weight_total, excluded.official, excluded.own_unused, excluded.own_unused_reason,
            excluded.note_de, excluded.note_en, excluded.source, excluded.reference_date, excluded.licence,
            excluded.attribution)
     where (t.ags, t.people, t.method, t.uncertainty, t.weight, t.weight_total, t.official, t.own_unused,
            t.own_unused_reason, t.note_de, t.note_en, t.source, t.reference_date, t.licence, t.attribution)
           is distinct from
           (excluded.ags, excluded.people, excluded.method, excluded.uncertainty, excluded.weight,
            excluded.weight_total, excluded.official, excluded.own_unused, excluded.own_unused_reason,
            excluded.note_de, excluded.note_en, excluded.source, excluded.reference_date, excluded.licence,
            excluded.attribution);
    get diagnostics changed = row_count;
    delete from village_population t where not exists (select 1 from vp_new n where n.locality_id = t.locality_id);
    get diagnostics removed = row_count;
    drop table vp_area, vp_settlement, vp_municipality, vp_address, vp_cell, vp_new;
    return changed + removed;
end
$$;

-- Kept current without any writer having to remember: a statement that changes villages, areas, addresses,
-- grid cells or official figures marks the transaction, and the figures are computed once at its commit
-- (a deferred trigger), inside it — an import that fails leaves them as they were.
create table village_population_pending (
    pending boolean primary key default true check (pending)
);

create function village_population_mark() returns trigger
    language plpgsql
as $$
begin
    if exists (select 1 from changed_rows) then
        insert into village_population_pending values (true) on conflict do nothing;
    end if;
    return null;
end
$$;

create function village_population_mark_truncated() returns trigger
    language plpgsql
as $$
begin
    insert into village_population_pending values (true) on conflict do nothing;
    return null;
end
$$;

create function village_population_at_commit() returns trigger
    language plpgsql
as $$
begin
    delete from village_population_pending;
    perform village_population_refresh();
    return null;
end
$$;

create constraint trigger village_population_pending_commit after insert on village_population_pending
    deferrable initially deferred for each row execute function village_population_at_commit();

do $$
declare
    t text;
begin
    foreach t in array array['localities', 'admin_areas', 'addresses', 'population_cells', 'official_population'] loop
        execute format('create trigger %1$s_village_population_insert after insert on %1$s referencing new table as changed_rows'
                       ' for each statement execute function village_population_mark()', t);
        execute format('create trigger %1$s_village_population_update after update on %1$s referencing new table as changed_rows'
                       ' for each statement execute function village_population_mark()', t);
        execute format('create trigger %1$s_village_population_delete after delete on %1$s referencing old table as changed_rows'
                       ' for each statement execute function village_population_mark()', t);
        execute format('create trigger %1$s_village_population_truncate after truncate on %1$s'
                       ' for each statement execute function village_population_mark_truncated()', t);
    end loop;
end
$$;

select village_population_refresh();
