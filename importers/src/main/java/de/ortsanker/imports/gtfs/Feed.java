package de.ortsanker.imports.gtfs;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A GTFS feed as read and checked by {@link FeedReader}: only rows that passed, every reference between them
 * resolved. Times are seconds after the start of the service day (GTFS's "noon minus 12 h"), at most 48 h.
 */
public final class Feed {

    /** Seconds in 48 h: GTFS times go past midnight, the schema stores no later time. */
    public static final int MAX_SECONDS = 48 * 3600;

    public record Stop(String id, String name, String parent, int locationType, Integer wheelchair,
                       double lon, double lat) {
    }

    public record Route(String id, String agencyName, String shortName, String longName, int type) {
    }

    /** @param weekdays bit 0 Monday … bit 6 Sunday, as transit_services.weekdays */
    public record Service(String id, int weekdays, LocalDate start, LocalDate end) {
    }

    /** @param type 1 added, 2 removed */
    public record ServiceDate(String serviceId, LocalDate date, int type) {
    }

    public record Trip(String id, String routeId, String serviceId, String headsign, Integer wheelchair,
                       Integer bikes) {
    }

    public record StopTime(String tripId, int sequence, String stopId, int arrival, int departure, int pickup,
                           int dropOff) {
    }

    /**
     * A GTFS-Flex zone served by a trip within a window. Its outline is either the feed's own polygon
     * ({@code geoJson}) or made from the stops of its location group ({@code members}: the hull of their points,
     * buffered, see {@link #HULL_BUFFER_M}).
     */
    public record OnDemandArea(String areaId, String tripId, String name, String routeId, String serviceId,
                               int windowStart, int windowEnd, Integer priorNoticeMin, String phone, String url,
                               String message, List<Stop> members, String geoJson) {
    }

    /**
     * How far a zone made from its stops reaches beyond their hull: a RufBus serves its zone's stops, and
     * people walk to a rural stop from up to half a kilometre (the usual catchment of a bus stop in the
     * Nahverkehrspläne of rural counties is 300–600 m).
     */
    public static final int HULL_BUFFER_M = 500;

    String publisher;
    String feedVersion;
    String timezone;
    String licence;
    final Map<String, Stop> stops = new LinkedHashMap<>();
    final Map<String, Route> routes = new LinkedHashMap<>();
    final Map<String, Service> services = new LinkedHashMap<>();
    final List<ServiceDate> serviceDates = new ArrayList<>();
    final Map<String, Trip> trips = new LinkedHashMap<>();
    final List<StopTime> stopTimes = new ArrayList<>();
    final List<OnDemandArea> onDemandAreas = new ArrayList<>();
    String feedId;

    public String publisher() {
        return publisher;
    }

    /** feed_info.feed_id, when the feed names itself. */
    public String feedId() {
        return feedId;
    }

    public String feedVersion() {
        return feedVersion;
    }

    public String timezone() {
        return timezone;
    }

    /** The licence the feed says it has (its LICENSE file), or null. */
    public String licence() {
        return licence;
    }

    public Iterable<Stop> stops() {
        return stops.values();
    }

    public Iterable<Route> routes() {
        return routes.values();
    }

    public Iterable<Service> services() {
        return services.values();
    }

    public List<ServiceDate> serviceDates() {
        return serviceDates;
    }

    public Iterable<Trip> trips() {
        return trips.values();
    }

    public List<StopTime> stopTimes() {
        return stopTimes;
    }

    public List<OnDemandArea> onDemandAreas() {
        return onDemandAreas;
    }

    public int stopCount() {
        return stops.size();
    }

    public int routeCount() {
        return routes.size();
    }

    public int serviceCount() {
        return services.size();
    }

    public int tripCount() {
        return trips.size();
    }

    /** The first and last day any service runs by its calendar or its added dates; null without any. */
    public LocalDate validFrom() {
        LocalDate min = null;
        for (Service s : services.values()) {
            min = min(min, s.start());
        }
        for (ServiceDate d : serviceDates) {
            if (d.type() == 1) {
                min = min(min, d.date());
            }
        }
        return min;
    }

    public LocalDate validTo() {
        LocalDate max = null;
        for (Service s : services.values()) {
            max = s.end() == null ? max : max == null || s.end().isAfter(max) ? s.end() : max;
        }
        for (ServiceDate d : serviceDates) {
            if (d.type() == 1 && (max == null || d.date().isAfter(max))) {
                max = d.date();
            }
        }
        return max;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return b == null ? a : a == null || b.isBefore(a) ? b : a;
    }
}
