-- Places partitioned by source. A large source gets a partition of its own, which an import builds
-- beside the live data — COPY into a bare table, indexes built in bulk, checked — and attaches in its
-- merge transaction: index builds cost a fraction of maintaining every index row by row, and readers
-- never see a half-loaded source. Every other source lives in the default partition, as before.
-- (docs/benchmarks.md, Imports; importers/…/PartitionLoad.java)
--
-- A partitioned table's unique keys must contain the partition key, so the primary key becomes
-- (id, source); ids still come from one sequence and stay unique across partitions. PostgreSQL 15 has
-- no identity columns on partitioned tables: the sequence is the column's default.

alter table places rename to places_other;
alter index places_geom_idx rename to places_other_geom_idx;
alter index places_geog_idx rename to places_other_geog_idx;
alter index places_name_trgm_idx rename to places_other_name_trgm_idx;
alter index places_kind_idx rename to places_other_kind_idx;
alter index places_address_idx rename to places_other_address_idx;
alter index places_public_kind_idx rename to places_other_public_kind_idx;
alter table places_other rename constraint places_source_key to places_other_source_key;
alter table places_other drop constraint places_pkey;
alter table places_other drop constraint places_kind_fkey;
alter table places_other alter column id drop identity;
drop trigger places_conform on places_other;
drop trigger places_touch on places_other;
drop trigger places_version_insert on places_other;
drop trigger places_version_update on places_other;
drop trigger places_version_delete on places_other;
drop trigger places_version_truncate on places_other;

create table places (like places_other including defaults including generated including constraints)
    partition by list (source);

create sequence places_id_seq owned by places.id;
select setval('places_id_seq', coalesce((select max(id) from places_other), 0) + 1, false);
alter table places alter column id set default nextval('places_id_seq');

alter table places add constraint places_pkey primary key (id, source);
alter table places add constraint places_source_key unique (source, source_id);
alter table places add constraint places_kind_fkey foreign key (kind) references kinds (code);
create index places_geom_idx on places using gist (geom);
create index places_geog_idx on places using gist (geog);
create index places_name_trgm_idx on places using gin (name_folded gin_trgm_ops);
create index places_kind_idx on places (kind);
create index places_public_kind_idx on places (kind, valid_to) where retired_at is null and is_public;
create index places_address_idx on places (fold_street(addr_street), fold_housenumber(addr_housenumber))
    where addr_street is not null;

-- The existing rows become the default partition; its indexes attach to the ones above.
alter table places attach partition places_other default;

create trigger places_conform
    before insert or update of kind, geom, name, details on places
    for each row execute function places_conform();
create trigger places_touch before update on places
    for each row execute function touch_updated_at();
create trigger places_version_insert after insert on places
    referencing new table as changed_rows for each statement execute function bump_place_layers();
create trigger places_version_update after update on places
    referencing old table as old_rows new table as changed_rows
    for each statement execute function bump_place_layers();
create trigger places_version_delete after delete on places
    referencing old table as changed_rows for each statement execute function bump_place_layers();
create trigger places_version_truncate after truncate on places
    for each statement execute function bump_place_layers();

-- What places_conform checks row by row, as one query over a table of places rows: a partition
-- loaded in bulk is checked before it is attached (the trigger does not fire for COPY into a table
-- that is not yet a partition). Returns the first offence, or nothing. The details are checked in SQL
-- (details_problem, plpgsql, only words the one offence: per row it would cost seconds per million).
create function places_nonconforming(rows regclass)
    returns table (source_id text, problem text)
    language plpgsql stable
as $$
begin
    return query execute format($q$
        select p.source_id,
               case when k.code is null then format('unknown kind "%%s"', p.kind)
                    when k.geometry = 'point' and GeometryType(p.geom) <> 'POINT'
                      or k.geometry = 'area' and GeometryType(p.geom) not in ('POLYGON', 'MULTIPOLYGON')
                    then format('kind "%%s" needs a %%s geometry, got %%s', p.kind, k.geometry, GeometryType(p.geom))
                    when k.name_required and p.name is null then format('kind "%%s" needs a name', p.kind)
                    else format('kind "%%s": %%s', p.kind, details_problem(k.details_schema, p.details))
               end
          from %s p
          left join kinds k on k.code = p.kind
         where k.code is null
            or k.geometry = 'point' and GeometryType(p.geom) <> 'POINT'
            or k.geometry = 'area' and GeometryType(p.geom) not in ('POLYGON', 'MULTIPOLYGON')
            or k.name_required and p.name is null
            or p.details <> '{}' and case when jsonb_typeof(p.details) <> 'object' then true else exists (
                   select 1 from jsonb_each(p.details) d
                    where not coalesce(case k.details_schema ->> d.key
                            when 'string'   then jsonb_typeof(d.value) = 'string'
                            when 'boolean'  then jsonb_typeof(d.value) = 'boolean'
                            when 'number'   then jsonb_typeof(d.value) = 'number'
                            when 'integer'  then case when jsonb_typeof(d.value) = 'number'
                                                      then d.value::numeric = trunc(d.value::numeric) end
                            when 'string[]' then case when jsonb_typeof(d.value) = 'array' then not exists (
                                select 1 from jsonb_array_elements(d.value) e where jsonb_typeof(e) <> 'string') end
                            end, false)) end
         limit 1 $q$, rows);
end
$$;

-- The same as a failing check: raises the first offence, naming its record.
create function places_assert_conforming(rows regclass) returns void
    language plpgsql stable
as $$
declare
    offence record;
begin
    select * into offence from places_nonconforming(rows);
    if found then
        raise exception 'record %: %', offence.source_id, offence.problem
            using errcode = 'check_violation', constraint = 'places_conform';
    end if;
end
$$;

-- A run that loads a partition builds its indexes between reading and merging.
alter table import_runs drop constraint import_runs_phase_check;
alter table import_runs add constraint import_runs_phase_check
    check (phase in ('reading', 'indexing', 'merging', 'done'));
