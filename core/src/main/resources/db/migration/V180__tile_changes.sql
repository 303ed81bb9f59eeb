-- Where each data version changed a layer, so tile caches invalidate only the tiles a change can reach
-- (tiles/README, "Caching and invalidation"). One row per bump of data_versions, written by the same
-- statement-level triggers in the same transaction: a reader that sees version v of a layer sees the
-- rows of every version up to v. extent: the changed rows' old and new geometries (one box per row,
-- collected; one box over all of them past 200 rows); null when the change has no place on the map
-- (TRUNCATE, a table without geometries, a bulk change) — every tile of the layer then counts as changed.
create table tile_changes (
    layer   text   not null,
    version bigint not null,
    extent  geometry(Geometry, 4326),
    primary key (layer, version)
);

-- Per layer only the latest versions are kept: a cache entry older than those is made again, as a change
-- it cannot account for. Enough for any cache between two requests; bounded whatever the edits.
create function log_tile_change(changed_layer text, changed_version bigint, changed_extent geometry) returns void
    language sql
as $$
    insert into tile_changes (layer, version, extent) values (changed_layer, changed_version, changed_extent);
    delete from tile_changes where layer = changed_layer and version <= changed_version - 1000;
$$;

-- As V5's, and each bump logged with the extent of the layer's changed rows.
create or replace function bump_place_layers() returns trigger
    language plpgsql
as $$
declare
    bumped record;
begin
    if tg_op = 'TRUNCATE' then
        for bumped in update data_versions set version = version + 1, changed_at = clock_timestamp()
                       where layer in (select code from kind_groups) returning layer, version loop
            perform log_tile_change(bumped.layer, bumped.version, null);
        end loop;
        return null;
    end if;
    -- One statement for all three operations: only an UPDATE has both transition tables.
    for bumped in execute format($q$
        with touched as (%s),
        per_layer as (
            select k.group_code as layer,
                   case when count(*) <= 200 then ST_Collect(ST_Envelope(t.geom))
                        when count(*) <= 100000 then ST_SetSRID(ST_Extent(t.geom)::geometry, 4326)
                   end as extent
              from touched t join kinds k on k.code = t.kind
             group by k.group_code
        )
        update data_versions d set version = version + 1, changed_at = clock_timestamp()
          from per_layer p where d.layer = p.layer
        returning d.layer, d.version, p.extent$q$,
        case when tg_op = 'UPDATE'
             then 'select kind, geom from changed_rows union all select kind, geom from old_rows'
             else 'select kind, geom from changed_rows' end)
    loop
        perform log_tile_change(bumped.layer, bumped.version, bumped.extent);
    end loop;
    return null;
end
$$;

-- The tables of villages and areas (and their figures) bump their layer as a whole, as before.
create or replace function bump_table_layer() returns trigger
    language plpgsql
as $$
declare
    bumped record;
begin
    -- Separate branches: a TRUNCATE trigger has no transition table to look into.
    if tg_op <> 'TRUNCATE' then
        if not exists (select 1 from changed_rows) then
            return null;
        end if;
    end if;
    for bumped in update data_versions set version = version + 1, changed_at = clock_timestamp()
                   where layer = tg_argv[0] returning layer, version loop
        perform log_tile_change(bumped.layer, bumped.version, null);
    end loop;
    return null;
end
$$;
