package de.ortsanker.imports.table;

import de.ortsanker.imports.FileImporter;
import de.ortsanker.imports.ImportContext;
import de.ortsanker.imports.ImportFailure;
import de.ortsanker.imports.ImportOptions;
import de.ortsanker.imports.Origin;
import de.ortsanker.imports.Target;
import de.ortsanker.imports.features.Columns;
import de.ortsanker.imports.features.FeatureMapper;
import de.ortsanker.imports.features.SourceFeature;
import de.ortsanker.imports.geocoding.Geocoder;
import de.ortsanker.imports.geometry.Crs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Imports a table — CSV or an Excel sheet — of places (or of localities with population): positions
 * from lon/lat columns (in --crs, default WGS 84), a WKT column, or, for rows with an address only,
 * geocoded offline against the addresses in the database.
 */
public final class TableImporter implements FileImporter {

    private static final Set<String> PROJECTED_NAMES = Set.of("rechtswert", "hochwert", "easting", "northing",
            "xkoordinate", "ykoordinate");

    private final Path file;
    private final ImportOptions options;
    private final boolean excel;
    private final FeatureMapper mapper;
    private final Crs crs;
    private final boolean geocode;

    public TableImporter(Path file, ImportOptions options, boolean excel) throws IOException {
        this.file = file;
        this.options = options;
        this.excel = excel;
        String name = file.getFileName().toString();
        List<String> header;
        try (Table t = open(null)) {
            header = t.header();
        }
        this.mapper = FeatureMapper.of(options, header, false, name);
        Columns columns = mapper.columns();
        if (options.crs() == null && columns.column("lon").map(Columns::fold).filter(PROJECTED_NAMES::contains)
                .isPresent()) {
            throw new ImportFailure(name + ": its coordinates are in column '" + columns.column("lon").get()
                    + "', which is not longitude and latitude: give their coordinate system with --crs (e.g. 25832)");
        }
        try {
            this.crs = Crs.epsg(options.crs() == null ? Crs.WGS84 : options.crs());
        } catch (IllegalArgumentException e) {
            throw new ImportFailure(e.getMessage());
        }
        this.geocode = mapper.needsGeocoding(false);
        if (geocode && !columns.has("addr_street") && !columns.has("addr_city")) {
            throw new ImportFailure(name + ": no position: it needs columns with coordinates (lon and lat, or x and y"
                    + " with --crs), a WKT geometry, or an address (street, house number, postcode, city) to geocode;"
                    + " its columns are: " + String.join(", ", header) + " (name them with --column lon=…)");
        }
    }

    private Table open(ImportContext context) throws IOException {
        if (excel) {
            var t = new XlsxTable(file, options.layer());
            if (context != null) {
                context.bytesRead(Files.size(file));
            }
            return t;
        }
        return new CsvTable(file.getFileName().toString(), context == null ? Files.newInputStream(file)
                : context.open(file), options.encoding(), options.delimiter());
    }

    @Override
    public String format() {
        return excel ? "xlsx" : "csv";
    }

    @Override
    public Set<Target> targets() {
        return Set.of(mapper.target());
    }

    @Override
    public Defaults defaults() {
        return mapper.defaults(null);
    }

    @Override
    public void read(ImportContext context) throws IOException {
        String name = file.getFileName().toString();
        mapper.describe(context, geocode ? "positions geocoded from the addresses (at least: "
                + (options.minimumMatch() == null ? "street" : options.minimumMatch()) + ")" : "CRS " + crs);
        try (Table table = open(context); var geocoder = new Geocoder(context.dataSource(), options.minimumMatch())) {
            if (geocode) {
                mapper.locateWith(geocoder);
            }
            Table.Row row;
            while ((row = table.next()) != null) {
                Origin origin = Origin.line(name, row.line());
                if (row.problem() != null) {
                    context.reject(origin, null, "the row " + row.problem(), mapper.target());
                    continue;
                }
                mapper.accept(new SourceFeature(origin, row.values(), null), crs, context);
            }
        }
    }
}
