package de.ortsanker.imports;

import de.ortsanker.imports.gtfs.FeedFiles;
import java.nio.file.Path;
import javax.sql.DataSource;

/**
 * Imports a file into the database: OpenStreetMap (.osm.pbf, .osm), GeoJSON, GeoPackage, Shapefile,
 * CSV and Excel, into places, localities, admin areas, population cells and addresses; a GTFS feed (a zip,
 * or a folder, holding stops.txt, trips.txt or stop_times.txt; GTFS-Flex zones too) into the timetables
 * ({@code transit_*}, V93), replacing the feed's rows as a whole.
 *
 * <p>Atomic (everything or nothing, also when the process is killed), idempotent (records are keyed by
 * source and source id; the same file twice changes nothing), and every run is recorded in
 * {@code import_runs}. Bad records are reported with file, line or feature, field and reason.
 *
 * <pre>{@code
 * ImportResult r = Imports.importFile(dataSource, Path.of("data/osm/north-bayreuth.osm.pbf"));
 * r.status(); r.added(); r.problems();
 * }</pre>
 *
 * The schema must be migrated (the command line does it; the library does not).
 */
public final class Imports {

    private Imports() {
    }

    /**
     * Imports with defaults: an OSM file with the built-in mapping, ODbL attribution and its file name as
     * source; BKG VG5000 shapefiles into admin_areas; other files by their own CRS and column names.
     */
    public static ImportResult importFile(DataSource dataSource, Path file) {
        return importFile(dataSource, file, ImportOptions.defaults());
    }

    public static ImportResult importFile(DataSource dataSource, Path file, ImportOptions options) {
        if (FeedFiles.recognises(file)) {
            return new TimetableImport(dataSource, file, options).run();
        }
        return new ImportJob(dataSource, file, options).run();
    }
}
