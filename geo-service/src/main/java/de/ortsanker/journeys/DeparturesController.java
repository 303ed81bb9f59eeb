package de.ortsanker.journeys;

import de.ortsanker.problem.InvalidParameter;
import de.ortsanker.routing.Network;
import de.ortsanker.routing.Networks;
import de.ortsanker.routing.Point;
import de.ortsanker.routing.Route;
import de.ortsanker.routing.TravelMode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The next departures toward a place from the stops near the user's position or village, on a chosen day,
 * from the imported timetable — and, when there are none, why: no timetable imported, no stop near, no
 * trip between the stops at all, none on that day ("no bus on Sunday"), or none later that day.
 */
@RestController
@Tag(name = "Getting there")
class DeparturesController {

    /** How many of the start's nearest stops are considered, and of the place's. */
    private static final int STOPS = 6;
    private static final double WALK_MPS = TravelMode.WALK.accessKmh() / 3.6;

    private final Timetable timetable;
    private final EndsLookup ends;
    private final Networks networks;
    private final JourneySettings settings;
    private final Clock clock = Clock.system(WayController.BERLIN);

    DeparturesController(Timetable timetable, EndsLookup ends, Networks networks, JourneySettings settings) {
        this.timetable = timetable;
        this.ends = ends;
        this.networks = networks;
        this.settings = settings;
    }

    @GetMapping(path = "/places/{id}/departures", produces = "application/json")
    @Operation(summary = "The next departures toward a place, from the stops near a position or village",
            description = "From the imported GTFS timetable: trips that leave one of the stops nearest to the start"
                    + " (within `start_reach_m`) on `date` at or after `after`, and later stop within `place_reach_m` of"
                    + " the place — with stop names, the walk to the stop (along the walking network when it is built,"
                    + " else in a straight line), departure and arrival, route, headsign and wheelchair information."
                    + " `status` says why there are none: `no_timetable` (nothing imported), `no_stop_near_start`,"
                    + " `no_stop_near_place`, `no_connection` (no trip between these stops on any day),"
                    + " `no_service_on_day` (the timetable has trips, none on this day: \"no bus on Sunday\") or"
                    + " `no_more_departures` (none later that day). On-demand areas (RufBus) covering both ends are"
                    + " listed with their booking rules; `journey_planner` links the regional planner for the whole"
                    + " trip; `attributions` name the feeds' sources and licences.")
    Map<String, Object> departures(
            @Parameter(description = "the place's id") @PathVariable String id,
            @Parameter(description = "longitude of the start (WGS 84), with lat") @RequestParam(required = false) String lon,
            @Parameter(description = "latitude of the start (WGS 84), with lon") @RequestParam(required = false) String lat,
            @Parameter(description = "a village's id to start from instead of a position (`/places/{id}/villages`)")
            @RequestParam(required = false) String village,
            @Parameter(description = "the day, YYYY-MM-DD (default today, Europe/Berlin)") @RequestParam(required = false) String date,
            @Parameter(description = "departures at or after this time, HH:MM (default: now today, 00:00 on another day)")
            @RequestParam(required = false) String after,
            @Parameter(description = "how many departures, 1 … 20") @RequestParam(defaultValue = "5") String limit) {
        LocalDateTime now = LocalDateTime.now(clock);
        LocalDate day = date(date, now.toLocalDate());
        LocalTime from = after != null ? time(after) : day.equals(now.toLocalDate()) ? now.toLocalTime().withSecond(0).withNano(0)
                : LocalTime.MIDNIGHT;
        int max = limit(limit);
        Ends e = ends.resolve(id, lon, lat, village, now.toLocalDate());

        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("place", Map.of("id", e.placeId(), "name", String.valueOf(e.placeName()), "lon", e.place().lon(),
                "lat", e.place().lat()));
        Map<String, Object> start = new LinkedHashMap<>();
        start.put("lon", e.start().lon());
        start.put("lat", e.start().lat());
        start.put("village_id", e.villageId());
        start.put("village_name", e.startName());
        answer.put("from", start);
        answer.put("date", day.toString());
        answer.put("weekday", day.getDayOfWeek().name().toLowerCase(Locale.ROOT));
        answer.put("day_kind", day.getDayOfWeek() == DayOfWeek.SUNDAY ? "sunday"
                : day.getDayOfWeek() == DayOfWeek.SATURDAY ? "saturday" : "weekday");
        answer.put("after", from.toString());
        answer.put("start_reach_m", settings.startReachM());
        answer.put("place_reach_m", settings.placeReachM());

        List<Timetable.Feed> feeds = timetable.feeds();
        List<Timetable.Stop> starts = feeds.isEmpty() ? List.of()
                : timetable.stopsNear(e.start().lon(), e.start().lat(), settings.startReachM(), STOPS);
        List<Timetable.Stop> targets = feeds.isEmpty() ? List.of()
                : timetable.stopsNear(e.place().lon(), e.place().lat(), settings.placeReachM(), STOPS);
        List<Timetable.Ride> rides = starts.isEmpty() || targets.isEmpty() ? List.of()
                : timetable.nextDepartures(starts, targets, day, from.toSecondOfDay(), max);
        String status;
        if (feeds.isEmpty()) {
            status = "no_timetable";
        } else if (starts.isEmpty()) {
            status = "no_stop_near_start";
        } else if (targets.isEmpty()) {
            status = "no_stop_near_place";
        } else if (!rides.isEmpty()) {
            status = "departures";
        } else {
            List<Timetable.Service> services = timetable.connectingServices(starts, targets, day);
            status = services.isEmpty() ? "no_connection"
                    : services.stream().noneMatch(s -> s.runsOnDate() || s.runsDayBefore()) ? "no_service_on_day"
                    : "no_more_departures";
        }
        answer.put("status", status);

        Walks walks = new Walks(e);
        Map<String, Timetable.Stop> byId = new HashMap<>();
        starts.forEach(s -> byId.put(s.source() + "\u0000" + s.stopId(), s));
        targets.forEach(s -> byId.putIfAbsent(s.source() + "\u0000" + s.stopId(), s));
        List<Map<String, Object>> list = new ArrayList<>();
        for (Timetable.Ride r : rides) {
            Timetable.Stop board = byId.get(r.source() + "\u0000" + r.boardStop());
            Timetable.Stop alight = byId.get(r.source() + "\u0000" + r.alightStop());
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("departure", clock(r.departureS()));
            d.put("departure_at", day.atStartOfDay().plusSeconds(r.departureS()).toString());
            d.put("arrival", clock(r.arrivalS()));
            d.put("arrival_at", day.atStartOfDay().plusSeconds(r.arrivalS()).toString());
            d.put("route", r.routeShortName() != null ? r.routeShortName() : r.routeLongName());
            d.put("route_long_name", r.routeLongName());
            d.put("route_type", r.routeType());
            d.put("headsign", r.headsign());
            d.put("wheelchair_accessible", wheelchair(r.wheelchairAccessible()));
            d.put("from_stop", stop(board, walks.to(board)));
            d.put("to_stop", stop(alight, walks.from(alight)));
            d.put("trip_id", r.tripId());
            d.put("source", r.source());
            list.add(d);
        }
        answer.put("departures", list);
        answer.put("walk_basis", walks.basis());
        answer.put("stops_near_start", starts.stream().map(s -> Map.of("name", s.name(), "distance_m",
                Math.round(s.metres() * 10) / 10.0)).toList());

        List<Map<String, Object>> onDemand = new ArrayList<>();
        List<Timetable.OnDemand> areas = feeds.isEmpty() ? List.of() : timetable.onDemand(e, day);
        for (Timetable.OnDemand a : areas) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("area_id", a.areaId());
            o.put("name", a.name());
            o.put("route", a.routeShortName() != null ? a.routeShortName() : a.routeLongName());
            o.put("runs_on_date", a.runsOnDate());
            o.put("window_start", clock(a.windowStartS()));
            o.put("window_end", clock(a.windowEndS()));
            o.put("prior_notice_min", a.priorNoticeMin());
            o.put("booking_phone", a.bookingPhone());
            o.put("booking_url", a.bookingUrl());
            o.put("booking_message", a.bookingMessage());
            o.put("source", a.source());
            onDemand.add(o);
        }
        answer.put("on_demand", onDemand);

        boolean inPeriod = feeds.stream().anyMatch(f -> (f.validFrom() == null || !day.isBefore(f.validFrom()))
                && (f.validTo() == null || !day.isAfter(f.validTo())));
        answer.put("date_in_timetable_period", feeds.isEmpty() ? null : inPeriod);
        answer.put("journey_planner", Map.of("name", settings.plannerName(),
                "url", PlannerLink.make(settings.plannerUrl(), e, day, from)));
        Set<String> used = new LinkedHashSet<>();
        starts.forEach(s -> used.add(s.source()));
        targets.forEach(s -> used.add(s.source()));
        areas.forEach(a -> used.add(a.source()));
        answer.put("attributions", feeds.stream().filter(f -> used.isEmpty() || used.contains(f.source())).map(f -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("source", f.source());
            m.put("publisher", f.publisher());
            m.put("licence", f.licence());
            m.put("attribution", f.attribution());
            m.put("feed_version", f.feedVersion());
            m.put("valid_from", f.validFrom() == null ? null : f.validFrom().toString());
            m.put("valid_to", f.validTo() == null ? null : f.validTo().toString());
            return m;
        }).toList());
        return answer;
    }

    /**
     * Walks between the ends and stops: along the walking network when the start's network is built (one
     * GraphHopper route per stop, remembered), else in a straight line at walking speed.
     */
    private final class Walks {
        private final Ends ends;
        private final Optional<Network> network;
        private final Map<Timetable.Stop, double[]> toStops = new HashMap<>();
        private final Map<Timetable.Stop, double[]> fromStops = new HashMap<>();
        private boolean straight;

        Walks(Ends ends) {
            this.ends = ends;
            this.network = networks.covering(ends.start().lon(), ends.start().lat());
        }

        double[] to(Timetable.Stop s) {
            return toStops.computeIfAbsent(s, x -> walk(ends.start(), new Point(x.lon(), x.lat()), x.metres()));
        }

        double[] from(Timetable.Stop s) {
            return fromStops.computeIfAbsent(s, x -> walk(new Point(x.lon(), x.lat()), ends.place(), x.metres()));
        }

        private double[] walk(Point a, Point b, double straightMetres) {
            Route r = network.map(n -> n.route(TravelMode.WALK, a, b)).orElse(null);
            if (r == null) {
                straight = true;
                return new double[] {straightMetres, straightMetres / WALK_MPS};
            }
            return new double[] {r.metres(), r.seconds()};
        }

        String basis() {
            return toStops.isEmpty() && fromStops.isEmpty() ? null : straight ? (network.isPresent() ? "network, else straight line" : "straight line")
                    : "network";
        }
    }

    private static Map<String, Object> stop(Timetable.Stop s, double[] walk) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.stopId());
        m.put("name", s.name());
        m.put("lon", s.lon());
        m.put("lat", s.lat());
        m.put("wheelchair_boarding", wheelchair(s.wheelchairBoarding()));
        m.put("walk_m", Math.round(walk[0]));
        m.put("walk_min", (int) Math.ceil(walk[1] / 60.0));
        return m;
    }

    private static String wheelchair(Integer gtfs) {
        return gtfs == null || gtfs == 0 ? "unknown" : gtfs == 1 ? "yes" : "no";
    }

    /** Seconds after the service day's start as HH:MM; a time past midnight keeps counting (24:40), as GTFS does. */
    static String clock(int seconds) {
        return String.format(Locale.ROOT, "%02d:%02d", seconds / 3600, seconds % 3600 / 60);
    }

    private static LocalDate date(String text, LocalDate today) {
        if (text == null || text.isBlank()) {
            return today;
        }
        try {
            LocalDate d = LocalDate.parse(text.trim());
            if (d.isBefore(today.minusYears(1)) || d.isAfter(today.plusYears(2))) {
                throw new InvalidParameter("date", "'" + text + "' is more than a year back or two years ahead");
            }
            return d;
        } catch (DateTimeParseException ex) {
            throw new InvalidParameter("date", "'" + text + "' is not a date (YYYY-MM-DD)");
        }
    }

    private static LocalTime time(String text) {
        if (!text.trim().matches("([01]\\d|2[0-3]):[0-5]\\d")) {
            throw new InvalidParameter("after", "'" + text + "' is not a time of day (HH:MM, 00:00 … 23:59)");
        }
        return LocalTime.parse(text.trim());
    }

    private static int limit(String text) {
        try {
            int v = Integer.parseInt(text.trim());
            if (v >= 1 && v <= 20) {
                return v;
            }
        } catch (NumberFormatException ex) {
            // answered below
        }
        throw new InvalidParameter("limit", "'" + text + "' must be a whole number 1 … 20");
    }
}
