package de.ortsanker.imports.cli;

import de.ortsanker.database.DatabaseCheck;
import de.ortsanker.database.DatabaseSettings;
import de.ortsanker.database.Migrations;
import de.ortsanker.imports.ImportOptions;
import de.ortsanker.imports.ImportResult;
import de.ortsanker.imports.Imports;
import de.ortsanker.imports.Target;
import de.ortsanker.imports.osm.OsmMapping;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * {@code scripts/import.sh FILE… [options]}: imports files into the database named by the environment
 * (the one scripts/run.sh serves), migrating its schema first. Exit code 0 when every file was imported
 * (or checked, with --dry-run), 1 when one failed or was aborted, 2 for a usage or database problem.
 * Options, help and usage errors by picocli.
 */
public final class ImportCommand {

    private ImportCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        var a = new Arguments();
        CommandLine line = commandLine(a);
        ImportOptions given;
        try {
            line.parseArgs(args);
            given = a.options();
        } catch (ParameterException e) {
            return usageError(problem(e), err);
        } catch (IllegalArgumentException e) {
            return usageError(e.getMessage(), err);
        }
        if (line.isUsageHelpRequested()) {
            line.usage(out, Help.Ansi.OFF);
            return 0;
        }
        if (a.printMapping) {
            out.print(OsmMapping.builtinText());
            return 0;
        }
        if (a.files.isEmpty()) {
            err.println("import: no file given");
            line.usage(err, Help.Ansi.OFF);
            return 2;
        }
        for (Path f : a.files) {
            // A GTFS feed may also be an unpacked folder.
            if (!Files.isRegularFile(f) && !(Files.isDirectory(f) && de.ortsanker.imports.gtfs.FeedFiles.recognises(f))) {
                err.println("import: " + f + ": no such file" + (Files.isDirectory(f)
                        ? " (a folder is read only when it is a GTFS feed: stops.txt, trips.txt, stop_times.txt)" : ""));
                return 2;
            }
        }
        var settings = DatabaseSettings.fromEnvironment();
        DataSource dataSource = usable(settings);
        // Usually the database is there and up to date: one quick look. Otherwise diagnose, then migrate.
        if (dataSource == null || !SchemaState.upToDate(dataSource)) {
            var problem = DatabaseCheck.problemWith(settings);
            for (int attempt = 1; attempt < 3 && problem.filter(p -> p.contains("timed out")).isPresent(); attempt++) {
                problem = DatabaseCheck.problemWith(settings);     // a busy server may take longer than one try
            }
            if (problem.isPresent()) {
                err.println("import: " + problem.get());
                return 2;
            }
            dataSource = settings.dataSource();
            var migrated = Migrations.migrate(dataSource);
            if (migrated.migrationsExecuted > 0) {
                err.println("import: database " + settings.describe() + " migrated to version "
                        + migrated.targetSchemaVersion);
            }
        }
        int exit = 0;
        for (Path file : a.files) {
            var progress = a.quiet ? null : new ProgressPrinter(err, file.getFileName().toString());
            ImportOptions options = progress == null ? given : given.toBuilder().progress(progress).build();
            ImportResult result;
            try {
                result = Imports.importFile(dataSource, file, options);
            } catch (RuntimeException e) {
                if (progress != null) {
                    progress.clear();
                }
                err.println("import: " + file.getFileName() + ": " + e.getMessage());
                return 2;
            }
            if (progress != null) {
                progress.clear();
            }
            Summary.print(result, out);
            if (!result.succeeded()) {
                exit = 1;
            }
        }
        return exit;
    }

    /** The command line filling these arguments: as before picocli, a repeated option's last value counts. */
    static CommandLine commandLine(Arguments arguments) {
        return new CommandLine(arguments).setOverwrittenOptionsAllowed(true).setUsageHelpLongOptionsMaxWidth(23);
    }

    private static int usageError(String problem, PrintStream err) {
        err.println("import: " + problem);
        err.println("(scripts/import.sh --help lists the options)");
        return 2;
    }

    /** What is wrong with the command line, worded as before picocli read it: the option's name first. */
    private static String problem(ParameterException e) {
        if (e instanceof UnmatchedArgumentException u && u.isUnknownOption()) {
            return "unknown option " + u.getUnmatched().get(0).replaceFirst("=.*", "");
        }
        if (e instanceof MissingParameterException m && m.getMissing().get(0) instanceof OptionSpec o) {
            return o.longestName() + " needs a value";
        }
        if (e.getCause() instanceof TypeConversionException t && e.getArgSpec() instanceof OptionSpec o) {
            return o.longestName() + " " + t.getMessage();
        }
        return e.getMessage();
    }

    /** The settings' data source, or null when the settings cannot even make one (a malformed URL). */
    private static DataSource usable(DatabaseSettings settings) {
        try {
            return settings.dataSource();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The command line's files and options, as picocli fills them. */
    @Command(name = "scripts/import.sh", synopsisHeading = "", customSynopsis = "usage: scripts/import.sh FILE… [options]",
            descriptionHeading = "%n", description = {
                "Imports OpenStreetMap (.osm.pbf, .osm), GeoJSON, GeoPackage, Shapefile (.shp), CSV and Excel",
                "(.xlsx) files into the database that scripts/run.sh serves (ORTSANKER_DB_URL, _USER, _PASSWORD).",
                "Each file is one run: atomic (all or nothing), idempotent (the same file twice changes nothing),",
                "recorded in import_runs. An OSM file needs no options."},
            parameterListHeading = "%n", optionListHeading = "%n", sortOptions = false, usageHelpWidth = 116,
            footerHeading = "%n", footer = "exit code: 0 success, 1 a file failed or was aborted (nothing of it was"
                    + " written), 2 usage or database problem")
    static final class Arguments {

        @Parameters(paramLabel = "FILE", description = "the files to import, one run each")
        final List<Path> files = new ArrayList<>();

        @Option(names = "--source", paramLabel = "NAME",
                description = "the source the records are keyed by (default: the file's name)")
        String source;

        @Option(names = "--owner", paramLabel = "OWNER",
                description = "who the source belongs to: an organisation (\"Gemeinde Harsdorf\") or account:LOGIN;"
                        + " recorded, and part of a source name made from the file's")
        String owner;

        @Option(names = "--replace-source",
                description = "import even when licence, attribution, owner or format differ from the source's last run:"
                        + " this file replaces the source (otherwise such a run is refused)")
        boolean replaceSource;

        @Option(names = {"--licence", "--license"}, paramLabel = "TEXT",
                description = "the data's licence, e.g. ODbL-1.0, dl-de/by-2-0, CC-BY-4.0")
        String licence;

        @Option(names = "--attribution", paramLabel = "TEXT",
                description = "the attribution to show, e.g. \"© Gemeinde Harsdorf\"")
        String attribution;

        @Option(names = "--kind", paramLabel = "KIND",
                description = "the kind of every record, for files without a kind column (club, …)")
        String kind;

        @Option(names = "--target", paramLabel = "TABLE", converter = OptionValues.Table.class,
                description = "places, localities, admin_areas or population_cells (default: recognised)")
        Target target;

        @Option(names = "--level", paramLabel = "LEVEL", converter = OptionValues.Level.class,
                description = "for admin_areas: land, regierungsbezirk, kreis, gemeinde (default: from the AGS)")
        String level;

        @Option(names = "--mapping", paramLabel = "FILE", converter = OptionValues.ExistingFile.class,
                description = "an OSM mapping (YAML; see --print-mapping) replacing or extending the built-in one")
        Path mapping;

        @Option(names = "--column", paramLabel = "FIELD=COLUMN", converter = OptionValues.FieldColumn.class,
                description = "which column fills a field (repeatable): name=Vereinsname, lon=X, lat=Y, wkt=WKT,"
                        + " addr_street=Strasse … (common German and English names are recognised)")
        final List<OptionValues.Column> columns = new ArrayList<>();

        @Option(names = "--id", paramLabel = "COLUMN", description = "the column with a stable id of each record")
        String idColumn;

        @Option(names = "--crs", paramLabel = "EPSG", converter = OptionValues.Epsg.class,
                description = "the coordinate system of the input (default: from .prj / GeoJSON crs; tables: 4326)")
        Integer crs;

        @Option(names = "--encoding", paramLabel = "CHARSET", converter = OptionValues.Encoding.class,
                description = "text encoding of a CSV or .dbf (default: UTF-8, or the .cpg / DBF header)")
        Charset encoding;

        @Option(names = "--delimiter", paramLabel = "CHAR", converter = OptionValues.Delimiter.class,
                description = "CSV column separator (default: recognised among ; , tab |)")
        Character delimiter;

        @Option(names = {"--layer", "--sheet"}, paramLabel = "NAME",
                description = "the Excel worksheet (default: the first) or GeoPackage table")
        String layer;

        @Option(names = "--min-match", paramLabel = "QUALITY", converter = OptionValues.MatchQuality.class,
                description = "rows with an address only are geocoded against the database's addresses; the least"
                        + " match accepted: address, street (default: the nearest known house) or locality")
        String minimumMatch;

        @Option(names = "--census", paramLabel = "NAME",
                description = "the census of a population grid, e.g. \"Zensus 2022\" (default: from the file name)")
        String census;

        @Option(names = "--area", paramLabel = "AGS", converter = OptionValues.Ags.class,
                description = "import only what lies inside this area's official boundary (the AGS of a Kreis,"
                        + " Gemeinde or Land, e.g. 12062; its boundary must be imported first)")
        String area;

        @Option(names = "--partial",
                description = "the file holds only part of the source: records missing from it are kept")
        boolean partial;

        @Option(names = "--on-conflict", paramLabel = "keep|overwrite", converter = OptionValues.OnConflict.class,
                description = "a record edited by hand that the source changed: keep the edit and report the"
                        + " conflict (default), or take the source's version")
        ImportOptions.OnConflict onConflict = ImportOptions.OnConflict.KEEP;

        @Option(names = "--dry-run", description = "check and report what would change, change nothing")
        boolean dryRun;

        @Option(names = "--max-errors", paramLabel = "N", converter = OptionValues.MaxErrors.class,
                description = "abort, changing nothing, when more than N records are rejected (default 100; OSM:"
                        + " no limit); none: no limit")
        Long maxErrors;

        @Option(names = "--skip-unchanged",
                description = "do nothing for a file imported successfully before with the same checksum")
        boolean skipUnchanged;

        @Option(names = "--staging-buffer", paramLabel = "BYTES", converter = OptionValues.StagingBuffer.class,
                description = "the staging buffer per table (default 4194304); a source's first import whose place"
                        + " rows overflow it loads them as a partition of places of its own")
        int stagingBuffer = ImportOptions.DEFAULT_STAGING_BUFFER;

        @Option(names = {"-q", "--quiet"}, description = "no progress output")
        boolean quiet;

        @Option(names = "--print-mapping", description = "print the built-in OSM mapping and exit")
        boolean printMapping;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "this help")
        boolean help;

        ImportOptions options() {
            var b = ImportOptions.builder().source(source).licence(licence).attribution(attribution).kind(kind)
                    .target(target).level(level).mapping(mapping).idColumn(idColumn).crs(crs).encoding(encoding)
                    .delimiter(delimiter).layer(layer).minimumMatch(minimumMatch).census(census).area(area).complete(!partial)
                    .onConflict(onConflict).dryRun(dryRun).skipUnchangedFile(skipUnchanged)
                    .stagingBuffer(stagingBuffer).replaceSource(replaceSource).owner(owner);
            columns.forEach(c -> b.column(c.field(), c.column()));
            if (maxErrors != null) {
                b.maxErrors(maxErrors);
            }
            return b.build();
        }

        /** An EPSG code as a number, "EPSG:25832" or an OGC URI. */
        static int epsg(String value) {
            String v = value.toUpperCase(Locale.ROOT).replaceFirst("^EPSG:", "")
                    .replaceFirst("^HTTP://WWW.OPENGIS.NET/DEF/CRS/EPSG/0/", "");
            try {
                int code = Integer.parseInt(v);
                if (code > 0) {
                    return code;
                }
            } catch (NumberFormatException e) {
                // refused below
            }
            throw new TypeConversionException("takes an EPSG code such as 25832, not " + value);
        }
    }
}
