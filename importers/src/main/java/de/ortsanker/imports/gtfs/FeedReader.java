package de.ortsanker.imports.gtfs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.ortsanker.imports.ImportFailure;
import de.ortsanker.imports.Origin;
import de.ortsanker.imports.Problem;
import de.ortsanker.imports.table.CsvTable;
import de.ortsanker.imports.table.Table;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads and checks a GTFS feed (and its GTFS-Flex v2 parts) into a {@link Feed}.
 *
 * <p>What is wrong with the feed <em>as a whole</em> throws {@link ImportFailure} and nothing is imported: a
 * required file or column missing, bytes that are not UTF-8, a malformed CSV, a broken or hostile archive
 * ({@link FeedFiles}), a feed without a single usable trip. What is wrong with a <em>row</em> is reported
 * (file, line, field, why) as a rejection and the row left out, with what depends on it: a stop, route or
 * service with a bad value, a repeated id (the first row stays), a trip naming an unknown route or service, a
 * stop time naming an unknown stop, or a trip whose times are malformed, past 48 h, decreasing or missing at
 * its ends — the whole trip is rejected, never half of it. The import job then refuses the feed unless the
 * rejections are within {@code --max-errors} (for a timetable 0 by default: a missing trip is a bus someone
 * waits for in vain), so by default any such problem also changes nothing.
 *
 * <p>Empty times between timepoints (GTFS allows them) are interpolated linearly by the straight-line distance
 * between the trip's stops, as the GTFS reference suggests for consumers; counted in {@code stop_times.interpolated}.
 */
public final class FeedReader {

    /** Where a stop may be; null for all. */
    public interface StopArea {
        boolean contains(double lon, double lat);
    }

    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> WEEKDAYS =
            List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");

    private final FeedFiles files;
    private final Consumer<Problem> problems;
    private final StopArea area;
    private final Map<String, Long> stats = new LinkedHashMap<>();
    private final Feed feed = new Feed();
    private long rejected;

    public FeedReader(FeedFiles files, Consumer<Problem> problems, StopArea area) {
        this.files = files;
        this.problems = problems;
        this.area = area;
    }

    /** Counters: rows read per file, interpolated times, stops outside the area … */
    public Map<String, Long> stats() {
        return stats;
    }

    /** Rows rejected (each reported). */
    public long rejected() {
        return rejected;
    }

    /** What a feed says about itself, read before the run starts: its name, licence and publisher. */
    public record Identity(String name, String licence, String publisher) {
    }

    /** The feed's name (feed_info's feed_id, else its publisher), its licence (a LICENSE file) and publisher. */
    public static Identity identity(FeedFiles files) throws IOException {
        var reader = new FeedReader(files, p -> { }, null);
        reader.readLicence();
        reader.readFeedInfo();
        if (files.has("agency.txt")) {
            reader.readAgencies();
        }
        Feed f = reader.feed;
        return new Identity(f.feedId != null ? f.feedId : f.publisher, f.licence, f.publisher);
    }

    public Feed read() throws IOException {
        for (String required : List.of("agency.txt", "stops.txt", "routes.txt", "trips.txt", "stop_times.txt")) {
            if (!files.has(required)) {
                throw new ImportFailure(required + ": missing; a GTFS feed needs agency.txt, stops.txt, routes.txt,"
                        + " trips.txt, stop_times.txt and calendar.txt or calendar_dates.txt. Nothing was changed");
            }
        }
        if (!files.has("calendar.txt") && !files.has("calendar_dates.txt")) {
            throw new ImportFailure("calendar.txt and calendar_dates.txt: both missing; a feed needs one of them to"
                    + " say when its trips run. Nothing was changed");
        }
        readLicence();
        readFeedInfo();
        Map<String, String> agencies = readAgencies();
        readStops();
        Map<String, Group> groups = readLocationGroups();
        Map<String, String[]> locations = readLocations();
        readRoutes(agencies);
        readCalendar();
        readCalendarDates();
        readTrips();
        Map<String, String[]> bookingRules = readBookingRules();
        readStopTimes(groups, locations, bookingRules);
        if (area != null) {
            dropUnused();
        }
        if (feed.trips.isEmpty() || feed.stopTimes.isEmpty() && feed.onDemandAreas.isEmpty()) {
            throw new ImportFailure("the feed holds no trip with usable stop times" + (area == null ? ""
                    : " within the area") + "; an empty timetable would remove the county's buses. Nothing was changed");
        }
        return feed;
    }

    // ---- files -------------------------------------------------------------------------------------------

    /** A CSV file of the feed, its required columns checked. */
    private final class Rows implements AutoCloseable {
        final String file;
        final Table table;
        Table.Row row;

        Rows(String file, String... required) throws IOException {
            this.file = file;
            InputStream in = files.open(file);
            try {
                // UTF-8, strictly; a byte order mark is skipped (null: the default, with the mark honoured).
                this.table = new CsvTable(file, in, null, ',');
            } catch (ImportFailure e) {
                in.close();
                throw new ImportFailure(e.getMessage() + ". Nothing was changed");
            }
            for (String c : required) {
                if (!table.header().contains(c)) {
                    close();
                    throw new ImportFailure(file + ": lacks the required column " + c + " (its columns: "
                            + String.join(", ", table.header()) + "). Nothing was changed");
                }
            }
        }

        boolean next() throws IOException {
            try {
                row = table.next();
            } catch (ImportFailure e) {
                throw new ImportFailure(e.getMessage() + ". Nothing was changed");
            }
            if (row != null) {
                stats.merge(file.replace(".txt", "") + ".read", 1L, Long::sum);
                if (row.problem() != null) {
                    reject(null, row.problem());
                    return next();
                }
            }
            return row != null;
        }

        String get(String column) {
            Object v = row.values().get(column);
            return v == null ? null : v.toString().strip().isEmpty() ? null : v.toString().strip();
        }

        boolean has(String column) {
            return table.header().contains(column);
        }

        Origin origin() {
            return Origin.line(file, row.line());
        }

        /** Reports the current row as rejected. */
        void reject(String field, String reason) {
            rejected++;
            problems.accept(origin().problem(field, reason, Problem.Action.REJECTED));
        }

        void note(String field, String reason) {
            problems.accept(origin().problem(field, reason, Problem.Action.NOTE));
        }

        /** A required value; null (and the row rejected) when missing. */
        String required(String column) {
            String v = get(column);
            if (v == null) {
                reject(column, column + " is empty; it is required");
            }
            return v;
        }

        /** An optional small whole number within [min, max]; empty is {@code empty}. Throws Bad when invalid. */
        Integer code(String column, int min, int max, Integer empty) {
            String v = get(column);
            if (v == null) {
                return empty;
            }
            try {
                int n = Integer.parseInt(v);
                if (n >= min && n <= max) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new Bad(column, "\"" + v + "\" is not one of " + min + "–" + max);
        }

        LocalDate date(String column, boolean required) {
            String v = get(column);
            if (v == null) {
                if (required) {
                    throw new Bad(column, column + " is empty; it is required");
                }
                return null;
            }
            try {
                return LocalDate.parse(v, YYYYMMDD);
            } catch (DateTimeParseException e) {
                throw new Bad(column, "\"" + v + "\" is not a date as YYYYMMDD");
            }
        }

        @Override
        public void close() throws IOException {
            table.close();
        }
    }

    /** A bad value that rejects its row. */
    private static final class Bad extends RuntimeException {
        final String field;

        Bad(String field, String message) {
            super(message, null, false, false);
            this.field = field;
        }
    }

    // ---- the files, in dependency order ------------------------------------------------------------------

    private void readLicence() throws IOException {
        for (String name : files.names()) {
            if (name.toUpperCase().startsWith("LICENSE") || name.toUpperCase().startsWith("LICENCE")) {
                try (InputStream in = files.open(name)) {
                    String text = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
                    if (text.contains("CC0 1.0")) {
                        feed.licence = "CC0-1.0";
                    } else if (text.contains("Open Database License")) {
                        feed.licence = "ODbL-1.0";
                    } else if (text.contains("Attribution 4.0") || text.contains("CC BY 4.0")) {
                        feed.licence = "CC-BY-4.0";
                    } else if (text.contains("Datenlizenz Deutschland")) {
                        feed.licence = "dl-de/by-2-0";
                    }
                }
            }
        }
    }

    private void readFeedInfo() throws IOException {
        if (!files.has("feed_info.txt")) {
            return;
        }
        try (var r = new Rows("feed_info.txt")) {
            if (r.next()) {
                feed.publisher = r.get("feed_publisher_name");
                feed.feedVersion = r.get("feed_version");
                feed.feedId = r.get("feed_id");
            }
        }
    }

    private Map<String, String> readAgencies() throws IOException {
        Map<String, String> names = new LinkedHashMap<>();
        try (var r = new Rows("agency.txt", "agency_name")) {
            while (r.next()) {
                String name = r.required("agency_name");
                if (name == null) {
                    continue;
                }
                String id = r.get("agency_id") == null ? "" : r.get("agency_id");
                if (names.containsKey(id)) {
                    r.reject("agency_id", "agency_id \"" + id + "\" repeats an earlier row");
                    continue;
                }
                names.put(id, name);
                if (feed.timezone == null) {
                    feed.timezone = r.get("agency_timezone");
                }
            }
        }
        if (names.isEmpty()) {
            throw new ImportFailure("agency.txt: holds no agency. Nothing was changed");
        }
        if (feed.publisher == null) {
            feed.publisher = String.join(", ", names.values());
        }
        return names;
    }

    private void readStops() throws IOException {
        Map<String, Long> lines = new HashMap<>();
        try (var r = new Rows("stops.txt", "stop_id", "stop_name", "stop_lat", "stop_lon")) {
            while (r.next()) {
                String id = r.required("stop_id");
                if (id == null) {
                    continue;
                }
                if (lines.containsKey(id)) {
                    r.reject("stop_id", "stop_id \"" + id + "\" repeats line " + lines.get(id));
                    continue;
                }
                lines.put(id, r.row.line());
                try {
                    int type = r.code("location_type", 0, 4, 0);
                    if (type >= 3 && (r.get("stop_lat") == null || r.get("stop_lon") == null)) {
                        // Entrances' generic nodes and boarding areas without a position: not needed to route.
                        stats.merge("stops.without_position", 1L, Long::sum);
                        continue;
                    }
                    double lat = coordinate(r, "stop_lat", 90);
                    double lon = coordinate(r, "stop_lon", 180);
                    if (lat == 0 && lon == 0) {
                        throw new Bad("stop_lat", "0, 0 is no position (a stop without coordinates?)");
                    }
                    String name = r.get("stop_name");
                    if (name == null) {
                        if (type <= 2) {
                            throw new Bad("stop_name", "stop_name is empty; it is required for stops and stations");
                        }
                        name = id;
                    }
                    Integer wheelchair = r.code("wheelchair_boarding", 0, 2, null);
                    if (area != null && !area.contains(lon, lat)) {
                        stats.merge("area.outside", 1L, Long::sum);
                        continue;
                    }
                    feed.stops.put(id, new Feed.Stop(id, name, r.get("parent_station"), type, wheelchair, lon, lat));
                } catch (Bad b) {
                    r.reject(b.field, b.getMessage());
                }
            }
        }
    }

    private static double coordinate(Rows r, String column, double limit) {
        String v = r.get(column);
        if (v == null) {
            throw new Bad(column, column + " is empty; it is required");
        }
        double d;
        try {
            d = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new Bad(column, "\"" + v + "\" is not a number");
        }
        if (!Double.isFinite(d) || Math.abs(d) > limit) {
            throw new Bad(column, v + " is outside -" + (int) limit + "…" + (int) limit + " degrees");
        }
        return d;
    }

    /** A GTFS-Flex location group: its name and member stops. */
    private record Group(String name, List<Feed.Stop> members) {
    }

    private Map<String, Group> readLocationGroups() throws IOException {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, List<Feed.Stop>> members = new LinkedHashMap<>();
        if (files.has("location_groups.txt")) {
            try (var r = new Rows("location_groups.txt", "location_group_id")) {
                // The draft that bbnavi's feed follows lists members here (location_id); v2 in location_group_stops.txt.
                String member = r.has("location_id") ? "location_id" : r.has("stop_id") ? "stop_id" : null;
                while (r.next()) {
                    String id = r.required("location_group_id");
                    if (id == null) {
                        continue;
                    }
                    if (r.get("location_group_name") != null) {
                        names.putIfAbsent(id, r.get("location_group_name"));
                    }
                    names.putIfAbsent(id, null);
                    if (member != null) {
                        addMember(r, member, id, members);
                    }
                }
            }
        }
        if (files.has("location_group_stops.txt")) {
            try (var r = new Rows("location_group_stops.txt", "location_group_id", "stop_id")) {
                while (r.next()) {
                    String id = r.required("location_group_id");
                    if (id != null) {
                        names.putIfAbsent(id, null);
                        addMember(r, "stop_id", id, members);
                    }
                }
            }
        }
        Map<String, Group> groups = new LinkedHashMap<>();
        names.forEach((id, name) -> groups.put(id, new Group(name, members.getOrDefault(id, List.of()))));
        return groups;
    }

    private void addMember(Rows r, String column, String group, Map<String, List<Feed.Stop>> members) {
        String stopId = r.required(column);
        if (stopId == null) {
            return;
        }
        Feed.Stop stop = feed.stops.get(stopId);
        if (stop == null) {
            if (area == null) {
                r.reject(column, "stop \"" + stopId + "\" is not in stops.txt (or was rejected there)");
            }
            return;
        }
        members.computeIfAbsent(group, g -> new ArrayList<>()).add(stop);
    }

    /** locations.geojson: id → {name, geometry as GeoJSON}. */
    private Map<String, String[]> readLocations() throws IOException {
        Map<String, String[]> locations = new LinkedHashMap<>();
        if (!files.has("locations.geojson")) {
            return locations;
        }
        JsonNode root;
        try (InputStream in = files.open("locations.geojson")) {
            root = JSON.readTree(in);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ImportFailure("locations.geojson: not valid JSON (line " + e.getLocation().getLineNr() + ": "
                    + e.getOriginalMessage() + "). Nothing was changed");
        }
        JsonNode features = root == null ? null : root.get("features");
        if (features == null || !features.isArray()) {
            throw new ImportFailure("locations.geojson: not a FeatureCollection. Nothing was changed");
        }
        for (int i = 0; i < features.size(); i++) {
            JsonNode f = features.get(i);
            Origin o = Origin.feature("locations.geojson", i + 1);
            String id = f.path("id").asText(null);
            JsonNode g = f.get("geometry");
            String type = g == null ? null : g.path("type").asText();
            if (id == null || id.isBlank()) {
                reject(o, "id", "a location needs an id");
            } else if (!"Polygon".equals(type) && !"MultiPolygon".equals(type)) {
                reject(o, "geometry", "a location is a Polygon or MultiPolygon, not " + type);
            } else if (locations.containsKey(id)) {
                reject(o, "id", "id \"" + id + "\" repeats an earlier feature");
            } else {
                locations.put(id, new String[] {f.path("properties").path("stop_name").asText(null), g.toString()});
            }
        }
        return locations;
    }

    private void reject(Origin o, String field, String reason) {
        rejected++;
        problems.accept(o.problem(field, reason, Problem.Action.REJECTED));
    }

    private void readRoutes(Map<String, String> agencies) throws IOException {
        Map<String, Long> lines = new HashMap<>();
        try (var r = new Rows("routes.txt", "route_id", "route_type")) {
            while (r.next()) {
                String id = r.required("route_id");
                if (id == null) {
                    continue;
                }
                if (lines.containsKey(id)) {
                    r.reject("route_id", "route_id \"" + id + "\" repeats line " + lines.get(id));
                    continue;
                }
                lines.put(id, r.row.line());
                try {
                    String agencyId = r.get("agency_id");
                    String agency;
                    if (agencyId == null) {
                        if (agencies.size() > 1) {
                            throw new Bad("agency_id", "agency_id is empty; it is required when the feed has several"
                                    + " agencies");
                        }
                        agency = agencies.values().iterator().next();
                    } else {
                        agency = agencies.get(agencyId);
                        if (agency == null && agencies.size() == 1 && agencies.containsKey("")) {
                            agency = agencies.get("");
                        }
                        if (agency == null) {
                            throw new Bad("agency_id", "agency \"" + agencyId + "\" is not in agency.txt");
                        }
                    }
                    String type = r.get("route_type");
                    int t;
                    try {
                        t = Integer.parseInt(type == null ? "" : type);
                    } catch (NumberFormatException e) {
                        throw new Bad("route_type", "\"" + type + "\" is not a route type (a number: 3 bus, 2 rail …)");
                    }
                    if (!(t >= 0 && t <= 12 || t >= 100 && t <= 1799)) {
                        throw new Bad("route_type", t + " is not a GTFS route type (0–12, or 100–1799 extended)");
                    }
                    String shortName = r.get("route_short_name");
                    String longName = r.get("route_long_name");
                    if (shortName == null && longName == null) {
                        throw new Bad("route_short_name", "route_short_name and route_long_name are both empty;"
                                + " one is required");
                    }
                    feed.routes.put(id, new Feed.Route(id, agency, shortName, longName, t));
                } catch (Bad b) {
                    r.reject(b.field, b.getMessage());
                }
            }
        }
    }

    private final Set<String> rejectedServices = new HashSet<>();

    private void readCalendar() throws IOException {
        if (!files.has("calendar.txt")) {
            return;
        }
        Map<String, Long> lines = new HashMap<>();
        List<String> required = new ArrayList<>(List.of("service_id", "start_date", "end_date"));
        required.addAll(WEEKDAYS);
        try (var r = new Rows("calendar.txt", required.toArray(String[]::new))) {
            while (r.next()) {
                String id = r.required("service_id");
                if (id == null) {
                    continue;
                }
                if (lines.containsKey(id)) {
                    r.reject("service_id", "service_id \"" + id + "\" repeats line " + lines.get(id));
                    continue;
                }
                lines.put(id, r.row.line());
                try {
                    int weekdays = 0;
                    for (int d = 0; d < 7; d++) {
                        Integer on = r.code(WEEKDAYS.get(d), 0, 1, null);
                        if (on == null) {
                            throw new Bad(WEEKDAYS.get(d), WEEKDAYS.get(d) + " is empty; 1 or 0 is required");
                        }
                        weekdays |= on << d;
                    }
                    LocalDate start = r.date("start_date", true);
                    LocalDate end = r.date("end_date", true);
                    if (end.isBefore(start)) {
                        throw new Bad("end_date", "ends (" + end + ") before it starts (" + start + ")");
                    }
                    feed.services.put(id, new Feed.Service(id, weekdays, start, end));
                } catch (Bad b) {
                    rejectedServices.add(id);
                    r.reject(b.field, b.getMessage());
                }
            }
        }
    }

    private void readCalendarDates() throws IOException {
        if (!files.has("calendar_dates.txt")) {
            return;
        }
        Map<String, Long> lines = new HashMap<>();
        try (var r = new Rows("calendar_dates.txt", "service_id", "date", "exception_type")) {
            while (r.next()) {
                String id = r.required("service_id");
                if (id == null) {
                    continue;
                }
                try {
                    if (rejectedServices.contains(id)) {
                        throw new Bad("service_id", "service \"" + id + "\" was rejected in calendar.txt");
                    }
                    LocalDate date = r.date("date", true);
                    Integer type = r.code("exception_type", 1, 2, null);
                    if (type == null) {
                        throw new Bad("exception_type", "exception_type is empty; 1 (added) or 2 (removed) is required");
                    }
                    String key = id + "\u0000" + date;
                    if (lines.containsKey(key)) {
                        throw new Bad("date", "service \"" + id + "\" on " + date + " repeats line " + lines.get(key));
                    }
                    lines.put(key, r.row.line());
                    // A service only in calendar_dates.txt runs on its added dates alone.
                    feed.services.putIfAbsent(id, new Feed.Service(id, 0, null, null));
                    feed.serviceDates.add(new Feed.ServiceDate(id, date, type));
                } catch (Bad b) {
                    r.reject(b.field, b.getMessage());
                }
            }
        }
    }

    private void readTrips() throws IOException {
        Map<String, Long> lines = new HashMap<>();
        try (var r = new Rows("trips.txt", "route_id", "service_id", "trip_id")) {
            while (r.next()) {
                String id = r.required("trip_id");
                if (id == null) {
                    continue;
                }
                if (lines.containsKey(id)) {
                    r.reject("trip_id", "trip_id \"" + id + "\" repeats line " + lines.get(id));
                    continue;
                }
                lines.put(id, r.row.line());
                try {
                    String route = r.get("route_id");
                    if (route == null || !feed.routes.containsKey(route)) {
                        throw new Bad("route_id", route == null ? "route_id is empty; it is required"
                                : "route \"" + route + "\" is not in routes.txt (or was rejected there)");
                    }
                    String service = r.get("service_id");
                    if (service == null || !feed.services.containsKey(service)) {
                        throw new Bad("service_id", service == null ? "service_id is empty; it is required"
                                : "service \"" + service + "\" is in neither calendar.txt nor calendar_dates.txt"
                                + " (or was rejected there)");
                    }
                    feed.trips.put(id, new Feed.Trip(id, route, service, r.get("trip_headsign"),
                            r.code("wheelchair_accessible", 0, 2, null), r.code("bikes_allowed", 0, 2, null)));
                } catch (Bad b) {
                    r.reject(b.field, b.getMessage());
                }
            }
        }
    }

    /** booking_rules.txt: id → {prior notice in minutes, phone, url, message}. */
    private Map<String, String[]> readBookingRules() throws IOException {
        Map<String, String[]> rules = new HashMap<>();
        if (!files.has("booking_rules.txt")) {
            return rules;
        }
        try (var r = new Rows("booking_rules.txt", "booking_rule_id")) {
            while (r.next()) {
                String id = r.required("booking_rule_id");
                if (id == null) {
                    continue;
                }
                if (rules.containsKey(id)) {
                    r.reject("booking_rule_id", "booking_rule_id \"" + id + "\" repeats an earlier row");
                    continue;
                }
                String notice = r.get("prior_notice_duration_min");
                if (notice != null && !notice.matches("\\d{1,6}")) {
                    r.reject("prior_notice_duration_min", "\"" + notice + "\" is not a number of minutes");
                    continue;
                }
                String url = r.get("booking_url") != null ? r.get("booking_url") : r.get("info_url");
                rules.put(id, new String[] {notice, r.get("phone_number"), url, r.get("message")});
            }
        }
        return rules;
    }

    /** A stop time as read, before its trip is checked as a whole. */
    private record Row(long line, int sequence, String stopId, Integer arrival, Integer departure, int pickup,
                       int dropOff) {
    }

    private void readStopTimes(Map<String, Group> groups, Map<String, String[]> locations,
                               Map<String, String[]> bookingRules) throws IOException {
        Map<String, List<Row>> byTrip = new LinkedHashMap<>();
        Set<String> badTrips = new HashSet<>();
        Set<String> flexTrips = new HashSet<>();
        Set<String> areaKeys = new HashSet<>();
        Set<String> unknownTrips = new HashSet<>();
        try (var r = new Rows("stop_times.txt", "trip_id")) {
            boolean flexColumns = r.has("location_group_id") || r.has("location_id");
            if (!flexColumns && !r.has("stop_id")) {
                throw new ImportFailure("stop_times.txt: lacks the required column stop_id. Nothing was changed");
            }
            if (!r.has("stop_sequence")) {
                throw new ImportFailure("stop_times.txt: lacks the required column stop_sequence. Nothing was changed");
            }
            while (r.next()) {
                String tripId = r.required("trip_id");
                if (tripId == null) {
                    continue;
                }
                Feed.Trip trip = feed.trips.get(tripId);
                try {
                    if (trip == null && !unknownTrips.add(tripId)) {
                        // Reported with the trip's first stop time: a rejected trip is one rejection, not one per stop.
                        stats.merge("stop_times.of_unknown_trips", 1L, Long::sum);
                        continue;
                    }
                    if (trip == null) {
                        throw new Bad("trip_id", "trip \"" + tripId + "\" is not in trips.txt (or was rejected there)");
                    }
                    String stopId = r.get("stop_id");
                    String groupId = r.get("location_group_id");
                    String locationId = r.get("location_id");
                    if (stopId != null && groups.containsKey(stopId)) {
                        groupId = stopId;    // the draft of GTFS-Flex that named the group in stop_id
                    } else if (stopId != null && locations.containsKey(stopId)) {
                        locationId = stopId;
                    }
                    String windowStart = first(r, "start_pickup_drop_off_window", "start_pickup_dropoff_window");
                    String windowEnd = first(r, "end_pickup_drop_off_window", "end_pickup_dropoff_window");
                    if (groupId != null || locationId != null || windowStart != null || windowEnd != null) {
                        flexTrips.add(tripId);
                        onDemand(r, trip, groupId, locationId, windowStart, windowEnd, groups, locations, bookingRules,
                                areaKeys);
                        continue;
                    }
                    int sequence = sequence(r);
                    if (stopId == null) {
                        throw new Bad("stop_id", "stop_id is empty; it is required");
                    }
                    Feed.Stop stop = feed.stops.get(stopId);
                    if (stop == null) {
                        if (area != null && !badTrips.contains(tripId)) {
                            // Outside the county: the trip's stops within it stay, this one is left out.
                            stats.merge("stop_times.outside", 1L, Long::sum);
                            continue;
                        }
                        throw new Bad("stop_id", "stop \"" + stopId + "\" is not in stops.txt (or was rejected there)");
                    }
                    if (stop.locationType() != 0) {
                        throw new Bad("stop_id", "\"" + stopId + "\" is a station or entrance (location_type "
                                + stop.locationType() + "), not a stop a vehicle serves");
                    }
                    Integer arrival = time(r, "arrival_time");
                    Integer departure = time(r, "departure_time");
                    if ("1".equals(r.get("timepoint")) && (arrival == null || departure == null)) {
                        throw new Bad(arrival == null ? "arrival_time" : "departure_time",
                                "a timepoint (timepoint 1) needs its times");
                    }
                    int pickup = r.code("pickup_type", 0, 3, 0);
                    int dropOff = r.code("drop_off_type", 0, 3, 0);
                    if (!badTrips.contains(tripId)) {
                        byTrip.computeIfAbsent(tripId, t -> new ArrayList<>())
                                .add(new Row(r.row.line(), sequence, stopId, arrival, departure, pickup, dropOff));
                    }
                } catch (Bad b) {
                    r.reject(b.field, b.getMessage() + (trip == null ? "" : "; trip \"" + tripId + "\" is rejected"));
                    if (trip != null) {
                        badTrips.add(tripId);
                        byTrip.remove(tripId);
                    }
                }
            }
        }
        long interpolated = 0;
        for (var e : byTrip.entrySet()) {
            if (!badTrips.contains(e.getKey())) {
                interpolated += trip(e.getKey(), e.getValue(), badTrips);
            }
        }
        if (interpolated > 0) {
            stats.put("stop_times.interpolated", interpolated);
        }
        for (String tripId : List.copyOf(feed.trips.keySet())) {
            if (badTrips.contains(tripId)) {
                feed.trips.remove(tripId);
            } else if (!byTrip.containsKey(tripId) && !flexTrips.contains(tripId)) {
                if (area != null) {
                    stats.merge("trips.outside", 1L, Long::sum);
                } else {
                    rejected++;
                    problems.accept(new Problem("trips.txt", null, null, null, "trip_id", "trip \"" + tripId
                            + "\" has no stop times", Problem.Action.REJECTED));
                }
                feed.trips.remove(tripId);
            }
        }
        // Areas of rejected trips go with them.
        feed.onDemandAreas.removeIf(a -> !feed.trips.containsKey(a.tripId()));
    }

    private static String first(Rows r, String... columns) {
        for (String c : columns) {
            if (r.get(c) != null) {
                return r.get(c);
            }
        }
        return null;
    }

    private static int sequence(Rows r) {
        String v = r.get("stop_sequence");
        if (v == null) {
            throw new Bad("stop_sequence", "stop_sequence is empty; it is required");
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new Bad("stop_sequence", "\"" + v + "\" is not a whole number 0 or more");
    }

    /** A GTFS time (H:MM:SS, hours past 24 for trips past midnight) in seconds; null when empty. */
    static Integer time(Rows r, String column) {
        String v = r.get(column);
        if (v == null) {
            return null;
        }
        Integer s = seconds(v);
        if (s == null) {
            throw new Bad(column, "\"" + v + "\" is not a time as HH:MM:SS");
        }
        if (s > Feed.MAX_SECONDS) {
            throw new Bad(column, v + " is more than 48 hours after the service day's start");
        }
        return s;
    }

    /** H:MM:SS or HH:MM:SS (any hour count) in seconds, or null when malformed. */
    static Integer seconds(String v) {
        int c1 = v.indexOf(':');
        int c2 = v.indexOf(':', c1 + 1);
        if (c1 < 1 || c2 != c1 + 3 || v.length() != c2 + 3 || c1 > 3) {
            return null;
        }
        try {
            int h = Integer.parseInt(v.substring(0, c1));
            int m = Integer.parseInt(v.substring(c1 + 1, c2));
            int s = Integer.parseInt(v.substring(c2 + 1));
            if (h < 0 || m < 0 || m > 59 || s < 0 || s > 59 || v.charAt(0) == '+' || v.charAt(c1 + 1) == '+'
                    || v.charAt(c2 + 1) == '+') {
                return null;
            }
            return h * 3600 + m * 60 + s;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Checks one trip's stop times as a whole and adds them; returns how many times it interpolated. */
    private int trip(String tripId, List<Row> rows, Set<String> badTrips) {
        rows.sort(Comparator.comparingInt(Row::sequence));
        for (int i = 1; i < rows.size(); i++) {
            if (rows.get(i).sequence() == rows.get(i - 1).sequence()) {
                return rejectTrip(tripId, rows.get(i), "stop_sequence", "stop_sequence " + rows.get(i).sequence()
                        + " repeats line " + rows.get(i - 1).line() + " of the same trip", badTrips);
            }
        }
        if (rows.size() < 2) {
            if (area != null) {
                stats.merge("trips.outside", 1L, Long::sum);
                badTrips.add(tripId);
                return 0;
            }
            return rejectTrip(tripId, rows.get(0), "trip_id", "a trip needs at least two stop times", badTrips);
        }
        int n = rows.size();
        int[] arr = new int[n];
        int[] dep = new int[n];
        boolean[] known = new boolean[n];
        for (int i = 0; i < n; i++) {
            Row row = rows.get(i);
            Integer a = row.arrival() != null ? row.arrival() : row.departure();
            Integer d = row.departure() != null ? row.departure() : row.arrival();
            known[i] = a != null;
            if (known[i]) {
                arr[i] = a;
                dep[i] = d;
            }
        }
        for (int end : new int[] {0, n - 1}) {
            if (!known[end]) {
                return rejectTrip(tripId, rows.get(end), "arrival_time", "the " + (end == 0 ? "first" : "last")
                        + " stop of a trip needs its times", badTrips);
            }
        }
        int previous = -1;
        for (int i = 0; i < n; i++) {
            if (!known[i]) {
                continue;
            }
            if (dep[i] < arr[i]) {
                return rejectTrip(tripId, rows.get(i), "departure_time", "departs (" + hms(dep[i])
                        + ") before it arrives (" + hms(arr[i]) + ")", badTrips);
            }
            if (previous >= 0 && arr[i] < dep[previous]) {
                return rejectTrip(tripId, rows.get(i), "arrival_time", "arrives (" + hms(arr[i])
                        + ") before the trip leaves the stop before it (" + hms(dep[previous]) + ", line "
                        + rows.get(previous).line() + "): times decrease", badTrips);
            }
            previous = i;
        }
        int interpolated = interpolate(rows, arr, dep, known);
        for (int i = 0; i < n; i++) {
            Row row = rows.get(i);
            feed.stopTimes.add(new Feed.StopTime(tripId, row.sequence(), row.stopId(), arr[i], dep[i], row.pickup(),
                    row.dropOff()));
        }
        return interpolated;
    }

    /** Fills times between timepoints in proportion to the straight-line distance travelled. */
    private int interpolate(List<Row> rows, int[] arr, int[] dep, boolean[] known) {
        int n = rows.size();
        double[] along = new double[n];
        for (int i = 1; i < n; i++) {
            Feed.Stop a = feed.stops.get(rows.get(i - 1).stopId());
            Feed.Stop b = feed.stops.get(rows.get(i).stopId());
            along[i] = along[i - 1] + metres(a.lon(), a.lat(), b.lon(), b.lat());
        }
        int count = 0;
        int from = 0;
        for (int i = 1; i < n; i++) {
            if (!known[i]) {
                continue;
            }
            for (int k = from + 1; k < i; k++) {
                double share = along[i] > along[from] ? (along[k] - along[from]) / (along[i] - along[from])
                        : (double) (k - from) / (i - from);
                arr[k] = dep[k] = dep[from] + (int) Math.round((arr[i] - dep[from]) * share);
                count++;
            }
            from = i;
        }
        return count;
    }


    private static double metres(double lon1, double lat1, double lon2, double lat2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double h = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
    }

    private int rejectTrip(String tripId, Row row, String field, String reason, Set<String> badTrips) {
        rejected++;
        badTrips.add(tripId);
        problems.accept(Origin.line("stop_times.txt", row.line()).problem(field, reason + "; trip \"" + tripId
                + "\" is rejected", Problem.Action.REJECTED));
        return 0;
    }

    static String hms(int s) {
        return String.format("%02d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }

    private void onDemand(Rows r, Feed.Trip trip, String groupId, String locationId, String windowStart,
                          String windowEnd, Map<String, Group> groups, Map<String, String[]> locations,
                          Map<String, String[]> bookingRules, Set<String> areaKeys) {
        String areaId = groupId != null ? groupId : locationId;
        if (areaId == null) {
            throw new Bad("location_group_id", "a stop time with a pickup/drop-off window needs a location group"
                    + " or location");
        }
        if (windowStart == null || windowEnd == null) {
            throw new Bad(windowStart == null ? "start_pickup_drop_off_window" : "end_pickup_drop_off_window",
                    "a stop time of a zone needs both ends of its pickup/drop-off window");
        }
        Integer start = seconds(windowStart);
        Integer end = seconds(windowEnd);
        if (start == null || end == null || start > Feed.MAX_SECONDS || end > Feed.MAX_SECONDS) {
            throw new Bad(start == null || start > Feed.MAX_SECONDS ? "start_pickup_drop_off_window"
                    : "end_pickup_drop_off_window", "\"" + (start == null ? windowStart : windowEnd)
                    + "\" is not a time as HH:MM:SS within 48 hours");
        }
        if (end < start) {
            throw new Bad("end_pickup_drop_off_window", "the window ends (" + windowEnd + ") before it starts ("
                    + windowStart + ")");
        }
        String name;
        List<Feed.Stop> members = List.of();
        String geoJson = null;
        if (groupId != null) {
            Group g = groups.get(groupId);
            if (g == null) {
                throw new Bad("location_group_id", "location group \"" + groupId + "\" is not in location_groups.txt");
            }
            if (g.members().isEmpty()) {
                if (area != null) {
                    stats.merge("on_demand_areas.outside", 1L, Long::sum);
                    return;
                }
                throw new Bad("location_group_id", "location group \"" + groupId + "\" has no known stops");
            }
            name = g.name();
            members = g.members();
        } else {
            String[] location = locations.get(locationId);
            if (location == null) {
                throw new Bad("location_id", "location \"" + locationId + "\" is not in locations.geojson");
            }
            name = location[0];
            geoJson = location[1];
        }
        String ruleId = r.get("pickup_booking_rule_id") != null ? r.get("pickup_booking_rule_id")
                : r.get("drop_off_booking_rule_id");
        String[] rule = null;
        if (ruleId != null) {
            rule = bookingRules.get(ruleId);
            if (rule == null) {
                throw new Bad(r.get("pickup_booking_rule_id") != null ? "pickup_booking_rule_id"
                        : "drop_off_booking_rule_id", "booking rule \"" + ruleId + "\" is not in booking_rules.txt");
            }
        }
        if (!areaKeys.add(areaId + "\u0000" + trip.id())) {
            throw new Bad("trip_id", "trip \"" + trip.id() + "\" serves zone \"" + areaId + "\" twice");
        }
        feed.onDemandAreas.add(new Feed.OnDemandArea(areaId, trip.id(), name, trip.routeId(), trip.serviceId(),
                start, end, rule == null || rule[0] == null ? null : Integer.valueOf(rule[0]),
                rule == null ? null : rule[1], rule == null ? null : rule[2], rule == null ? null : rule[3],
                members, geoJson));
    }

    /** Within an area: routes and services no trip within it uses are left out too. */
    private void dropUnused() {
        Set<String> routes = new HashSet<>();
        Set<String> services = new HashSet<>();
        for (Feed.Trip t : feed.trips.values()) {
            routes.add(t.routeId());
            services.add(t.serviceId());
        }
        feed.routes.keySet().retainAll(routes);
        feed.services.keySet().retainAll(services);
        feed.serviceDates.removeIf(d -> !services.contains(d.serviceId()));
    }
}
