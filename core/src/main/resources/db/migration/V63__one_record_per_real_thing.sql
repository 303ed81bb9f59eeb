-- One real thing, one record. Two sources may hold the same municipality (the BKG boundaries and an
-- OpenStreetMap boundary with the same AGS) or the same village (OpenStreetMap's and a GeoNames or
-- municipal list's): every answer would count it twice. Each layer has an authoritative source: official
-- boundaries for areas, OpenStreetMap for villages. The other record is kept, retired and linked to the
-- one that stands for the thing (superseded_by): its figures (a list's population) stay available, and a
-- re-import finds the link again instead of adding a second record (importers' one-record.sql).

alter table admin_areas add column osm boolean not null default false;
alter table admin_areas add column superseded_by bigint references admin_areas (id);
alter table localities add column osm boolean not null default false;
alter table localities add column superseded_by bigint references localities (id);

comment on column admin_areas.osm is 'from OpenStreetMap: an official boundary with the same level and key stands for the area';
comment on column localities.osm is 'from OpenStreetMap: the authoritative village a list''s record with the same name nearby is merged into';
comment on column admin_areas.superseded_by is 'the area that stands for this one (same level and key); this record is retired';
comment on column localities.superseded_by is 'the village that stands for this one (same name, nearby); this record is retired';

-- What came from OpenStreetMap before the column existed: the importer writes ODbL data only from OSM.
update admin_areas set osm = true where licence like 'ODbL%';
update localities set osm = true where licence like 'ODbL%';

-- Matching a list's village to OpenStreetMap's by its folded name.
create index localities_name_folded_idx on localities (name_folded) where retired_at is null;
create index localities_superseded_by_idx on localities (superseded_by) where superseded_by is not null;
create index admin_areas_superseded_by_idx on admin_areas (superseded_by) where superseded_by is not null;
create index admin_areas_key_idx on admin_areas (level, ags) where retired_at is null;

-- The rules, as functions the importers call after every merge of areas or villages (and this migration
-- once, for the data as it is). Each returns how many records it linked.

-- One current area per level and key: the official one over OpenStreetMap's, and among sources of one kind
-- the one imported last. An area whose stand-in its own source has since retired stands for itself again.
create function admin_areas_one_per_key() returns bigint
    language plpgsql
as $$
declare
    linked bigint;
begin
    update admin_areas a set retired_at = null, superseded_by = null
      from admin_areas w
     where a.superseded_by = w.id and w.retired_at is not null and w.superseded_by is null;
    update admin_areas a set retired_at = now(), superseded_by = r.stands_for
      from (select id, first_value(id) over (partition by level, ags order by osm, updated_at desc, id desc)
                       as stands_for
              from admin_areas where retired_at is null) r
     where a.id = r.id and r.stands_for <> r.id;
    get diagnostics linked = row_count;
    return linked;
end
$$;

-- A list's village (GeoNames, a municipal list) that OpenStreetMap holds too — the same name within 5 km,
-- in the same municipality where both say which — is that village: linked to it, not a second one.
create function localities_one_per_village() returns bigint
    language plpgsql
as $$
declare
    linked bigint;
begin
    update localities l set retired_at = null, superseded_by = null
      from localities w
     where l.superseded_by = w.id and w.retired_at is not null and w.superseded_by is null;
    with pairs as (
        select distinct on (l.id) l.id, o.id as village
          from localities l
          join localities o on o.osm and o.retired_at is null and o.name_folded = l.name_folded
                           and ST_DWithin(o.geog, l.geog, 5000) and (o.ags is null or l.ags is null or o.ags = l.ags)
         where not l.osm and l.retired_at is null
         order by l.id, o.geog <-> l.geog)
    update localities l set retired_at = now(), superseded_by = p.village from pairs p where l.id = p.id;
    get diagnostics linked = row_count;
    return linked;
end
$$;

select admin_areas_one_per_key(), localities_one_per_village();
