package de.ortsanker.imports;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * A format's reader: turns a file into records and hands them to the run's {@link ImportContext}.
 * Created for one file by {@link Formats#open}; it may look into the file there (header, columns) to say
 * what it will fill.
 */
public interface FileImporter {

    /**
     * Source, licence and attribution the format implies (OSM: ODbL); null where it cannot know.
     * {@code namedAfterFile}: the source is only the file's name (not known from the data, like BKG or GeoNames).
     */
    record Defaults(String source, String licence, String attribution, boolean namedAfterFile) {
        public Defaults(String source, String licence, String attribution) {
            this(source, licence, attribution, false);
        }
    }

    /** A short name of the format, recorded with the run: osm-pbf, shapefile, geojson … */
    String format();

    /** The tables this file fills. Records of these tables that the file lacks are retired. */
    Set<Target> targets();

    /** The files the input consists of (a shapefile's .shp, .dbf, .prj …), for the run's checksum. */
    default List<Path> files() {
        return List.of();
    }

    Defaults defaults();

    /**
     * Rejections allowed before a run aborts when --max-errors is not given: 100 for files a steward keeps;
     * none for OSM, where an extract always holds some unusable objects (they are still reported).
     */
    default long defaultMaxErrors() {
        return ImportOptions.DEFAULT_MAX_ERRORS;
    }

    /** Reads the whole file; a file that cannot be read throws {@link ImportFailure}. */
    void read(ImportContext context) throws IOException;
}
