package de.ortsanker.imports.table;

import de.ortsanker.imports.ImportFailure;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A worksheet of an Excel workbook (.xlsx, Office Open XML), read as a stream from the zip: shared
 * strings, the sheet's rows, and which cells are dates (by their number format). The first non-empty
 * row is the header; problems name the sheet's row numbers as Excel shows them.
 */
final class XlsxTable implements Table {

    private static final XMLInputFactory XML = XMLInputFactory.newFactory();

    static {
        XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    private final String name;
    private final ZipFile zip;
    private final List<String> strings = new ArrayList<>();
    private final List<Boolean> dateStyles = new ArrayList<>();
    private final boolean date1904;
    private final InputStream sheetStream;
    private final XMLStreamReader sheet;
    private final List<String> header = new ArrayList<>();

    XlsxTable(Path file, String wantedSheet) throws IOException {
        this.name = file.getFileName().toString();
        try {
            this.zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new ImportFailure(name + ": not an .xlsx workbook, or truncated or corrupt (" + e.getMessage() + ")");
        }
        try {
            Map<String, String> sheets = sheets();
            this.date1904 = workbookUses1904();
            if (sheets.isEmpty()) {
                throw new ImportFailure(name + ": the workbook has no worksheets");
            }
            String chosen = wantedSheet == null ? sheets.keySet().iterator().next() : null;
            if (wantedSheet != null) {
                chosen = sheets.keySet().stream().filter(s -> s.equalsIgnoreCase(wantedSheet)).findFirst()
                        .orElseThrow(() -> new ImportFailure(name + ": has no worksheet '" + wantedSheet
                                + "' (its sheets: " + String.join(", ", sheets.keySet()) + ")"));
            }
            readSharedStrings();
            readStyles();
            ZipEntry entry = entry(sheets.get(chosen));
            this.sheetStream = zip.getInputStream(entry);
            this.sheet = XML.createXMLStreamReader(sheetStream);
            Row first = row();
            while (first != null && first.values().values().stream().allMatch(v -> v == null)) {
                first = row();
            }
            if (first == null) {
                throw new ImportFailure(name + ": worksheet '" + chosen + "' is empty");
            }
            first.values().values().forEach(v -> header.add(v == null ? "" : v.toString().strip()));
        } catch (XMLStreamException | ZipException e) {
            zip.close();
            throw corrupt(e);
        }
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public Row next() throws IOException {
        try {
            Row r;
            do {
                r = row();
            } while (r != null && r.values().values().stream().allMatch(v -> v == null));
            if (r == null) {
                return null;
            }
            Map<String, Object> byColumn = new LinkedHashMap<>();
            var cells = new ArrayList<>(r.values().values());
            String problem = null;
            for (int i = 0; i < header.size(); i++) {
                byColumn.put(header.get(i), i < cells.size() ? cells.get(i) : null);
            }
            for (int i = header.size(); i < cells.size(); i++) {
                if (cells.get(i) != null) {
                    problem = "has a value in column " + column(i) + ", which has no header";
                    break;
                }
            }
            return new Row(r.line(), byColumn, problem);
        } catch (XMLStreamException e) {
            throw corrupt(e);
        }
    }

    /** The next <row> as column index → value (positions from the cell references), or null at the end. */
    private Row row() throws XMLStreamException {
        while (sheet.hasNext()) {
            int event = sheet.next();
            if (event == XMLStreamConstants.START_ELEMENT && sheet.getLocalName().equals("row")) {
                long number = Long.parseLong(attr("r", "0"));
                TreeMap<Integer, Object> cells = new TreeMap<>();
                int next = 0;
                while (sheet.hasNext()) {
                    event = sheet.next();
                    if (event == XMLStreamConstants.END_ELEMENT && sheet.getLocalName().equals("row")) {
                        break;
                    }
                    if (event == XMLStreamConstants.START_ELEMENT && sheet.getLocalName().equals("c")) {
                        String ref = sheet.getAttributeValue(null, "r");
                        int col = ref == null ? next : columnIndex(ref);
                        cells.put(col, cell());
                        next = col + 1;
                    }
                }
                var values = new LinkedHashMap<String, Object>();
                int width = cells.isEmpty() ? 0 : cells.lastKey() + 1;
                for (int i = 0; i < width; i++) {
                    values.put(Integer.toString(i), cells.get(i));
                }
                return new Row(number, values, null);
            }
        }
        return null;
    }

    /** The value of the current <c>: text, number, boolean or date; null when empty. */
    private Object cell() throws XMLStreamException {
        String type = attr("t", "n");
        String style = sheet.getAttributeValue(null, "s");
        String value = null;
        var inline = new StringBuilder();
        while (sheet.hasNext()) {
            int event = sheet.next();
            if (event == XMLStreamConstants.END_ELEMENT && sheet.getLocalName().equals("c")) {
                break;
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (sheet.getLocalName().equals("v")) {
                    value = sheet.getElementText();
                } else if (sheet.getLocalName().equals("t")) {
                    inline.append(sheet.getElementText());
                }
            }
        }
        switch (type) {
            case "s" -> {
                int i = Integer.parseInt(value.strip());
                return i < strings.size() ? blankToNull(strings.get(i)) : null;
            }
            case "inlineStr" -> {
                return blankToNull(inline.toString());
            }
            case "str" -> {
                return blankToNull(value);
            }
            case "b" -> {
                return value == null ? null : value.strip().equals("1");
            }
            case "e" -> {
                return null;        // #N/A, #REF! …: an error is no value
            }
            default -> {
                if (value == null || value.isBlank()) {
                    return null;
                }
                double d = Double.parseDouble(value);
                if (style != null && isDate(Integer.parseInt(style))) {
                    return LocalDate.of(date1904 ? 1904 : 1899, date1904 ? 1 : 12, date1904 ? 1 : 30)
                            .plusDays((long) Math.floor(d));
                }
                return d == Math.rint(d) && Math.abs(d) < 1e15 ? (Object) (long) d : (Object) d;
            }
        }
    }

    private boolean isDate(int style) {
        return style < dateStyles.size() && dateStyles.get(style);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private String attr(String name, String fallback) {
        String v = sheet.getAttributeValue(null, name);
        return v == null ? fallback : v;
    }

    /** "C12" → 2. */
    static int columnIndex(String ref) {
        int col = 0;
        for (char c : ref.toCharArray()) {
            if (c < 'A' || c > 'Z') {
                break;
            }
            col = col * 26 + (c - 'A' + 1);
        }
        return col - 1;
    }

    static String column(int index) {
        var sb = new StringBuilder();
        for (int i = index + 1; i > 0; i = (i - 1) / 26) {
            sb.insert(0, (char) ('A' + (i - 1) % 26));
        }
        return sb.toString();
    }

    /** Sheet names → their part in the zip, in workbook order. */
    private Map<String, String> sheets() throws IOException, XMLStreamException {
        Map<String, String> targets = new HashMap<>();
        try (InputStream in = zip.getInputStream(entry("xl/_rels/workbook.xml.rels"))) {
            XMLStreamReader x = XML.createXMLStreamReader(in);
            while (x.hasNext()) {
                if (x.next() == XMLStreamConstants.START_ELEMENT && x.getLocalName().equals("Relationship")) {
                    String target = x.getAttributeValue(null, "Target");
                    targets.put(x.getAttributeValue(null, "Id"), target.startsWith("/") ? target.substring(1)
                            : "xl/" + target);
                }
            }
        }
        Map<String, String> sheets = new LinkedHashMap<>();
        try (InputStream in = zip.getInputStream(entry("xl/workbook.xml"))) {
            XMLStreamReader x = XML.createXMLStreamReader(in);
            while (x.hasNext()) {
                if (x.next() == XMLStreamConstants.START_ELEMENT && x.getLocalName().equals("sheet")) {
                    String id = null;
                    for (int i = 0; i < x.getAttributeCount(); i++) {
                        if (x.getAttributeLocalName(i).equals("id")) {
                            id = x.getAttributeValue(i);
                        }
                    }
                    sheets.put(x.getAttributeValue(null, "name"), targets.get(id));
                }
            }
        }
        return sheets;
    }

    private boolean workbookUses1904() throws IOException, XMLStreamException {
        try (InputStream in = zip.getInputStream(entry("xl/workbook.xml"))) {
            XMLStreamReader x = XML.createXMLStreamReader(in);
            while (x.hasNext()) {
                if (x.next() == XMLStreamConstants.START_ELEMENT && x.getLocalName().equals("workbookPr")) {
                    String v = x.getAttributeValue(null, "date1904");
                    return "1".equals(v) || "true".equals(v);
                }
            }
        }
        return false;
    }

    private void readSharedStrings() throws IOException, XMLStreamException {
        ZipEntry e = zip.getEntry("xl/sharedStrings.xml");
        if (e == null) {
            return;
        }
        try (InputStream in = zip.getInputStream(e)) {
            XMLStreamReader x = XML.createXMLStreamReader(in);
            StringBuilder current = null;
            int phonetic = 0;
            while (x.hasNext()) {
                int event = x.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (x.getLocalName()) {
                        case "si" -> current = new StringBuilder();
                        case "rPh" -> phonetic++;
                        case "t" -> {
                            String text = x.getElementText();
                            if (current != null && phonetic == 0) {
                                current.append(text);
                            }
                        }
                        default -> { }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    if (x.getLocalName().equals("si") && current != null) {
                        strings.add(current.toString());
                        current = null;
                    } else if (x.getLocalName().equals("rPh")) {
                        phonetic--;
                    }
                }
            }
        }
    }

    /** Which cell styles show a date: Excel's built-in date formats 14–22, 45–47, or a format with d, m and y. */
    private void readStyles() throws IOException, XMLStreamException {
        ZipEntry e = zip.getEntry("xl/styles.xml");
        if (e == null) {
            return;
        }
        Map<Integer, Boolean> customDate = new HashMap<>();
        try (InputStream in = zip.getInputStream(e)) {
            XMLStreamReader x = XML.createXMLStreamReader(in);
            boolean inCellXfs = false;
            while (x.hasNext()) {
                int event = x.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (x.getLocalName()) {
                        case "numFmt" -> {
                            String code = x.getAttributeValue(null, "formatCode").toLowerCase()
                                    .replaceAll("\"[^\"]*\"|\\[[^]]*]", "");
                            customDate.put(Integer.parseInt(x.getAttributeValue(null, "numFmtId")),
                                    code.contains("d") && code.contains("y") || code.contains("m") && code.contains("y"));
                        }
                        case "cellXfs" -> inCellXfs = true;
                        case "xf" -> {
                            if (inCellXfs) {
                                String id = x.getAttributeValue(null, "numFmtId");
                                int fmt = id == null ? 0 : Integer.parseInt(id);
                                dateStyles.add(fmt >= 14 && fmt <= 22 || fmt >= 45 && fmt <= 47
                                        || customDate.getOrDefault(fmt, false));
                            }
                        }
                        default -> { }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && x.getLocalName().equals("cellXfs")) {
                    inCellXfs = false;
                }
            }
        }
    }

    private ZipEntry entry(String path) {
        ZipEntry e = path == null ? null : zip.getEntry(path);
        if (e == null) {
            throw new ImportFailure(name + ": not an .xlsx workbook (it lacks " + path + "); an old .xls or .ods must"
                    + " be saved as .xlsx or CSV first");
        }
        return e;
    }

    private ImportFailure corrupt(Exception e) {
        return new ImportFailure(name + ": corrupt or truncated workbook (" + e.getMessage().split("\n")[0] + ")");
    }

    @Override
    public void close() throws IOException {
        try {
            sheet.close();
        } catch (XMLStreamException e) {
            // closing anyway
        }
        sheetStream.close();
        zip.close();
    }
}
