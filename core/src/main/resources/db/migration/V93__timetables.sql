-- Timetables from GTFS feeds (and the on-demand zones of GTFS-Flex), as the county imports them with
-- `scripts/import.sh feed.zip`. One feed = one import source; a re-import replaces the feed's rows in one
-- transaction, so routing and departures never see half a timetable. Times are seconds after the start
-- of the service day ("noon minus 12 h", as GTFS defines it), so trips past midnight (25:10:00) keep
-- their order; GTFS allows up to 48 h, nothing later is stored.
create table transit_feeds (
    source        text primary key,             -- the import source, as in import_runs.source
    run_id        bigint references import_runs (id),
    licence       text,
    attribution   text,
    publisher     text,                          -- feed_info.feed_publisher_name, else the first agency
    feed_version  text,
    timezone      text not null default 'Europe/Berlin',
    valid_from    date,                          -- the span of its calendars
    valid_to      date,
    imported_at   timestamptz not null default now()
);

create table transit_stops (
    source              text not null references transit_feeds (source) on delete cascade,
    stop_id             text not null,
    name                text not null,
    parent_station      text,
    location_type       smallint not null default 0 check (location_type between 0 and 4),
    wheelchair_boarding smallint check (wheelchair_boarding between 0 and 2),  -- 0 unknown, 1 yes, 2 no
    geom                geometry(Point, 4326) not null,
    place_id            bigint,                  -- the stop place (bus_stop, train_station) it matches, if any
    primary key (source, stop_id)
);
create index transit_stops_geom_idx on transit_stops using gist (geom);
create index transit_stops_geog_idx on transit_stops using gist ((geom::geography));

create table transit_routes (
    source      text not null references transit_feeds (source) on delete cascade,
    route_id    text not null,
    agency_name text,
    short_name  text,
    long_name   text,
    route_type  integer not null,               -- GTFS route_type (3 bus, 2 rail, 715 demand-responsive, …)
    primary key (source, route_id)
);

-- A service runs on a date when its weekly pattern and span say so and no exception removes it, or when
-- an exception adds it: transit_service_runs() below is that rule, and the only copy of it.
create table transit_services (
    source     text not null references transit_feeds (source) on delete cascade,
    service_id text not null,
    weekdays   smallint not null default 0 check (weekdays between 0 and 127), -- bit 0 Monday … bit 6 Sunday
    start_date date,
    end_date   date,
    primary key (source, service_id)
);

create table transit_service_dates (
    source         text not null,
    service_id     text not null,
    service_date   date not null,
    exception_type smallint not null check (exception_type in (1, 2)),  -- 1 added, 2 removed
    primary key (source, service_id, service_date),
    foreign key (source, service_id) references transit_services (source, service_id) on delete cascade
);

create table transit_trips (
    source                text not null,
    trip_id               text not null,
    route_id              text not null,
    service_id            text not null,
    headsign              text,
    wheelchair_accessible smallint check (wheelchair_accessible between 0 and 2),
    bikes_allowed         smallint check (bikes_allowed between 0 and 2),
    primary key (source, trip_id),
    foreign key (source, route_id) references transit_routes (source, route_id) on delete cascade,
    foreign key (source, service_id) references transit_services (source, service_id) on delete cascade
);

create table transit_stop_times (
    source         text not null,
    trip_id        text not null,
    stop_sequence  integer not null check (stop_sequence >= 0),
    stop_id        text not null,
    arrival_s      integer not null check (arrival_s between 0 and 172800),
    departure_s    integer not null check (departure_s between 0 and 172800),
    pickup_type    smallint not null default 0 check (pickup_type between 0 and 3),
    drop_off_type  smallint not null default 0 check (drop_off_type between 0 and 3),
    primary key (source, trip_id, stop_sequence),
    foreign key (source, trip_id) references transit_trips (source, trip_id) on delete cascade,
    foreign key (source, stop_id) references transit_stops (source, stop_id) on delete cascade,
    check (departure_s >= arrival_s)
);
create index transit_stop_times_departures_idx on transit_stop_times (source, stop_id, departure_s);

-- GTFS-Flex: an area a demand-responsive line serves within a time window (RufBus), with how to book it.
-- The area is the hull of the stops of its location group (or the feed's own polygon, when it has one).
create table transit_on_demand_areas (
    source          text not null references transit_feeds (source) on delete cascade,
    area_id         text not null,              -- location_group_id or location id
    trip_id         text not null,
    name            text,
    route_id        text,
    service_id      text not null,
    window_start_s  integer not null check (window_start_s between 0 and 172800),
    window_end_s    integer not null check (window_end_s between 0 and 172800),
    prior_notice_min integer,
    booking_phone   text,
    booking_url     text,
    booking_message text,
    geom            geometry(MultiPolygon, 4326) not null,
    primary key (source, area_id, trip_id),
    check (window_end_s >= window_start_s)
);
create index transit_on_demand_areas_geom_idx on transit_on_demand_areas using gist (geom);

create function transit_service_runs(p_source text, p_service text, p_date date) returns boolean
    language sql stable
as $$
    select coalesce(
        (select d.exception_type = 1 from transit_service_dates d
          where d.source = p_source and d.service_id = p_service and d.service_date = p_date),
        (select s.weekdays & (1 << (extract(isodow from p_date)::int - 1)) <> 0
                and p_date between coalesce(s.start_date, p_date) and coalesce(s.end_date, p_date)
           from transit_services s where s.source = p_source and s.service_id = p_service),
        false)
$$;

-- Routing graphs and departure answers key their caches on this, as layers do on theirs.
insert into data_versions (layer) values ('timetables') on conflict do nothing;
