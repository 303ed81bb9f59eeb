package de.ortsanker.imports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.locationtech.jts.geom.Geometry;

/**
 * How a column's value is read from what a file gives and written to a staged row.
 *
 * @param parse    the value from a file's (never blank) value; null when it does not fit — then
 *                 {@code expected} says what would have. Null for columns no file gives.
 * @param expected what a value must be, for the note when one is dropped
 * @param tidy     what the place check does to a value set by any mapping (text: stripped, blank is none);
 *                 null when nothing
 * @param write    the value into a COPY row
 */
record ValueType<T>(Function<Object, T> parse, String expected, UnaryOperator<T> tidy, BiConsumer<CopyRow, T> write) {

    static final ValueType<String> TEXT = text(ValueType::stripped);
    /** A spreadsheet gives a house number as a number: 12.0 is "12". */
    static final ValueType<String> HOUSE_NUMBER = text(v -> v instanceof Number n ? SourceValues.integerText(n)
            : stripped(v));
    /** A spreadsheet drops a postcode's leading zero: 1067 is "01067". */
    static final ValueType<String> POSTCODE = text(v -> v instanceof Number n ? postcode(n) : stripped(v));
    /** yes, no or a word of the place check's; a boolean cell is yes or no. */
    static final ValueType<String> YES_NO_TEXT = text(v -> v instanceof Boolean b ? (b ? "yes" : "no") : stripped(v));
    static final ValueType<Boolean> BOOLEAN = new ValueType<>(SourceValues::parseBoolean, "yes or no", null,
            CopyRow::bool);
    static final ValueType<Integer> INTEGER = new ValueType<>(SourceValues::parseInteger, "a whole number", null,
            CopyRow::integer);
    static final ValueType<LocalDate> DATE = new ValueType<>(SourceValues::parseDate,
            "a date (2024-05-12 or 12.05.2024)", null, CopyRow::date);
    /** "beamer; küche" or a list (GeoJSON); never null (the columns are NOT NULL DEFAULT '{}'). */
    static final ValueType<List<String>> LIST = new ValueType<>(ValueType::list, null, null, CopyRow::textArray);
    static final ValueType<Geometry> GEOMETRY = new ValueType<>(null, null, null, CopyRow::geometry);

    private static ValueType<String> text(Function<Object, String> parse) {
        return new ValueType<>(parse, null, ValueType::cleaned, CopyRow::text);
    }

    private static String stripped(Object value) {
        return value.toString().strip();
    }

    private static String cleaned(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    private static String postcode(Number n) {
        String s = SourceValues.integerText(n);
        return s.length() == 4 ? "0" + s : s;
    }

    private static List<String> list(Object value) {
        var out = new ArrayList<String>();
        if (value instanceof List<?> l) {
            l.forEach(v -> out.add(v.toString().strip()));
        } else {
            for (String part : value.toString().split("[;,]")) {
                out.add(part.strip());
            }
        }
        out.removeIf(String::isEmpty);
        return out;
    }
}
