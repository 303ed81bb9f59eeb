package de.ortsanker.planning.rules;

import de.ortsanker.problem.InvalidParameter;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a public-transport journey leaves home: a kind of day and hours, written {@code DAY:FROM-TO} —
 * {@code sun:14-18} (Sunday 14:00–18:00), {@code weekday:7-9} (Monday to Friday, 7–9 h),
 * {@code sat:9:30-12}. Days: {@code mon} … {@code sun}, {@code weekday} (Monday–Friday). Hours 0–24, the
 * end after the start. A rule carries it after {@code @} ({@code third_places:transit:30min@sun:14-18}); the
 * request's {@code window} parameter gives it to transit rules and {@code mode=transit} without one. The one
 * parser of the syntax.
 *
 * @param date the service day the window is answered on: chosen when the request is answered (the
 *             request's {@code date}, else the next such day within the timetable's validity); null until then
 */
public record TimeWindow(String day, Set<DayOfWeek> days, int fromSeconds, int toSeconds, LocalDate date) {

    private static final Pattern SYNTAX = Pattern.compile("([a-z]+):(\\d{1,2})(?::(\\d{2}))?-(\\d{1,2})(?::(\\d{2}))?");

    private static final Map<String, Set<DayOfWeek>> DAYS = Map.of(
            "mon", EnumSet.of(DayOfWeek.MONDAY), "tue", EnumSet.of(DayOfWeek.TUESDAY),
            "wed", EnumSet.of(DayOfWeek.WEDNESDAY), "thu", EnumSet.of(DayOfWeek.THURSDAY),
            "fri", EnumSet.of(DayOfWeek.FRIDAY), "sat", EnumSet.of(DayOfWeek.SATURDAY),
            "sun", EnumSet.of(DayOfWeek.SUNDAY),
            "weekday", EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));

    public static TimeWindow parse(String text, String parameter) {
        String t = text == null ? "" : text.trim();
        Matcher m = SYNTAX.matcher(t);
        if (!m.matches()) {
            throw new InvalidParameter(parameter, "time window '" + t + "' is malformed: write DAY:FROM-TO, e.g."
                    + " sun:14-18 or weekday:7:30-9 (days mon … sun or weekday, hours 0 … 24)");
        }
        Set<DayOfWeek> days = DAYS.get(m.group(1));
        if (days == null) {
            throw new InvalidParameter(parameter, "time window '" + t + "': '" + m.group(1) + "' is no day; one of"
                    + " mon, tue, wed, thu, fri, sat, sun, weekday");
        }
        int from = seconds(m.group(2), m.group(3), t, parameter);
        int to = seconds(m.group(4), m.group(5), t, parameter);
        if (to <= from) {
            throw new InvalidParameter(parameter, "time window '" + t + "': the end must come after the start");
        }
        return new TimeWindow(m.group(1), days, from, to, null);
    }

    private static int seconds(String hours, String minutes, String window, String parameter) {
        int h = Integer.parseInt(hours);
        int m = minutes == null ? 0 : Integer.parseInt(minutes);
        if (h > 24 || m > 59 || h == 24 && m > 0) {
            throw new InvalidParameter(parameter, "time window '" + window + "': " + hours
                    + (minutes == null ? "" : ":" + minutes) + " is no time of day (0 … 24)");
        }
        return h * 3600 + m * 60;
    }

    /** The same window on a service day. */
    public TimeWindow on(LocalDate day) {
        return new TimeWindow(this.day, days, fromSeconds, toSeconds, day);
    }

    /** Whether the date is a day of this window's kind. */
    public boolean fits(LocalDate d) {
        return days.contains(d.getDayOfWeek());
    }

    /** As written, canonically: {@code sun:14-18}, {@code weekday:7:30-9}. */
    public String label() {
        return day + ":" + time(fromSeconds) + "-" + time(toSeconds);
    }

    private static String time(int seconds) {
        int h = seconds / 3600, m = seconds % 3600 / 60;
        return m == 0 ? String.valueOf(h) : h + ":" + (m < 10 ? "0" : "") + m;
    }
}
