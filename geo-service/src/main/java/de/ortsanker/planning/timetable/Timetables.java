package de.ortsanker.planning.timetable;

import de.ortsanker.planning.rules.TimeWindow;
import de.ortsanker.problem.InvalidParameter;
import de.ortsanker.routing.transit.Timetable;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The imported timetables as the transit search reads them: one {@link Timetable} per service day asked
 * about, made from the V93 tables with the services that run that day ({@code transit_service_runs}, the one
 * rule) and the trips of the day before that run past midnight. Each day is kept with the data version of
 * layer {@code timetables} it was read at; when an import changes that version, the days are read again in
 * the background while the previous ones keep answering, and replaced in one step.
 */
@Component
public class Timetables implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Timetables.class);

    /** The days kept: a planner asks about a few (next Sunday, a weekday), not a calendar. */
    static final int MAX_DAYS = 8;

    private static final String VERSION = "select version from data_versions where layer = 'timetables'";

    /** The feeds and the span of days their calendars cover (a feed without its span: its services' dates). */
    private static final String VALIDITY = """
            select count(*), min(coalesce(f.valid_from, s.first_day)), max(coalesce(f.valid_to, s.last_day)),
                   string_agg(f.source, ', ' order by f.source)
              from transit_feeds f
              left join lateral (
                    select least(min(sv.start_date), (select min(d.service_date) from transit_service_dates d
                                                        where d.source = f.source and d.exception_type = 1)) as first_day,
                           greatest(max(sv.end_date), (select max(d.service_date) from transit_service_dates d
                                                         where d.source = f.source and d.exception_type = 1)) as last_day
                      from transit_services sv where sv.source = f.source) s on true""";

    private static final String STOPS = "select source, stop_id, ST_X(geom), ST_Y(geom) from transit_stops";

    /**
     * The stop times of every trip running on the day (shift 0) and of the trips of the day before that are
     * still under way after midnight (shift −86400: only their rows past 24:00 matter), in trip order.
     */
    private static final String STOP_TIMES = """
            with running as (
                select source, service_id, 0 as shift from transit_services
                 where transit_service_runs(source, service_id, ?::date)
                union all
                select source, service_id, -86400 from transit_services
                 where transit_service_runs(source, service_id, ?::date - 1))
            select r.shift, st.source, st.trip_id, st.stop_id, st.arrival_s, st.departure_s, st.pickup_type,
                   st.drop_off_type
              from running r
              join transit_trips t on t.source = r.source and t.service_id = r.service_id
              join transit_stop_times st on st.source = t.source and st.trip_id = t.trip_id
             where r.shift = 0 or st.departure_s >= 86400 or st.arrival_s >= 86400
             order by r.shift, st.source, st.trip_id, st.stop_sequence""";

    /** A day's timetable and the data version it was read at. */
    record Day(long version, Timetable timetable) {
    }

    /** The imported feeds: how many, their names, and the span of days they cover (null when none). */
    public record Validity(int feeds, LocalDate from, LocalDate to, String names) {
        /** Whether transit can be asked about at all: the one rule for transit's 400 and the web map's modes. */
        public boolean imported() {
            return feeds > 0;
        }
    }

    private final JdbcTemplate jdbc;
    private final Map<LocalDate, Day> days = new ConcurrentHashMap<>();
    private final AtomicBoolean reloading = new AtomicBoolean();
    private final ExecutorService loader = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "timetable-loader");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });
    private final ZoneId zone = ZoneId.of("Europe/Berlin");

    private final TransactionTemplate snapshot;

    public Timetables(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = new JdbcTemplate(jdbc.getDataSource());
        this.jdbc.setFetchSize(20_000);
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
    }

    /** The validity of the imported feeds; a 400 naming the parameter that asked for transit when there is none. */
    public Validity requireFeed(String parameter) {
        Validity v = validity();
        if (!v.imported()) {
            throw new InvalidParameter(parameter, "transit travel times need a public-transport timetable (GTFS), and"
                    + " none is imported on this service: import the county's feed with scripts/import.sh feed.zip;"
                    + " walk and bike are available");
        }
        return v;
    }

    public Validity validity() {
        return jdbc.queryForObject(VALIDITY, (rs, i) -> new Validity(rs.getInt(1),
                rs.getObject(2) == null ? null : rs.getDate(2).toLocalDate(),
                rs.getObject(3) == null ? null : rs.getDate(3).toLocalDate(), rs.getString(4)));
    }

    /**
     * The window on its service day: the request's {@code date} (which must be a day of the window's kind
     * within the feeds' validity), else the next such day from today on within the validity. 400s say what
     * is missing: no feed, a date outside the validity, no such day in it.
     */
    public TimeWindow day(TimeWindow window, String date, String parameter) {
        Validity v = requireFeed(parameter);
        if (v.from() == null || v.to() == null) {
            throw new InvalidParameter(parameter, "the imported timetables (" + v.names() + ") state no days on which"
                    + " they run (calendar.txt and calendar_dates.txt are empty)");
        }
        String span = v.from() + " … " + v.to() + " (" + v.names() + ")";
        if (date != null && !date.isBlank()) {
            LocalDate d;
            try {
                d = LocalDate.parse(date.trim());
            } catch (DateTimeParseException e) {
                throw new InvalidParameter("date", "'" + date + "' is no date: write YYYY-MM-DD, e.g. 2027-01-10");
            }
            if (d.isBefore(v.from()) || d.isAfter(v.to())) {
                throw new InvalidParameter("date", d + " lies outside the imported timetables' validity " + span);
            }
            if (!window.fits(d)) {
                throw new InvalidParameter("date", d + " is a " + d.getDayOfWeek().toString().toLowerCase()
                        + ", not a day of the time window " + window.label());
            }
            return window.on(d);
        }
        LocalDate today = LocalDate.now(zone);
        LocalDate d = today.isBefore(v.from()) ? v.from() : today;
        for (int i = 0; i < 7 && !d.isAfter(v.to()); i++, d = d.plusDays(1)) {
            if (window.fits(d)) {
                return window.on(d);
            }
        }
        throw new InvalidParameter(parameter, "no day of the time window " + window.label() + " lies within the"
                + " imported timetables' validity " + span + (today.isAfter(v.to()) ? ", which has ended: import a"
                + " current feed" : "") + "; or ask for a date= within it");
    }

    /**
     * The timetable of the day. Read now the first time a day is asked about; afterwards the kept one answers,
     * and a changed data version starts reading every kept day again in the background.
     */
    public Timetable on(LocalDate date) {
        Day kept = days.get(date);
        if (kept == null) {
            kept = read(date);
            if (days.size() >= MAX_DAYS) {
                days.clear();
            }
            days.put(date, kept);
        } else if (kept.version() != version()) {
            refresh();
        }
        return kept.timetable();
    }

    /** The data version of the timetables the kept days were read at: for ETags (the oldest, if they differ). */
    public long answeringVersion() {
        return days.values().stream().mapToLong(Day::version).min().orElse(version());
    }

    /**
     * Reads every kept day again if the timetables changed; returns at once. While a reading runs, its future
     * is returned (it may have started before the latest change: wait twice to be sure).
     */
    public synchronized Future<?> refresh() {
        if (!reloading.compareAndSet(false, true)) {
            return inFlight;
        }
        inFlight = loader.submit(() -> {
            try {
                long version = version();
                Map<LocalDate, Day> fresh = new HashMap<>();
                for (var e : Map.copyOf(days).entrySet()) {
                    if (e.getValue().version() != version) {
                        fresh.put(e.getKey(), read(e.getKey()));
                    }
                }
                days.putAll(fresh);
            } catch (RuntimeException e) {
                log.error("timetables: reading them again failed; answering from the previous ones", e);
            } finally {
                reloading.set(false);
            }
        });
        return inFlight;
    }

    private volatile Future<?> inFlight = java.util.concurrent.CompletableFuture.completedFuture(null);

    long version() {
        return jdbc.queryForObject(VERSION, Long.class);
    }

    /**
     * One day's timetable, with the version read in the same snapshot: a transaction of its own (repeatable
     * read), also when asked from within a planning answer's.
     */
    Day read(LocalDate date) {
        long start = System.nanoTime();
        Day day = snapshot.execute(status -> {
            long version = version();
            Map<String, double[]> positions = new HashMap<>();
            jdbc.query(STOPS, rs -> {
                positions.put(key(rs.getString(1), rs.getString(2)), new double[] {rs.getDouble(3), rs.getDouble(4)});
            });
            Timetable.Builder b = Timetable.builder(date.toString());
            TripRows trip = new TripRows(b, positions);
            jdbc.query(STOP_TIMES, rs -> {
                trip.add(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                        rs.getInt(6), rs.getInt(7) != 1, rs.getInt(8) != 1);
            }, Date.valueOf(date), Date.valueOf(date));
            trip.flush();
            return new Day(version, b.build());
        });
        Timetable t = day.timetable();
        log.info("timetables: {} read at version {}: {} stops, {} trips, {} connections in {} ms", date, day.version(),
                t.stopCount(), t.tripCount(), t.connectionCount(), (System.nanoTime() - start) / 1_000_000);
        return day;
    }

    static String key(String source, String stopId) {
        return source + '\u0000' + stopId;
    }

    /** Gathers one trip's rows, then hands it to the builder. */
    private static final class TripRows {
        private final Timetable.Builder builder;
        private final Map<String, double[]> positions;
        private String current;
        private int shift;
        private final List<int[]> rows = new java.util.ArrayList<>();

        TripRows(Timetable.Builder builder, Map<String, double[]> positions) {
            this.builder = builder;
            this.positions = positions;
        }

        void add(int shift, String source, String trip, String stop, int arrival, int departure, boolean pickup,
                 boolean dropOff) {
            String id = shift + "\u0000" + source + '\u0000' + trip;
            if (!id.equals(current)) {
                flush();
                current = id;
                this.shift = shift;
            }
            String k = key(source, stop);
            double[] p = positions.get(k);
            int s = builder.stop(k, p[0], p[1]);
            rows.add(new int[] {s, arrival, departure, pickup ? 1 : 0, dropOff ? 1 : 0});
        }

        void flush() {
            if (rows.size() >= 2) {
                int n = rows.size();
                int[] stops = new int[n], arr = new int[n], dep = new int[n];
                boolean[] up = new boolean[n], off = new boolean[n];
                for (int i = 0; i < n; i++) {
                    int[] r = rows.get(i);
                    stops[i] = r[0];
                    arr[i] = r[1];
                    dep[i] = r[2];
                    up[i] = r[3] == 1;
                    off[i] = r[4] == 1;
                }
                builder.trip(stops, arr, dep, up, off, shift);
            }
            rows.clear();
        }
    }

    @Override
    public void close() {
        loader.shutdownNow();
    }
}
