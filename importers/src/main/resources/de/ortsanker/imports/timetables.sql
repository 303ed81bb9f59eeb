-- A GTFS feed's rows (V93), replaced as a whole in one transaction (TimetableImport). The feed is first
-- loaded into temporary tables shaped like the live ones, completed there (stop places, zone outlines), then
-- compared with the source's live rows: when nothing differs, nothing is written and the 'timetables' data
-- version stays; otherwise the source's rows are deleted and the staged ones inserted.

-- name: stage
create temp table stage_transit_stops (like transit_stops including defaults) on commit drop;
create temp table stage_transit_routes (like transit_routes including defaults) on commit drop;
create temp table stage_transit_services (like transit_services including defaults) on commit drop;
create temp table stage_transit_service_dates (like transit_service_dates including defaults) on commit drop;
create temp table stage_transit_trips (like transit_trips including defaults) on commit drop;
create temp table stage_transit_stop_times (like transit_stop_times including defaults) on commit drop;
create temp table stage_transit_on_demand_areas (like transit_on_demand_areas including defaults) on commit drop;
create temp table stage_on_demand_shapes (
    area_id text, trip_id text, name text, route_id text, service_id text, window_start_s integer,
    window_end_s integer, prior_notice_min integer, booking_phone text, booking_url text, booking_message text,
    members geometry, polygon text) on commit drop

-- name: copy-stops
copy stage_transit_stops (source, stop_id, name, parent_station, location_type, wheelchair_boarding, geom) from stdin

-- name: copy-routes
copy stage_transit_routes (source, route_id, agency_name, short_name, long_name, route_type) from stdin

-- name: copy-services
copy stage_transit_services (source, service_id, weekdays, start_date, end_date) from stdin

-- name: copy-service-dates
copy stage_transit_service_dates (source, service_id, service_date, exception_type) from stdin

-- name: copy-trips
copy stage_transit_trips (source, trip_id, route_id, service_id, headsign, wheelchair_accessible, bikes_allowed) from stdin

-- name: copy-stop-times
copy stage_transit_stop_times (source, trip_id, stop_sequence, stop_id, arrival_s, departure_s, pickup_type, drop_off_type) from stdin

-- name: copy-on-demand
copy stage_on_demand_shapes (area_id, trip_id, name, route_id, service_id, window_start_s, window_end_s,
                             prior_notice_min, booking_phone, booking_url, booking_message, members, polygon) from stdin

-- name: on-demand-outlines
-- A zone from its location group: the hull of its stops, buffered on the spheroid by Feed.HULL_BUFFER_M
-- (a single stop becomes a circle, two a corridor); a zone from locations.geojson: its own polygon.
insert into stage_transit_on_demand_areas
select ?, area_id, trip_id, name, route_id, service_id, window_start_s, window_end_s, prior_notice_min,
       booking_phone, booking_url, booking_message,
       case when polygon is not null then ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(polygon), 4326))
            else ST_Multi(ST_Buffer(ST_ConvexHull(members)::geography, ?)::geometry) end
  from stage_on_demand_shapes

-- name: match-places
-- A stop is the stop place (bus_stop, train_station) within 50 m whose name is most like its own; a place
-- with another name counts only when it stands within 15 m (the same pole, named differently).
update stage_transit_stops s
   set place_id = (
       select p.id from places p
        where p.kind in ('bus_stop', 'train_station') and p.retired_at is null
          and ST_DWithin(p.geog, s.geom::geography, 50)
          and (word_similarity(coalesce(p.name, ''), s.name) >= 0.5
               or ST_DWithin(p.geog, s.geom::geography, 15))
        order by word_similarity(coalesce(p.name, ''), s.name) desc, p.geog <-> s.geom::geography, p.id
        limit 1)
 where s.location_type in (0, 1)

-- name: analyze-stage
analyze stage_transit_stops; analyze stage_transit_trips; analyze stage_transit_stop_times

-- name: diff-stops
select (select count(*) from (select stop_id, name, parent_station, location_type, wheelchair_boarding,
                                     ST_AsEWKB(geom), place_id from stage_transit_stops
                              except select stop_id, name, parent_station, location_type, wheelchair_boarding,
                                     ST_AsEWKB(geom), place_id from transit_stops where source = ?) a),
       (select count(*) from (select stop_id, name, parent_station, location_type, wheelchair_boarding,
                                     ST_AsEWKB(geom), place_id from transit_stops where source = ?
                              except select stop_id, name, parent_station, location_type, wheelchair_boarding,
                                     ST_AsEWKB(geom), place_id from stage_transit_stops) r),
       (select count(*) from stage_transit_stops)

-- name: diff-routes
select (select count(*) from (select route_id, agency_name, short_name, long_name, route_type from stage_transit_routes
                              except select route_id, agency_name, short_name, long_name, route_type
                                from transit_routes where source = ?) a),
       (select count(*) from (select route_id, agency_name, short_name, long_name, route_type
                                from transit_routes where source = ?
                              except select route_id, agency_name, short_name, long_name, route_type
                                from stage_transit_routes) r),
       (select count(*) from stage_transit_routes)

-- name: diff-services
select (select count(*) from (select service_id, weekdays, start_date, end_date from stage_transit_services
                              except select service_id, weekdays, start_date, end_date
                                from transit_services where source = ?) a),
       (select count(*) from (select service_id, weekdays, start_date, end_date from transit_services where source = ?
                              except select service_id, weekdays, start_date, end_date from stage_transit_services) r),
       (select count(*) from stage_transit_services)

-- name: diff-service-dates
select (select count(*) from (select service_id, service_date, exception_type from stage_transit_service_dates
                              except select service_id, service_date, exception_type
                                from transit_service_dates where source = ?) a),
       (select count(*) from (select service_id, service_date, exception_type from transit_service_dates
                               where source = ?
                              except select service_id, service_date, exception_type
                                from stage_transit_service_dates) r),
       (select count(*) from stage_transit_service_dates)

-- name: diff-trips
select (select count(*) from (select trip_id, route_id, service_id, headsign, wheelchair_accessible, bikes_allowed
                                from stage_transit_trips
                              except select trip_id, route_id, service_id, headsign, wheelchair_accessible,
                                     bikes_allowed from transit_trips where source = ?) a),
       (select count(*) from (select trip_id, route_id, service_id, headsign, wheelchair_accessible, bikes_allowed
                                from transit_trips where source = ?
                              except select trip_id, route_id, service_id, headsign, wheelchair_accessible,
                                     bikes_allowed from stage_transit_trips) r),
       (select count(*) from stage_transit_trips)

-- name: diff-stop-times
select (select count(*) from (select trip_id, stop_sequence, stop_id, arrival_s, departure_s, pickup_type,
                                     drop_off_type from stage_transit_stop_times
                              except select trip_id, stop_sequence, stop_id, arrival_s, departure_s, pickup_type,
                                     drop_off_type from transit_stop_times where source = ?) a),
       (select count(*) from (select trip_id, stop_sequence, stop_id, arrival_s, departure_s, pickup_type,
                                     drop_off_type from transit_stop_times where source = ?
                              except select trip_id, stop_sequence, stop_id, arrival_s, departure_s, pickup_type,
                                     drop_off_type from stage_transit_stop_times) r),
       (select count(*) from stage_transit_stop_times)

-- name: diff-on-demand-areas
select (select count(*) from (select area_id, trip_id, name, route_id, service_id, window_start_s, window_end_s,
                                     prior_notice_min, booking_phone, booking_url, booking_message, ST_AsEWKB(geom)
                                from stage_transit_on_demand_areas
                              except select area_id, trip_id, name, route_id, service_id, window_start_s,
                                     window_end_s, prior_notice_min, booking_phone, booking_url, booking_message,
                                     ST_AsEWKB(geom) from transit_on_demand_areas where source = ?) a),
       (select count(*) from (select area_id, trip_id, name, route_id, service_id, window_start_s, window_end_s,
                                     prior_notice_min, booking_phone, booking_url, booking_message, ST_AsEWKB(geom)
                                from transit_on_demand_areas where source = ?
                              except select area_id, trip_id, name, route_id, service_id, window_start_s,
                                     window_end_s, prior_notice_min, booking_phone, booking_url, booking_message,
                                     ST_AsEWKB(geom) from stage_transit_on_demand_areas) r),
       (select count(*) from stage_transit_on_demand_areas)

-- name: feed-differs
-- Whether the feed's own row says something else than it will (not: which run loaded it, or when).
select not exists (select 1 from transit_feeds
                    where source = ? and licence is not distinct from ? and attribution is not distinct from ?
                      and publisher is not distinct from ? and feed_version is not distinct from ?
                      and timezone = ? and valid_from is not distinct from ? and valid_to is not distinct from ?)

-- name: delete-rows
-- Children first: the foreign keys' cascades would find them one by one.
delete from transit_stop_times where source = ?;
delete from transit_on_demand_areas where source = ?;
delete from transit_trips where source = ?;
delete from transit_service_dates where source = ?;
delete from transit_services where source = ?;
delete from transit_routes where source = ?;
delete from transit_stops where source = ?

-- name: upsert-feed
insert into transit_feeds (source, run_id, licence, attribution, publisher, feed_version, timezone, valid_from,
                           valid_to, imported_at)
values (?, ?, ?, ?, ?, ?, ?, ?, ?, now())
on conflict (source) do update
   set run_id = excluded.run_id, licence = excluded.licence, attribution = excluded.attribution,
       publisher = excluded.publisher, feed_version = excluded.feed_version, timezone = excluded.timezone,
       valid_from = excluded.valid_from, valid_to = excluded.valid_to, imported_at = excluded.imported_at

-- name: insert-rows
insert into transit_stops select * from stage_transit_stops;
insert into transit_routes select * from stage_transit_routes;
insert into transit_services select * from stage_transit_services;
insert into transit_service_dates select * from stage_transit_service_dates;
insert into transit_trips select * from stage_transit_trips;
insert into transit_stop_times select * from stage_transit_stop_times;
insert into transit_on_demand_areas select * from stage_transit_on_demand_areas

-- name: bump-version
update data_versions set version = version + 1, changed_at = clock_timestamp() where layer = 'timetables'

-- name: analyze-live
analyze transit_stops; analyze transit_trips; analyze transit_stop_times; analyze transit_services;
analyze transit_service_dates
