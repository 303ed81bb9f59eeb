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

/**
 * {@code scripts/import.sh FILE… [options]}: imports files into the database named by the environment
 * (the one scripts/run.sh serves), migrating its schema first. Exit code 0 when every file was imported
 * (or checked, with --dry-run), 1 when one failed or was aborted, 2 for a usage or database problem.
 */
public final class ImportCommand {

    static final String USAGE = """
            usage: scripts/import.sh FILE… [options]

            Imports OpenStreetMap (.osm.pbf, .osm), GeoJSON, GeoPackage, Shapefile (.shp), CSV and Excel
            (.xlsx) files into the database that scripts/run.sh serves (ORTSANKER_DB_URL, _USER, _PASSWORD).
            Each file is one run: atomic (all or nothing), idempotent (the same file twice changes nothing),
            recorded in import_runs. An OSM file needs no options.

              --source NAME          the source the records are keyed by (default: the file's name)
              --licence TEXT         the data's licence, e.g. ODbL-1.0, dl-de/by-2-0, CC-BY-4.0
              --attribution TEXT     the attribution to show, e.g. "© Gemeinde Harsdorf"
              --kind KIND            the kind of every record, for files without a kind column (club, …)
              --target TABLE         places, localities, admin_areas or population_cells (default: recognised)
              --level LEVEL          for admin_areas: land, regierungsbezirk, kreis, gemeinde (default: from the AGS)
              --mapping FILE         an OSM mapping (YAML; see --print-mapping) replacing or extending the built-in one
              --column FIELD=COLUMN  which column fills a field (repeatable): name=Vereinsname, lon=X, lat=Y, wkt=WKT,
                                     addr_street=Strasse … (common German and English names are recognised)
              --id COLUMN            the column with a stable id of each record
              --crs EPSG             the coordinate system of the input (default: from .prj / GeoJSON crs; tables: 4326)
              --encoding CHARSET     text encoding of a CSV or .dbf (default: UTF-8, or the .cpg / DBF header)
              --delimiter CHAR       CSV column separator (default: recognised among ; , tab |)
              --layer NAME           the Excel worksheet (default: the first) or GeoPackage table (--sheet too)
              --min-match QUALITY    rows with an address only are geocoded against the database's addresses; the
                                     least match accepted: address, street (default: the nearest known house) or locality
              --census NAME          the census of a population grid, e.g. "Zensus 2022" (default: from the file name)
              --partial              the file holds only part of the source: records missing from it are kept
              --on-conflict keep|overwrite
                                     a record edited by hand that the source changed: keep the edit and report
                                     the conflict (default), or take the source's version
              --dry-run              check and report what would change, change nothing
              --max-errors N         abort, changing nothing, when more records are rejected (default 100; OSM: no limit)
              --skip-unchanged       do nothing for a file imported successfully before with the same checksum
              --staging-buffer BYTES the staging buffer per table (default 4194304); a source's first import whose
                                     place rows overflow it loads them as a partition of places of its own
              --quiet                no progress output
              --print-mapping        print the built-in OSM mapping and exit

            exit code: 0 success, 1 a file failed or was aborted (nothing of it was written), 2 usage or database problem
            """;

    private ImportCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Arguments a;
        try {
            a = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("import: " + e.getMessage());
            err.println("(scripts/import.sh --help lists the options)");
            return 2;
        }
        if (a.help) {
            out.print(USAGE);
            return 0;
        }
        if (a.printMapping) {
            out.print(OsmMapping.builtinText());
            return 0;
        }
        if (a.files.isEmpty()) {
            err.println("import: no file given");
            err.print(USAGE);
            return 2;
        }
        for (Path f : a.files) {
            if (!Files.isRegularFile(f)) {
                err.println("import: " + f + ": no such file");
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
            ImportOptions options = progress == null ? a.options : a.options.toBuilder().progress(progress).build();
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

    /** The settings' data source, or null when the settings cannot even make one (a malformed URL). */
    private static DataSource usable(DatabaseSettings settings) {
        try {
            return settings.dataSource();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The parsed command line. */
    static final class Arguments {
        final List<Path> files = new ArrayList<>();
        ImportOptions options;
        private final ImportOptions.Builder builder = ImportOptions.builder();
        boolean quiet;
        boolean help;
        boolean printMapping;

        static Arguments parse(String[] args) {
            var a = new Arguments();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                String value = null;
                if (arg.startsWith("--") && arg.contains("=") && !arg.startsWith("--column=")) {
                    value = arg.substring(arg.indexOf('=') + 1);
                    arg = arg.substring(0, arg.indexOf('='));
                } else if (arg.startsWith("--column=")) {
                    value = arg.substring(9);
                    arg = "--column";
                }
                switch (arg) {
                    case "-h", "--help" -> a.help = true;
                    case "--quiet", "-q" -> a.quiet = true;
                    case "--print-mapping" -> a.printMapping = true;
                    case "--dry-run" -> a.builder.dryRun(true);
                    case "--partial" -> a.builder.complete(false);
                    case "--skip-unchanged" -> a.builder.skipUnchangedFile(true);
                    default -> {
                        if (!arg.startsWith("--")) {
                            a.files.add(Path.of(arg));
                            continue;
                        }
                        if (value == null) {
                            if (i + 1 >= args.length) {
                                throw new IllegalArgumentException(arg + " needs a value");
                            }
                            value = args[++i];
                        }
                        a.option(arg, value);
                    }
                }
            }
            a.options = a.builder.build();
            return a;
        }

        private void option(String name, String value) {
            switch (name) {
                case "--source" -> builder.source(value);
                case "--licence", "--license" -> builder.licence(value);
                case "--attribution" -> builder.attribution(value);
                case "--kind" -> builder.kind(value);
                case "--mapping" -> {
                    Path p = Path.of(value);
                    if (!Files.isRegularFile(p)) {
                        throw new IllegalArgumentException("--mapping " + value + ": no such file");
                    }
                    builder.mapping(p);
                }
                case "--column" -> {
                    int eq = value.indexOf('=');
                    if (eq <= 0 || eq == value.length() - 1) {
                        throw new IllegalArgumentException("--column takes FIELD=COLUMN, e.g. --column name=Vereinsname");
                    }
                    builder.column(value.substring(0, eq).strip(), value.substring(eq + 1).strip());
                }
                case "--id" -> builder.idColumn(value);
                case "--target" -> builder.target(target(value));
                case "--level" -> {
                    if (!List.of("land", "regierungsbezirk", "kreis", "gemeindeverband", "gemeinde").contains(value)) {
                        throw new IllegalArgumentException("--level must be land, regierungsbezirk, kreis,"
                                + " gemeindeverband or gemeinde, not " + value);
                    }
                    builder.level(value);
                }
                case "--crs" -> builder.crs(epsg(value));
                case "--encoding" -> {
                    try {
                        builder.encoding(Charset.forName(value));
                    } catch (RuntimeException e) {
                        throw new IllegalArgumentException("--encoding " + value + ": unknown (try UTF-8, windows-1252,"
                                + " ISO-8859-1)");
                    }
                }
                case "--delimiter" -> {
                    String d = value.equals("\\t") || value.equalsIgnoreCase("tab") ? "\t" : value;
                    if (d.length() != 1) {
                        throw new IllegalArgumentException("--delimiter takes one character, not " + value);
                    }
                    builder.delimiter(d.charAt(0));
                }
                case "--layer", "--sheet" -> builder.layer(value);
                case "--min-match" -> {
                    if (!List.of("address", "street", "locality").contains(value)) {
                        throw new IllegalArgumentException("--min-match must be address, street or locality");
                    }
                    builder.minimumMatch(value);
                }
                case "--census" -> builder.census(value);
                case "--on-conflict" -> {
                    try {
                        builder.onConflict(ImportOptions.OnConflict.valueOf(value.toUpperCase(Locale.ROOT)));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("--on-conflict must be keep or overwrite, not " + value);
                    }
                }
                case "--max-errors" -> {
                    try {
                        builder.maxErrors(Long.parseLong(value));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--max-errors takes a number, not " + value);
                    }
                }
                case "--staging-buffer" -> {
                    try {
                        builder.stagingBuffer(Integer.parseInt(value));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--staging-buffer takes a number of bytes, not " + value);
                    }
                }
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }

        private static Target target(String value) {
            for (Target t : Target.values()) {
                if (t.table().equals(value)) {
                    return t;
                }
            }
            throw new IllegalArgumentException("--target must be places, localities, admin_areas or population_cells,"
                    + " not " + value);
        }

        static int epsg(String value) {
            String v = value.toUpperCase(Locale.ROOT).replaceFirst("^EPSG:", "")
                    .replaceFirst("^HTTP://WWW.OPENGIS.NET/DEF/CRS/EPSG/0/", "");
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--crs takes an EPSG code such as 25832, not " + value);
            }
        }
    }
}
