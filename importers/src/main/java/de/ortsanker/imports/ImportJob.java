package de.ortsanker.imports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * One import, start to end: recognise the file, record the run, stage the records while reading,
 * then merge everything in one transaction — or, on any failure, change nothing.
 */
final class ImportJob {

    private final DataSource dataSource;
    private final Path file;
    private ImportOptions options;
    private final long started = System.nanoTime();
    private volatile String phase = "reading";

    ImportJob(DataSource dataSource, Path file, ImportOptions options) {
        this.dataSource = dataSource;
        this.file = file;
        this.options = options;
    }

    ImportResult run() {
        String fileName = file.getFileName().toString();
        FileImporter importer;
        Provenance provenance;
        SourceIdentity identity;
        Checksum.Pending checksum;
        long bytesTotal;
        try {
            if (!Files.isRegularFile(file)) {
                throw new ImportFailure(file + ": no such file");
            }
            importer = Formats.open(file, options);
            if (options.maxErrors() == null) {
                options = options.toBuilder().maxErrors(importer.defaultMaxErrors()).build();
            }
            provenance = provenance(importer.defaults());
            identity = SourceIdentity.of(provenance, importer.format(), file,
                    options.source() == null && (importer.defaults().source() == null
                            || importer.defaults().namedAfterFile()), options.owner());
            // Computed beside the import (on the other core), unless it decides whether to import at all.
            checksum = Checksum.start(importer.files().isEmpty() ? List.of(file) : importer.files(),
                    !options.skipUnchangedFile());
            bytesTotal = totalBytes(importer);
        } catch (ImportFailure | IllegalArgumentException e) {
            return unrecorded(fileName, e.getMessage());
        } catch (IOException e) {
            return unrecorded(fileName, fileName + ": cannot be read (" + e.getMessage() + ")");
        }
        try (Connection main = dataSource.getConnection()) {
            main.setAutoCommit(true);
            ImportRun.failAbandoned(main);
            Clip clip;
            try {
                clip = options.area() == null ? null : Clip.of(main, options.area());
            } catch (ImportFailure e) {
                return unrecorded(fileName, e.getMessage());
            }
            if (!SourceIdentity.ownerKnown(main, options.owner())) {
                return unrecorded(fileName, "--owner " + options.owner() + ": there is no such account (an organisation"
                        + " is named without the account: prefix)");
            }
            var last = SourceIdentity.lastRun(main, provenance.source());
            if (last.isPresent() && !options.replaceSource()) {
                var refusal = identity.refusal(last.get());
                if (refusal.isPresent()) {
                    return unrecorded(fileName, provenance.source(), importer.format(), refusal.get());
                }
            }
            var otherFolder = last.flatMap(identity::otherFolder);
            if (options.skipUnchangedFile()
                    && ImportRun.lastChecksum(main, provenance.source()).filter(checksum.get()::equals).isPresent()) {
                return new ImportResult(0, ImportResult.Status.SKIPPED_UNCHANGED, provenance.source(), fileName,
                        importer.format(), checksum.get(), Counts.NONE, Map.of(), List.of(), null, elapsed(), Map.of());
            }
            ImportRun run = ImportRun.start(main, provenance, fileName, importer.format(), options.toJson(),
                    bytesTotal, identity.origin(), identity.owner());
            try {
                return run(main, run, importer, provenance, checksum, bytesTotal, otherFolder.orElse(null), clip);
            } finally {
                Staging.drop(main, run.id);
                run.release(main);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("import of " + fileName + ": database error: " + e.getMessage(), e);
        }
    }

    /** @param sourceNote a note on the source's identity for the run's problems, or null */
    private ImportResult run(Connection main, ImportRun run, FileImporter importer, Provenance provenance,
                             Checksum.Pending checksum, long bytesTotal, String sourceNote, Clip clip)
            throws SQLException {
        String fileName = file.getFileName().toString();
        if (!ImportRun.lockSource(main, provenance.source())) {
            return finishUnmerged(main, run, importer, provenance, checksum, null, ImportResult.Status.FAILED,
                    "another import of source '" + provenance.source() + "' is running: try again when it is done");
        }
        try (var staging = new Staging(dataSource, run.id, provenance, options.stagingBuffer(), !options.dryRun())) {
            staging.create(main, importer.targets());
            var context = new ImportContext(options, provenance, file, Vocabulary.load(main), dataSource, staging,
                    clip);
            if (sourceNote != null) {
                context.problem(new Problem(fileName, null, null, null, "source", sourceNote, Problem.Action.NOTE));
            }
            try (var progress = new ProgressReporter(dataSource, run, context, bytesTotal, options.progress(),
                    () -> phase, this::elapsed)) {
                try {
                    importer.read(context);
                    staging.finish(main);
                } catch (ImportContext.TooManyErrors e) {
                    return finishUnmerged(main, run, importer, provenance, checksum, context,
                            ImportResult.Status.ABORTED, e.getMessage());
                } catch (ImportFailure e) {
                    return finishUnmerged(main, run, importer, provenance, checksum, context,
                            ImportResult.Status.FAILED, e.getMessage());
                } catch (ImportContext.StagingFailed e) {
                    return finishUnmerged(main, run, importer, provenance, checksum, context,
                            ImportResult.Status.FAILED, "the database refused a record: " + e.cause.getMessage());
                } catch (IOException | java.io.UncheckedIOException e) {
                    return finishUnmerged(main, run, importer, provenance, checksum, context,
                            ImportResult.Status.FAILED, fileName + ": cannot be read (" + e.getMessage() + ")");
                } catch (RuntimeException e) {
                    // A reader that did not foresee some corruption: still a failed run with the file's name,
                    // nothing written, and the cause in the log of the run rather than a stack trace.
                    return finishUnmerged(main, run, importer, provenance, checksum, context, ImportResult.Status.FAILED,
                            fileName + ": corrupt, it cannot be read (" + e.getClass().getSimpleName()
                                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
                }
                context.stat("time.reading_ms", elapsed().toMillis());
                List<Problem> mergeProblems = new ArrayList<>();
                long repeated = 0;
                PartitionLoad load = staging.partitionLoad();
                if (load != null) {
                    phase = "indexing";
                    progress.report();
                    long indexing = System.nanoTime();
                    try {
                        repeated = load.prepare(fileName, mergeProblems::add);
                    } catch (SQLException e) {
                        return finishUnmerged(main, run, importer, provenance, checksum, context,
                                ImportResult.Status.FAILED, "the database refused the data: " + firstLine(e.getMessage()));
                    }
                    context.stat("time.indexing_ms", (System.nanoTime() - indexing) / 1_000_000);
                    context.stat("places.own_partition", 1);
                }
                phase = "merging";
                progress.report();
                return merge(main, run, importer, provenance, checksum, context, load, repeated, mergeProblems);
            }
        } finally {
            ImportRun.unlockSource(main, provenance.source());
        }
    }

    /**
     * @param load     where the place rows went when they load as a partition of their own, else null
     * @param repeated how many of those rows the load dropped as repeated keys (reported in mergeProblems)
     */
    private ImportResult merge(Connection main, ImportRun run, FileImporter importer, Provenance provenance,
                               Checksum.Pending checksum, ImportContext context, PartitionLoad load, long repeated,
                               List<Problem> mergeProblems) throws SQLException {
        String fileName = file.getFileName().toString();
        var byTarget = new EnumMap<Target, Counts>(Target.class);
        ImportResult.Status status = options.dryRun() ? ImportResult.Status.DRY_RUN : ImportResult.Status.SUCCEEDED;
        String error = null;
        main.setAutoCommit(false);
        long mergeStart = System.nanoTime();
        try {
            try (var st = main.createStatement()) {
                // The service's pool may limit statements to seconds; a merge of a large file takes longer.
                st.execute("set local statement_timeout = 0");
                st.execute("set local lock_timeout = 0");
                // Hashing a large file's keys in memory beats sorting them on disk.
                st.execute("set local work_mem = '256MB'");
                st.execute("set local maintenance_work_mem = '256MB'");
                // The places' history (V91) records this run as where its changes came from.
                st.execute("select set_config('ortsanker.import_run', '" + run.id + "', true)");
            }
            long rejected = context.rejected();
            for (Target t : importer.targets()) {
                if (t == Target.PLACES && load != null) {
                    continue;
                }
                var merge = new Merge(main, t, Staging.table(run.id, t), provenance.source(), fileName,
                        options.onConflict() == ImportOptions.OnConflict.OVERWRITE);
                long duplicates = merge.dropDuplicates(mergeProblems::add).size();
                rejected += duplicates;
                Counts c = merge.run(options.complete(), context.read(t, 0), context.read(t, 1) + duplicates,
                        context.read(t, 2), mergeProblems::add);
                byTarget.put(t, c);
                if (t.oneRecordRule() != null) {
                    context.stat(t.table() + ".linked", oneRecordPerThing(main, t, changed(c)));
                }
            }
            if (load != null) {
                // Last: attaching locks the default partition, which every query of places reads, until the commit.
                Target t = Target.PLACES;
                rejected += repeated;
                byTarget.put(t, load.attach(main, context.read(t, 0), context.read(t, 1) + repeated, context.read(t, 2)));
            }
            if (options.maxErrors() >= 0 && rejected > options.maxErrors()) {
                status = ImportResult.Status.ABORTED;
                error = rejected + " records rejected, more than --max-errors " + options.maxErrors()
                        + " allows: nothing was imported";
            } else if (context.features() == 0) {
                status = ImportResult.Status.FAILED;
                error = fileName + " holds no records: nothing was changed";
            } else if (stagedRows(byTarget) == 0 && context.clip() != null && context.stats().containsKey("area.outside")) {
                // The wrong extract for the area: importing nothing would retire the source's records.
                status = ImportResult.Status.FAILED;
                error = "nothing of " + fileName + " lies within " + context.clip().name() + " (AGS "
                        + context.clip().ags() + "): wrong extract or key? Nothing was changed";
            } else if (stagedRows(byTarget) == 0) {
                status = ImportResult.Status.FAILED;
                error = "every record of " + fileName + " was rejected: nothing was changed";
            }
        } catch (SQLException e) {
            main.rollback();
            main.setAutoCommit(true);
            return finishUnmerged(main, run, importer, provenance, checksum, context, ImportResult.Status.FAILED,
                    "the database refused the data: " + firstLine(e.getMessage()));
        }
        context.stat("time.merging_ms", (System.nanoTime() - mergeStart) / 1_000_000);
        List<Problem> problems = new ArrayList<>(context.problems());
        problems.addAll(mergeProblems);
        Counts total = byTarget.values().stream().reduce(Counts.NONE, Counts::plus);
        var result = new ImportResult(run.id, status, provenance.source(), fileName, importer.format(), checksum.get(),
                total, Map.copyOf(byTarget), List.copyOf(problems), error, elapsed(), Map.copyOf(context.stats()));
        if (status == ImportResult.Status.SUCCEEDED) {
            run.finish(main, status, result.checksum(), total, stats(result), problems, context.features(),
                    context.bytesRead());
            main.commit();
            // The tables with a one-record rule were analysed in the transaction, just before their rule.
            analyze(main, byTarget.entrySet().stream()
                    .filter(e -> changed(e.getValue()) && e.getKey().oneRecordRule() == null).map(Map.Entry::getKey).toList());
        } else {
            main.rollback();
            run.finish(main, status, result.checksum(), total, stats(result), withError(problems, error),
                    context.features(), context.bytesRead());
            main.commit();
        }
        main.setAutoCommit(true);
        phase = "done";
        return result;
    }

    /**
     * Keeps one record per real thing after a merge (an area per key, a village per place; migration V63):
     * a record another source already holds is linked to it, not counted twice. Returns how many it linked.
     * A changed table is analysed first, inside the run's transaction: planned with the statistics of an empty
     * table, the rule's self-join over the thousands of rows just merged took minutes instead of milliseconds.
     */
    private static long oneRecordPerThing(Connection c, Target t, boolean changed) throws SQLException {
        try (var st = c.createStatement()) {
            if (changed) {
                st.execute("analyze " + t.table());
            }
            try (var rs = st.executeQuery("select " + t.oneRecordRule() + "()")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Fresh statistics for the tables the run changed: on a database whose autovacuum is slow (or off) the first
     * queries after an import would otherwise plan with the table's old size. The partitioned {@code places}
     * is analysed as a whole, which autovacuum never does.
     */
    private static void analyze(Connection c, Collection<Target> targets) throws SQLException {
        try (var st = c.createStatement()) {
            for (Target t : targets) {
                st.execute("analyze " + t.table());
            }
        }
    }

    /** Whether a merge changed any row of its table (an unchanged table keeps its statistics). */
    private static boolean changed(Counts c) {
        return c.added() + c.updated() + c.retired() > 0;
    }

    private static long stagedRows(Map<Target, Counts> byTarget) {
        return byTarget.values().stream().mapToLong(c -> c.added() + c.updated() + c.unchanged() + c.conflicts()).sum();
    }

    /** Records a run that ended before its merge: the data tables were not touched. */
    private ImportResult finishUnmerged(Connection main, ImportRun run, FileImporter importer, Provenance provenance,
                                        Checksum.Pending checksum, ImportContext context, ImportResult.Status status,
                                        String error) throws SQLException {
        List<Problem> problems = context == null ? List.of() : List.copyOf(context.problems());
        var byTarget = new EnumMap<Target, Counts>(Target.class);
        if (context != null) {
            for (Target t : importer.targets()) {
                byTarget.put(t, new Counts(context.read(t, 0), 0, 0, 0, 0, context.read(t, 1), 0, context.read(t, 2)));
            }
        }
        Counts total = byTarget.values().stream().reduce(Counts.NONE, Counts::plus);
        var result = new ImportResult(run.id, status, provenance.source(), file.getFileName().toString(),
                importer.format(), checksum.get(), total, Map.copyOf(byTarget), problems, error, elapsed(),
                context == null ? Map.of() : Map.copyOf(context.stats()));
        run.finish(main, status, result.checksum(), total, stats(result), withError(problems, error),
                context == null ? 0 : context.features(), context == null ? 0 : context.bytesRead());
        phase = "done";
        return result;
    }

    /** A file that could not even be opened: there is no source to record a run for. */
    private ImportResult unrecorded(String fileName, String error) {
        return unrecorded(fileName, options.source(), null, error);
    }

    private ImportResult unrecorded(String fileName, String source, String format, String error) {
        return new ImportResult(0, ImportResult.Status.FAILED, source, fileName, format, null, Counts.NONE,
                Map.of(), List.of(), error, elapsed(), Map.of());
    }

    private List<Problem> withError(List<Problem> problems, String error) {
        var all = new ArrayList<Problem>();
        all.add(new Problem(file.getFileName().toString(), null, null, null, null, error, Problem.Action.REJECTED));
        all.addAll(problems);
        return all;
    }

    private Provenance provenance(FileImporter.Defaults defaults) {
        String source = Optional.ofNullable(options.source()).orElse(defaults.source());
        String licence = Optional.ofNullable(options.licence()).orElse(defaults.licence());
        String attribution = Optional.ofNullable(options.attribution()).orElse(defaults.attribution());
        if (source == null) {
            source = file.getFileName().toString();
        }
        if (options.source() == null && (defaults.source() == null || defaults.namedAfterFile())) {
            source = SourceIdentity.derivedName(source, options.owner());
        }
        if (options.source() == null && options.area() != null) {
            // A county's part of a Land's extract is a source of its own: importing another county from the
            // same file must not retire this one's records.
            source = source + "-" + options.area();
        }
        return new Provenance(source, licence, attribution);
    }

    private long totalBytes(FileImporter importer) throws IOException {
        long total = 0;
        for (Path p : importer.files().isEmpty() ? List.of(file) : importer.files()) {
            total += Files.size(p);
        }
        return total;
    }

    private Map<String, Object> stats(ImportResult result) {
        var m = new LinkedHashMap<String, Object>();
        for (var e : result.byTarget().entrySet()) {
            Counts c = e.getValue();
            m.put(e.getKey().table(), Map.of("read", c.read(), "added", c.added(), "updated", c.updated(),
                    "unchanged", c.unchanged(), "retired", c.retired(), "rejected", c.rejected(),
                    "conflicts", c.conflicts(), "skipped", c.skipped()));
        }
        m.putAll(result.stats());
        m.put("seconds", result.duration().toMillis() / 1000.0);
        return m;
    }

    private Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** The database's message without its detail lines (which may quote the data), for an import's report. */
    static String firstLine(String s) {
        int nl = s == null ? -1 : s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
