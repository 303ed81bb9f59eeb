-- Published isochrones (POST /planning/isochrones): per place of the asked kinds, the area reachable within
-- the minutes by the mode (and, for transit, the time window). A publication is a run of planning_runs like
-- the other planning answers; the OGC collection planning_isochrones shows the current run per area only.

create table planning_isochrones (
    id                 bigint generated always as identity primary key,
    run_id             bigint not null references planning_runs (id) on delete cascade,
    place_id           bigint not null,
    place_name         text,
    kind               text not null,
    mode               text not null,
    minutes            integer not null check (minutes between 1 and 180),
    time_window        text,             -- transit only, as the request wrote it; null for walk and bike
    nodes_reached      integer not null, -- network nodes the outline is drawn around
    source             text not null,    -- the place's
    licence            text not null,
    attribution        text not null,
    geom               geometry(Geometry, 4326) not null,
    constraint planning_isochrones_place unique (run_id, place_id)
);

create index planning_isochrones_run_idx on planning_isochrones (run_id);
create index planning_isochrones_geom_idx on planning_isochrones using gist (geom);

create trigger planning_isochrones_version_insert after insert on planning_isochrones
    referencing new table as changed_rows for each statement execute function bump_table_layer('planning');
create trigger planning_isochrones_version_delete after delete on planning_isochrones
    referencing old table as changed_rows for each statement execute function bump_table_layer('planning');

-- A publication of isochrones is a run like the others.
alter table planning_runs drop constraint planning_runs_analysis_check;
alter table planning_runs add constraint planning_runs_analysis_check
    check (analysis in ('underserved', 'candidates', 'isochrones'));
