-- Where people live: villages and towns, administrative areas, and the census population grid.

create table localities (
    id                bigint generated always as identity primary key,
    name              text not null check (btrim(name) <> ''),
    name_folded       text generated always as (fold_name(name)) stored,
    kind              text not null check (kind in
                          ('city', 'town', 'village', 'hamlet', 'isolated_dwelling', 'suburb', 'quarter', 'locality')),
    geom              geometry(Point, 4326) not null,
    geog              geography(Point, 4326) generated always as (geom::geography) stored,
    population        integer check (population >= 0),
    population_source text,     -- where the figure comes from: 'OpenStreetMap', 'GeoNames', a municipal list …
    population_date   date,     -- the figure's reference date, where known
    ags               text check (ags ~ '^[0-9]{8}$'),  -- the Gemeinde it lies in

    source            text not null,
    source_id         text not null,
    licence           text not null,
    attribution       text not null,
    last_verified     date,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    retired_at        timestamptz,

    constraint localities_source_key unique (source, source_id),
    constraint localities_population_has_source check (population is null or population_source is not null)
);

create index localities_geom_idx on localities using gist (geom);
create index localities_geog_idx on localities using gist (geog);
create index localities_name_trgm_idx on localities using gin (name_folded gin_trgm_ops);
create index localities_ags_idx on localities (ags);

create trigger localities_touch before update on localities
    for each row execute function touch_updated_at();

-- Länder, Kreise and Gemeinden with their official keys: AGS (Amtlicher Gemeindeschlüssel: 2 digits
-- for a Land, 5 for a Kreis, 8 for a Gemeinde) and ARS (Regionalschlüssel, 12 digits for a Gemeinde).
create table admin_areas (
    id           bigint generated always as identity primary key,
    level        text not null check (level in ('land', 'regierungsbezirk', 'kreis', 'gemeindeverband', 'gemeinde')),
    ags          text not null check (ags ~ '^[0-9]{2,8}$'),
    ars          text check (ars ~ '^[0-9]{2,12}$'),
    name         text not null check (btrim(name) <> ''),
    name_folded  text generated always as (fold_name(name)) stored,
    designation  text,          -- "Stadt", "Markt", "Gemeinde", "Landkreis" …
    population   integer check (population >= 0),
    geom         geometry(MultiPolygon, 4326) not null,

    source       text not null,
    source_id    text not null,
    licence      text not null,
    attribution  text not null,
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now(),
    retired_at   timestamptz,

    constraint admin_areas_source_key unique (source, source_id),
    constraint admin_areas_key_fits_level check (
        (level <> 'land' or length(ags) = 2)
        and (level <> 'kreis' or length(ags) = 5)
        and (level <> 'gemeinde' or length(ags) = 8))
);

create index admin_areas_geom_idx on admin_areas using gist (geom);
create index admin_areas_level_ags_idx on admin_areas (level, ags);
create index admin_areas_name_trgm_idx on admin_areas using gin (name_folded gin_trgm_ops);

create trigger admin_areas_touch before update on admin_areas
    for each row execute function touch_updated_at();

-- Census grid (Zensus): inhabitants per square cell, cell centres in ETRS89-LAEA (EPSG:3035) as published.
create table population_cells (
    id          bigint generated always as identity primary key,
    cell_id     text not null,        -- e.g. CRS3035RES100mN2689100E4337000
    size_m      integer not null default 100 check (size_m in (100, 250, 1000, 10000)),
    centre      geometry(Point, 3035) not null,
    population  integer not null check (population >= 0),
    census      text not null,        -- "Zensus 2022"

    source      text not null,
    licence     text not null,
    attribution text not null,
    created_at  timestamptz not null default now(),

    constraint population_cells_source_key unique (source, cell_id)
);

create index population_cells_centre_idx on population_cells using gist (centre);
