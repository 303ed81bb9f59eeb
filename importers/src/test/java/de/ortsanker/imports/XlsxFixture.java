package de.ortsanker.imports;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a minimal Excel workbook (.xlsx) as Excel does: shared strings, numbers, dates as serial numbers
 * with a date format — for tests, where no spreadsheet program runs.
 */
final class XlsxFixture {

    private XlsxFixture() {
    }

    static Path write(Path file, String sheetName, List<List<Object>> rows) throws IOException {
        var strings = new java.util.ArrayList<String>();
        var sheet = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\""
                + "http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        for (int r = 0; r < rows.size(); r++) {
            sheet.append("<row r=\"").append(r + 1).append("\">");
            List<Object> row = rows.get(r);
            for (int c = 0; c < row.size(); c++) {
                Object v = row.get(c);
                if (v == null) {
                    continue;
                }
                String ref = (char) ('A' + c) + String.valueOf(r + 1);
                if (v instanceof Number n) {
                    sheet.append("<c r=\"").append(ref).append("\"><v>").append(n).append("</v></c>");
                } else if (v instanceof LocalDate d) {
                    long serial = ChronoUnit.DAYS.between(LocalDate.of(1899, 12, 30), d);
                    sheet.append("<c r=\"").append(ref).append("\" s=\"1\"><v>").append(serial).append("</v></c>");
                } else if (v instanceof Boolean b) {
                    sheet.append("<c r=\"").append(ref).append("\" t=\"b\"><v>").append(b ? 1 : 0).append("</v></c>");
                } else {
                    strings.add(v.toString());
                    sheet.append("<c r=\"").append(ref).append("\" t=\"s\"><v>").append(strings.size() - 1)
                            .append("</v></c>");
                }
            }
            sheet.append("</row>");
        }
        sheet.append("</sheetData></worksheet>");
        var shared = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\""
                + "http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"" + strings.size() + "\">");
        for (String s : strings) {
            shared.append("<si><t>").append(s.replace("&", "&amp;").replace("<", "&lt;")).append("</t></si>");
        }
        shared.append("</sst>");
        try (OutputStream out = Files.newOutputStream(file); var zip = new ZipOutputStream(out)) {
            put(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\""
                    + "http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"xml\""
                    + " ContentType=\"application/xml\"/></Types>");
            put(zip, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\""
                    + "http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\""
                    + "http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\""
                    + sheetName + "\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            put(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\""
                    + "http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\""
                    + " Type=\"worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
            put(zip, "xl/styles.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><styleSheet xmlns=\""
                    + "http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><numFmts count=\"1\"><numFmt"
                    + " numFmtId=\"164\" formatCode=\"dd/mm/yyyy\"/></numFmts><cellXfs count=\"2\"><xf numFmtId=\"0\"/>"
                    + "<xf numFmtId=\"164\" applyNumberFormat=\"1\"/></cellXfs></styleSheet>");
            put(zip, "xl/sharedStrings.xml", shared.toString());
            put(zip, "xl/worksheets/sheet1.xml", sheet.toString());
        }
        return file;
    }

    private static void put(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
