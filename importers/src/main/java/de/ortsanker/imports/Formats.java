package de.ortsanker.imports;

import de.ortsanker.imports.geojson.GeoJsonImporter;
import de.ortsanker.imports.geopackage.GeoPackageImporter;
import de.ortsanker.imports.osm.OsmImporter;
import de.ortsanker.imports.population.GvIsysImporter;
import de.ortsanker.imports.population.PopulationGridImporter;
import de.ortsanker.imports.population.ZensusMunicipalitiesImporter;
import de.ortsanker.imports.shapefile.ShapefileImporter;
import de.ortsanker.imports.stops.StopList;
import de.ortsanker.imports.stops.StopListImporter;
import de.ortsanker.imports.table.CsvTable;
import de.ortsanker.imports.table.TableImporter;
import java.util.List;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Recognises a file's format by its name, and by its first bytes where the name does not say. */
final class Formats {

    private Formats() {
    }

    static FileImporter open(Path file, ImportOptions options) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".osm.pbf") || name.endsWith(".pbf")) {
            return new OsmImporter(file, options, true);
        }
        if (name.endsWith(".osm") || name.endsWith(".osm.gz") || name.endsWith(".osm.bz2") || name.endsWith(".osm.xml")) {
            return new OsmImporter(file, options, false);
        }
        if (name.endsWith(".shp")) {
            return new ShapefileImporter(file, options);
        }
        if (name.endsWith(".dbf") || name.endsWith(".shx") || name.endsWith(".prj") || name.endsWith(".cpg")) {
            throw new ImportFailure(file.getFileName() + ": part of a shapefile; import the .shp");
        }
        if (name.endsWith(".geojson") || name.endsWith(".json") || name.endsWith(".geojsonl")
                || name.endsWith(".geojsons") || name.endsWith(".ndjson")) {
            return new GeoJsonImporter(file, options);
        }
        if (name.endsWith(".gpkg")) {
            return new GeoPackageImporter(file, options);
        }
        if (name.endsWith(".csv") || name.endsWith(".tsv") || name.endsWith(".txt")) {
            return table(file, options);
        }
        if (name.endsWith(".xlsx")) {
            if ((options.target() == null || options.target() == Target.OFFICIAL_POPULATION)
                    && GvIsysImporter.recognises(file)) {
                return new GvIsysImporter(file);
            }
            return new TableImporter(file, options, true);
        }
        if (name.endsWith(".xls") || name.endsWith(".ods")) {
            throw new ImportFailure(file.getFileName() + ": save it as .xlsx or CSV (UTF-8) first; only .xlsx is read");
        }
        String head = head(file);
        if (head.contains("OSMHeader")) {
            return new OsmImporter(file, options, true);
        }
        if (head.startsWith("<?xml") && head.contains("<osm")) {
            return new OsmImporter(file, options, false);
        }
        if (head.startsWith("SQLite format 3")) {
            return new GeoPackageImporter(file, options);
        }
        if (head.stripLeading().startsWith("{")) {
            return new GeoJsonImporter(file, options);
        }
        throw new ImportFailure(file.getFileName() + ": unknown format (known: .osm.pbf, .osm, .shp, .geojson, .gpkg,"
                + " .csv, .xlsx)");
    }

    /** A CSV file: a census grid, a transport authority's stop list, or a table of places or localities. */
    private static FileImporter table(Path file, ImportOptions options) throws IOException {
        List<String> header;
        try (var csv = new CsvTable(file.getFileName().toString(), Files.newInputStream(file), options.encoding(),
                options.delimiter())) {
            header = csv.header();
        }
        if (options.target() == null || options.target() == Target.POPULATION_CELLS) {
            if (PopulationGridImporter.recognises(header)) {
                return new PopulationGridImporter(file, options, header);
            }
        }
        if (options.target() == null || options.target() == Target.OFFICIAL_POPULATION) {
            if (ZensusMunicipalitiesImporter.recognises(header)) {
                return new ZensusMunicipalitiesImporter(file, options, header);
            }
        }
        StopList stops = StopList.recognise(header);
        if (stops != null && (options.target() == null || options.target() == Target.PLACES)) {
            return new StopListImporter(file, options, stops);
        }
        return new TableImporter(file, options, false);
    }

    private static String head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(512), StandardCharsets.ISO_8859_1);
        }
    }
}
