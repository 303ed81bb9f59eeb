package de.ortsanker.imports.population;

import de.ortsanker.imports.FileImporter;
import de.ortsanker.imports.ImportContext;
import de.ortsanker.imports.ImportFailure;
import de.ortsanker.imports.OfficialPopulationRecord;
import de.ortsanker.imports.Origin;
import de.ortsanker.imports.SourceValues;
import de.ortsanker.imports.Target;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * Reads Destatis' Gemeindeverzeichnis as published ("Gemeinden in Deutschland nach Fläche, Bevölkerung und
 * Postleitzahl", GV-ISys, file AuszugGV…xlsx): the data sheet's rows of Satzart 60 are the municipalities,
 * their key is Land (C) + RB (D) + Kreis (E) + Gem (G), the population in total is column J, and the day
 * it counts is written above it ("am 31.12.2023"). The layout is checked against the header rows before
 * anything is read; a row that breaks it is reported with its row number as Excel shows it.
 */
public final class GvIsysImporter implements FileImporter {

    private static final Pattern TITLE = Pattern.compile("Gemeinden in Deutschland nach Fläche, Bevölkerung.*am (\\d{2}\\.\\d{2}\\.\\d{4})");
    private static final Pattern DAY = Pattern.compile("(\\d{2}\\.\\d{2}\\.\\d{4})");
    private static final DateTimeFormatter GERMAN = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    /** Columns, counted from A = 0. */
    private static final int SATZART = 0;
    private static final int LAND = 2;
    private static final int RB = 3;
    private static final int KREIS = 4;
    private static final int GEM = 6;
    private static final int NAME = 7;
    private static final int POPULATION = 9;

    private final Path file;

    public GvIsysImporter(Path file) {
        this.file = file;
    }

    /** Whether a workbook is the Gemeindeverzeichnis: a sheet whose first row is its title. */
    public static boolean recognises(Path file) {
        try (var workbook = new ReadableWorkbook(file.toFile())) {
            for (Sheet sheet : workbook.getSheets().toList()) {
                try (Stream<Row> rows = sheet.openStream()) {
                    Optional<Row> first = rows.findFirst();
                    if (first.isPresent() && TITLE.matcher(text(first.get(), 0)).find()) {
                        return true;
                    }
                }
            }
            return false;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public String format() {
        return "destatis-gv-isys";
    }

    @Override
    public Set<Target> targets() {
        return Set.of(Target.OFFICIAL_POPULATION);
    }

    @Override
    public Defaults defaults() {
        return new Defaults("destatis-gv-isys", "dl-de/by-2-0", "© Statistisches Bundesamt (Destatis), 2025");
    }

    @Override
    public void read(ImportContext context) throws IOException {
        String name = file.getFileName().toString();
        var match = new MunicipalityMatch();
        try (InputStream in = context.open(file); var workbook = new ReadableWorkbook(in)) {
            Sheet sheet = null;
            String publication = null;
            for (Sheet s : workbook.getSheets().toList()) {
                try (Stream<Row> rows = s.openStream()) {
                    Optional<Row> first = rows.findFirst();
                    Matcher m = first.isPresent() ? TITLE.matcher(text(first.get(), 0)) : null;
                    if (m != null && m.find()) {
                        sheet = s;
                        publication = "GV-ISys, Gebietsstand " + m.group(1);
                        break;
                    }
                }
            }
            if (sheet == null) {
                throw new ImportFailure(name + ": no worksheet of the Gemeindeverzeichnis (its first row would be"
                        + " \"Gemeinden in Deutschland nach Fläche, Bevölkerung … am <day>\")");
            }
            read(context, name, sheet, publication, match);
        }
        match.report(context);
    }

    private void read(ImportContext context, String name, Sheet sheet, String publication, MunicipalityMatch match)
            throws IOException {
        LocalDate day = null;
        boolean header = false;
        try (Stream<Row> rows = sheet.openStream()) {
            Iterator<Row> it = rows.iterator();
            while (it.hasNext()) {
                Row row = it.next();
                long line = row.getRowNum();
                String satzart = text(row, SATZART);
                if (!header) {
                    // The header: "Satz-art" … "Bevölkerung …" over "insgesamt", then the day of the figures.
                    if (satzart.replace("-", "").equalsIgnoreCase("Satzart")) {
                        if (!text(row, POPULATION).startsWith("Bevölkerung")) {
                            throw new ImportFailure(name + ", row " + line + ": column J should be the population"
                                    + " (\"Bevölkerung …\"), not \"" + text(row, POPULATION) + "\": not the layout of the"
                                    + " Gemeindeverzeichnis this importer reads");
                        }
                        header = true;
                    }
                    continue;
                }
                if (day == null) {
                    Matcher d = DAY.matcher(text(row, POPULATION));
                    if (d.find()) {
                        day = LocalDate.parse(d.group(1), GERMAN);
                    }
                }
                if (!satzart.equals("60")) {
                    continue;   // Länder, Regierungsbezirke, Kreise, Verbände, notes and the legal lines
                }
                if (day == null) {
                    throw new ImportFailure(name + ", row " + line + ": the day the population counts (\"am"
                            + " 31.12.2023\" above column J) was not found before the first municipality");
                }
                Origin origin = Origin.line(name, line);
                String ags = text(row, LAND) + text(row, RB) + text(row, KREIS) + text(row, GEM);
                if (!ags.matches("[0-9]{8}")) {
                    context.reject(origin, "ags", "'" + ags + "' (Land " + text(row, LAND) + ", RB " + text(row, RB)
                            + ", Kreis " + text(row, KREIS) + ", Gem " + text(row, GEM) + ") is not an 8-digit"
                            + " municipality key", Target.OFFICIAL_POPULATION);
                    continue;
                }
                String municipality = text(row, NAME);
                if (municipality.isEmpty()) {
                    context.reject(origin, "Gemeindename", "no name", Target.OFFICIAL_POPULATION);
                    continue;
                }
                Object value = value(row, POPULATION);
                Integer people = SourceValues.parseInteger(value);
                if (people == null || people < 0) {
                    context.reject(origin, "Bevölkerung insgesamt", "'" + (value == null ? "" : value)
                            + "' is not a number of inhabitants", Target.OFFICIAL_POPULATION);
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
        if (!header) {
            throw new ImportFailure(name + ": no header row (\"Satz-art\" in column A) in the Gemeindeverzeichnis");
        }
    }

    private static Object value(Row row, int column) {
        Cell c = column < row.getCellCount() ? row.getCell(column) : null;
        if (c == null || c.getValue() == null) {
            return null;
        }
        Object v = c.getValue();
        return v instanceof String s ? s.strip() : v;
    }

    private static String text(Row row, int column) {
        Object v = value(row, column);
        if (v instanceof BigDecimal b) {
            return b.stripTrailingZeros().toPlainString();
        }
        return v == null ? "" : v.toString().strip();
    }

}
