package de.ortsanker.imports;

import de.ortsanker.imports.gtfs.Feed;
import de.ortsanker.imports.gtfs.FeedFiles;
import de.ortsanker.imports.gtfs.FeedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * One import of a GTFS feed (zip or folder) into the timetable tables (V93), with the bookkeeping of every
 * other import: a run in {@code import_runs}, the source's identity (licence, attribution, format) checked
 * against its last run, the source's lock, dry runs, {@code --skip-unchanged}, {@code --area}, problems with
 * file, line and field.
 *
 * <p>The whole feed is read and checked first ({@link FeedReader}); nothing is written while reading. Then, in
 * one transaction, it is copied into temporary tables, its stops matched to stop places and its zones outlined,
 * and compared with the source's rows: an equal feed writes nothing (its data version stays, caches stay
 * valid); a different one replaces the source's rows and bumps the 'timetables' data version, in the same
 * transaction. A failure anywhere before the commit leaves every table as it was.
 *
 * <p>Rejected rows refuse the feed unless {@code --max-errors} allows them: by default none (0), because a
 * timetable with a trip left out tells a citizen there is no bus where there is one.
 */
final class TimetableImport {

    static final String FORMAT = "gtfs";
    private static final Sql SQL = Sql.load(TimetableImport.class, "timetables.sql");
    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);
    private static final List<String> TABLES = List.of("transit_stops", "transit_routes", "transit_services",
            "transit_service_dates", "transit_trips", "transit_stop_times", "transit_on_demand_areas");

    private final DataSource dataSource;
    private final Path path;
    private final ImportOptions options;
    private final long started = System.nanoTime();

    TimetableImport(DataSource dataSource, Path path, ImportOptions options) {
        this.dataSource = dataSource;
        this.path = path;
        this.options = options;
    }

    ImportResult run() {
        String fileName = path.getFileName().toString();
        try (FeedFiles files = FeedFiles.open(path)) {
            FeedReader.Identity feedIdentity = FeedReader.identity(files);
            Provenance provenance;
            boolean namedAfterFile = options.source() == null && feedIdentity.name() == null;
            try {
                String source = options.source() != null ? options.source()
                        : feedIdentity.name() != null ? feedIdentity.name() : fileName;
                if (options.source() == null) {
                    source = SourceIdentity.derivedName(source, options.owner());
                }
                if (options.source() == null && options.area() != null) {
                    source = source + "-" + options.area();
                }
                provenance = new Provenance(source,
                        options.licence() != null ? options.licence() : feedIdentity.licence(),
                        options.attribution() != null ? options.attribution() : feedIdentity.publisher());
            } catch (IllegalArgumentException e) {
                return unrecorded(fileName, options.source(), e.getMessage()
                        + (options.licence() == null && feedIdentity.licence() == null
                        ? "; a GTFS feed does not say its licence (the VBB's and DELFI's are CC-BY-4.0)" : ""));
            }
            var identity = SourceIdentity.of(provenance, FORMAT, path, namedAfterFile, options.owner());
            Checksum.Pending checksum = Checksum.start(files.checksumFiles(), !options.skipUnchangedFile());
            try (Connection main = dataSource.getConnection()) {
                main.setAutoCommit(true);
                ImportRun.failAbandoned(main);
                Clip clip;
                try {
                    clip = options.area() == null ? null : Clip.of(main, options.area());
                } catch (ImportFailure e) {
                    return unrecorded(fileName, provenance.source(), e.getMessage());
                }
                var last = SourceIdentity.lastRun(main, provenance.source());
                if (last.isPresent() && !options.replaceSource()) {
                    var refusal = identity.refusal(last.get());
                    if (refusal.isPresent()) {
                        return unrecorded(fileName, provenance.source(), refusal.get());
                    }
                }
                if (options.skipUnchangedFile() && ImportRun.lastChecksum(main, provenance.source())
                        .filter(checksum.get()::equals).isPresent()) {
                    return result(0, ImportResult.Status.SKIPPED_UNCHANGED, provenance, checksum.get(), Counts.NONE,
                            List.of(), null, Map.of());
                }
                ImportRun run = ImportRun.start(main, provenance, fileName, FORMAT, options.toJson(), files.size(),
                        identity.origin(), identity.owner());
                try {
                    if (!ImportRun.lockSource(main, provenance.source())) {
                        return finish(main, run, provenance, checksum, ImportResult.Status.FAILED, Counts.NONE,
                                List.of(), "another import of source '" + provenance.source() + "' is running: try"
                                        + " again when it is done", Map.of());
                    }
                    try {
                        return read(main, run, files, provenance, checksum, clip,
                                last.flatMap(identity::otherFolder).orElse(null));
                    } finally {
                        ImportRun.unlockSource(main, provenance.source());
                    }
                } finally {
                    run.release(main);
                }
            }
        } catch (ImportFailure e) {
            return unrecorded(fileName, options.source(), e.getMessage());
        } catch (IOException e) {
            return unrecorded(fileName, options.source(), fileName + ": cannot be read (" + e.getMessage() + ")");
        } catch (SQLException e) {
            throw new IllegalStateException("import of " + fileName + ": database error: " + e.getMessage(), e);
        }
    }

    private ImportResult read(Connection main, ImportRun run, FeedFiles files, Provenance provenance,
                              Checksum.Pending checksum, Clip clip, String sourceNote) throws SQLException {
        List<Problem> problems = new ArrayList<>();
        if (sourceNote != null) {
            problems.add(new Problem(path.getFileName().toString(), null, null, null, "source", sourceNote,
                    Problem.Action.NOTE));
        }
        Consumer<Problem> sink = p -> {
            if (problems.size() < ImportRun.MAX_STORED_PROBLEMS) {
                problems.add(p);
            }
        };
        FeedReader.StopArea area = clip == null ? null
                : (lon, lat) -> clip.contains(WGS84.createPoint(new Coordinate(lon, lat)));
        var reader = new FeedReader(files, sink, area);
        Feed feed;
        long reading = System.nanoTime();
        try {
            feed = reader.read();
            reader.stats().put("time.reading_ms", (System.nanoTime() - reading) / 1_000_000);
        } catch (ImportFailure e) {
            return finish(main, run, provenance, checksum, ImportResult.Status.FAILED, counts(reader, 0, 0, 0),
                    problems, e.getMessage(), reader.stats());
        } catch (IOException | java.io.UncheckedIOException e) {
            return finish(main, run, provenance, checksum, ImportResult.Status.FAILED, counts(reader, 0, 0, 0),
                    problems, path.getFileName() + ": cannot be read (" + e.getMessage() + ")", reader.stats());
        } catch (RuntimeException e) {
            return finish(main, run, provenance, checksum, ImportResult.Status.FAILED, counts(reader, 0, 0, 0),
                    problems, path.getFileName() + ": corrupt, it cannot be read (" + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", reader.stats());
        }
        long maxErrors = options.maxErrors() == null ? 0 : options.maxErrors();
        if (maxErrors >= 0 && reader.rejected() > maxErrors) {
            return finish(main, run, provenance, checksum, ImportResult.Status.ABORTED, counts(reader, 0, 0, 0),
                    problems, reader.rejected() + " rows rejected, more than --max-errors " + maxErrors
                            + " allows (a timetable allows none unless told): nothing was imported", reader.stats());
        }
        return store(main, run, feed, reader, provenance, checksum, problems);
    }

    /** The feed's rows, replaced in one transaction, or left as they were when the feed is the same. */
    private ImportResult store(Connection main, ImportRun run, Feed feed, FeedReader reader, Provenance provenance,
                               Checksum.Pending checksum, List<Problem> problems) throws SQLException {
        String source = provenance.source();
        Map<String, Long> stats = new LinkedHashMap<>(reader.stats());
        long writing = System.nanoTime();
        main.setAutoCommit(false);
        try {
            try (var st = main.createStatement()) {
                st.execute("set local statement_timeout = 0");
                st.execute("set local lock_timeout = 0");
                st.execute("set local work_mem = '256MB'");
                for (String s : statements("stage")) {
                    st.execute(s);
                }
            }
            copy(main, feed, source);
            try (var ps = main.prepareStatement(SQL.get("on-demand-outlines"))) {
                ps.setString(1, source);
                ps.setInt(2, Feed.HULL_BUFFER_M);
                ps.executeUpdate();
            }
            try (var st = main.createStatement()) {
                for (String s : statements("analyze-stage")) {
                    st.execute(s);
                }
                st.executeUpdate(SQL.get("match-places"));
            }
            stats.put("transit_stops.matched_places", count(main,
                    "select count(*) from stage_transit_stops where place_id is not null"));
            long added = 0;
            long removed = 0;
            long unchanged = 0;
            for (String table : TABLES) {
                String name = table.substring("transit_".length()).replace('_', '-');
                try (var ps = main.prepareStatement(SQL.get("diff-" + name))) {
                    ps.setString(1, source);
                    ps.setString(2, source);
                    try (var rs = ps.executeQuery()) {
                        rs.next();
                        long a = rs.getLong(1);
                        long r = rs.getLong(2);
                        long staged = rs.getLong(3);
                        stats.put(table + ".rows", staged);
                        stats.put(table + ".added", a);
                        stats.put(table + ".removed", r);
                        added += a;
                        removed += r;
                        unchanged += staged - a;
                    }
                }
            }
            boolean feedDiffers;
            try (var ps = main.prepareStatement(SQL.get("feed-differs"))) {
                feedRow(ps, 0, source, provenance, feed, false);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    feedDiffers = rs.getBoolean(1);
                }
            }
            boolean changed = added + removed > 0 || feedDiffers;
            if (changed) {
                for (String s : statements("delete-rows")) {
                    try (var ps = main.prepareStatement(s)) {
                        ps.setString(1, source);
                        ps.executeUpdate();
                    }
                }
                try (var ps = main.prepareStatement(SQL.get("upsert-feed"))) {
                    feedRow(ps, 0, source, provenance, feed, true);
                    ps.setLong(2, run.id);
                    ps.executeUpdate();
                }
                try (var st = main.createStatement()) {
                    for (String s : statements("insert-rows")) {
                        st.execute(s);
                    }
                    st.executeUpdate(SQL.get("bump-version"));
                }
            }
            stats.put("timetables.changed", changed ? 1L : 0L);
            stats.put("time.writing_ms", (System.nanoTime() - writing) / 1_000_000);
            Counts total = new Counts(reads(reader), added, 0, unchanged, removed, reader.rejected(), 0,
                    reader.stats().getOrDefault("area.outside", 0L));
            ImportResult.Status status = options.dryRun() ? ImportResult.Status.DRY_RUN : ImportResult.Status.SUCCEEDED;
            if (options.dryRun()) {
                main.rollback();
            }
            ImportResult result = result(run.id, status, provenance, checksum.get(), total, problems, null, stats);
            run.finish(main, status, result.checksum(), total, runStats(result), problems, reads(reader), 0);
            main.commit();
            if (changed && !options.dryRun()) {
                try (var st = main.createStatement()) {
                    for (String s : statements("analyze-live")) {
                        st.execute(s);
                    }
                }
            }
            return result;
        } catch (SQLException e) {
            main.rollback();
            main.setAutoCommit(true);
            return finish(main, run, provenance, checksum, ImportResult.Status.FAILED, counts(reader, 0, 0, 0), problems,
                    "the database refused the feed: " + ImportJob.firstLine(e.getMessage()), stats);
        } finally {
            main.setAutoCommit(true);
        }
    }

    /**
     * Sets the feed row's values: for feed-differs (source, licence, attribution, publisher, version, timezone,
     * from, to) or, with {@code withRun}, for upsert-feed (the same with the run's id second, set by the caller).
     */
    private static int feedRow(java.sql.PreparedStatement ps, int i, String source, Provenance p, Feed feed,
                               boolean withRun) throws SQLException {
        ps.setString(++i, source);
        if (withRun) {
            ++i;
        }
        ps.setString(++i, p.licence());
        ps.setString(++i, p.attribution());
        ps.setString(++i, feed.publisher());
        ps.setString(++i, feed.feedVersion());
        ps.setString(++i, feed.timezone() == null ? "Europe/Berlin" : feed.timezone());
        ps.setDate(++i, feed.validFrom() == null ? null : Date.valueOf(feed.validFrom()));
        ps.setDate(++i, feed.validTo() == null ? null : Date.valueOf(feed.validTo()));
        return i;
    }

    private static void copy(Connection c, Feed feed, String source) throws SQLException {
        try (var out = new Copy(c, SQL.get("copy-stops"))) {
            for (Feed.Stop s : feed.stops()) {
                out.row(new CopyRow().text(source).text(s.id()).text(s.name()).text(s.parent())
                        .integer(s.locationType()).integer(s.wheelchair())
                        .geometry(WGS84.createPoint(new Coordinate(s.lon(), s.lat()))));
            }
        }
        try (var out = new Copy(c, SQL.get("copy-routes"))) {
            for (Feed.Route r : feed.routes()) {
                out.row(new CopyRow().text(source).text(r.id()).text(r.agencyName()).text(r.shortName())
                        .text(r.longName()).integer(r.type()));
            }
        }
        try (var out = new Copy(c, SQL.get("copy-services"))) {
            for (Feed.Service s : feed.services()) {
                out.row(new CopyRow().text(source).text(s.id()).integer(s.weekdays()).date(s.start()).date(s.end()));
            }
        }
        try (var out = new Copy(c, SQL.get("copy-service-dates"))) {
            for (Feed.ServiceDate d : feed.serviceDates()) {
                out.row(new CopyRow().text(source).text(d.serviceId()).date(d.date()).integer(d.type()));
            }
        }
        try (var out = new Copy(c, SQL.get("copy-trips"))) {
            for (Feed.Trip t : feed.trips()) {
                out.row(new CopyRow().text(source).text(t.id()).text(t.routeId()).text(t.serviceId())
                        .text(t.headsign()).integer(t.wheelchair()).integer(t.bikes()));
            }
        }
        try (var out = new Copy(c, SQL.get("copy-stop-times"))) {
            for (Feed.StopTime t : feed.stopTimes()) {
                out.row(new CopyRow().text(source).text(t.tripId()).integer(t.sequence()).text(t.stopId())
                        .integer(t.arrival()).integer(t.departure()).integer(t.pickup()).integer(t.dropOff()));
            }
        }
        try (var out = new Copy(c, SQL.get("copy-on-demand"))) {
            for (Feed.OnDemandArea a : feed.onDemandAreas()) {
                var members = a.members().stream().map(s -> new Coordinate(s.lon(), s.lat())).toArray(Coordinate[]::new);
                out.row(new CopyRow().text(a.areaId()).text(a.tripId()).text(a.name()).text(a.routeId())
                        .text(a.serviceId()).integer(a.windowStart()).integer(a.windowEnd()).integer(a.priorNoticeMin())
                        .text(a.phone()).text(a.url()).text(a.message())
                        .geometry(members.length == 0 ? null : WGS84.createMultiPointFromCoords(members))
                        .text(a.geoJson()));
            }
        }
    }

    /** A COPY of rows into a staging table, in chunks of about a megabyte. */
    private static final class Copy implements AutoCloseable {
        private final CopyIn in;
        private final StringBuilder buffer = new StringBuilder(1 << 20);

        Copy(Connection c, String sql) throws SQLException {
            this.in = c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        }

        void row(CopyRow row) throws SQLException {
            buffer.append(row.data()).append('\n');
            if (buffer.length() >= 1 << 20) {
                flush();
            }
        }

        private void flush() throws SQLException {
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            in.writeToCopy(bytes, 0, bytes.length);
            buffer.setLength(0);
        }

        @Override
        public void close() throws SQLException {
            try {
                flush();
                in.endCopy();
            } finally {
                if (in.isActive()) {
                    in.cancelCopy();
                }
            }
        }
    }

    private static List<String> statements(String name) {
        List<String> list = new ArrayList<>();
        for (String s : SQL.get(name).split(";\\s*\n")) {
            if (!s.isBlank()) {
                list.add(s.strip());
            }
        }
        return list;
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (var st = c.createStatement(); var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long reads(FeedReader reader) {
        return reader.stats().entrySet().stream().filter(e -> e.getKey().endsWith(".read"))
                .mapToLong(Map.Entry::getValue).sum();
    }

    private static Counts counts(FeedReader reader, long added, long unchanged, long removed) {
        return new Counts(reads(reader), added, 0, unchanged, removed, reader.rejected(), 0,
                reader.stats().getOrDefault("area.outside", 0L));
    }

    /** Records a run that ended before anything was written. */
    private ImportResult finish(Connection main, ImportRun run, Provenance provenance, Checksum.Pending checksum,
                                ImportResult.Status status, Counts counts, List<Problem> problems, String error,
                                Map<String, Long> stats) throws SQLException {
        var all = new ArrayList<Problem>();
        all.add(new Problem(path.getFileName().toString(), null, null, null, null, error, Problem.Action.REJECTED));
        all.addAll(problems);
        ImportResult result = result(run.id, status, provenance, checksum.get(), counts, problems, error, stats);
        run.finish(main, status, result.checksum(), counts, runStats(result), all, counts.read(), 0);
        return result;
    }

    private ImportResult result(long runId, ImportResult.Status status, Provenance provenance, String checksum,
                                Counts total, List<Problem> problems, String error, Map<String, Long> stats) {
        return new ImportResult(runId, status, provenance.source(), path.getFileName().toString(), FORMAT, checksum,
                total, Map.of(), List.copyOf(problems), error, elapsed(),
                java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(stats)));
    }

    private ImportResult unrecorded(String fileName, String source, String error) {
        return new ImportResult(0, ImportResult.Status.FAILED, source, fileName, FORMAT, null, Counts.NONE, Map.of(),
                List.of(), error, elapsed(), Map.of());
    }

    private static Map<String, Object> runStats(ImportResult result) {
        var m = new LinkedHashMap<String, Object>(result.stats());
        m.put("seconds", result.duration().toMillis() / 1000.0);
        return m;
    }

    private Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
