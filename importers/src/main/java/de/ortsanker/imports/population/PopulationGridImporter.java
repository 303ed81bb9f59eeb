package de.ortsanker.imports.population;

import de.ortsanker.imports.FileImporter;
import de.ortsanker.imports.ImportContext;
import de.ortsanker.imports.ImportFailure;
import de.ortsanker.imports.ImportOptions;
import de.ortsanker.imports.Origin;
import de.ortsanker.imports.PopulationCellRecord;
import de.ortsanker.imports.Problem;
import de.ortsanker.imports.SourceValues;
import de.ortsanker.imports.Target;
import de.ortsanker.imports.geometry.Crs;
import de.ortsanker.imports.table.CsvTable;
import de.ortsanker.imports.table.Table;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * Imports a German census grid (Zensus 2011 / 2022, "Bevölkerung im 100-Meter-Gitter"): a CSV of cells
 * with their id (CRS3035RES100mN2689100E4337000), centre in ETRS89-LAEA (EPSG:3035, stored as
 * published) and inhabitants. Cells the statistical offices kept secret (-1, "–") are left out and
 * counted; a cell whose id and centre disagree is rejected.
 */
public final class PopulationGridImporter implements FileImporter {

    private static final Pattern ID_COLUMN = Pattern.compile("(?i)gitter_id_(\\d+)(m|km)");
    private static final Pattern CELL_ID = Pattern.compile("CRS3035RES(\\d+)(m|km)N(\\d+)E(\\d+)");
    private static final Pattern CENSUS = Pattern.compile("(?i)zensus[ _-]?(\\d{4})");
    private static final GeometryFactory LAEA = new GeometryFactory(new PrecisionModel(), 3035);

    private final Path file;
    private final ImportOptions options;
    private final String idColumn;
    private final String xColumn;
    private final String yColumn;
    private final String populationColumn;
    private final int size;
    private final String census;

    public PopulationGridImporter(Path file, ImportOptions options, List<String> header) {
        this.file = file;
        this.options = options;
        String name = file.getFileName().toString();
        this.idColumn = find(header, ID_COLUMN.pattern()).orElseThrow();
        Matcher m = ID_COLUMN.matcher(idColumn);
        m.matches();
        this.size = Integer.parseInt(m.group(1)) * (m.group(2).equalsIgnoreCase("km") ? 1000 : 1);
        if (!Set.of(100, 250, 1000, 10000).contains(size)) {
            throw new ImportFailure(name + ": cells of " + size + " m are not supported (100 m, 250 m, 1 km, 10 km)");
        }
        this.xColumn = find(header, "(?i)x_mp_.*").orElseThrow(() -> missing(name, "x_mp_…"));
        this.yColumn = find(header, "(?i)y_mp_.*").orElseThrow(() -> missing(name, "y_mp_…"));
        this.populationColumn = find(header, "(?i)einwohner|insgesamt_bevoelkerung|population")
                .orElseThrow(() -> missing(name, "Einwohner"));
        if (options.census() != null) {
            this.census = options.census();
        } else {
            Matcher c = CENSUS.matcher(name);
            if (!c.find()) {
                throw new ImportFailure(name + ": which census is it? Give it with --census, e.g. --census \"Zensus 2022\"");
            }
            this.census = "Zensus " + c.group(1);
        }
    }

    /** Whether a CSV header is a census grid's. */
    public static boolean recognises(List<String> header) {
        return find(header, ID_COLUMN.pattern()).isPresent() && find(header, "(?i)x_mp_.*").isPresent();
    }

    private static Optional<String> find(List<String> header, String regex) {
        return header.stream().filter(h -> h.strip().matches(regex)).findFirst();
    }

    private static ImportFailure missing(String name, String column) {
        return new ImportFailure(name + ": a census grid needs a column " + column);
    }

    @Override
    public String format() {
        return "census-grid";
    }

    @Override
    public Set<Target> targets() {
        return Set.of(Target.POPULATION_CELLS);
    }

    @Override
    public Defaults defaults() {
        String cells = size >= 1000 ? size / 1000 + " km" : size + " m";
        return new Defaults(census + " " + cells, "dl-de/by-2-0",
                "© Statistische Ämter des Bundes und der Länder, " + census);
    }

    @Override
    public void read(ImportContext context) throws IOException {
        String name = file.getFileName().toString();
        Crs laea = Crs.epsg(3035);
        long secret = 0;
        try (Table table = new CsvTable(name, context.open(file), options.encoding(), options.delimiter())) {
            Table.Row row;
            while ((row = table.next()) != null) {
                Origin origin = Origin.line(name, row.line());
                Object id = row.values().get(idColumn);
                Object inhabitants = row.values().get(populationColumn);
                String count = inhabitants == null ? "" : inhabitants.toString().strip();
                if (count.isEmpty() || count.equals("-1") || count.equals("–") || count.equals("-")) {
                    secret++;
                    continue;
                }
                Integer population = SourceValues.parseInteger(count);
                if (population == null || population < 0) {
                    context.reject(origin, populationColumn, "'" + count + "' is not a number of inhabitants",
                            Target.POPULATION_CELLS);
                    continue;
                }
                Double x = number(row.values().get(xColumn));
                Double y = number(row.values().get(yColumn));
                if (x == null || y == null) {
                    context.reject(origin, x == null ? xColumn : yColumn, "not a coordinate", Target.POPULATION_CELLS);
                    continue;
                }
                Matcher cell = CELL_ID.matcher(id == null ? "" : id.toString().strip());
                if (!cell.matches()) {
                    context.reject(origin, idColumn, "'" + id + "' is not a grid cell id (CRS3035RES100mN…E…)",
                            Target.POPULATION_CELLS);
                    continue;
                }
                double north = Double.parseDouble(cell.group(3));
                double east = Double.parseDouble(cell.group(4));
                if (Math.abs(east + size / 2.0 - x) > 1 || Math.abs(north + size / 2.0 - y) > 1) {
                    context.reject(origin, xColumn, "the centre (" + x + " " + y + ") is not the centre of cell " + id
                            + " — x and y swapped, or the wrong file?", Target.POPULATION_CELLS);
                    continue;
                }
                Point centre = LAEA.createPoint(new Coordinate(x, y));
                if (context.place(centre, laea, origin, Target.POPULATION_CELLS) == null) {
                    continue;
                }
                var r = new PopulationCellRecord(cell.group(), origin);
                r.sizeM = size;
                r.centre = centre;
                r.population = population;
                r.census = census;
                context.populationCell(r);
            }
        }
        if (secret > 0) {
            context.stat("census.cells_secret", secret);
            context.problem(new Problem(name, null, null, null, null, secret + " cells have no published count"
                    + " (kept secret by the statistical offices: -1 or –) and were left out", Problem.Action.NOTE));
        }
    }

    private static Double number(Object v) {
        if (v == null) {
            return null;
        }
        try {
            return Double.parseDouble(v.toString().strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
