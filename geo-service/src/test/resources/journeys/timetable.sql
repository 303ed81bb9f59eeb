-- A small hand-written timetable between Neudrossenfeld and Harsdorf (extract north of Bayreuth), in the V93
-- tables as the GTFS importer writes them. Times in seconds after the service day's start. Calendar:
--   WD  Monday–Friday, 2026-01-01 … 2027-12-31; not on Monday 2026-12-14 (exception 2); also on Sunday
--       2026-12-20 (exception 1).
--   WE  Saturday and Sunday (the RufBus only).
-- Trips toward Harsdorf (Neudrossenfeld Marktplatz → Altenplos → Harsdorf Ortsmitte), line 383:
--   T1 07:10 → 07:32   T2 12:40 → 13:02   T3 17:15 → 17:37   T4 24:10 → 24:32 (past midnight: 00:10 the next day)
--   T5 the other way (Harsdorf 08:00 → Neudrossenfeld 08:22): never toward the place
--   T6 09:00 at Neudrossenfeld, but set-down only there (pickup_type 1): nobody boards
insert into transit_feeds (source, licence, attribution, publisher, feed_version, valid_from, valid_to)
values ('journeys-test-feed', 'CC-BY-4.0', 'Verkehrsverbund Testland (test feed)', 'Testbus GmbH', '2026-12',
        '2026-01-01', '2027-12-31');
insert into transit_stops (source, stop_id, name, location_type, wheelchair_boarding, geom) values
 ('journeys-test-feed', 'ND', 'Neudrossenfeld Marktplatz', 0, 1, ST_Point(11.50330, 50.01630, 4326)),
 ('journeys-test-feed', 'AP', 'Altenplos', 0, 0, ST_Point(11.54000, 50.02300, 4326)),
 ('journeys-test-feed', 'HO', 'Harsdorf Ortsmitte', 0, 2, ST_Point(11.56750, 50.02790, 4326));
insert into transit_routes (source, route_id, agency_name, short_name, long_name, route_type) values
 ('journeys-test-feed', 'R383', 'Testbus GmbH', '383', 'Neudrossenfeld – Harsdorf', 3),
 ('journeys-test-feed', 'RUF', 'Testbus GmbH', null, 'RufBus Trebgast-Tal', 715);
insert into transit_services (source, service_id, weekdays, start_date, end_date) values
 ('journeys-test-feed', 'WD', 31, '2026-01-01', '2027-12-31'),
 ('journeys-test-feed', 'WE', 96, '2026-01-01', '2027-12-31');
insert into transit_service_dates (source, service_id, service_date, exception_type) values
 ('journeys-test-feed', 'WD', '2026-12-14', 2),
 ('journeys-test-feed', 'WD', '2026-12-20', 1);
insert into transit_trips (source, trip_id, route_id, service_id, headsign, wheelchair_accessible) values
 ('journeys-test-feed', 'T1', 'R383', 'WD', 'Harsdorf', 1),
 ('journeys-test-feed', 'T2', 'R383', 'WD', 'Harsdorf', 1),
 ('journeys-test-feed', 'T3', 'R383', 'WD', 'Harsdorf', 2),
 ('journeys-test-feed', 'T4', 'R383', 'WD', 'Harsdorf (Nachtbus)', null),
 ('journeys-test-feed', 'T5', 'R383', 'WD', 'Neudrossenfeld', 1),
 ('journeys-test-feed', 'T6', 'R383', 'WD', 'Harsdorf', 1),
 ('journeys-test-feed', 'RUF1', 'RUF', 'WE', null, null);
insert into transit_stop_times (source, trip_id, stop_sequence, stop_id, arrival_s, departure_s, pickup_type, drop_off_type) values
 ('journeys-test-feed', 'T1', 1, 'ND', 25800, 25800, 0, 0), ('journeys-test-feed', 'T1', 2, 'AP', 26400, 26400, 0, 0),
 ('journeys-test-feed', 'T1', 3, 'HO', 27120, 27120, 0, 0),
 ('journeys-test-feed', 'T2', 1, 'ND', 45600, 45600, 0, 0), ('journeys-test-feed', 'T2', 2, 'AP', 46200, 46200, 0, 0),
 ('journeys-test-feed', 'T2', 3, 'HO', 46920, 46920, 0, 0),
 ('journeys-test-feed', 'T3', 1, 'ND', 62100, 62100, 0, 0), ('journeys-test-feed', 'T3', 2, 'AP', 62700, 62700, 0, 0),
 ('journeys-test-feed', 'T3', 3, 'HO', 63420, 63420, 0, 0),
 ('journeys-test-feed', 'T4', 1, 'ND', 87000, 87000, 0, 0), ('journeys-test-feed', 'T4', 2, 'AP', 87600, 87600, 0, 0),
 ('journeys-test-feed', 'T4', 3, 'HO', 88320, 88320, 0, 0),
 ('journeys-test-feed', 'T5', 1, 'HO', 28800, 28800, 0, 0), ('journeys-test-feed', 'T5', 2, 'AP', 29520, 29520, 0, 0),
 ('journeys-test-feed', 'T5', 3, 'ND', 30120, 30120, 0, 0),
 ('journeys-test-feed', 'T6', 1, 'ND', 32400, 32400, 1, 0), ('journeys-test-feed', 'T6', 2, 'HO', 33720, 33720, 0, 0);
-- The RufBus on weekends, 08:00–20:00, booked an hour ahead, in an area around both villages.
insert into transit_on_demand_areas (source, area_id, trip_id, name, route_id, service_id, window_start_s, window_end_s,
                                     prior_notice_min, booking_phone, booking_url, booking_message, geom)
values ('journeys-test-feed', 'trebgast', 'RUF1', 'RufBus Trebgast-Tal', 'RUF', 'WE', 28800, 72000, 60,
        '+49 921 000000', 'https://rufbus.example/buchen', 'Bitte mindestens 60 Minuten vorher anrufen.',
        ST_Multi(ST_MakeEnvelope(11.49, 50.00, 11.58, 50.04, 4326)));
