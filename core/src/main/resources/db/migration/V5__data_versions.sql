-- A version number per layer, bumped in the same transaction as any change to the layer's rows.
-- Caches (tiles, ETags of API responses) key on it, so a change is visible at once and a stale
-- answer is never served; unchanged layers keep their cached answers.
create table data_versions (
    layer      text primary key,     -- a kind group code, or 'localities' / 'admin_areas' / 'population_cells'
    version    bigint not null default 1,
    changed_at timestamptz not null default now()
);

insert into data_versions (layer)
select code from kind_groups
union all values ('localities'), ('admin_areas'), ('population_cells');

-- Statement-level with transition tables: one bump per statement and affected layer, not per row,
-- so bulk imports stay fast.
create function bump_place_layers() returns trigger
    language plpgsql
as $$
begin
    if tg_op = 'TRUNCATE' then
        update data_versions set version = version + 1, changed_at = clock_timestamp()
         where layer in (select code from kind_groups);
    elsif tg_op = 'UPDATE' then
        update data_versions set version = version + 1, changed_at = clock_timestamp()
         where layer in (select k.group_code from kinds k
                          where k.code in (select kind from changed_rows union select kind from old_rows));
    else
        update data_versions set version = version + 1, changed_at = clock_timestamp()
         where layer in (select k.group_code from kinds k where k.code in (select kind from changed_rows));
    end if;
    return null;
end
$$;

create trigger places_version_insert after insert on places
    referencing new table as changed_rows for each statement execute function bump_place_layers();
create trigger places_version_update after update on places
    referencing old table as old_rows new table as changed_rows
    for each statement execute function bump_place_layers();
create trigger places_version_delete after delete on places
    referencing old table as changed_rows for each statement execute function bump_place_layers();
create trigger places_version_truncate after truncate on places
    for each statement execute function bump_place_layers();

-- For the other tables the layer is the table itself (trigger argument).
create function bump_table_layer() returns trigger
    language plpgsql
as $$
begin
    -- Separate branches: a TRUNCATE trigger has no transition table to look into.
    if tg_op = 'TRUNCATE' then
        update data_versions set version = version + 1, changed_at = clock_timestamp()
         where layer = tg_argv[0];
    elsif exists (select 1 from changed_rows) then
        update data_versions set version = version + 1, changed_at = clock_timestamp()
         where layer = tg_argv[0];
    end if;
    return null;
end
$$;

create trigger localities_version_insert after insert on localities
    referencing new table as changed_rows for each statement execute function bump_table_layer('localities');
create trigger localities_version_update after update on localities
    referencing new table as changed_rows for each statement execute function bump_table_layer('localities');
create trigger localities_version_delete after delete on localities
    referencing old table as changed_rows for each statement execute function bump_table_layer('localities');
create trigger localities_version_truncate after truncate on localities
    for each statement execute function bump_table_layer('localities');

create trigger admin_areas_version_insert after insert on admin_areas
    referencing new table as changed_rows for each statement execute function bump_table_layer('admin_areas');
create trigger admin_areas_version_update after update on admin_areas
    referencing new table as changed_rows for each statement execute function bump_table_layer('admin_areas');
create trigger admin_areas_version_delete after delete on admin_areas
    referencing old table as changed_rows for each statement execute function bump_table_layer('admin_areas');
create trigger admin_areas_version_truncate after truncate on admin_areas
    for each statement execute function bump_table_layer('admin_areas');

create trigger population_cells_version_insert after insert on population_cells
    referencing new table as changed_rows for each statement execute function bump_table_layer('population_cells');
create trigger population_cells_version_update after update on population_cells
    referencing new table as changed_rows for each statement execute function bump_table_layer('population_cells');
create trigger population_cells_version_delete after delete on population_cells
    referencing old table as changed_rows for each statement execute function bump_table_layer('population_cells');
create trigger population_cells_version_truncate after truncate on population_cells
    for each statement execute function bump_table_layer('population_cells');
