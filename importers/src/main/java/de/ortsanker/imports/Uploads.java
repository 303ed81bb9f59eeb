package de.ortsanker.imports;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * A municipality's list (CSV or Excel) uploaded by its steward through the service: the service's one way
 * into the importers besides {@link PlaceValidation}. The same import as {@code scripts/import.sh} — same
 * readers, checks, messages, staging and merge, keyed by (source, source id) so that next month's list
 * changes only what changed — with what an upload needs fixed here, once:
 *
 * <ul>
 *   <li>the source is named by the municipality and the list ({@code gemeinde-09472150-vereine}), never by the
 *       file, so two towns' {@code vereine.csv} stay two sources;</li>
 *   <li>the list is the whole source (places missing from it are retired) and holds places only;</li>
 *   <li>rows outside the municipality's official boundary are rejected, each with its line, not skipped;</li>
 *   <li>every rejection is listed (no abort after a number of them: the file's size is limited instead);</li>
 *   <li>a dry run first, and {@link #sourceState} to tell whether the source changed before it is confirmed.</li>
 * </ul>
 *
 * <pre>{@code
 * var list = new Uploads.MunicipalList("09472150", "vereine", "dl-de/by-2-0", "Gemeinde Heinersreuth");
 * Uploads.Report preview = Uploads.dryRun(dataSource, file, list);   // nothing stored
 * Uploads.Report done = Uploads.apply(dataSource, file, list);
 * }</pre>
 */
public final class Uploads {

    /** The formats a list may come in (the importers' table readers). */
    public static final List<String> FORMATS = List.of("csv", "xlsx");

    /**
     * Which list of which municipality, under which licence.
     *
     * @param ags         the municipality's key (AGS), whose official boundary holds the places
     * @param list        the list's name within the municipality ({@code vereine}, {@code raeume})
     * @param licence     the licence the municipality publishes it under
     * @param attribution how it is to be credited
     */
    public record MunicipalList(String ags, String list, String licence, String attribution) {

        public MunicipalList {
            Objects.requireNonNull(ags, "ags");
            Objects.requireNonNull(list, "list");
            Objects.requireNonNull(licence, "licence");
            Objects.requireNonNull(attribution, "attribution");
        }

        /** The source its places are keyed by: the municipality and the list, never the file. */
        public String source() {
            return "gemeinde-" + ags + "-" + list;
        }
    }

    /** One thing the import could not take as it was: where in the file, which field, why, and what it did. */
    public record Finding(String file, Long line, Long row, String field, String reason, String action) {
    }

    /**
     * What a run did, or — for a dry run — would do.
     *
     * @param status  dry_run, succeeded, failed or aborted (failed and aborted stored nothing; {@code error} says why)
     * @param checksum the file's SHA-256
     */
    public record Report(long run, String status, String source, String file, String checksum, long read, long added,
                         long updated, long unchanged, long retired, long rejected, long conflicts,
                         List<Finding> findings, String error) {

        public boolean succeeded() {
            return status.equals("dry_run") || status.equals("succeeded");
        }
    }

    private static final String SOURCE_STATE = """
            select (select coalesce(max(r.id), 0) from import_runs r where r.source = ? and r.status = 'succeeded')
                   || '/' || (select count(*) || '/' || coalesce(max(v.at)::text, '-')
                                from place_versions v join places p on p.id = v.place_id
                               where p.source = ?)""";

    private Uploads() {
    }

    /** What importing the file would do; nothing is stored (the run is recorded as a dry run). */
    public static Report dryRun(DataSource dataSource, Path file, MunicipalList list) {
        return report(Imports.importFile(dataSource, file, options(list, true)));
    }

    /** Imports the file. */
    public static Report apply(DataSource dataSource, Path file, MunicipalList list) {
        return report(Imports.importFile(dataSource, file, options(list, false)));
    }

    /**
     * The state of a source's places: its last successful run and every recorded change of its places. Equal
     * before and after a dry run's confirmation means the dry run's report still says what the import does.
     */
    public static String sourceState(DataSource dataSource, String source) {
        try (var c = dataSource.getConnection(); var st = c.prepareStatement(SOURCE_STATE)) {
            st.setString(1, source);
            st.setString(2, source);
            try (var rs = st.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the state of source " + source + " cannot be read: " + e.getMessage(), e);
        }
    }

    static ImportOptions options(MunicipalList list, boolean dryRun) {
        return ImportOptions.builder().source(list.source()).licence(list.licence()).attribution(list.attribution())
                .owner("municipality:" + list.ags())
                .target(Target.PLACES).area(list.ags()).rejectOutsideArea(true).complete(true).maxErrors(-1)
                .dryRun(dryRun).build();
    }

    private static Report report(ImportResult r) {
        var findings = r.problems().stream().map(p -> new Finding(p.file(), p.line(), p.feature(), printable(p.field()),
                printable(p.reason()), p.action().code())).toList();
        Counts t = r.total();
        return new Report(r.runId(), r.status().code(), r.source(), r.file(), r.checksum(), t.read(), t.added(),
                t.updated(), t.unchanged(), t.retired(), t.rejected(), t.conflicts(), findings, printable(r.error()));
    }

    /**
     * A message quoting the file may quote its control characters (a NUL): shown as U+0000, so that the report
     * can be stored (PostgreSQL's text and jsonb hold no NUL) and read.
     */
    static String printable(String text) {
        if (text == null) {
            return null;
        }
        var sb = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                sb.append(String.format("U+%04X", c));
            } else {
                sb.appendCodePoint(c);
            }
        });
        return sb.toString();
    }
}
