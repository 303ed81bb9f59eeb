package de.ortsanker.features;

import de.ortsanker.problem.InvalidParameter;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;

/**
 * The {@code datetime} parameter: an instant ({@code 2024-05-01T10:00:00Z} or a whole day {@code 2024-05-01})
 * or an interval ({@code start/end}, either end open as {@code ..} or empty; the end may also be an ISO
 * duration such as {@code P2D}). Features are selected when their validity period intersects it; features
 * without a validity period are valid always.
 *
 * @param from first instant, or null for open
 * @param to   last instant (inclusive), or null for open
 */
record DateTimeFilter(Instant from, Instant to) {

    /** Dates in the data (validity of a temporary offer) are local dates of the county's time zone. */
    static final ZoneId LOCAL = ZoneId.of("Europe/Berlin");

    static DateTimeFilter parse(String value) {
        String v = value.trim();
        int slash = v.indexOf('/');
        if (slash < 0) {
            if (v.isEmpty() || v.equals("..")) {
                throw invalid(value, "an instant cannot be open; use '../2024-05-01' for everything until a date");
            }
            Instant from = start(v, value);
            inRange(from, value);
            return new DateTimeFilter(from, end(v, value));
        }
        String a = v.substring(0, slash).trim();
        String b = v.substring(slash + 1).trim();
        if (b.indexOf('/') >= 0) {
            throw invalid(value, "an interval has exactly one '/'");
        }
        boolean openStart = a.isEmpty() || a.equals("..");
        boolean openEnd = b.isEmpty() || b.equals("..");
        if (openStart && openEnd) {
            return new DateTimeFilter(null, null);
        }
        Instant from = openStart ? null : start(a, value);
        Instant to;
        if (!openEnd && (b.startsWith("P") || b.startsWith("p"))) {
            if (from == null) {
                throw invalid(value, "a duration needs a start");
            }
            to = plus(from, b, value);
        } else {
            to = openEnd ? null : end(b, value);
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw invalid(value, "the start lies after the end");
        }
        inRange(from, value);
        inRange(to, value);
        return new DateTimeFilter(from, to);
    }

    /** The first and last instant a database date holds comfortably; Java's reach far beyond PostgreSQL's. */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private static void inRange(Instant t, String value) {
        if (t != null && (t.isBefore(EARLIEST) || t.isAfter(LATEST))) {
            throw invalid(value, "lies outside the years 1 to 9999");
        }
    }

    /** First instant of a date or timestamp. */
    private static Instant start(String s, String whole) {
        if (s.length() == 10) {
            return date(s, whole).atStartOfDay(LOCAL).toInstant();
        }
        return timestamp(s, whole);
    }

    /** Last instant of a date (end of day) or the timestamp itself. */
    private static Instant end(String s, String whole) {
        if (s.length() == 10) {
            return date(s, whole).plusDays(1).atStartOfDay(LOCAL).toInstant().minusNanos(1000);
        }
        return timestamp(s, whole);
    }

    private static LocalDate date(String s, String whole) {
        try {
            return LocalDate.parse(s);
        } catch (DateTimeException e) {
            throw invalid(whole, "'" + s + "' is not a date like 2024-05-01");
        }
    }

    private static Instant timestamp(String s, String whole) {
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeException e) {
            throw invalid(whole, "'" + s + "' is not a date (2024-05-01) or a time with zone (2024-05-01T10:00:00Z)");
        }
    }

    /** Adds an ISO 8601 duration such as P1M6DT12H31M12S (years, months and days on the calendar). */
    private static Instant plus(Instant from, String iso, String whole) {
        String upper = iso.toUpperCase(Locale.ROOT);
        int t = upper.indexOf('T');
        try {
            ZonedDateTime z = from.atZone(LOCAL);
            String datePart = t < 0 ? upper : upper.substring(0, t);
            if (datePart.length() > 1) {
                z = z.plus(Period.parse(datePart));
            }
            if (t >= 0) {
                z = z.plus(Duration.parse("PT" + upper.substring(t + 1)));
            }
            return z.toInstant();
        } catch (DateTimeException | ArithmeticException e) {
            throw invalid(whole, "'" + iso + "' is not an ISO 8601 duration like P2D or PT12H");
        }
    }

    /** The dates (inclusive) this filter spans in local time, for date-typed validity columns; null if open. */
    LocalDate fromDate() {
        return from == null ? null : from.atZone(LOCAL).toLocalDate();
    }

    LocalDate toDate() {
        return to == null ? null : to.atZone(LOCAL).toLocalDate();
    }

    private static InvalidParameter invalid(String value, String reason) {
        return new InvalidParameter("datetime", "'" + value + "': " + reason);
    }
}
