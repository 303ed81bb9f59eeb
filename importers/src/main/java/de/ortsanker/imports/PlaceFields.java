package de.ortsanker.imports;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Sets a place's field by its column name from a value as a file gives it (text, number, boolean), so
 * that every format maps the same way: "12" for capacity, "ja" for a boolean, "12.05.2024" for a date,
 * "beamer; küche" for a list. A value that does not fit is dropped with a note.
 */
public final class PlaceFields {

    /** The fields a source can fill, by their column names in {@code places}. */
    public static final Set<String> NAMES = Set.of("kind", "name", "description", "addr_street", "addr_housenumber",
            "addr_postcode", "addr_city", "opening_hours", "wheelchair", "free_entry", "operator", "operator_type",
            "contact_role", "contact_phone", "contact_email", "contact_is_public", "website", "capacity", "equipment",
            "booking_url", "target_groups", "valid_from", "valid_to", "is_public", "source_url", "last_verified");

    private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("d.M.uuuu");

    private PlaceFields() {
    }

    /** @return false when the field is not one of {@link #NAMES} */
    public static boolean set(PlaceRecord r, String field, Object value, Consumer<Problem> problems) {
        if (value == null || value instanceof String s && s.isBlank()) {
            return NAMES.contains(field);
        }
        String text = value.toString().strip();
        switch (field) {
            case "kind" -> r.kind = text;
            case "name" -> r.name = text;
            case "description" -> r.description = text;
            case "addr_street" -> r.addrStreet = text;
            case "addr_housenumber" -> r.addrHousenumber = value instanceof Number n ? integerText(n) : text;
            case "addr_postcode" -> r.addrPostcode = value instanceof Number n ? postcode(n) : text;
            case "addr_city" -> r.addrCity = text;
            case "opening_hours" -> r.openingHours = text;
            case "wheelchair" -> r.wheelchair = value instanceof Boolean b ? (b ? "yes" : "no") : text;
            case "free_entry" -> r.freeEntry = bool(r, field, value, problems);
            case "operator" -> r.operator = text;
            case "operator_type" -> r.operatorType = text;
            case "contact_role" -> r.contactRole = text;
            case "contact_phone" -> r.contactPhone = text;
            case "contact_email" -> r.contactEmail = text;
            case "contact_is_public" -> r.contactIsPublic = Boolean.TRUE.equals(bool(r, field, value, problems));
            case "website" -> r.website = text;
            case "capacity" -> r.capacity = integer(r, field, value, problems);
            case "equipment" -> r.equipment = list(value);
            case "booking_url" -> r.bookingUrl = text;
            case "target_groups" -> r.targetGroups = list(value);
            case "valid_from" -> r.validFrom = date(r, field, value, problems);
            case "valid_to" -> r.validTo = date(r, field, value, problems);
            case "is_public" -> r.isPublic = !Boolean.FALSE.equals(bool(r, field, value, problems));
            case "source_url" -> r.sourceUrl = text;
            case "last_verified" -> r.lastVerified = date(r, field, value, problems);
            default -> {
                return false;
            }
        }
        return true;
    }

    /** yes/no, ja/nein, true/false, 1/0; null (with a note) for anything else. */
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

    private static Boolean bool(PlaceRecord r, String field, Object value, Consumer<Problem> problems) {
        Boolean b = parseBoolean(value);
        if (b == null) {
            dropped(r, field, "'" + value + "' is not yes or no", problems);
        }
        return b;
    }

    private static Integer integer(PlaceRecord r, String field, Object value, Consumer<Problem> problems) {
        Integer i = parseInteger(value);
        if (i == null) {
            dropped(r, field, "'" + value + "' is not a whole number", problems);
        }
        return i;
    }

    private static LocalDate date(PlaceRecord r, String field, Object value, Consumer<Problem> problems) {
        LocalDate d = parseDate(value);
        if (d == null) {
            dropped(r, field, "'" + value + "' is not a date (2024-05-12 or 12.05.2024)", problems);
        }
        return d;
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

    private static String integerText(Number n) {
        double d = n.doubleValue();
        return d == Math.rint(d) ? Long.toString((long) d) : n.toString();
    }

    /** A postcode read as a number (Excel drops the leading zero: 1067 → 01067). */
    private static String postcode(Number n) {
        String s = integerText(n);
        return s.length() == 4 ? "0" + s : s;
    }

    private static void dropped(PlaceRecord r, String field, String reason, Consumer<Problem> problems) {
        problems.accept(r.origin.problem(field, reason + "; imported without it", Problem.Action.FIELD_DROPPED));
    }
}
