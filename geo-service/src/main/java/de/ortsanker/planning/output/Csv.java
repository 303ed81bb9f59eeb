package de.ortsanker.planning.output;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * CSV that German Excel opens cleanly by double-click: UTF-8 with a byte-order mark (else umlauts break),
 * {@code ;} between fields (Excel-DE's list separator), decimal commas, CRLF line ends, every text quoted.
 * Text that a spreadsheet would run as a formula ({@code = + - @}, tab, CR at the start) is defused with a
 * leading apostrophe; official keys keep their leading zeros as {@code ="01001000"}.
 */
public final class Csv {

    /** An official key (AGS) or other digit string whose leading zeros must survive. */
    public record Key(String digits) {
    }

    private Csv() {
    }

    public static byte[] write(List<String> header, List<List<Object>> rows) {
        return write(header, rows, Language.DE);
    }

    /** Headings and {@link Words} in the language asked for; figures, names and keys as they are. */
    public static byte[] write(List<String> header, List<List<Object>> rows, Language language) {
        var sb = new StringBuilder("\uFEFF");
        line(sb, header.stream().map(h -> (Object) Headings.in(h, language)).toList());
        rows.forEach(r -> line(sb, r.stream().map(v -> v instanceof Words w ? (Object) w.in(language) : v).toList()));
        var out = new ByteArrayOutputStream();
        out.writeBytes(sb.toString().getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static void line(StringBuilder sb, List<Object> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(';');
            }
            sb.append(cell(cells.get(i)));
        }
        sb.append("\r\n");
    }

    static String cell(Object value) {
        if (value == null || value instanceof Key key && key.digits() == null) {
            return "";
        }
        if (value instanceof Key key && key.digits() != null && key.digits().matches("[0-9]+")) {
            return "=\"" + key.digits() + "\"";
        }
        if (value instanceof Integer || value instanceof Long) {
            return value.toString();
        }
        if (value instanceof Double || value instanceof Float) {
            return value.toString().replace('.', ',');
        }
        String text = value instanceof Key key ? String.valueOf(key.digits()) : value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
