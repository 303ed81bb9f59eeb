package de.ortsanker.imports;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a source is besides its name: its licence, attribution, owner and format, and for a source named after its file
 * the folder the file came from. Records are keyed by (source, source id), so a run under a source's name
 * updates and retires that source's records: two towns' {@code vereine.csv} would overwrite each other. A run
 * whose licence, attribution, owner or format differs from the source's last successful run is therefore refused,
 * unless the steward names another source ({@code --source}) or says that this file replaces the source
 * ({@code --replace-source}). The same file name from another folder, with the same provenance, is noted.
 *
 * @param origin the folder of the file when the source is named after it, else null
 * @param owner  who the source belongs to ({@link ImportOptions#owner()}), or null when the run names none
 */
record SourceIdentity(Provenance provenance, String format, String origin, String owner) {

    private static final Sql SQL = Sql.load(SourceIdentity.class, "import-runs.sql");

    /** The identity of a run of {@code file}; {@code namedAfterFile} when no source name was given or known. */
    static SourceIdentity of(Provenance provenance, String format, Path file, boolean namedAfterFile, String owner) {
        Path folder = file.toAbsolutePath().normalize().getParent();
        return new SourceIdentity(provenance, format, namedAfterFile && folder != null ? folder.toString() : null,
                owner);
    }

    /**
     * The name of a source made from its file's (or the data's default) name: with an owner, the owner's name is
     * part of it, so that two owners' files of the same name cannot collide ("vereine (Gemeinde Harsdorf)").
     */
    static String derivedName(String name, String owner) {
        return owner == null ? name : name + " (" + owner + ")";
    }

    /** Whether an account named as owner ({@code account:<login>}) exists; true for an organisation. */
    static boolean ownerKnown(Connection c, String owner) throws SQLException {
        if (owner == null || !owner.startsWith(ImportOptions.ACCOUNT_OWNER)) {
            return true;
        }
        try (var ps = c.prepareStatement(SQL.get("owner-account"))) {
            ps.setString(1, owner.substring(ImportOptions.ACCOUNT_OWNER.length()));
            try (var rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** What the source's last successful run was, if any. */
    record LastRun(String fileName, String format, String licence, String attribution, String origin, String owner) {
    }

    static Optional<LastRun> lastRun(Connection c, String source) throws SQLException {
        try (var ps = c.prepareStatement(SQL.get("last-identity"))) {
            ps.setString(1, source);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new LastRun(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6))) : Optional.empty();
            }
        }
    }

    /** Why this run is not the source of its last run, with what to do; empty when it is. */
    Optional<String> refusal(LastRun last) {
        List<String> differences = new ArrayList<>();
        if (!Objects.equals(family(last.format()), family(format))) {
            differences.add("format " + format + " (was " + last.format() + ")");
        }
        if (!Objects.equals(last.licence(), provenance.licence())) {
            differences.add("licence \"" + provenance.licence() + "\" (was \"" + last.licence() + "\")");
        }
        if (!Objects.equals(last.attribution(), provenance.attribution())) {
            differences.add("attribution \"" + provenance.attribution() + "\" (was \"" + last.attribution() + "\")");
        }
        if (!Objects.equals(last.owner(), owner)) {
            differences.add("owner " + described(owner) + " (was " + described(last.owner()) + ")");
        }
        if (differences.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("source \"" + provenance.source() + "\" was last imported from " + last.fileName()
                + "; this file differs in " + String.join(", ", differences) + ". Importing it under the same"
                + " source would update and retire that source's records, so nothing was changed. If it is"
                + " another source, name it: --source \"" + provenance.source() + " …\"; if it replaces the source"
                + " (a new licence, a new owner), say so: --replace-source");
    }

    /** A note when a source named after its file was last read from another folder (another town's file?). */
    Optional<String> otherFolder(LastRun last) {
        if (origin == null || last.origin() == null || last.origin().equals(origin)) {
            return Optional.empty();
        }
        return Optional.of("source \"" + provenance.source() + "\" is named after the file and was last imported"
                + " from another folder (" + last.origin() + "): if this file is not the same source, import it"
                + " again with --source");
    }

    private static String described(String owner) {
        return owner == null ? "none" : "\"" + owner + "\"";
    }

    /** OSM data is the same source whether it comes as PBF or XML. */
    private static String family(String format) {
        return format != null && format.startsWith("osm-") ? "osm" : format;
    }
}
