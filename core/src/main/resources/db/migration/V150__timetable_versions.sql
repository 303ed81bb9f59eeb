-- Every change of a timetable table bumps the data version 'timetables' in its own transaction, whoever
-- writes it (the GTFS importer, a hand fix in SQL): the transit routing's snapshot and every answer's ETag
-- key on it, as layers do on theirs (V5's bump_table_layer).

create trigger transit_feeds_version_insert after insert on transit_feeds
    referencing new table as changed_rows for each statement execute function bump_table_layer('timetables');
create trigger transit_feeds_version_update after update on transit_feeds
    referencing new table as changed_rows for each statement execute function bump_table_layer('timetables');
create trigger transit_feeds_version_delete after delete on transit_feeds
    referencing old table as changed_rows for each statement execute function bump_table_layer('timetables');
create trigger transit_feeds_version_truncate after truncate on transit_feeds
    for each statement execute function bump_table_layer('timetables');

create trigger transit_stops_version_insert after insert on transit_stops
    referencing new table as changed_rows for each statement execute function bump_table_layer('timetables');
create trigger transit_stops_version_update after update on transit_stops
    referencing new table as changed_rows for each statement execute function bump_table_layer('timetables');
create trigger transit_stops_version_delete after delete on transit_stops
    referencing old table as changed_rows for each statement execute function bump_table_layer('timetables');
create trigger transit_stops_version_truncate after truncate on transit_stops
    for each statement execute function bump_table_layer('timetables');

create trigger transit_routes_version_insert after insert on transit_routes
    referencing new table as changed_rows for each statement execute function bump_table_layer('timetables');
create trigger transit_routes_version_update after update on transit_routes
    referencing new table as changed_rows for each statement execute function bump_table_layer('timetables');
create trigger transit_routes_version_delete after delete on transit_routes
    referencing old table as changed_rows for each statement execute function bump_table_layer('timetables');
create trigger transit_routes_version_truncate after truncate on transit_routes
    for each statement execute function bump_table_layer('timetables');

create trigger transit_services_version_insert after insert on transit_services
    referencing new table as changed_rows for each statement execute function bump_table_layer('timetables');
create trigger transit_services_version_update after update on transit_services
    referencing new table as changed_rows for each statement execute function bump_table_layer('timetables');
create trigger transit_services_version_delete after delete on transit_services
    referencing old table as changed_rows for each statement execute function bump_table_layer('timetables');
create trigger transit_services_version_truncate after truncate on transit_services
    for each statement execute function bump_table_layer('timetables');

create trigger transit_service_dates_version_insert after insert on transit_service_dates
    referencing new table as changed_rows for each statement execute function bump_table_layer('timetables');
create trigger transit_service_dates_version_update after update on transit_service_dates
    referencing new table as changed_rows for each statement execute function bump_table_layer('timetables');
create trigger transit_service_dates_version_delete after delete on transit_service_dates
    referencing old table as changed_rows for each statement execute function bump_table_layer('timetables');
create trigger transit_service_dates_version_truncate after truncate on transit_service_dates
    for each statement execute function bump_table_layer('timetables');

create trigger transit_trips_version_insert after insert on transit_trips
    referencing new table as changed_rows for each statement execute function bump_table_layer('timetables');
create trigger transit_trips_version_update after update on transit_trips
    referencing new table as changed_rows for each statement execute function bump_table_layer('timetables');
create trigger transit_trips_version_delete after delete on transit_trips
    referencing old table as changed_rows for each statement execute function bump_table_layer('timetables');
create trigger transit_trips_version_truncate after truncate on transit_trips
    for each statement execute function bump_table_layer('timetables');

create trigger transit_stop_times_version_insert after insert on transit_stop_times
    referencing new table as changed_rows for each statement execute function bump_table_layer('timetables');
create trigger transit_stop_times_version_update after update on transit_stop_times
    referencing new table as changed_rows for each statement execute function bump_table_layer('timetables');
create trigger transit_stop_times_version_delete after delete on transit_stop_times
    referencing old table as changed_rows for each statement execute function bump_table_layer('timetables');
create trigger transit_stop_times_version_truncate after truncate on transit_stop_times
    for each statement execute function bump_table_layer('timetables');

create trigger transit_on_demand_areas_version_insert after insert on transit_on_demand_areas
    referencing new table as changed_rows for each statement execute function bump_table_layer('timetables');
create trigger transit_on_demand_areas_version_update after update on transit_on_demand_areas
    referencing new table as changed_rows for each statement execute function bump_table_layer('timetables');
create trigger transit_on_demand_areas_version_delete after delete on transit_on_demand_areas
    referencing old table as changed_rows for each statement execute function bump_table_layer('timetables');
create trigger transit_on_demand_areas_version_truncate after truncate on transit_on_demand_areas
    for each statement execute function bump_table_layer('timetables');
