package de.ortsanker.imports;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Values as files give them, read the same way by every format: "12" or 12.0 for a number, "ja" for a
 * boolean, "12.05.2024" for a date. Each answers null for a value that does not fit.
 */
public final class SourceValues {

    private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("d.M.uuuu");

    private SourceValues() {
    }

    /** yes/no, ja/nein, true/false, 1/0; null for anything else. */
    public static Boolean parseBoolean(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number n) {
            return n.doubleValue() != 0;
        }
        return switch (value.toString().strip().toLowerCase(Locale.GERMAN)) {
            case "yes", "ja", "true", "1", "wahr", "x", "y", "j" -> Boolean.TRUE;
            case "no", "nein", "false", "0", "falsch", "n" -> Boolean.FALSE;
            default -> null;
        };
    }

    /** ISO (2024-05-12, 2024-05 → the 1st), German (12.05.2024) or a date-time's date; null otherwise. */
    public static LocalDate parseDate(Object value) {
        if (value instanceof LocalDate d) {
            return d;
        }
        String s = value.toString().strip();
        try {
            if (s.matches("\\d{4}-\\d{2}-\\d{2}.*")) {
                return LocalDate.parse(s.substring(0, 10));
            }
            if (s.matches("\\d{4}-\\d{2}")) {
                return LocalDate.parse(s + "-01");
            }
            if (s.matches("\\d{1,2}\\.\\d{1,2}\\.\\d{4}")) {
                return LocalDate.parse(s, GERMAN_DATE);
            }
        } catch (DateTimeParseException e) {
            return null;
        }
        return null;
    }

    /** An integer from 12, "12", "12.0", or a German "1.234"; null otherwise. */
    public static Integer parseInteger(Object value) {
        if (value instanceof Number n) {
            double d = n.doubleValue();
            return d == Math.rint(d) && Math.abs(d) <= Integer.MAX_VALUE ? (int) d : null;
        }
        String s = value.toString().strip().replace(" ", "").replace("\u00a0", "");
        if (s.matches("\\d{1,3}([.,']\\d{3})+")) {
            s = s.replaceAll("[.,']", "");
        } else if (s.matches("-?\\d+[.,]0+")) {
            s = s.substring(0, s.indexOf(s.contains(".") ? '.' : ','));
        }
        try {
            return Integer.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A number as a spreadsheet shows it: 12.0 → "12", 1.5 → "1.5". */
    public static String integerText(Number n) {
        double d = n.doubleValue();
        return d == Math.rint(d) ? Long.toString((long) d) : n.toString();
    }
}
