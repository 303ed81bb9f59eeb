package de.ortsanker.imports.shapefile;

import de.ortsanker.imports.FileImporter;
import de.ortsanker.imports.ImportContext;
import de.ortsanker.imports.ImportFailure;
import de.ortsanker.imports.ImportOptions;
import de.ortsanker.imports.Origin;
import de.ortsanker.imports.Problem;
import de.ortsanker.imports.Target;
import de.ortsanker.imports.features.FeatureMapper;
import de.ortsanker.imports.features.SourceFeature;
import de.ortsanker.imports.geometry.Crs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Imports an ESRI shapefile: geometries from the .shp, attributes from the .dbf (in the code page of its
 * .cpg or header), the CRS from the .prj (or --crs). The BKG VG5000/VG250 files are recognised by their
 * attributes and go into admin_areas with their level and AGS; other files are mapped by column names.
 */
public final class ShapefileImporter implements FileImporter {

    private static final Pattern GERMAN_DATE = Pattern.compile("\\d{1,2}\\.\\d{1,2}\\.(\\d{4})");

    private final Path shp;
    private final Path dbf;
    private final Path prj;
    private final Path cpg;
    private final ImportOptions options;
    private final Crs crs;
    private final FeatureMapper mapper;
    private final String year;

    public ShapefileImporter(Path shp, ImportOptions options) throws IOException {
        this.shp = shp;
        this.options = options;
        String name = shp.getFileName().toString();
        this.dbf = sibling(shp, "dbf").orElseThrow(() -> new ImportFailure(name + ": its attribute table "
                + name.replaceFirst("(?i)\\.shp$", ".dbf") + " is missing (a shapefile is .shp, .shx, .dbf and .prj)"));
        this.prj = sibling(shp, "prj").orElse(null);
        this.cpg = sibling(shp, "cpg").orElse(null);
        List<String> columns = new ArrayList<>();
        int dbfYear;
        try (var table = openDbf(null)) {
            table.fields().forEach(f -> columns.add(f.name()));
            dbfYear = table.headerYear();
        }
        boolean areal;
        try (var geometries = new ShpReader(name, Files.newInputStream(shp), Files.size(shp), new GeometryFactory())) {
            areal = geometries.areal();
        }
        this.crs = crs(name);
        this.mapper = FeatureMapper.of(options, columns, areal, name);
        this.year = currency(shp).orElse(String.valueOf(dbfYear));
    }

    @Override
    public String format() {
        return "shapefile";
    }

    @Override
    public Set<Target> targets() {
        return Set.of(mapper.target());
    }

    @Override
    public List<Path> files() {
        var files = new ArrayList<>(List.of(shp, dbf));
        if (prj != null) {
            files.add(prj);
        }
        if (cpg != null) {
            files.add(cpg);
        }
        return files;
    }

    @Override
    public Defaults defaults() {
        return mapper.defaults(year);
    }

    @Override
    public void read(ImportContext context) throws IOException {
        String name = shp.getFileName().toString();
        mapper.describe(context, "CRS " + crs);
        try (var geometries = new ShpReader(name, context.open(shp), Files.size(shp), new GeometryFactory());
             var table = openDbf(context)) {
            long deleted = 0;
            while (geometries.hasNext()) {
                Geometry g = geometries.next();
                Map<String, Object> attributes = table.next();
                if (attributes == null) {
                    throw new ImportFailure(name + ": the .dbf has fewer records (" + table.records() + ") than the"
                            + " .shp has shapes: one of them is truncated or they do not belong together");
                }
                if (attributes.remove("\u0000deleted") != null) {
                    deleted++;
                    continue;
                }
                var origin = Origin.feature(name, geometries.number());
                var corrupted = geometries.corrupted(g);
                if (corrupted.isPresent()) {
                    context.reject(origin, "geometry", corrupted.get(), mapper.target());
                    continue;
                }
                mapper.accept(new SourceFeature(origin, attributes, g), crs, context);
            }
            if (table.next() != null) {
                // 401 Länder rows beside 25 district shapes were imported as districts named Flensburg, Kiel …
                throw new ImportFailure(name + ": the .dbf has more records (" + table.records() + ") than the .shp"
                        + " has shapes (" + geometries.number() + "): they do not belong together");
            }
            long indexed = shxRecords();
            if (indexed >= 0 && indexed != geometries.number()) {
                throw new ImportFailure(name + ": the .shx indexes " + indexed + " shapes, the .shp holds "
                        + geometries.number() + ": one of them is truncated or they do not belong together");
            }
            if (deleted > 0) {
                context.problem(new Problem(name, null, null, null, null, deleted
                        + " records are marked deleted in the .dbf and were left out", Problem.Action.NOTE));
            }
        }
    }

    /** How many shapes the .shx beside the .shp indexes (8 bytes each after a 100-byte header); -1 without one. */
    private long shxRecords() throws IOException {
        Optional<Path> shx = sibling(shp, "shx");
        if (shx.isEmpty()) {
            return -1;
        }
        long size = Files.size(shx.get());
        if (size < 100 || (size - 100) % 8 != 0) {
            throw new ImportFailure(shx.get().getFileName() + ": is not a shape index (" + size + " bytes)");
        }
        return (size - 100) / 8;
    }

    private DbfReader openDbf(ImportContext context) throws IOException {
        String cpgText = cpg == null ? null : Files.readString(cpg, StandardCharsets.ISO_8859_1);
        InputStream in = context == null ? Files.newInputStream(dbf) : context.open(dbf);
        return new DbfReader(dbf.getFileName().toString(), in, cpgText, options.encoding());
    }

    private Crs crs(String name) throws IOException {
        Integer code = options.crs();
        if (code == null) {
            if (prj == null) {
                throw new ImportFailure(name + ": has no .prj saying its coordinate system: give it with --crs"
                        + " (e.g. --crs 25832)");
            }
            String wkt = Files.readString(prj, StandardCharsets.ISO_8859_1);
            code = Prj.epsg(wkt).orElseThrow(() -> new ImportFailure(prj.getFileName() + ": the coordinate system '"
                    + wkt.substring(0, Math.min(80, wkt.length())) + "…' is not recognised: give its EPSG code with"
                    + " --crs"));
        }
        try {
            return Crs.epsg(code);
        } catch (IllegalArgumentException e) {
            throw new ImportFailure(e.getMessage());
        }
    }

    /** BKG ships the data's date in aktualitaet.txt ("01.01.2021"): the year of the attribution. */
    private static Optional<String> currency(Path shp) {
        Path dir = shp.toAbsolutePath().getParent();
        Path file = dir == null ? null : dir.resolve("aktualitaet.txt");
        if (file == null || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Matcher m = GERMAN_DATE.matcher(Files.readString(file, StandardCharsets.ISO_8859_1));
            return m.find() ? Optional.of(m.group(1)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The file beside the .shp with the same name and another extension, in either case. */
    static Optional<Path> sibling(Path shp, String extension) {
        String base = shp.getFileName().toString().replaceFirst("(?i)\\.shp$", "");
        Path dir = shp.toAbsolutePath().getParent();
        for (String ext : List.of(extension, extension.toUpperCase())) {
            Path p = dir.resolve(base + "." + ext);
            if (Files.isRegularFile(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
