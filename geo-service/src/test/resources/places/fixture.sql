-- Known-answer fixture for the places API tests: a few places around Harsdorf (Upper Franconia,
-- Bavaria, Land 09) and one in Mühlberg/Elbe (Brandenburg, Land 12), with the cases the API must get
-- right: private, retired and expired records, hidden contacts, holidays that differ by Land.
-- Everything carries source 'places-test' so tests can remove it again.

insert into admin_areas (level, ags, name, designation, geom, source, source_id, licence, attribution) values
  ('gemeinde', '09477131', 'Harsdorf', 'Gemeinde',
   ST_Multi(ST_MakeEnvelope(11.53, 50.00, 11.62, 50.06, 4326)), 'places-test', 'gem-harsdorf', 'test', 'Test'),
  ('gemeinde', '09472147', 'Neudrossenfeld', 'Markt',
   ST_Multi(ST_MakeEnvelope(11.45, 49.98, 11.53, 50.06, 4326)), 'places-test', 'gem-neudrossenfeld', 'test', 'Test'),
  ('gemeinde', '12062316', 'Mühlberg/Elbe', 'Stadt',
   ST_Multi(ST_MakeEnvelope(13.15, 51.40, 13.30, 51.48, 4326)), 'places-test', 'gem-muehlberg', 'test', 'Test');

insert into localities (name, kind, geom, population, population_source, ags, source, source_id, licence, attribution) values
  ('Harsdorf', 'village', ST_Point(11.5708, 50.0333, 4326), 1000, 'test', '09477131', 'places-test', 'loc-harsdorf', 'test', 'Test'),
  ('Neudorf', 'hamlet', ST_Point(11.5900, 50.0500, 4326), 40, 'test', '09477131', 'places-test', 'loc-neudorf-by', 'test', 'Test'),
  ('Neudorf', 'village', ST_Point(13.2000, 51.4500, 4326), 300, 'test', '12062316', 'places-test', 'loc-neudorf-bb', 'test', 'Test');

insert into places (kind, name, geom, opening_hours, wheelchair, free_entry, addr_street, addr_housenumber,
                    addr_postcode, addr_city, contact_role, contact_phone, contact_is_public, operator,
                    operator_type, valid_from, valid_to, is_public, retired_at, details, last_verified,
                    source, source_id, licence, attribution) values
  ('community_centre', 'Alte Mühle', ST_Point(11.5710, 50.0335, 4326), 'Mo-Fr 09:00-18:00; PH off', 'yes', true,
   'Hauptstraße', '3', '95499', 'Harsdorf', 'Bürgerbüro Harsdorf', '09203 1234', true, 'Gemeinde Harsdorf',
   'municipality', null, null, true, null, '{}', '2026-10-01', 'places-test', 'muehle', 'ODbL-1.0', '© OpenStreetMap contributors'),
  ('pub', 'Gasthof Zur Linde', ST_Point(11.5750, 50.0340, 4326), 'Mo-Su 11:00-23:00', 'limited', false,
   'Lindenweg', '1', '95499', 'Harsdorf', 'Wirt', '0170 555', false, null, 'private', null, null, true, null,
   '{}', null, 'places-test', 'linde', 'ODbL-1.0', '© OpenStreetMap contributors'),
  ('village_hall', 'Dorfgemeinschaftshaus Harsdorf', ST_Point(11.5800, 50.0400, 4326), null, 'no', true,
   null, null, null, null, null, null, false, null, null, null, null, true, null, '{}', null,
   'places-test', 'dgh', 'dl-de/by-2-0', 'Gemeinde Harsdorf'),
  ('mitfahrbank', null, ST_Point(11.5720, 50.0338, 4326), null, null, null, null, null, null, null, null, null,
   false, null, null, null, null, true, null, '{"destinations": ["Bayreuth"]}', null,
   'places-test', 'bank', 'CC0-1.0', 'Landkreis Kulmbach'),
  ('bus_stop', 'Harsdorf Ort', ST_Point(11.5712, 50.0340, 4326), null, null, null, null, null, null, null, null, null,
   false, null, null, null, null, true, null, '{}', null, 'places-test', 'stop', 'ODbL-1.0', '© OpenStreetMap contributors'),
  ('cafe', 'Café Mühlenblick', ST_Point(11.5600, 50.0200, 4326), 'nach Vereinbarung', 'yes', false,
   null, null, null, null, null, null, false, null, null, null, null, true, null, '{}', null,
   'places-test', 'cafe', 'ODbL-1.0', '© OpenStreetMap contributors'),
  ('youth_club', 'Geheimer Jugendtreff', ST_Point(11.5711, 50.0336, 4326), '24/7', 'yes', true,
   null, null, null, null, null, null, false, null, null, null, null, false, null, '{}', null,
   'places-test', 'private', 'test', 'Test'),
  ('library', 'Alte Bücherei', ST_Point(11.5709, 50.0334, 4326), '24/7', 'yes', true,
   null, null, null, null, null, null, false, null, null, null, null, true, now(), '{}', null,
   'places-test', 'retired', 'test', 'Test'),
  ('mobile_offer', 'Sommerkino Harsdorf', ST_Point(11.5713, 50.0337, 4326), null, 'yes', true,
   null, null, null, null, null, null, false, null, null, '2020-06-01', '2020-08-31', true, null, '{}', null,
   'places-test', 'expired', 'test', 'Test'),
  ('library', 'Stadtbibliothek Mühlberg', ST_Point(13.2200, 51.4350, 4326), 'Mo-Fr 09:00-18:00; PH off', 'yes', true,
   null, null, null, 'Mühlberg/Elbe', null, null, false, null, null, null, null, true, null, '{}', null,
   'places-test', 'muehlberg', 'ODbL-1.0', '© OpenStreetMap contributors');

insert into addresses (street, housenumber, postcode, city, geom, source, source_id, licence, attribution) values
  ('Kirchplatz', '2 a', '95499', 'Harsdorf', ST_Point(11.5740, 50.0350, 4326), 'places-test', 'addr-kirchplatz',
   'ODbL-1.0', '© OpenStreetMap contributors');
