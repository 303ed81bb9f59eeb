-- Hand-written fixtures for the OGC API Features tests: real places north of Bayreuth (coordinates
-- rounded from OpenStreetMap, © OpenStreetMap contributors, ODbL) plus rows that must never be
-- published (hidden, retired, expired) and a private contact that must stay private.
insert into places (kind, name, geom, addr_street, addr_housenumber, addr_postcode, addr_city, opening_hours,
                    wheelchair, free_entry, operator, operator_type, contact_role, contact_phone, contact_is_public,
                    capacity, equipment, valid_from, valid_to, details, is_public, retired_at,
                    source, source_id, licence, attribution, last_verified)
values
 ('village_hall', 'Dorfgemeinschaftshaus Harsdorf', 'SRID=4326;POINT(11.5703 50.0306)', 'Hauptstraße', '12', '95499',
  'Harsdorf', 'Mo-Fr 17:00-22:00', 'yes', true, 'Gemeinde Harsdorf', 'municipality', 'Bürgerbüro Harsdorf',
  '09203 1234', true, 80, '{kitchen,projector,wifi}', null, null, '{}', true, null,
  'ogc-test', 'n1', 'ODbL-1.0', '© OpenStreetMap contributors', '2024-03-01'),
 ('library', 'Gemeindebücherei Neudrossenfeld', 'SRID=4326;POINT(11.5009 50.0104)', 'Marktplatz', '1', '95512',
  'Neudrossenfeld', 'Tu 15:00-18:00; Th 09:00-12:00', 'limited', true, 'Markt Neudrossenfeld', 'municipality',
  'Bücherei', '09203 9999', false, 30, '{wifi}', null, null, '{}', true, null,
  'ogc-test', 'n2', 'ODbL-1.0', '© OpenStreetMap contributors', '2023-11-15'),
 ('pub', 'Gasthaus Zum Hirschen', 'SRID=4326;POINT(11.5566 50.0389)', null, null, '95499', 'Harsdorf',
  'We-Su 11:00-23:00', 'no', false, null, 'private', null, null, false, 60, '{}', null, null,
  '{"cuisine": "regional"}', true, null,
  'ogc-test', 'n3', 'ODbL-1.0', '© OpenStreetMap contributors', null),
 ('youth_club', 'Jugendtreff Thurnau', 'SRID=4326;POINT(11.3924 50.0253)', null, null, '95349', 'Thurnau',
  null, null, true, 'Markt Thurnau', 'municipality', null, null, false, null, '{}', null, null, '{}', true, null,
  'ogc-test', 'n4', 'ODbL-1.0', '© OpenStreetMap contributors', null),
 ('community_centre', 'Verstecktes Haus', 'SRID=4326;POINT(11.5710 50.0300)', null, null, null, null, null, null,
  null, null, null, null, null, false, null, '{}', null, null, '{}', false, null,
  'ogc-test', 'hidden', 'ODbL-1.0', '© OpenStreetMap contributors', null),
 ('community_centre', 'Abgerissenes Haus', 'SRID=4326;POINT(11.5720 50.0300)', null, null, null, null, null, null,
  null, null, null, null, null, false, null, '{}', null, null, '{}', true, '2024-01-01',
  'ogc-test', 'retired', 'ODbL-1.0', '© OpenStreetMap contributors', null),
 ('mobile_offer', 'Wintermarkt 2019', 'SRID=4326;POINT(11.5700 50.0310)', null, null, null, 'Harsdorf', null, null,
  true, null, null, null, null, false, null, '{}', '2019-12-01', '2020-01-06', '{}', true, null,
  'Gemeinde Harsdorf', 'expired', 'dl-de/by-2-0', 'Gemeinde Harsdorf', null),
 ('mobile_offer', 'Sommerkino Harsdorf', 'SRID=4326;POINT(11.5699 50.0302)', null, null, null, 'Harsdorf', null, null,
  true, null, null, null, null, false, 150, '{}', '2030-06-01', '2030-08-31', '{"schedule": "Fr 21:00"}', true, null,
  'Gemeinde Harsdorf', 'kino', 'dl-de/by-2-0', 'Gemeinde Harsdorf', null),
 ('club', 'SV Harsdorf 1948', 'SRID=4326;POINT(11.5731 50.0330)', null, null, '95499', 'Harsdorf', null, null,
  null, 'SV Harsdorf', 'club', 'Vorstand', '09203 5555', true, null, '{}', null, null,
  '{"club_type": "sport", "sport": ["soccer", "table_tennis"]}', true, null,
  'Gemeinde Harsdorf', 'club1', 'dl-de/by-2-0', 'Gemeinde Harsdorf', '2024-05-01'),
 ('mitfahrbank', 'Mitfahrbank Harsdorf Ortsmitte', 'SRID=4326;POINT(11.5712 50.0311)', null, null, null, 'Harsdorf',
  null, 'yes', true, null, null, null, null, false, null, '{}', null, null,
  '{"destinations": ["Kulmbach", "Bayreuth"], "bench": true}', true, null,
  'Gemeinde Harsdorf', 'bank1', 'dl-de/by-2-0', 'Gemeinde Harsdorf', null),
 ('on_demand_zone', 'Rufbus Harsdorf', 'SRID=4326;POLYGON((11.55 50.02, 11.59 50.02, 11.59 50.045, 11.55 50.045, 11.55 50.02))',
  null, null, null, null, null, null, null, 'VGN', 'public_transport', null, null, false, null, '{}', null, null,
  '{"booking_phone": "0921 123456"}', true, null,
  'ogc-test', 'zone1', 'ODbL-1.0', '© OpenStreetMap contributors', null),
 ('vacant_building', 'Ehemalige Schule Harsdorf', 'SRID=4326;POLYGON((11.5680 50.0290, 11.5690 50.0290, 11.5690 50.0296, 11.5680 50.0296, 11.5680 50.0290))',
  null, null, '95499', 'Harsdorf', null, 'limited', null, null, 'municipality', null, null, false, null, '{}', null, null,
  '{"floor_area_m2": 420, "suitability": ["meeting_place", "makerspace"]}', true, null,
  'Gemeinde Harsdorf', 'school', 'dl-de/by-2-0', 'Gemeinde Harsdorf', null);

-- 25 bus stops in a row along 50.05 N, for paging.
insert into places (kind, name, geom, source, source_id, licence, attribution, details)
select 'bus_stop', 'Haltestelle ' || i, ST_SetSRID(ST_MakePoint(11.40 + i * 0.01, 50.05), 4326), 'ogc-test',
       'stop' || i, 'ODbL-1.0', '© OpenStreetMap contributors', '{"routes": ["372"]}'
from generate_series(1, 25) i;

insert into localities (name, kind, geom, population, population_source, ags, source, source_id, licence, attribution)
values ('Harsdorf', 'village', 'SRID=4326;POINT(11.5706 50.0318)', 1006, 'OpenStreetMap', '09477131', 'ogc-test',
        'l1', 'ODbL-1.0', '© OpenStreetMap contributors'),
       ('Neudrossenfeld', 'village', 'SRID=4326;POINT(11.5010 50.0110)', 3690, 'OpenStreetMap', '09472172', 'ogc-test',
        'l2', 'ODbL-1.0', '© OpenStreetMap contributors'),
       ('Thurnau', 'town', 'SRID=4326;POINT(11.3930 50.0260)', 4210, 'OpenStreetMap', '09477160', 'ogc-test',
        'l3', 'ODbL-1.0', '© OpenStreetMap contributors');

insert into admin_areas (level, ags, name, designation, geom, source, source_id, licence, attribution)
values ('gemeinde', '09477131', 'Harsdorf', 'Gemeinde',
        'SRID=4326;MULTIPOLYGON(((11.53 50.01, 11.61 50.01, 11.61 50.06, 11.53 50.06, 11.53 50.01)))',
        'ogc-test', 'g1', 'dl-de/by-2-0', '© GeoBasis-DE / BKG 2021 (Daten verändert)'),
       ('kreis', '09477', 'Kulmbach', 'Landkreis',
        'SRID=4326;MULTIPOLYGON(((11.2 49.95, 11.7 49.95, 11.7 50.25, 11.2 50.25, 11.2 49.95)))',
        'ogc-test', 'k1', 'dl-de/by-2-0', '© GeoBasis-DE / BKG 2021 (Daten verändert)');
