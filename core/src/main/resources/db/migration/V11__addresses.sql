-- Addresses (OSM addr:*), the gazetteer that lists with addresses only are geocoded against,
-- offline and inside the database. Not a map layer.

-- Folds a street name so that spellings of one street meet: "Bayreuther Str.", "Bayreuther Straße",
-- "bayreutherstrasse" → "bayreutherstrasse".
create function fold_street(t text) returns text
    language sql immutable strict parallel safe
as $$
    select regexp_replace(
        regexp_replace(fold_name(t), '(str|strasse)\.?(\s|$)', 'strasse\2', 'g'),
        '[^a-z0-9]', '', 'g')
$$;

-- "12 a", "12A" → "12a".
create function fold_housenumber(t text) returns text
    language sql immutable strict parallel safe
as $$
    select regexp_replace(lower(t), '\s', '', 'g')
$$;

create table addresses (
    id                bigint generated always as identity primary key,
    street            text not null check (btrim(street) <> ''),
    street_folded     text generated always as (fold_street(street)) stored,
    housenumber       text,
    housenumber_folded text generated always as (fold_housenumber(housenumber)) stored,
    postcode          text,
    city              text,
    city_folded       text generated always as (fold_name(city)) stored,
    geom              geometry(Point, 4326) not null,

    source            text not null,
    source_id         text not null,
    licence           text not null,
    attribution       text not null,
    import_hash       text,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    retired_at        timestamptz,

    constraint addresses_source_key unique (source, source_id)
);

create index addresses_street_idx on addresses (street_folded, housenumber_folded);
create index addresses_geom_idx on addresses using gist (geom);

create trigger addresses_touch before update on addresses
    for each row execute function touch_updated_at();
