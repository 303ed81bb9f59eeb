-- Everything on the map. Geometry is stored in WGS 84 (EPSG:4326) because every source, tile and API
-- speaks it; metres come from the geography column, which PostGIS measures on the spheroid (exact to
-- millimetres anywhere in Germany) and indexes for nearest-neighbour and radius queries.

-- Folds a name for search so that "Muhle", "Mühle", "MÜHLE" and "muehle" meet: lower case, ß→ss,
-- German umlaut spellings (ä/ae→a …) and common accents to their base letter.
create function fold_name(t text) returns text
    language sql immutable strict parallel safe
as $$
    select translate(
        replace(replace(replace(replace(lower(t), 'ß', 'ss'), 'ae', 'a'), 'oe', 'o'), 'ue', 'u'),
        'äöüàáâãåèéêëìíîïòóôõùúûýÿçñ',
        'aouaaaaaeeeeiiiiooooouuuyycn')
$$;

create table places (
    id                bigint generated always as identity primary key,
    kind              text not null references kinds (code),
    name              text check (btrim(name) <> ''),
    name_folded       text generated always as (fold_name(name)) stored,
    description       text,
    geom              geometry(Geometry, 4326) not null,
    geog              geography generated always as (geom::geography) stored,

    addr_street       text,
    addr_housenumber  text,
    addr_postcode     text check (addr_postcode ~ '^[0-9]{5}$'),
    addr_city         text,

    opening_hours     text,                 -- OSM opening_hours syntax
    wheelchair        text check (wheelchair in ('yes', 'limited', 'no')),
    free_entry        boolean,              -- free entry and no obligation to buy; null = unknown
    operator          text,
    operator_type     text check (operator_type in
                          ('municipality', 'county', 'club', 'church', 'private', 'cooperative',
                           'public_transport', 'other')),
    -- A role, not a person ("Bürgerbüro Harsdorf"); shown publicly only when contact_is_public.
    contact_role      text,
    contact_phone     text,
    contact_email     text,
    contact_is_public boolean not null default false,
    website           text,
    capacity          integer check (capacity >= 0),
    equipment         text[] not null default '{}',
    booking_url       text,
    target_groups     text[] not null default '{}',
    valid_from        date,
    valid_to          date,
    details           jsonb not null default '{}',   -- kind-specific, checked against kinds.details_schema
    is_public         boolean not null default true, -- false keeps a record out of every public layer

    source            text not null check (btrim(source) <> ''),
    source_id         text not null check (btrim(source_id) <> ''),
    licence           text not null,
    attribution       text not null,
    source_url        text,
    last_verified     date,
    import_hash       text,                 -- digest of the attributes last imported (importers compare)
    edited_at         timestamptz,          -- last edit by hand; importers must not overwrite silently
    edited_by         text,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    retired_at        timestamptz,          -- gone from its source: kept, hidden from maps

    constraint places_source_key unique (source, source_id),
    constraint places_geometry_type check (GeometryType(geom) in ('POINT', 'POLYGON', 'MULTIPOLYGON')),
    constraint places_geometry_valid check (ST_IsValid(geom) and not ST_IsEmpty(geom)),
    constraint places_validity_period check (valid_to >= valid_from)
);

create index places_geom_idx on places using gist (geom);
create index places_geog_idx on places using gist (geog);
create index places_name_trgm_idx on places using gin (name_folded gin_trgm_ops);
create index places_kind_idx on places (kind);

-- Checks a details object against a kind's schema; returns why it does not fit, or null.
create function details_problem(details_schema jsonb, details jsonb) returns text
    language plpgsql immutable
as $$
declare
    field text;
    value jsonb;
    wanted text;
begin
    if jsonb_typeof(details) <> 'object' then
        return 'details must be a JSON object';
    end if;
    for field, value in select * from jsonb_each(details) loop
        wanted := details_schema ->> field;
        if wanted is null then
            return format('details.%s is not a field of this kind (allowed: %s)', field,
                coalesce((select string_agg(k, ', ' order by k) from jsonb_object_keys(details_schema) k), 'none'));
        end if;
        if not (case wanted
                when 'string'   then jsonb_typeof(value) = 'string'
                when 'boolean'  then jsonb_typeof(value) = 'boolean'
                when 'number'   then jsonb_typeof(value) = 'number'
                when 'integer'  then jsonb_typeof(value) = 'number' and value::numeric = trunc(value::numeric)
                when 'string[]' then jsonb_typeof(value) = 'array'
                    and not exists (select 1 from jsonb_array_elements(value) e where jsonb_typeof(e) <> 'string')
                else false end) then
            return format('details.%s must be %s, not %s', field, wanted, value);
        end if;
    end loop;
    return null;
end
$$;

-- Rules that depend on the kind: the right geometry, a name where one is needed, known details.
create function places_conform() returns trigger
    language plpgsql
as $$
declare
    k kinds;
    problem text;
begin
    select * into k from kinds where code = new.kind;
    if not found then
        raise exception 'unknown kind "%"', new.kind
            using errcode = 'foreign_key_violation', constraint = 'places_kind_fkey',
                  hint = 'the kinds table lists the vocabulary';
    end if;
    if k.geometry = 'point' and GeometryType(new.geom) <> 'POINT'
       or k.geometry = 'area' and GeometryType(new.geom) not in ('POLYGON', 'MULTIPOLYGON') then
        raise exception 'kind "%" needs a % geometry, got %', new.kind, k.geometry, GeometryType(new.geom)
            using errcode = 'check_violation', constraint = 'places_kind_geometry';
    end if;
    if k.name_required and new.name is null then
        raise exception 'kind "%" needs a name', new.kind
            using errcode = 'check_violation', constraint = 'places_name_required';
    end if;
    if new.details <> '{}' then
        problem := details_problem(k.details_schema, new.details);
    end if;
    if problem is not null then
        raise exception 'kind "%": %', new.kind, problem
            using errcode = 'check_violation', constraint = 'places_details';
    end if;
    return new;
end
$$;

create trigger places_conform
    before insert or update of kind, geom, name, details on places
    for each row execute function places_conform();

create function touch_updated_at() returns trigger
    language plpgsql
as $$
begin
    new.updated_at := now();
    return new;
end
$$;

create trigger places_touch before update on places
    for each row execute function touch_updated_at();
