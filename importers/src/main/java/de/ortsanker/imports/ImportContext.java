package de.ortsanker.imports;

import de.ortsanker.imports.geometry.Crs;
import de.ortsanker.imports.geometry.Placement;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.locationtech.jts.geom.Geometry;

/**
 * What a format's reader works with during a run: the options, the kinds, and the sinks its records
 * go to. Records are checked here (place rules, geometry) and staged; every problem is collected with
 * its origin. When more records are rejected than the run allows, the next rejection stops the reading
 * with {@link TooManyErrors} and nothing is merged.
 */
public final class ImportContext {

    private final ImportOptions options;
    private final Provenance provenance;
    private final Path file;
    private final Vocabulary vocabulary;
    private final DataSource dataSource;
    private final Staging staging;
    private final PlaceCheck placeCheck;
    /** The area records must lie in ({@code --area}), or null. */
    private final Clip clip;
    private final List<Problem> problems = new ArrayList<>();
    private final Map<Target, long[]> counts = new EnumMap<>(Target.class); // read, rejected, skipped
    private final Map<String, Long> stats = new TreeMap<>();
    private final AtomicLong features = new AtomicLong();
    private final AtomicLong bytesRead = new AtomicLong();
    private long rejected;
    private long problemCount;

    ImportContext(ImportOptions options, Provenance provenance, Path file, Vocabulary vocabulary,
                  DataSource dataSource, Staging staging, Clip clip) {
        this.options = options;
        this.provenance = provenance;
        this.file = file;
        this.vocabulary = vocabulary;
        this.dataSource = dataSource;
        this.staging = staging;
        this.placeCheck = new PlaceCheck(vocabulary);
        this.clip = clip;
    }

    public ImportOptions options() {
        return options;
    }

    /** The source name the records are keyed by. */
    public String source() {
        return provenance.source();
    }

    public Path file() {
        return file;
    }

    public String fileName() {
        return file.getFileName().toString();
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** The database, for lookups a reader needs (geocoding); writes go through the sinks only. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** Opens a file of the input, counting its bytes for progress. */
    public InputStream open(Path path) throws IOException {
        return new FilterInputStream(Files.newInputStream(path)) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    bytesRead.incrementAndGet();
                }
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                int n = super.read(buf, off, len);
                if (n > 0) {
                    bytesRead.addAndGet(n);
                }
                return n;
            }

            @Override
            public long skip(long n) throws IOException {
                long skipped = super.skip(n);
                bytesRead.addAndGet(skipped);
                return skipped;
            }
        };
    }

    /** For readers that read bytes themselves (memory-mapped, random access). */
    public void bytesRead(long n) {
        bytesRead.addAndGet(n);
    }

    long bytesRead() {
        return bytesRead.get();
    }

    long features() {
        return features.get();
    }

    /**
     * The geometry in WGS 84, checked (area of the CRS, swapped axes, validity, safe repair); null when
     * it was rejected, which is then reported against the target.
     */
    public Geometry place(Geometry source, Crs crs, Origin origin, Target target) {
        try {
            Placement.Placed placed = Placement.place(source, crs);
            if (placed.repairNote() != null) {
                problem(origin.problem("geometry", placed.repairNote(), Problem.Action.REPAIRED));
            }
            return placed.wgs84();
        } catch (Placement.Rejection e) {
            reject(origin, "geometry", e.getMessage(), target);
            return null;
        }
    }

    public void place(PlaceRecord r) {
        read(Target.PLACES);
        if (r.geometry == null) {
            reject(r.origin, "geometry", "no geometry", Target.PLACES, false);
            return;
        }
        if (clip != null && options.rejectOutsideArea() && !clip.contains(r.geometry)) {
            reject(r.origin, "geometry", "lies outside " + clip.name() + " (AGS " + clip.ags() + "), the area this"
                    + " import is for", Target.PLACES, false);
            return;
        }
        if (outside(r.geometry, Target.PLACES)) {
            return;
        }
        if (!placeCheck.accept(r, p -> {
            if (p.action() == Problem.Action.REJECTED) {
                counts(Target.PLACES)[1]++;
            }
            problem(p);
        })) {
            return;
        }
        add(r);
    }

    public void locality(LocalityRecord r) {
        read(Target.LOCALITIES);
        if (r.point != null && outside(r.point, Target.LOCALITIES)) {
            return;
        }
        add(r);
    }

    public void adminArea(AdminAreaRecord r) {
        read(Target.ADMIN_AREAS);
        if (r.geometry != null && outside(r.geometry, Target.ADMIN_AREAS)) {
            return;
        }
        add(r);
    }

    public void populationCell(PopulationCellRecord r) {
        read(Target.POPULATION_CELLS);
        // Cells keep their centre in EPSG:3035, as published; the area's boundary is in WGS 84.
        if (clip != null && r.centre != null && outside(laea().toWgs84(r.centre), Target.POPULATION_CELLS)) {
            return;
        }
        add(r);
    }

    public void officialPopulation(OfficialPopulationRecord r) {
        read(Target.OFFICIAL_POPULATION);
        add(r);
    }

    public void address(AddressRecord r) {
        read(Target.ADDRESSES);
        if (r.point != null && outside(r.point, Target.ADDRESSES)) {
            return;
        }
        add(r);
    }

    private Crs laea;

    /** The area records must lie in, or null. */
    Clip clip() {
        return clip;
    }

    private Crs laea() {
        if (laea == null) {
            laea = Crs.epsg(3035);
        }
        return laea;
    }

    /**
     * Whether a record lies outside the run's area (--area): then it is counted as skipped, not reported one
     * by one — a Land's extract holds millions of them, and leaving them out is what was asked.
     */
    private boolean outside(Geometry g, Target target) {
        if (clip == null || clip.contains(g)) {
            return false;
        }
        counts(target)[2]++;
        stats.merge("area.outside", 1L, Long::sum);
        return true;
    }

    private void add(StagedRecord r) {
        try {
            staging.add(r);
        } catch (SQLException e) {
            throw new StagingFailed(e);
        }
    }

    /** A record of the target could not be imported (counted as read and rejected). */
    public void reject(Origin origin, String field, String reason, Target target) {
        reject(origin, field, reason, target, true);
    }

    private void reject(Origin origin, String field, String reason, Target target, boolean countRead) {
        if (countRead) {
            read(target);
        }
        counts(target)[1]++;
        problem(origin.problem(field, reason, Problem.Action.REJECTED));
    }

    /** A record left out that is not an error of the file (e.g. cut by an extract's edge). */
    public void skip(Origin origin, String field, String reason, Target target) {
        counts(target)[2]++;
        problem(origin.problem(field, reason, Problem.Action.SKIPPED));
    }

    /** Records any problem; a rejection beyond --max-errors stops the run. */
    public void problem(Problem p) {
        problemCount++;
        if (problems.size() < ImportRun.MAX_STORED_PROBLEMS) {
            problems.add(p);
        }
        if (p.action() == Problem.Action.REJECTED) {
            rejected++;
            if (options.maxErrors() >= 0 && rejected > options.maxErrors()) {
                throw new TooManyErrors(rejected, options.maxErrors());
            }
        }
    }

    /** Adds to a named number of the run (e.g. geocoding.street), shown in the summary and stored. */
    public void count(String stat) {
        stats.merge(stat, 1L, Long::sum);
    }

    /** Sets a named number of the run. */
    public void stat(String stat, long value) {
        stats.put(stat, value);
    }

    private void read(Target t) {
        counts(t)[0]++;
        features.incrementAndGet();
    }

    private long[] counts(Target t) {
        return counts.computeIfAbsent(t, k -> new long[3]);
    }

    List<Problem> problems() {
        return problems;
    }

    long problemCount() {
        return problemCount;
    }

    long rejected() {
        return rejected;
    }

    long read(Target t, int which) {
        long[] c = counts.get(t);
        return c == null ? 0 : c[which];
    }

    Map<String, Long> stats() {
        return stats;
    }

    /** Thrown when rejections exceed --max-errors: the run stops and nothing is merged. */
    public static final class TooManyErrors extends RuntimeException {
        TooManyErrors(long rejected, long max) {
            super(rejected + " records rejected, more than --max-errors " + max + " allows: nothing was imported",
                    null, false, false);
        }
    }

    /** The database refused staged rows: not a problem of one record. */
    static final class StagingFailed extends UncheckedIOException {
        final SQLException cause;

        StagingFailed(SQLException cause) {
            super(new IOException(cause.getMessage(), cause));
            this.cause = cause;
        }
    }
}
