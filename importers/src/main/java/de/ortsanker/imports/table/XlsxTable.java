package de.ortsanker.imports.table;

import de.ortsanker.imports.ImportFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.stream.XMLStreamException;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellAddress;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * A worksheet of an Excel workbook (.xlsx), streamed by fastexcel-reader: the first sheet or the one named,
 * its first non-empty row the header. Cells keep their type — text, number, boolean, a date where the cell's
 * number format shows one, a formula's value as Excel last calculated it; an error (#N/A) is no value.
 * Problems name the sheet's row numbers as Excel shows them.
 */
final class XlsxTable implements Table {

    /** What a formula cell holds when its calculation failed: no value. */
    private static final Set<String> ERRORS = Set.of("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!",
            "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#UNKNOWN!", "#CONNECT!", "#BUSY!");

    /** A row's values by column index from A to its last cell, and the first column Excel cannot read. */
    private record Cells(int row, List<Object> values, Integer unreadable) {
    }

    private final String name;
    private final ReadableWorkbook workbook;
    // Table.Row is this class's Row: the reader's rows by their full name.
    private final Stream<org.dhatim.fastexcel.reader.Row> rows;
    private final Iterator<org.dhatim.fastexcel.reader.Row> next;
    private final List<String> header = new ArrayList<>();
    /** 1 when the rows carry no numbers: the reader then counts them from 0, Excel from 1. */
    private int unnumbered = -1;

    XlsxTable(Path file, String wantedSheet) throws IOException {
        this.name = file.getFileName().toString();
        this.workbook = open(file);
        try {
            Sheet sheet = sheet(wantedSheet);
            this.rows = sheet.openStream();
            this.next = rows.iterator();
            Cells first = nextCells();
            if (first == null) {
                throw new ImportFailure(name + ": worksheet '" + sheet.getName() + "' is empty");
            }
            first.values().forEach(v -> header.add(v == null ? "" : v.toString().strip()));
        } catch (ImportFailure e) {
            closeQuietly();
            throw e;
        } catch (IOException | RuntimeException e) {
            closeQuietly();
            throw failure(e);
        }
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public Row next() {
        Cells cells;
        try {
            cells = nextCells();
        } catch (RuntimeException e) {
            throw failure(e);
        }
        if (cells == null) {
            return null;
        }
        List<Object> values = cells.values();
        Map<String, Object> byColumn = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            byColumn.put(header.get(i), i < values.size() ? values.get(i) : null);
        }
        String problem = cells.unreadable() == null ? null : "has a value in column "
                + CellAddress.convertNumToColString(cells.unreadable()) + " that is not what its cell type says";
        for (int i = header.size(); i < values.size() && problem == null; i++) {
            if (values.get(i) != null) {
                problem = "has a value in column " + CellAddress.convertNumToColString(i) + ", which has no header";
            }
        }
        return new Row(cells.row(), byColumn, problem);
    }

    /** The next row with a value; null at the end. */
    private Cells nextCells() {
        while (next.hasNext()) {
            org.dhatim.fastexcel.reader.Row row = next.next();
            if (unnumbered < 0) {
                unnumbered = row.getRowNum() == 0 ? 1 : 0;
            }
            var values = new ArrayList<>(row.getCellCount());
            Integer unreadable = null;
            for (Cell c : row) {
                values.add(value(c));
                if (unreadable == null && c != null && c.getType() == CellType.ERROR && c.getValue() == null
                        && c.getRawValue() != null) {
                    unreadable = c.getColumnIndex();    // ReadingOptions: a cell that cannot be parsed is an error
                }
            }
            if (unreadable != null || values.stream().anyMatch(v -> v != null)) {
                return new Cells(row.getRowNum() + unnumbered, values, unreadable);
            }
        }
        return null;
    }

    /** A part unpacking to more than this, at more than {@link #MAX_RATIO} times its packed size, is refused. */
    static final long MAX_PART = 64L << 20;
    static final long MAX_RATIO = 100;

    /**
     * Refuses a workbook with a part that unpacks to far more than it holds (issue 17: a 409 KB file with a
     * 400 MB cell took 2.8 GB in the importer): no steward's list is a hundred times repetition.
     */
    private void checkSizes(Path file) {
        try (var zip = new java.util.zip.ZipFile(file.toFile())) {
            for (var entries = zip.entries(); entries.hasMoreElements(); ) {
                var e = entries.nextElement();
                if (e.getSize() > MAX_PART && e.getCompressedSize() > 0 && e.getSize() > MAX_RATIO * e.getCompressedSize()) {
                    throw new ImportFailure(name + ": its part " + e.getName() + " unpacks to " + (e.getSize() >> 20)
                            + " MB from " + (e.getCompressedSize() >> 10) + " KB: refused as it would take that much"
                            + " memory (a cell of millions of repeated characters?)");
                }
            }
        } catch (IOException e) {
            // not a zip at all, or a corrupt one: opening it says so below
        }
    }

    private ReadableWorkbook open(Path file) {
        checkSizes(file);
        try {
            try {
                return new ReadableWorkbook(file.toFile(), new ReadingOptions(true, true));
            } catch (ExcelReaderException e) {
                // A workbook without styles (some programs write none) has no number formats, so no dates; any
                // other failure repeats below.
                return new ReadableWorkbook(file.toFile(), new ReadingOptions(false, true));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof IOException && !(e.getCause() instanceof XMLStreamException)) {
                throw new ImportFailure(name + ": not an .xlsx workbook, or truncated or corrupt (" + detail(e) + ")");
            }
            throw failure(e);
        }
    }

    private Sheet sheet(String wanted) {
        List<Sheet> sheets = workbook.getSheets().toList();
        if (sheets.isEmpty()) {
            throw new ImportFailure(name + ": the workbook has no worksheets");
        }
        if (wanted == null) {
            return sheets.get(0);
        }
        return sheets.stream().filter(s -> s.getName().equalsIgnoreCase(wanted)).findFirst()
                .orElseThrow(() -> new ImportFailure(name + ": has no worksheet '" + wanted + "' (its sheets: "
                        + String.join(", ", sheets.stream().map(Sheet::getName).toList()) + ")"));
    }

    /** Text, a whole number (Long), a number (Double), a boolean, a date, or null for none. */
    private static Object value(Cell c) {
        if (c == null) {
            return null;
        }
        return switch (c.getType()) {
            case STRING -> blankToNull(c.getValue());
            case NUMBER -> number(c);
            case BOOLEAN -> c.getValue();
            case FORMULA -> c.getValue() instanceof BigDecimal ? number(c) : c.getValue() instanceof String s
                    ? (ERRORS.contains(s) ? null : blankToNull(s)) : c.getValue();
            case ERROR, EMPTY -> null;
        };
    }

    private static Object number(Cell c) {
        if (isDate(c.getDataFormatId(), c.getDataFormatString())) {
            return c.asDate().toLocalDate();
        }
        double d = ((BigDecimal) c.getValue()).doubleValue();
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? (Object) (long) d : (Object) d;
    }

    /** Excel's built-in date formats 14–22 and 45–47, or a format of its own with a year and a day or month. */
    private static boolean isDate(Integer format, String code) {
        if (format == null) {
            return false;
        }
        if (format >= 14 && format <= 22 || format >= 45 && format <= 47) {
            return true;
        }
        if (code == null) {
            return false;
        }
        String c = code.toLowerCase(Locale.ROOT).replaceAll("\"[^\"]*\"|\\[[^]]*]", "");
        return c.contains("y") && (c.contains("d") || c.contains("m"));
    }

    private static Object blankToNull(Object value) {
        return value == null || value.toString().isBlank() ? null : value;
    }

    /** What the reader's exception means: a part the workbook lacks, or a corrupt or truncated file. */
    private ImportFailure failure(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof ExcelReaderException && message.endsWith(" not found")) {
            return new ImportFailure(name + ": not an .xlsx workbook (it lacks " + message.replaceFirst("^/", "")
                    .replaceFirst(" not found$", "") + "); an old .xls or .ods must be saved as .xlsx or CSV first");
        }
        return new ImportFailure(name + ": corrupt or truncated workbook (" + detail(e) + ")");
    }

    /** The first line of the innermost cause's message: the wrappers' name the file by its full path. */
    private static String detail(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return message.split("\n")[0];
    }

    private void closeQuietly() {
        try {
            close();
        } catch (IOException | RuntimeException e) {
            // closing after a failure; the failure is what counts
        }
    }

    @Override
    public void close() throws IOException {
        try {
            if (rows != null) {
                rows.close();
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            workbook.close();
        }
    }
}
