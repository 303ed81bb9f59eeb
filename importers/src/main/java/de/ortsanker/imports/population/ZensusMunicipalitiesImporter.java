package de.ortsanker.imports.population;

import de.ortsanker.imports.FileImporter;
import de.ortsanker.imports.ImportContext;
import de.ortsanker.imports.ImportOptions;
import de.ortsanker.imports.OfficialPopulationRecord;
import de.ortsanker.imports.Origin;
import de.ortsanker.imports.SourceValues;
import de.ortsanker.imports.Target;
import de.ortsanker.imports.table.CsvTable;
import de.ortsanker.imports.table.Table;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the Zensus 2022 population per municipality (table 1000A-0000 as a CSV: {@code ars;ags;name;
 * population_2022_05_15;quality_flag}): the key, the name and the inhabitants on the census day, which the
 * population column's name gives. Rows are checked one by one and reported with their line.
 */
public final class ZensusMunicipalitiesImporter implements FileImporter {

    private static final Pattern POPULATION = Pattern.compile("(?i)population_(\\d{4})_(\\d{2})_(\\d{2})");

    private final Path file;
    private final ImportOptions options;
    private final String populationColumn;
    private final LocalDate day;

    public ZensusMunicipalitiesImporter(Path file, ImportOptions options, List<String> header) {
        this.file = file;
        this.options = options;
        this.populationColumn = populationColumn(header).orElseThrow();
        Matcher m = POPULATION.matcher(populationColumn.strip());
        m.matches();
        this.day = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    }

    /** Whether a CSV header is the census' population per municipality: a key and a dated population column. */
    public static boolean recognises(List<String> header) {
        return header.stream().anyMatch(h -> h.strip().equalsIgnoreCase("ags")) && populationColumn(header).isPresent();
    }

    private static Optional<String> populationColumn(List<String> header) {
        return header.stream().filter(h -> POPULATION.matcher(h.strip()).matches()).findFirst();
    }

    @Override
    public String format() {
        return "zensus-municipalities";
    }

    @Override
    public Set<Target> targets() {
        return Set.of(Target.OFFICIAL_POPULATION);
    }

    @Override
    public Defaults defaults() {
        return new Defaults("zensus-" + day.getYear() + "-gemeinden", "dl-de/by-2-0",
                "Zensus " + day.getYear() + ", © Statistische Ämter des Bundes und der Länder");
    }

    @Override
    public void read(ImportContext context) throws IOException {
        String name = file.getFileName().toString();
        String publication = "Zensus " + day.getYear();
        var match = new MunicipalityMatch();
        try (Table table = new CsvTable(name, context.open(file), options.encoding(), options.delimiter())) {
            String agsColumn = table.header().stream().filter(h -> h.strip().equalsIgnoreCase("ags")).findFirst()
                    .orElseThrow();
            String nameColumn = table.header().stream().filter(h -> h.strip().equalsIgnoreCase("name")).findFirst()
                    .orElse(null);
            Table.Row row;
            while ((row = table.next()) != null) {
                Origin origin = Origin.line(name, row.line());
                if (row.problem() != null) {
                    context.reject(origin, null, row.problem(), Target.OFFICIAL_POPULATION);
                    continue;
                }
                String ags = text(row.values().get(agsColumn));
                if (!ags.matches("[0-9]{8}")) {
                    context.reject(origin, agsColumn, "'" + ags + "' is not an 8-digit municipality key (AGS)",
                            Target.OFFICIAL_POPULATION);
                    continue;
                }
                String municipality = nameColumn == null ? "" : text(row.values().get(nameColumn));
                if (municipality.isEmpty()) {
                    context.reject(origin, nameColumn == null ? "name" : nameColumn, "no name", Target.OFFICIAL_POPULATION);
                    continue;
                }
                String count = text(row.values().get(populationColumn));
                Integer people = SourceValues.parseInteger(count);
                if (people == null || people < 0) {
                    context.reject(origin, populationColumn, "'" + count + "' is not a number of inhabitants",
                            Target.OFFICIAL_POPULATION);
                    continue;
                }
                var r = new OfficialPopulationRecord(ags, origin);
                r.name = municipality;
                r.population = people;
                r.referenceDate = day;
                r.publication = publication;
                context.officialPopulation(r);
                match.add(ags, municipality, origin);
            }
        }
        match.report(context);
    }

    private static String text(Object v) {
        return v == null ? "" : v.toString().strip();
    }
}
