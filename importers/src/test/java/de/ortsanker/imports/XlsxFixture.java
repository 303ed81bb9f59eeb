package de.ortsanker.imports;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes an Excel workbook (.xlsx) as Excel does — its parts named in [Content_Types].xml and linked by
 * relationships, shared strings, numbers, dates as serial numbers with a date format, formulas with the
 * value Excel last calculated — for tests, where no spreadsheet program runs.
 */
final class XlsxFixture {

    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final String TYPES = "application/vnd.openxmlformats-officedocument.spreadsheetml.";

    /** A formula cell and the value Excel calculated for it (text, number, boolean, date, or an {@link Error}). */
    record Formula(String formula, Object cached) {
    }

    /** An error value such as #DIV/0!. */
    record Error(String code) {
    }

    /** A number cell whose value Excel could not have written (a damaged file). */
    record Unreadable(String text) {
    }

    private XlsxFixture() {
    }

    static Path write(Path file, String sheetName, List<List<Object>> rows) throws IOException {
        return write(file, Map.of(sheetName, rows));
    }

    /** A workbook of several sheets, in the map's order. */
    static Path write(Path file, Map<String, List<List<Object>>> sheets) throws IOException {
        var strings = new ArrayList<String>();
        var sheetXml = new LinkedHashMap<String, String>();
        sheets.forEach((name, rows) -> sheetXml.put(name, sheet(rows, strings)));
        var shared = new StringBuilder(xml("<sst xmlns=\"" + MAIN + "\" count=\"" + strings.size() + "\">"));
        for (String s : strings) {
            shared.append("<si><t>").append(escaped(s)).append("</t></si>");
        }
        shared.append("</sst>");
        var contentTypes = new StringBuilder(xml("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                + "content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package."
                + "relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"" + TYPES + "sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/styles.xml\" ContentType=\"" + TYPES + "styles+xml\"/>"
                + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"" + TYPES + "sharedStrings+xml\"/>"));
        var workbook = new StringBuilder(xml("<workbook xmlns=\"" + MAIN + "\" xmlns:r=\"" + RELATIONSHIPS
                + "\"><sheets>"));
        var links = new StringBuilder(xml("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                + "relationships\"><Relationship Id=\"rIdStyles\" Type=\"" + RELATIONSHIPS + "/styles\""
                + " Target=\"styles.xml\"/><Relationship Id=\"rIdStrings\" Type=\"" + RELATIONSHIPS
                + "/sharedStrings\" Target=\"sharedStrings.xml\"/>"));
        int n = 0;
        for (String name : sheetXml.keySet()) {
            n++;
            contentTypes.append("<Override PartName=\"/xl/worksheets/sheet").append(n).append(".xml\" ContentType=\"")
                    .append(TYPES).append("worksheet+xml\"/>");
            workbook.append("<sheet name=\"").append(escaped(name)).append("\" sheetId=\"").append(n)
                    .append("\" r:id=\"rId").append(n).append("\"/>");
            links.append("<Relationship Id=\"rId").append(n).append("\" Type=\"").append(RELATIONSHIPS)
                    .append("/worksheet\" Target=\"worksheets/sheet").append(n).append(".xml\"/>");
        }
        try (OutputStream out = Files.newOutputStream(file); var zip = new ZipOutputStream(out)) {
            put(zip, "[Content_Types].xml", contentTypes.append("</Types>").toString());
            put(zip, "_rels/.rels", xml("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                    + "relationships\"><Relationship Id=\"rId1\" Type=\"" + RELATIONSHIPS + "/officeDocument\""
                    + " Target=\"xl/workbook.xml\"/></Relationships>"));
            put(zip, "xl/workbook.xml", workbook.append("</sheets></workbook>").toString());
            put(zip, "xl/_rels/workbook.xml.rels", links.append("</Relationships>").toString());
            put(zip, "xl/styles.xml", xml("<styleSheet xmlns=\"" + MAIN + "\"><numFmts count=\"1\"><numFmt"
                    + " numFmtId=\"164\" formatCode=\"dd/mm/yyyy\"/></numFmts><cellXfs count=\"2\"><xf numFmtId=\"0\"/>"
                    + "<xf numFmtId=\"164\" applyNumberFormat=\"1\"/></cellXfs></styleSheet>"));
            put(zip, "xl/sharedStrings.xml", shared.toString());
            n = 0;
            for (String xml : sheetXml.values()) {
                put(zip, "xl/worksheets/sheet" + ++n + ".xml", xml);
            }
        }
        return file;
    }

    private static String sheet(List<List<Object>> rows, List<String> strings) {
        var sheet = new StringBuilder(xml("<worksheet xmlns=\"" + MAIN + "\"><sheetData>"));
        for (int r = 0; r < rows.size(); r++) {
            sheet.append("<row r=\"").append(r + 1).append("\">");
            List<Object> row = rows.get(r);
            for (int c = 0; c < row.size(); c++) {
                Object v = row.get(c);
                if (v != null) {
                    sheet.append(cell((char) ('A' + c) + String.valueOf(r + 1), v, strings));
                }
            }
            sheet.append("</row>");
        }
        return sheet.append("</sheetData></worksheet>").toString();
    }

    private static String cell(String ref, Object v, List<String> strings) {
        String formula = "";
        Object value = v;
        if (v instanceof Formula f) {
            formula = "<f>" + escaped(f.formula()) + "</f>";
            value = f.cached();
            if (value instanceof String text) {
                return "<c r=\"" + ref + "\" t=\"str\">" + formula + "<v>" + escaped(text) + "</v></c>";
            }
        }
        if (value instanceof Number || value instanceof Unreadable) {
            String text = value instanceof Unreadable u ? escaped(u.text()) : value.toString();
            return "<c r=\"" + ref + "\">" + formula + "<v>" + text + "</v></c>";
        }
        if (value instanceof LocalDate d) {
            return "<c r=\"" + ref + "\" s=\"1\">" + formula + "<v>" + serial(d) + "</v></c>";
        }
        if (value instanceof Boolean b) {
            return "<c r=\"" + ref + "\" t=\"b\">" + formula + "<v>" + (b ? 1 : 0) + "</v></c>";
        }
        if (value instanceof Error e) {
            return "<c r=\"" + ref + "\" t=\"e\">" + formula + "<v>" + e.code() + "</v></c>";
        }
        strings.add(value.toString());
        return "<c r=\"" + ref + "\" t=\"s\"><v>" + (strings.size() - 1) + "</v></c>";
    }

    private static long serial(LocalDate d) {
        return ChronoUnit.DAYS.between(LocalDate.of(1899, 12, 30), d);
    }

    private static String xml(String content) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" + content;
    }

    private static String escaped(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
    }

    private static void put(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
