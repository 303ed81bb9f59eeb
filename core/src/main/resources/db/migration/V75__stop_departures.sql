-- How well a stop is served: the transport authority's departure weight (VBB: weighted arrivals and
-- departures of the stop area in its timetable), so that "a stop with regular departures" can be asked
-- rather than any pole with a sign. The stops importer fills it; OSM knows no such figure.
update kinds set details_schema = details_schema || '{"departures": "number"}'
 where code in ('bus_stop', 'train_station');
