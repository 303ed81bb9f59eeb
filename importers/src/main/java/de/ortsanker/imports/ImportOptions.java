package de.ortsanker.imports;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How to import a file. Everything is optional: without options an OSM file is imported with the
 * built-in mapping and ODbL attribution under its file name, the BKG VG5000 shapefiles are recognised,
 * and other files are read with their own CRS and column names.
 *
 * <pre>{@code
 * ImportOptions.builder().kind("club").licence("CC-BY-4.0").column("name", "Vereinsname").build();
 * options.toBuilder().dryRun(true).build();
 * }</pre>
 *
 * @param source            the source name records are keyed by, with their source id (default: from the file)
 * @param licence           the data's licence, e.g. ODbL-1.0, dl-de/by-2-0, CC-BY-4.0 (default: known for OSM
 *                          and BKG files)
 * @param attribution       the attribution to show with the data
 * @param crs               the input's CRS as an EPSG code, overriding what the file says (.prj, GeoJSON crs)
 * @param kind              the kind of every record of a table or GIS file, when it has no kind column
 * @param mapping           an OSM mapping file (YAML) replacing or extending the built-in one
 * @param columns           which file column fills which field: {@code name → "Vereinsname"}, {@code lon → "X"} …
 * @param idColumn          the column holding a stable identifier of each record (default: a column named id,
 *                          ID, OBJID …)
 * @param target            the table to load (default: recognised from the file)
 * @param level             the administrative level of every area of the file (default: from the length of
 *                          its AGS)
 * @param dryRun            validate and report what would change, without changing any data
 * @param maxErrors         abort (and change nothing) when more records than this are rejected; negative: no
 *                          limit; null: the format's default ({@link FileImporter#defaultMaxErrors()})
 * @param complete          whether the file holds the whole source (default), so that records missing from it
 *                          are retired; false for a file of additions and corrections only
 * @param onConflict        what to do with a record edited by hand that the source changed
 * @param encoding          the text encoding of a CSV or DBF file (default: UTF-8, or what the .cpg or DBF
 *                          header says)
 * @param delimiter         a CSV file's column separator (default: recognised)
 * @param layer             the Excel worksheet or GeoPackage table to read (default: the first sheet; the only
 *                          table)
 * @param minimumMatch      the least geocoding match accepted for address-only rows: address, street (default)
 *                          or locality
 * @param census            the census a population grid belongs to, e.g. "Zensus 2022" (default: from the file
 *                          name)
 * @param area              the AGS of an administrative area (a Kreis, a Gemeinde, a Land): only records inside
 *                          its official boundary (the current record in admin_areas) are imported ({@link Clip});
 *                          the default source name gets the key appended
 * @param skipUnchangedFile do nothing when the last successful run of the same source read a file with the
 *                          same checksum
 * @param progress          told about the run about once a second
 * @param stagingBuffer     the size of each table's staging buffer (default 4 MiB, at least 1 KiB). A source's
 *                          first import whose place rows overflow it is large: it loads them as a partition of
 *                          places of its own ({@link PartitionLoad})
 * @param replaceSource     import even when the licence, attribution or format differ from the source's last
 *                          run: this file replaces the source (otherwise such a run is refused, see
 *                          {@link SourceIdentity})
 * @param owner             who the source belongs to: an organisation (as places' {@code organisation} and the
 *                          organisation_editor role name it) or an account ({@code account:<login>}). Recorded
 *                          with the run; a run with another owner than the source's last is refused like one
 *                          with another licence. A source named after its file gets the owner in its name, so
 *                          two owners' files of the same name are two sources
 */
public record ImportOptions(String source, String licence, String attribution, Integer crs, String kind,
                            Path mapping, Map<String, String> columns, String idColumn, Target target, String level,
                            boolean dryRun, Long maxErrors, boolean complete, OnConflict onConflict,
                            Charset encoding, Character delimiter, String layer, String minimumMatch, String census,
                            String area, boolean skipUnchangedFile, ProgressListener progress, int stagingBuffer,
                            boolean replaceSource, String owner) {

    /** What to do with a record edited by hand that the source changed. */
    public enum OnConflict {
        /** Keep the hand edit, report the conflict (default). */
        KEEP,
        /** Take the source's version and clear the hand-edit mark. */
        OVERWRITE
    }

    public static final long DEFAULT_MAX_ERRORS = 100;
    public static final int DEFAULT_STAGING_BUFFER = 4 << 20;
    public static final int MIN_STAGING_BUFFER = 1024;
    /** The longest owner (import_runs.owner, V130). */
    public static final int MAX_OWNER_LENGTH = 300;
    /** The prefix of an owner that is an account: {@code account:<login>}. */
    public static final String ACCOUNT_OWNER = "account:";

    public ImportOptions {
        // In the order given: the run's summary lists the chosen columns so.
        columns = columns == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        Objects.requireNonNull(onConflict, "onConflict");
        Objects.requireNonNull(progress, "progress");
        if (stagingBuffer < MIN_STAGING_BUFFER) {
            throw new IllegalArgumentException("a staging buffer needs at least " + MIN_STAGING_BUFFER + " bytes, not "
                    + stagingBuffer);
        }
        if (owner != null) {
            owner = owner.strip();
            if (owner.isEmpty() || owner.length() > MAX_OWNER_LENGTH || owner.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("--owner must be an organisation's name or account:<login> of 1 to "
                        + MAX_OWNER_LENGTH + " characters without control characters");
            }
            if (owner.startsWith(ACCOUNT_OWNER) && owner.length() == ACCOUNT_OWNER.length()) {
                throw new IllegalArgumentException("--owner account: needs a login, e.g. account:kreis.daten");
            }
        }
    }

    /** No options: everything recognised from the file. */
    public static ImportOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these options, to change some of them. */
    public Builder toBuilder() {
        return new Builder(this);
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
        m.put("max_errors", maxErrors == null ? DEFAULT_MAX_ERRORS : maxErrors);
        m.put("complete", complete);
        m.put("on_conflict", onConflict.name().toLowerCase(Locale.ROOT));
        putIf(m, "encoding", encoding == null ? null : encoding.name());
        putIf(m, "delimiter", delimiter == null ? null : delimiter.toString());
        putIf(m, "layer", layer);
        putIf(m, "minimum_match", minimumMatch);
        putIf(m, "census", census);
        putIf(m, "area", area);
        if (replaceSource) {
            m.put("replace_source", true);
        }
        putIf(m, "owner", owner);
        return m;
    }

    private static void putIf(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    /** Collects options one by one; each setter is named after the option (see {@link ImportOptions}). */
    public static final class Builder {
        private String source;
        private String licence;
        private String attribution;
        private Integer crs;
        private String kind;
        private Path mapping;
        private final Map<String, String> columns = new LinkedHashMap<>();
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
        private String area;
        private boolean skipUnchangedFile;
        private ProgressListener progress = ProgressListener.NONE;
        private int stagingBuffer = DEFAULT_STAGING_BUFFER;
        private boolean replaceSource;
        private String owner;

        private Builder() {
        }

        private Builder(ImportOptions o) {
            source = o.source;
            licence = o.licence;
            attribution = o.attribution;
            crs = o.crs;
            kind = o.kind;
            mapping = o.mapping;
            columns.putAll(o.columns);
            idColumn = o.idColumn;
            target = o.target;
            level = o.level;
            dryRun = o.dryRun;
            maxErrors = o.maxErrors;
            complete = o.complete;
            onConflict = o.onConflict;
            encoding = o.encoding;
            delimiter = o.delimiter;
            layer = o.layer;
            minimumMatch = o.minimumMatch;
            census = o.census;
            area = o.area;
            skipUnchangedFile = o.skipUnchangedFile;
            progress = o.progress;
            stagingBuffer = o.stagingBuffer;
            replaceSource = o.replaceSource;
            owner = o.owner;
        }

        public Builder owner(String owner) {
            this.owner = owner;
            return this;
        }

        public Builder replaceSource(boolean replace) {
            this.replaceSource = replace;
            return this;
        }

        public Builder source(String source) {
            this.source = source;
            return this;
        }

        public Builder licence(String licence) {
            this.licence = licence;
            return this;
        }

        public Builder attribution(String attribution) {
            this.attribution = attribution;
            return this;
        }

        public Builder crs(Integer epsg) {
            this.crs = epsg;
            return this;
        }

        public Builder kind(String kind) {
            this.kind = kind;
            return this;
        }

        public Builder mapping(Path mapping) {
            this.mapping = mapping;
            return this;
        }

        /** One more field → column choice (a later one for the same field wins). */
        public Builder column(String field, String column) {
            columns.put(field, column);
            return this;
        }

        public Builder idColumn(String column) {
            this.idColumn = column;
            return this;
        }

        public Builder target(Target target) {
            this.target = target;
            return this;
        }

        public Builder level(String level) {
            this.level = level;
            return this;
        }

        public Builder dryRun(boolean dryRun) {
            this.dryRun = dryRun;
            return this;
        }

        public Builder maxErrors(long maxErrors) {
            this.maxErrors = maxErrors;
            return this;
        }

        public Builder complete(boolean complete) {
            this.complete = complete;
            return this;
        }

        public Builder onConflict(OnConflict onConflict) {
            this.onConflict = Objects.requireNonNull(onConflict);
            return this;
        }

        public Builder encoding(Charset encoding) {
            this.encoding = encoding;
            return this;
        }

        public Builder delimiter(Character delimiter) {
            this.delimiter = delimiter;
            return this;
        }

        public Builder layer(String layer) {
            this.layer = layer;
            return this;
        }

        public Builder minimumMatch(String quality) {
            this.minimumMatch = quality;
            return this;
        }

        public Builder area(String ags) {
            this.area = ags;
            return this;
        }

        public Builder census(String census) {
            this.census = census;
            return this;
        }

        public Builder skipUnchangedFile(boolean skip) {
            this.skipUnchangedFile = skip;
            return this;
        }

        public Builder progress(ProgressListener progress) {
            this.progress = Objects.requireNonNull(progress);
            return this;
        }

        public Builder stagingBuffer(int bytes) {
            this.stagingBuffer = bytes;
            return this;
        }

        /** @throws IllegalArgumentException for a staging buffer of less than 1 KiB */
        public ImportOptions build() {
            return new ImportOptions(source, licence, attribution, crs, kind, mapping, columns, idColumn, target,
                    level, dryRun, maxErrors, complete, onConflict, encoding, delimiter, layer, minimumMatch, census, area,
                    skipUnchangedFile, progress, stagingBuffer, replaceSource, owner);
        }
    }
}
