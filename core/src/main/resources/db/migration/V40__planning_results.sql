-- The latest planning answers (underserved villages, chosen sites) per area, kept so that the county
-- portal can show them as OGC API Features collections. Each new answer for an area replaces the
-- previous one for that area; every run states its inputs and the data it was computed from.

create table planning_runs (
    id           bigint generated always as identity primary key,
    analysis     text not null check (analysis in ('underserved', 'candidates')),
    area_key     text not null,          -- 'ags:12062', 'bbox:…' or 'all'
    area_name    text not null,
    inputs       jsonb not null,         -- rules, distance model, settlements, population method, N …
    provenance   jsonb not null,         -- sources with licence, attribution, import dates; data versions
    licence      text not null,          -- the licences of the data used, joined
    attribution  text not null,          -- the attributions to show with the results, joined
    computed_at  timestamptz not null default now(),
    constraint planning_runs_latest unique (analysis, area_key)
);

create table planning_underserved (
    id                 bigint generated always as identity primary key,
    run_id             bigint not null references planning_runs (id) on delete cascade,
    rank               integer not null check (rank > 0),
    locality_id        bigint not null,
    name               text not null,
    kind               text not null,
    ags                text,
    municipality       text,
    population         integer,
    population_method  text not null check (population_method in ('own', 'zensus', 'estimate', 'unknown')),
    missing_rules      text[] not null,
    missing            text not null,    -- in words: what is missing and how far the nearest is
    geom               geometry(Point, 4326) not null,
    constraint planning_underserved_rank unique (run_id, rank)
);

create index planning_underserved_geom_idx on planning_underserved using gist (geom);

create table planning_candidates (
    id                 bigint generated always as identity primary key,
    run_id             bigint not null references planning_runs (id) on delete cascade,
    rank               integer not null check (rank > 0),   -- order of the greedy choice, 1 = first pick
    place_id           bigint,                              -- the vacant building; null for a given point
    label              text not null,
    people_gained      integer not null,
    villages_gained    integer not null,
    people_served_after integer not null,
    source             text not null,
    licence            text not null,
    attribution        text not null,
    geom               geometry(Point, 4326) not null,
    constraint planning_candidates_rank unique (run_id, rank)
);

create index planning_candidates_geom_idx on planning_candidates using gist (geom);

-- Caches of these results (ETags of the features collections) key on this layer's version.
insert into data_versions (layer) values ('planning');

create trigger planning_underserved_version_insert after insert on planning_underserved
    referencing new table as changed_rows for each statement execute function bump_table_layer('planning');
create trigger planning_underserved_version_delete after delete on planning_underserved
    referencing old table as changed_rows for each statement execute function bump_table_layer('planning');
create trigger planning_candidates_version_insert after insert on planning_candidates
    referencing new table as changed_rows for each statement execute function bump_table_layer('planning');
create trigger planning_candidates_version_delete after delete on planning_candidates
    referencing old table as changed_rows for each statement execute function bump_table_layer('planning');
