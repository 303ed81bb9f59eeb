package de.ortsanker.imports;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How to import a file. Everything is optional: without options an OSM file is imported with the
 * built-in mapping and ODbL attribution under its file name, the BKG VG5000 shapefiles are recognised,
 * and other files are read with their own CRS and column names. Immutable; {@code with…} returns a copy.
 */
public final class ImportOptions {

    /** What to do with a record edited by hand that the source changed. */
    public enum OnConflict {
        /** Keep the hand edit, report the conflict (default). */
        KEEP,
        /** Take the source's version and clear the hand-edit mark. */
        OVERWRITE
    }

    public static final long DEFAULT_MAX_ERRORS = 100;
    public static final int DEFAULT_STAGING_BUFFER = 4 << 20;

    private String source;
    private String licence;
    private String attribution;
    private Integer crs;
    private String kind;
    private Path mapping;
    private Map<String, String> columns = Map.of();
    private String idColumn;
    private Target target;
    private String level;
    private boolean dryRun;
    private Long maxErrors;
    private boolean complete = true;
    private OnConflict onConflict = OnConflict.KEEP;
    private Charset encoding;
    private Character delimiter;
    private String layer;
    private String minimumMatch;
    private String census;
    private boolean skipUnchangedFile;
    private ProgressListener progress = ProgressListener.NONE;
    private int stagingBuffer = DEFAULT_STAGING_BUFFER;

    private ImportOptions() {
    }

    public static ImportOptions defaults() {
        return new ImportOptions();
    }

    private ImportOptions copy() {
        var o = new ImportOptions();
        o.source = source;
        o.licence = licence;
        o.attribution = attribution;
        o.crs = crs;
        o.kind = kind;
        o.mapping = mapping;
        o.columns = columns;
        o.idColumn = idColumn;
        o.target = target;
        o.level = level;
        o.dryRun = dryRun;
        o.maxErrors = maxErrors;
        o.complete = complete;
        o.onConflict = onConflict;
        o.encoding = encoding;
        o.delimiter = delimiter;
        o.layer = layer;
        o.minimumMatch = minimumMatch;
        o.census = census;
        o.skipUnchangedFile = skipUnchangedFile;
        o.progress = progress;
        o.stagingBuffer = stagingBuffer;
        return o;
    }

    /** The source name records are keyed by, with their source id (default: from the file). */
    public ImportOptions withSource(String source) {
        var o = copy();
        o.source = source;
        return o;
    }

    /** The data's licence, e.g. ODbL-1.0, dl-de/by-2-0, CC-BY-4.0 (default: known for OSM and BKG files). */
    public ImportOptions withLicence(String licence) {
        var o = copy();
        o.licence = licence;
        return o;
    }

    public ImportOptions withAttribution(String attribution) {
        var o = copy();
        o.attribution = attribution;
        return o;
    }

    /** The input's CRS as an EPSG code, overriding what the file says (.prj, GeoJSON crs). */
    public ImportOptions withCrs(Integer epsg) {
        var o = copy();
        o.crs = epsg;
        return o;
    }

    /** The kind of every record of a table or GIS file, when it has no kind column. */
    public ImportOptions withKind(String kind) {
        var o = copy();
        o.kind = kind;
        return o;
    }

    /** An OSM mapping file (YAML) replacing the built-in one, or a column mapping file for tables. */
    public ImportOptions withMapping(Path mapping) {
        var o = copy();
        o.mapping = mapping;
        return o;
    }

    /** Which file column fills which field: {@code name → "Vereinsname"}, {@code lon → "X"} … */
    public ImportOptions withColumn(String field, String column) {
        var o = copy();
        var map = new LinkedHashMap<>(columns);
        map.put(field, column);
        o.columns = Map.copyOf(map);
        return o;
    }

    /** The column holding a stable identifier of each record (default: a column named id, ID, OBJID …). */
    public ImportOptions withIdColumn(String column) {
        var o = copy();
        o.idColumn = column;
        return o;
    }

    /** The table to load (default: recognised from the file). */
    public ImportOptions withTarget(Target target) {
        var o = copy();
        o.target = target;
        return o;
    }

    /** The administrative level of every area of the file (default: from the length of its AGS). */
    public ImportOptions withLevel(String level) {
        var o = copy();
        o.level = level;
        return o;
    }

    /** Validate and report what would change, without changing any data. */
    public ImportOptions withDryRun(boolean dryRun) {
        var o = copy();
        o.dryRun = dryRun;
        return o;
    }

    /** Abort (and change nothing) when more records than this are rejected; negative: no limit. */
    public ImportOptions withMaxErrors(long maxErrors) {
        var o = copy();
        o.maxErrors = maxErrors;
        return o;
    }

    /**
     * Whether the file holds the whole source (default), so that records missing from it are retired;
     * false for a file of additions and corrections only.
     */
    public ImportOptions withComplete(boolean complete) {
        var o = copy();
        o.complete = complete;
        return o;
    }

    public ImportOptions withOnConflict(OnConflict onConflict) {
        var o = copy();
        o.onConflict = Objects.requireNonNull(onConflict);
        return o;
    }

    /** The text encoding of a CSV or DBF file (default: UTF-8, or what the .cpg or DBF header says). */
    public ImportOptions withEncoding(Charset encoding) {
        var o = copy();
        o.encoding = encoding;
        return o;
    }

    public ImportOptions withDelimiter(Character delimiter) {
        var o = copy();
        o.delimiter = delimiter;
        return o;
    }

    /** The Excel worksheet or GeoPackage table to read (default: the first sheet; the only table). */
    public ImportOptions withLayer(String layer) {
        var o = copy();
        o.layer = layer;
        return o;
    }

    /** The least geocoding match accepted for address-only rows: address, street (default) or locality. */
    public ImportOptions withMinimumMatch(String quality) {
        var o = copy();
        o.minimumMatch = quality;
        return o;
    }

    /** The census a population grid belongs to, e.g. "Zensus 2022" (default: from the file name). */
    public ImportOptions withCensus(String census) {
        var o = copy();
        o.census = census;
        return o;
    }

    /** Do nothing when the last successful run of the same source read a file with the same checksum. */
    public ImportOptions withSkipUnchangedFile(boolean skip) {
        var o = copy();
        o.skipUnchangedFile = skip;
        return o;
    }

    public ImportOptions withProgress(ProgressListener progress) {
        var o = copy();
        o.progress = Objects.requireNonNull(progress);
        return o;
    }

    /**
     * The size of each table's staging buffer (default 4 MiB). A source's first import whose place rows
     * overflow it is large: it loads them as a partition of places of its own ({@link PartitionLoad}).
     */
    public ImportOptions withStagingBuffer(int bytes) {
        if (bytes < 1024) {
            throw new IllegalArgumentException("a staging buffer needs at least 1024 bytes, not " + bytes);
        }
        var o = copy();
        o.stagingBuffer = bytes;
        return o;
    }

    public String source() {
        return source;
    }

    public String licence() {
        return licence;
    }

    public String attribution() {
        return attribution;
    }

    public Integer crs() {
        return crs;
    }

    public String kind() {
        return kind;
    }

    public Path mapping() {
        return mapping;
    }

    public Map<String, String> columns() {
        return columns;
    }

    public String idColumn() {
        return idColumn;
    }

    public Target target() {
        return target;
    }

    public String level() {
        return level;
    }

    public boolean dryRun() {
        return dryRun;
    }

    /** The limit of rejected records: as set, else 100 (OSM files: none, see {@link FileImporter#defaultMaxErrors()}). */
    public long maxErrors() {
        return maxErrors == null ? DEFAULT_MAX_ERRORS : maxErrors;
    }

    boolean hasMaxErrors() {
        return maxErrors != null;
    }

    public boolean complete() {
        return complete;
    }

    public OnConflict onConflict() {
        return onConflict;
    }

    public Charset encoding() {
        return encoding;
    }

    public Character delimiter() {
        return delimiter;
    }

    public String layer() {
        return layer;
    }

    public String minimumMatch() {
        return minimumMatch;
    }

    public String census() {
        return census;
    }

    public boolean skipUnchangedFile() {
        return skipUnchangedFile;
    }

    public int stagingBuffer() {
        return stagingBuffer;
    }

    public ProgressListener progress() {
        return progress;
    }

    /** The options as recorded in import_runs.options (only those set). */
    Map<String, Object> toJson() {
        var m = new LinkedHashMap<String, Object>();
        putIf(m, "crs", crs);
        putIf(m, "kind", kind);
        putIf(m, "mapping", mapping == null ? null : mapping.toString());
        if (!columns.isEmpty()) {
            m.put("columns", columns);
        }
        putIf(m, "id_column", idColumn);
        putIf(m, "target", target == null ? null : target.table());
        putIf(m, "level", level);
        if (dryRun) {
            m.put("dry_run", true);
        }
        m.put("max_errors", maxErrors());
        m.put("complete", complete);
        m.put("on_conflict", onConflict.name().toLowerCase());
        putIf(m, "encoding", encoding == null ? null : encoding.name());
        putIf(m, "delimiter", delimiter == null ? null : delimiter.toString());
        putIf(m, "layer", layer);
        putIf(m, "minimum_match", minimumMatch);
        putIf(m, "census", census);
        return m;
    }

    private static void putIf(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }
}
