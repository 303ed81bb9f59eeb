package de.ortsanker.journeys;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The imported timetables (V93), read for one journey: the stops near its start, the trips that leave
 * there and later stop near the place on a day, and why there are none when there are none. Whether a
 * service runs on a date is {@code transit_service_runs()}, the schema's one rule; it is not repeated here.
 */
@Component
class Timetable {

    /** Stops (not stations or entrances) within reach of a point, nearest first, with their feed. */
    static final String STOPS_NEAR = """
            select s.source, s.stop_id, s.name, s.wheelchair_boarding, ST_X(s.geom) as lon, ST_Y(s.geom) as lat,
                   ST_Distance(s.geom::geography, o.geog) as metres
              from (select ST_Point(:lon, :lat, 4326)::geography as geog) o
              join transit_stops s on s.location_type = 0 and ST_DWithin(s.geom::geography, o.geog, :reach)
             order by s.geom::geography <-> o.geog
             limit :limit""";

    /**
     * The next trips from one of the start's stops to one of the place's stops, leaving at or after
     * {@code :after_s} on {@code :date}: trips of that service day, and trips of the day before that are
     * still running after midnight (their times past 24 h). A trip is listed once, boarded at the start's
     * stop nearest to the start and left at the place's stop nearest to the place; picking up and setting
     * down must be allowed there.
     */
    static final String NEXT_DEPARTURES = """
            with starts as (select * from unnest(cast(:start_sources as text[]), cast(:start_stops as text[]),
                                                 cast(:start_metres as float8[])) as s(source, stop_id, metres)),
                 ends as (select * from unnest(cast(:end_sources as text[]), cast(:end_stops as text[]),
                                               cast(:end_metres as float8[])) as e(source, stop_id, metres)),
                 days as (select cast(:date as date) as service_date, 0 as shift
                          union all select cast(:date as date) - 1, 86400),
                 rides as (
                     select distinct on (t.source, t.trip_id, d.service_date)
                            t.source, t.trip_id, t.route_id, t.headsign, t.wheelchair_accessible,
                            a.stop_id as board_stop, b.stop_id as alight_stop,
                            a.departure_s - d.shift as departure_s, b.arrival_s - d.shift as arrival_s
                       from starts s
                       join transit_stop_times a on a.source = s.source and a.stop_id = s.stop_id and a.pickup_type <> 1
                       join transit_stop_times b on b.source = a.source and b.trip_id = a.trip_id
                                                and b.stop_sequence > a.stop_sequence and b.drop_off_type <> 1
                       join ends e on e.source = b.source and e.stop_id = b.stop_id
                       join transit_trips t on t.source = a.source and t.trip_id = a.trip_id
                       cross join days d
                      where a.departure_s - d.shift >= :after_s
                        and transit_service_runs(t.source, t.service_id, d.service_date)
                      order by t.source, t.trip_id, d.service_date, s.metres, e.metres, b.arrival_s)
            select r.*, ro.short_name, ro.long_name, ro.route_type
              from rides r join transit_routes ro on ro.source = r.source and ro.route_id = r.route_id
             order by r.departure_s, r.arrival_s, ro.short_name
             limit :limit""";

    /**
     * The services of every trip that goes from one of the start's stops to one of the place's stops, on
     * any day, and whether each runs on the date: none at all is "no connection", none on the date is
     * "no service that day".
     */
    static final String CONNECTING_SERVICES = """
            with starts as (select * from unnest(cast(:start_sources as text[]), cast(:start_stops as text[])) as s(source, stop_id)),
                 ends as (select * from unnest(cast(:end_sources as text[]), cast(:end_stops as text[])) as e(source, stop_id))
            select c.source, c.service_id,
                   transit_service_runs(c.source, c.service_id, cast(:date as date)) as runs_on_date,
                   transit_service_runs(c.source, c.service_id, cast(:date as date) - 1) as runs_day_before
              from (select distinct t.source, t.service_id
                      from starts s
                      join transit_stop_times a on a.source = s.source and a.stop_id = s.stop_id and a.pickup_type <> 1
                      join transit_stop_times b on b.source = a.source and b.trip_id = a.trip_id
                                               and b.stop_sequence > a.stop_sequence and b.drop_off_type <> 1
                      join ends e on e.source = b.source and e.stop_id = b.stop_id
                      join transit_trips t on t.source = a.source and t.trip_id = a.trip_id) c""";

    /**
     * On-demand areas (RufBus) that cover both the start and the place, with their booking rules and
     * whether their service runs on the date.
     */
    static final String ON_DEMAND = """
            select a.source, a.area_id, a.name, a.trip_id, r.short_name, r.long_name, a.window_start_s, a.window_end_s,
                   a.prior_notice_min, a.booking_phone, a.booking_url, a.booking_message,
                   transit_service_runs(a.source, a.service_id, cast(:date as date)) as runs_on_date
              from transit_on_demand_areas a
              left join transit_routes r on r.source = a.source and r.route_id = a.route_id
             where ST_Covers(a.geom, ST_Point(:from_lon, :from_lat, 4326))
               and ST_Covers(a.geom, ST_Point(:to_lon, :to_lat, 4326))
             order by runs_on_date desc, a.window_start_s, a.area_id, a.trip_id""";

    /** The imported feeds: what they cover, and their provenance, which travels with every answer. */
    static final String FEEDS = """
            select f.source, f.licence, f.attribution, f.publisher, f.feed_version, f.valid_from, f.valid_to
              from transit_feeds f
             order by f.source""";

    record Stop(String source, String stopId, String name, Integer wheelchairBoarding, double lon, double lat, double metres) {
    }

    record Ride(String source, String tripId, String routeShortName, String routeLongName, int routeType, String headsign,
                Integer wheelchairAccessible, String boardStop, String alightStop, int departureS, int arrivalS) {
    }

    record Service(String source, String serviceId, boolean runsOnDate, boolean runsDayBefore) {
    }

    record OnDemand(String source, String areaId, String name, String tripId, String routeShortName, String routeLongName,
                    int windowStartS, int windowEndS, Integer priorNoticeMin, String bookingPhone, String bookingUrl,
                    String bookingMessage, boolean runsOnDate) {
    }

    record Feed(String source, String licence, String attribution, String publisher, String feedVersion,
                LocalDate validFrom, LocalDate validTo) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    Timetable(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<Feed> feeds() {
        return jdbc.query(FEEDS, Map.of(), (rs, i) -> new Feed(rs.getString("source"), rs.getString("licence"),
                rs.getString("attribution"), rs.getString("publisher"), rs.getString("feed_version"),
                rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class)));
    }

    List<Stop> stopsNear(double lon, double lat, int reachM, int limit) {
        var params = new MapSqlParameterSource("lon", lon).addValue("lat", lat).addValue("reach", reachM).addValue("limit", limit);
        return jdbc.query(STOPS_NEAR, params, (rs, i) -> new Stop(rs.getString("source"), rs.getString("stop_id"),
                rs.getString("name"), (Integer) rs.getObject("wheelchair_boarding", Integer.class), rs.getDouble("lon"),
                rs.getDouble("lat"), rs.getDouble("metres")));
    }

    List<Ride> nextDepartures(List<Stop> starts, List<Stop> ends, LocalDate date, int afterS, int limit) {
        var params = stops(starts, ends).addValue("date", date).addValue("after_s", afterS).addValue("limit", limit);
        return jdbc.query(NEXT_DEPARTURES, params, (rs, i) -> new Ride(rs.getString("source"), rs.getString("trip_id"),
                rs.getString("short_name"), rs.getString("long_name"), rs.getInt("route_type"), rs.getString("headsign"),
                (Integer) rs.getObject("wheelchair_accessible", Integer.class), rs.getString("board_stop"),
                rs.getString("alight_stop"), rs.getInt("departure_s"), rs.getInt("arrival_s")));
    }

    List<Service> connectingServices(List<Stop> starts, List<Stop> ends, LocalDate date) {
        return jdbc.query(CONNECTING_SERVICES, stops(starts, ends).addValue("date", date), (rs, i) -> new Service(
                rs.getString("source"), rs.getString("service_id"), rs.getBoolean("runs_on_date"), rs.getBoolean("runs_day_before")));
    }

    List<OnDemand> onDemand(Ends e, LocalDate date) {
        var params = new MapSqlParameterSource("date", date).addValue("from_lon", e.start().lon())
                .addValue("from_lat", e.start().lat()).addValue("to_lon", e.place().lon()).addValue("to_lat", e.place().lat());
        return jdbc.query(ON_DEMAND, params, (rs, i) -> new OnDemand(rs.getString("source"), rs.getString("area_id"),
                rs.getString("name"), rs.getString("trip_id"), rs.getString("short_name"), rs.getString("long_name"),
                rs.getInt("window_start_s"), rs.getInt("window_end_s"), (Integer) rs.getObject("prior_notice_min", Integer.class),
                rs.getString("booking_phone"), rs.getString("booking_url"), rs.getString("booking_message"),
                rs.getBoolean("runs_on_date")));
    }

    private static MapSqlParameterSource stops(List<Stop> starts, List<Stop> ends) {
        return new MapSqlParameterSource()
                .addValue("start_sources", starts.stream().map(Stop::source).toArray(String[]::new))
                .addValue("start_stops", starts.stream().map(Stop::stopId).toArray(String[]::new))
                .addValue("start_metres", starts.stream().mapToDouble(Stop::metres).toArray())
                .addValue("end_sources", ends.stream().map(Stop::source).toArray(String[]::new))
                .addValue("end_stops", ends.stream().map(Stop::stopId).toArray(String[]::new))
                .addValue("end_metres", ends.stream().mapToDouble(Stop::metres).toArray());
    }
}
