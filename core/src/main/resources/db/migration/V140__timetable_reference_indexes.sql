-- Indexes under the foreign keys of the timetable tables that V93 left without one. A re-import deletes a
-- feed's rows; each deleted route and service has its trips looked up (ON DELETE CASCADE), and without an index
-- on (source, route_id) / (source, service_id) each lookup reads every trip of every feed: for a Land's feed
-- (thousands of routes, 100,000+ trips) that made deleting a feed take minutes (bench/timetables/run.sh).
-- Routing and departures ask for a route's or a service's trips as well.
create index transit_trips_route_idx on transit_trips (source, route_id);
create index transit_trips_service_idx on transit_trips (source, service_id);
