package de.ortsanker.imports;

import de.ortsanker.imports.osm.OsmImporter;
import de.ortsanker.imports.shapefile.ShapefileImporter;
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
        String head = head(file);
        if (head.startsWith("OSMHeader", 8) || head.contains("OSMHeader")) {
            return new OsmImporter(file, options, true);
        }
        if (head.startsWith("<?xml") && head.contains("<osm")) {
            return new OsmImporter(file, options, false);
        }
        throw new ImportFailure(file.getFileName() + ": unknown format (known: .osm.pbf, .osm, .shp)");
    }

    private static String head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(512), StandardCharsets.ISO_8859_1);
        }
    }
}
