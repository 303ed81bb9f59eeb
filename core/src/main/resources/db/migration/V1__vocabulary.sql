-- The controlled vocabulary: what kinds of places the map holds, grouped the way citizens and
-- planners think of them. Java mirrors it in de.ortsanker.vocabulary (a test keeps the two equal).

create extension if not exists postgis;
create extension if not exists pg_trgm;

create table kind_groups (
    code      text primary key,
    label_de  text not null,
    label_en  text not null,
    position  smallint not null unique
);

create table kinds (
    code           text primary key check (code ~ '^[a-z][a-z0-9_]*$'),
    group_code     text not null references kind_groups (code),
    label_de       text not null,
    label_en       text not null,
    -- 'point': one spot; 'area': a polygon (on-demand zones); 'any': point or footprint (buildings).
    geometry       text not null check (geometry in ('point', 'area', 'any')),
    name_required  boolean not null,
    -- Allowed keys of places.details and their JSON types: string, integer, number, boolean, string[].
    -- Keys not listed here are rejected, so details stay documented and queryable.
    details_schema jsonb not null default '{}' check (jsonb_typeof(details_schema) = 'object')
);

insert into kind_groups (code, label_de, label_en, position) values
    ('third_place',  'Treffpunkte',                'Places to meet',          1),
    ('club',         'Vereine & Engagement',       'Clubs & volunteering',    2),
    ('meeting_room', 'Räume',                      'Meeting rooms',           3),
    ('mobility',     'Mitfahrbänke & Mobilität',   'Ride benches & mobility', 4),
    ('vacant',       'Leerstand',                  'Vacant buildings',        5),
    ('supply',       'Versorgung',                 'Shops & health',          6);

insert into kinds (code, group_code, label_de, label_en, geometry, name_required, details_schema) values
    ('village_hall',       'third_place', 'Dorfgemeinschaftshaus',        'Village hall',            'point', false, '{}'),
    ('community_centre',   'third_place', 'Bürgerhaus / Gemeindezentrum', 'Community centre',        'point', false, '{}'),
    ('social_centre',      'third_place', 'Begegnungsstätte',             'Social centre',           'point', false, '{}'),
    ('library',            'third_place', 'Bibliothek',                   'Library',                 'point', false, '{}'),
    ('book_bus_stop',      'third_place', 'Bücherbus-Halt',               'Book bus stop',           'point', false,
        '{"schedule": "string"}'),
    ('youth_club',         'third_place', 'Jugendclub',                   'Youth club',              'point', false, '{}'),
    ('parish_hall',        'third_place', 'Gemeindehaus (Kirche)',        'Parish hall',             'point', false,
        '{"denomination": "string"}'),
    ('pub',                'third_place', 'Gaststätte',                   'Pub',                     'point', true,
        '{"cuisine": "string"}'),
    ('cafe',               'third_place', 'Café',                         'Café',                    'point', true,
        '{"cuisine": "string"}'),
    ('shop_with_bench',    'third_place', 'Laden mit Sitzecke',           'Shop with a bench',       'point', true, '{}'),
    ('makerspace',         'third_place', 'Offene Werkstatt',             'Makerspace',              'point', false, '{}'),
    ('digital_help_point', 'third_place', 'Digitale Hilfe',               'Digital help point',      'point', false, '{}'),
    ('mobile_offer',       'third_place', 'Mobiles Angebot',              'Mobile or temporary offer','point', true,
        '{"schedule": "string"}'),

    ('club',               'club',        'Verein',                       'Club',                    'point', true,
        '{"club_type": "string", "sport": "string[]", "members": "integer", "founded": "integer",'
        ' "membership_required": "boolean"}'),
    ('initiative',         'club',        'Initiative',                   'Initiative',              'point', true,
        '{"topic": "string[]"}'),
    ('volunteering',       'club',        'Ehrenamt',                     'Volunteering opportunity','point', true,
        '{"topic": "string[]", "time_commitment": "string"}'),

    ('meeting_room',       'meeting_room','Raum zum Mieten',              'Meeting room',            'point', true,
        '{"price": "string", "price_per_hour_eur": "number", "area_m2": "number"}'),

    ('mitfahrbank',        'mobility',    'Mitfahrbank',                  'Ride-sharing bench',      'point', false,
        '{"destinations": "string[]", "shelter": "boolean", "bench": "boolean"}'),
    ('mitfahrparkplatz',   'mobility',    'Mitfahrparkplatz',             'Park-and-ride for car pools','point', false,
        '{"capacity_cars": "integer"}'),
    ('mobility_station',   'mobility',    'Mobilitätsstation',            'Mobility station',        'point', false,
        '{"offers": "string[]"}'),
    ('car_sharing',        'mobility',    'Carsharing',                   'Car sharing',             'point', false,
        '{"network": "string", "vehicles": "integer"}'),
    ('bike_rental',        'mobility',    'Fahrradverleih',               'Bike rental',             'point', false,
        '{"network": "string", "bikes": "integer"}'),
    ('charging_station',   'mobility',    'Ladestation',                  'Charging station',        'point', false,
        '{"sockets": "string[]", "charge_points": "integer", "network": "string"}'),
    ('bus_stop',           'mobility',    'Bushaltestelle',               'Bus stop',                'point', false,
        '{"routes": "string[]", "shelter": "boolean", "network": "string"}'),
    ('train_station',      'mobility',    'Bahnhof / Haltepunkt',         'Train station',           'point', false,
        '{"routes": "string[]", "network": "string"}'),
    ('on_demand_zone',     'mobility',    'Rufbus-Gebiet',                'On-demand bus zone',      'area',  true,
        '{"booking_phone": "string", "booking_url": "string", "service_hours": "string"}'),

    ('vacant_building',    'vacant',      'Leerstand',                    'Vacant building',         'any',   false,
        '{"floor_area_m2": "number", "plot_area_m2": "number", "owner_type": "string", "availability": "string",'
        ' "suitability": "string[]", "former_use": "string", "condition": "string"}'),

    ('village_shop',       'supply',      'Dorfladen',                    'Village shop',            'point', false,
        '{"shop": "string"}'),
    ('shop_24_7',          'supply',      '24/7-Laden',                   '24/7 shop',               'point', false,
        '{"shop": "string"}'),
    ('health_site',        'supply',      'Gesundheit & Pflege',          'Care and health',         'point', false,
        '{"healthcare": "string"}');
