package de.ortsanker.accounts;

import java.util.List;

/** The audit log as RFC 4180 CSV; cells that a spreadsheet would take for a formula are quoted as text. */
final class AuditCsv {

    private AuditCsv() {
    }

    static String write(List<Audit.Event> events) {
        var out = new StringBuilder("id,at,event,actor,subject,detail,remote_address\r\n");
        for (var e : events) {
            out.append(e.id()).append(',').append(cell(e.at().toString())).append(',').append(cell(e.event()))
                    .append(',').append(cell(e.actor())).append(',').append(cell(e.subject())).append(',')
                    .append(cell(e.detail().toString())).append(',').append(cell(e.remoteAddress())).append("\r\n");
        }
        return out.toString();
    }

    static String cell(String value) {
        if (value == null) {
            return "";
        }
        // A login like "=HYPERLINK(…)" must not become a formula in the administrator's spreadsheet (CWE-1236).
        String text = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")
                || !text.equals(value)) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
