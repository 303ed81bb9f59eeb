-- A hand-built county where every planning answer is obvious (see PlanningApiTest): two municipalities
-- side by side in a district at 50.1° N, six villages and hamlets, a handful of places, three vacant
-- buildings. 0.001° of latitude is 111 m; 0.001° of longitude is 71.5 m here.
insert into admin_areas (level, ags, name, designation, geom, source, source_id, licence, attribution) values
 ('gemeinde', '09999001', 'Adorf', 'Gemeinde', ST_Multi(ST_MakeEnvelope(11.0, 50.0, 11.2, 50.2, 4326)),
  'planning-fixture', 'gem/1', 'dl-de/by-2-0', '© GeoBasis-DE / BKG (fixture)'),
 ('gemeinde', '09999002', 'Bdorf', 'Gemeinde', ST_Multi(ST_MakeEnvelope(11.2, 50.0, 11.4, 50.2, 4326)),
  'planning-fixture', 'gem/2', 'dl-de/by-2-0', '© GeoBasis-DE / BKG (fixture)'),
 ('kreis', '09999', 'Testkreis', 'Landkreis', ST_Multi(ST_MakeEnvelope(11.0, 50.0, 11.4, 50.2, 4326)),
  'planning-fixture', 'krs/1', 'dl-de/by-2-0', '© GeoBasis-DE / BKG (fixture)'),
 ('gemeinde', '09998001', 'Leerau', 'Gemeinde', ST_Multi(ST_MakeEnvelope(12.0, 50.0, 12.2, 50.2, 4326)),
  'planning-fixture', 'gem/3', 'dl-de/by-2-0', '© GeoBasis-DE / BKG (fixture)');

insert into localities (name, kind, geom, population, population_source, population_date, ags,
                        source, source_id, licence, attribution) values
 -- no AGS of its own: found in Adorf by its position
 ('Nordhof',    'village', ST_Point(11.05, 50.10, 4326), 500, 'OpenStreetMap', '2024-01-01', null,
  'planning-fixture', 'loc/1', 'ODbL-1.0', '© OpenStreetMap contributors'),
 ('Mitteldorf', 'village', ST_Point(11.10, 50.10, 4326), 300, 'OpenStreetMap', null, '09999001',
  'planning-fixture', 'loc/2', 'ODbL-1.0', '© OpenStreetMap contributors'),
 -- no figure: two Zensus cells nearest to it hold 40 + 35 people
 ('Südweiler',  'hamlet',  ST_Point(11.15, 50.10, 4326), null, null, null, '09999001',
  'planning-fixture', 'loc/3', 'ODbL-1.0', '© OpenStreetMap contributors'),
 ('Ostheim',    'village', ST_Point(11.30, 50.10, 4326), 1000, 'Gemeinde Bdorf', '2023-12-31', '09999002',
  'planning-fixture', 'loc/4', 'ODbL-1.0', '© OpenStreetMap contributors'),
 -- no figure, no cells, no addresses: its share of Bdorf's official figure by kind of settlement (below)
 ('Neudorf',    'village', ST_Point(11.25, 50.18, 4326), null, null, null, '09999002',
  'planning-fixture', 'loc/5', 'ODbL-1.0', '© OpenStreetMap contributors'),
 -- no figure, no cells, no addresses: a hamlet's share of Bdorf's figure by kind (0.12 of a village's)
 ('Einzelhof',  'hamlet',  ST_Point(11.38, 50.02, 4326), null, null, null, '09999002',
  'planning-fixture', 'loc/6', 'ODbL-1.0', '© OpenStreetMap contributors'),
 -- a town: not analysed (villages and hamlets are); it keeps its own figure and the Zensus cell next to it
 ('Großstadt',  'town',    ST_Point(11.20, 50.05, 4326), 2000, 'OpenStreetMap', null, '09999002',
  'planning-fixture', 'loc/7', 'ODbL-1.0', '© OpenStreetMap contributors');

-- The official figures (V67): Adorf 875 = 500 + 300 own, and 75 shared out to Südweiler by its grid cells;
-- Bdorf 3,560 = 1,000 + 2,000 own, and 560 shared by kind: Neudorf (a village, 1) 500, Einzelhof (a hamlet,
-- 0.12) 60. Leerau has none.
insert into official_population (ags, name, population, reference_date, publication, source, licence, attribution) values
 ('09999001', 'Adorf', 875, '2022-05-15', 'Zensus 2022', 'Zensus 2022', 'dl-de/by-2-0',
  'Zensus 2022, © Statistische Ämter des Bundes und der Länder (fixture)'),
 ('09999002', 'Bdorf', 3560, '2022-05-15', 'Zensus 2022', 'Zensus 2022', 'dl-de/by-2-0',
  'Zensus 2022, © Statistische Ämter des Bundes und der Länder (fixture)');

insert into population_cells (cell_id, size_m, centre, population, census, source, licence, attribution) values
 ('fixture-1', 100, ST_Transform(ST_Point(11.151, 50.101, 4326), 3035), 40, 'Zensus 2022', 'Zensus 2022',
  'dl-de/by-2-0', '© Statistisches Bundesamt (Destatis), Zensus 2022'),
 ('fixture-2', 100, ST_Transform(ST_Point(11.149, 50.099, 4326), 3035), 35, 'Zensus 2022', 'Zensus 2022',
  'dl-de/by-2-0', '© Statistisches Bundesamt (Destatis), Zensus 2022'),
 ('fixture-3', 100, ST_Transform(ST_Point(11.201, 50.05, 4326), 3035), 900, 'Zensus 2022', 'Zensus 2022',
  'dl-de/by-2-0', '© Statistisches Bundesamt (Destatis), Zensus 2022');
-- a cell gone from the census source: retired, so it counts for nobody
insert into population_cells (cell_id, size_m, centre, population, census, source, licence, attribution, retired_at) values
 ('fixture-4', 100, ST_Transform(ST_Point(11.150, 50.100, 4326), 3035), 1000, 'Zensus 2022', 'Zensus 2022',
  'dl-de/by-2-0', '© Statistisches Bundesamt (Destatis), Zensus 2022', now());

insert into places (kind, name, geom, is_public, retired_at, valid_from, valid_to, source, source_id, licence, attribution) values
 ('village_hall', 'Dorfgemeinschaftshaus Mitteldorf', ST_Point(11.10, 50.105, 4326), true, null, null, null,
  'planning-fixture', 'p/1', 'ODbL-1.0', '© OpenStreetMap contributors'),
 ('bus_stop', 'Nordhof Mitte', ST_Point(11.05, 50.1045, 4326), true, null, null, null,
  'planning-fixture', 'p/2', 'ODbL-1.0', '© OpenStreetMap contributors'),
 ('mitfahrbank', null, ST_Point(11.30, 50.1009, 4326), true, null, null, null,
  'planning-fixture', 'p/3', 'ODbL-1.0', '© OpenStreetMap contributors'),
 -- gone, private, expired: none of these counts
 ('pub', 'Zur Linde', ST_Point(11.30, 50.101, 4326), true, now(), null, null,
  'planning-fixture', 'p/4', 'ODbL-1.0', '© OpenStreetMap contributors'),
 ('library', null, ST_Point(11.15, 50.101, 4326), false, null, null, null,
  'planning-fixture', 'p/5', 'ODbL-1.0', '© OpenStreetMap contributors'),
 ('mobile_offer', 'Mobiles Café', ST_Point(11.15, 50.1005, 4326), true, null, '2020-01-01', '2020-12-31',
  'planning-fixture', 'p/6', 'ODbL-1.0', '© OpenStreetMap contributors'),
 ('bus_stop', 'Mitteldorf Kirche', ST_Point(11.10, 50.0955, 4326), true, null, null, null,
  'planning-fixture', 'p/7', 'ODbL-1.0', '© OpenStreetMap contributors'),
 -- vacant buildings: one by Ostheim (1000 people), one by Nordhof (500), one by Südweiler (75)
 ('vacant_building', '=Alte Schule Ostheim', ST_Point(11.30, 50.095, 4326), true, null, null, null,
  'planning-fixture', 'v/1', 'dl-de/by-2-0', 'Leerstandskataster Testkreis'),
 ('vacant_building', 'Ehemaliger Konsum Nordhof', ST_Point(11.05, 50.09, 4326), true, null, null, null,
  'planning-fixture', 'v/2', 'dl-de/by-2-0', 'Leerstandskataster Testkreis'),
 ('vacant_building', 'Leerstand Südweiler', ST_Point(11.15, 50.11, 4326), true, null, null, null,
  'planning-fixture', 'v/3', 'dl-de/by-2-0', 'Leerstandskataster Testkreis');

insert into import_runs (source, file_name, format, licence, attribution, status, started_at, finished_at, added)
values ('planning-fixture', 'testkreis.osm.pbf', 'osm', 'ODbL-1.0', '© OpenStreetMap contributors', 'succeeded',
        '2026-11-01 10:00+00', '2026-11-01 10:05+00', 10);
