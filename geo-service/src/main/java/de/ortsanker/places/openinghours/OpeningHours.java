package de.ortsanker.places.openinghours;

import ch.poole.openinghoursparser.DateRange;
import ch.poole.openinghoursparser.DateWithOffset;
import ch.poole.openinghoursparser.Holiday;
import ch.poole.openinghoursparser.Nth;
import ch.poole.openinghoursparser.OpeningHoursParseException;
import ch.poole.openinghoursparser.OpeningHoursParser;
import ch.poole.openinghoursparser.Rule;
import ch.poole.openinghoursparser.RuleModifier;
import ch.poole.openinghoursparser.TimeSpan;
import ch.poole.openinghoursparser.VarDate;
import ch.poole.openinghoursparser.WeekDayRange;
import ch.poole.openinghoursparser.WeekRange;
import ch.poole.openinghoursparser.YearRange;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.MonthDay;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An OSM {@code opening_hours} value, parsed by OpeningHoursParser and evaluated here: is it open at a
 * given local time, when does that change, and what are a day's hours.
 *
 * <p>Semantics follow the OSM specification: rules separated by {@code ;} replace what earlier rules
 * said about the days they match, rules after {@code ,} add to it, and a rule after {@code ||} applies
 * only to days no earlier rule matched. {@code PH} matches German public holidays of the place's Land.
 * What cannot be known — school holidays ({@code SH}), sunrise/sunset, open ends, {@code unknown} and
 * comment-only rules — evaluates to "unknown" rather than to a guess.
 */
public final class OpeningHours {

    /** Open, closed, or not knowable from the tag. */
    public enum Status {
        OPEN, CLOSED, UNKNOWN;

        /** true / false / null, as the API shows {@code open_now}. */
        public Boolean asBoolean() {
            return this == UNKNOWN ? null : this == OPEN;
        }
    }

    /** Part of a day, in minutes from the day's midnight; {@code end} may pass 1440 (after midnight). */
    public record Span(int start, int end, Status status) {
        /** The start as the clock shows it, "09:00". */
        public String from() {
            return clock(start);
        }

        /** The end as the clock shows it: "18:00"; "24:00" at midnight; "02:00" for 2 o'clock next night. */
        public String to() {
            return end == DAY ? "24:00" : clock(end % DAY);
        }

        private static String clock(int minute) {
            return String.format("%02d:%02d", minute / 60, minute % 60);
        }
    }

    private static final int DAY = 1440;
    /** How far ahead {@link #nextChange} looks: a week covers every weekly schedule, plus a holiday. */
    private static final int LOOKAHEAD_DAYS = 8;

    private static final Cache<String, OpeningHours> PARSED = Caffeine.newBuilder().maximumSize(20_000).build();

    private final String text;
    private final List<Rule> rules;
    private final String problem;

    private OpeningHours(String text, List<Rule> rules, String problem) {
        this.text = text;
        this.rules = rules;
        this.problem = problem;
    }

    /** The parsed value (cached: the same few hundred strings repeat across a whole county). */
    public static OpeningHours of(String text) {
        return PARSED.get(text.strip(), OpeningHours::parse);
    }

    private static OpeningHours parse(String text) {
        try {
            var rules = new OpeningHoursParser(new StringReader(text)).rules(false);
            String unsupported = rules.stream().map(OpeningHours::unsupported).flatMap(Optional::stream)
                    .findFirst().orElse(null);
            return new OpeningHours(text, rules, unsupported);
        } catch (OpeningHoursParseException e) {
            return new OpeningHours(text, List.of(), "not valid opening_hours syntax: "
                    + e.getMessage().lines().findFirst().orElse("").strip());
        } catch (RuntimeException e) {
            return new OpeningHours(text, List.of(), "not valid opening_hours syntax");
        }
    }

    public String text() {
        return text;
    }

    /** Whether the value can be evaluated at all; if not, {@link #problem()} says why. */
    public boolean understood() {
        return problem == null;
    }

    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    /** The state at a local time (Europe/Berlin wall clock), with the Land's public holidays. */
    public Status at(LocalDateTime t, Holidays holidays) {
        if (!understood()) {
            return Status.UNKNOWN;
        }
        LocalDate day = t.toLocalDate();
        return statusOn(List.of(spans(day.minusDays(1), holidays), spans(day, holidays)), 1,
                t.getHour() * 60 + t.getMinute());
    }

    /** When the state first differs from the state at t, looking a week ahead; empty if it does not. */
    public Optional<LocalDateTime> nextChange(LocalDateTime t, Holidays holidays) {
        if (!understood()) {
            return Optional.empty();
        }
        // The spans of the day before (they may reach past midnight) and of the days ahead, computed once.
        LocalDate first = t.toLocalDate().minusDays(1);
        List<List<Span>> days = new ArrayList<>();
        for (int d = 0; d <= LOOKAHEAD_DAYS + 1; d++) {
            days.add(spans(first.plusDays(d), holidays));
        }
        int now = t.getHour() * 60 + t.getMinute();
        Status state = statusOn(days, 1, now);
        // States only change where a span starts or ends (or at midnight): check those in order.
        for (int d = 1; d < days.size(); d++) {
            var boundaries = new java.util.TreeSet<Integer>();
            boundaries.add(0);
            for (Span s : days.get(d)) {
                boundaries.add(s.start());
                boundaries.add(Math.min(s.end(), DAY));
            }
            for (Span s : days.get(d - 1)) {
                if (s.end() > DAY) {
                    boundaries.add(s.end() - DAY);
                }
            }
            for (int minute : boundaries) {
                if (minute >= DAY || d == 1 && minute <= now) {
                    continue;
                }
                if (statusOn(days, d, minute) != state) {
                    return Optional.of(first.plusDays(d).atStartOfDay().plusMinutes(minute));
                }
            }
        }
        return Optional.empty();
    }

    /** The state at a minute of day {@code d} of a list of consecutive days' spans (d ≥ 1). */
    private static Status statusOn(List<List<Span>> days, int d, int minute) {
        Status today = statusIn(days.get(d), minute);
        Status spill = statusIn(days.get(d - 1), minute + DAY);
        if (today == Status.OPEN || spill == Status.OPEN) {
            return Status.OPEN;
        }
        return today == Status.UNKNOWN || spill == Status.UNKNOWN ? Status.UNKNOWN : Status.CLOSED;
    }

    /**
     * The day's open (or unknown) spans as the rules give them, in order; spans may end after midnight.
     * Closed times are the gaps. Unevaluable values give one unknown span over the whole day.
     */
    public List<Span> spans(LocalDate day, Holidays holidays) {
        if (!understood()) {
            return List.of(new Span(0, DAY, Status.UNKNOWN));
        }
        List<Span> spans = new ArrayList<>();
        boolean matched = false;
        for (Rule rule : rules) {
            if (rule.isFallBack() && matched) {
                continue;
            }
            if (!matches(rule, day, holidays)) {
                continue;
            }
            if (!rule.isAdditive()) {
                spans.clear();  // a normal rule replaces what earlier rules said about this day
            }
            matched = true;
            Status status = statusOf(rule);
            List<Span> times = times(rule, status);
            if (status == Status.CLOSED) {
                for (Span closed : times) {
                    spans = subtract(spans, closed);
                }
            } else {
                spans.addAll(times);
            }
        }
        spans.sort(java.util.Comparator.comparingInt(Span::start));
        return spans;
    }

    private static Status statusIn(List<Span> spans, int minute) {
        Status found = Status.CLOSED;
        for (Span s : spans) {
            if (s.start() <= minute && minute < s.end()) {
                if (s.status() == Status.OPEN) {
                    return Status.OPEN;
                }
                found = Status.UNKNOWN;
            }
        }
        return found;
    }

    private static Status statusOf(Rule rule) {
        RuleModifier m = rule.getModifier();
        if (m == null) {
            return Status.OPEN;
        }
        if (m.getModifier() == null) {
            // Only a comment ("nach Vereinbarung"): open at the given times if any, otherwise unknowable.
            boolean hasSelectors = rule.getTimes() != null || rule.getDays() != null || rule.getDates() != null
                    || rule.getHolidays() != null || rule.isTwentyfourseven();
            return hasSelectors && rule.getTimes() != null ? Status.OPEN : Status.UNKNOWN;
        }
        return switch (m.getModifier()) {
            case OPEN -> Status.OPEN;
            case CLOSED, OFF -> Status.CLOSED;
            case UNKNOWN -> Status.UNKNOWN;
        };
    }

    private static List<Span> times(Rule rule, Status status) {
        if (rule.getTimes() == null || rule.getTimes().isEmpty() || rule.isTwentyfourseven()) {
            return List.of(new Span(0, DAY, status));
        }
        List<Span> spans = new ArrayList<>();
        for (TimeSpan t : rule.getTimes()) {
            boolean variable = t.getStartEvent() != null || t.getEndEvent() != null;
            if (variable || t.getStart() == TimeSpan.UNDEFINED_TIME) {
                // sunrise, sunset …: needs the sun's position; say "unknown" rather than guess.
                spans.add(new Span(0, DAY, status == Status.CLOSED ? Status.CLOSED : Status.UNKNOWN));
            } else if (t.isOpenEnded() || t.getEnd() == TimeSpan.UNDEFINED_TIME) {
                // "18:00+" or a bare point in time: open from then, for how long nobody says.
                spans.add(new Span(t.getStart(), DAY, status == Status.CLOSED ? Status.CLOSED : Status.UNKNOWN));
            } else {
                int end = t.getEnd() <= t.getStart() ? t.getEnd() + DAY : t.getEnd();
                spans.add(new Span(t.getStart(), end, status));
            }
        }
        return spans;
    }

    private static List<Span> subtract(List<Span> spans, Span cut) {
        List<Span> out = new ArrayList<>();
        for (Span s : spans) {
            if (cut.end() <= s.start() || s.end() <= cut.start()) {
                out.add(s);
                continue;
            }
            if (s.start() < cut.start()) {
                out.add(new Span(s.start(), cut.start(), s.status()));
            }
            if (cut.end() < s.end()) {
                out.add(new Span(cut.end(), s.end(), s.status()));
            }
        }
        return out;
    }

    // --- selectors -------------------------------------------------------------------------------

    /** What this evaluator cannot decide for a rule's selectors, if anything. */
    private static Optional<String> unsupported(Rule rule) {
        if (rule.getHolidays() != null) {
            for (Holiday h : rule.getHolidays()) {
                if (h.getType() == Holiday.Type.SH) {
                    return Optional.of("school holidays (SH) are not known to the service");
                }
                if (h.getOffset() != 0) {
                    return Optional.of("holiday offsets are not supported");
                }
            }
        }
        if (rule.getDays() != null) {
            for (WeekDayRange d : rule.getDays()) {
                if (d.getOffset() != 0) {
                    return Optional.of("weekday offsets are not supported");
                }
            }
        }
        if (rule.getDates() != null) {
            for (DateRange r : rule.getDates()) {
                if (r.getInterval() > 0) {
                    return Optional.of("date intervals are not supported");
                }
                for (DateWithOffset d : new DateWithOffset[] {r.getStartDate(), r.getEndDate()}) {
                    if (d != null && (d.getNthWeekDay() != null || d.getWeekDayOffset() != null)) {
                        return Optional.of("weekday-relative dates are not supported");
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static boolean matches(Rule rule, LocalDate day, Holidays holidays) {
        return matchesYears(rule.getYears(), day) && matchesWeeks(rule.getWeeks(), day)
                && matchesDates(rule.getDates(), day) && matchesDays(rule, day, holidays);
    }

    private static boolean matchesYears(List<YearRange> years, LocalDate day) {
        if (years == null || years.isEmpty()) {
            return true;
        }
        int y = day.getYear();
        for (YearRange r : years) {
            int end = r.isOpenEnded() ? Integer.MAX_VALUE
                    : r.getEndYear() == YearRange.UNDEFINED_YEAR ? r.getStartYear() : r.getEndYear();
            int step = Math.max(1, r.getInterval());
            if (y >= r.getStartYear() && y <= end && (y - r.getStartYear()) % step == 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesWeeks(List<WeekRange> weeks, LocalDate day) {
        if (weeks == null || weeks.isEmpty()) {
            return true;
        }
        int w = day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        for (WeekRange r : weeks) {
            int end = r.getEndWeek() == WeekRange.UNDEFINED_WEEK ? r.getStartWeek() : r.getEndWeek();
            int step = Math.max(1, r.getInterval());
            if (w >= r.getStartWeek() && w <= end && (w - r.getStartWeek()) % step == 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesDates(List<DateRange> dates, LocalDate day) {
        if (dates == null || dates.isEmpty()) {
            return true;
        }
        for (DateRange r : dates) {
            if (inRange(r, day)) {
                return true;
            }
        }
        return false;
    }

    private static boolean inRange(DateRange r, LocalDate day) {
        DateWithOffset s = r.getStartDate();
        DateWithOffset e = r.getEndDate();
        int year = s.getYear() != YearRange.UNDEFINED_YEAR ? s.getYear() : day.getYear();
        LocalDate from = date(s, year, true);
        if (s.isOpenEnded()) {
            return !day.isBefore(from);
        }
        LocalDate to;
        if (e == null) {
            to = date(s, year, false);
        } else {
            int endYear = e.getYear() != YearRange.UNDEFINED_YEAR ? e.getYear() : year;
            DateWithOffset end = e.getMonth() == null && e.getVarDate() == null ? withMonth(e, s) : e;
            to = date(end, endYear, false);
        }
        if (s.getYear() == YearRange.UNDEFINED_YEAR && to.isBefore(from)) {
            // Wraps the turn of the year ("Nov-Feb"): in range from `from` on, or up to `to`.
            return !day.isBefore(from) || !day.isAfter(to);
        }
        return !day.isBefore(from) && !day.isAfter(to);
    }

    /** "Dec 24-26": the end names no month and takes the start's. */
    private static DateWithOffset withMonth(DateWithOffset end, DateWithOffset start) {
        var copy = new DateWithOffset(end);
        copy.setMonth(start.getMonth());
        return copy;
    }

    private static LocalDate date(DateWithOffset d, int year, boolean first) {
        LocalDate base;
        if (d.getVarDate() == VarDate.EASTER) {
            base = Holidays.easterSunday(year);
        } else {
            int month = d.getMonth().ordinal() + 1;
            if (d.getDay() == DateWithOffset.UNDEFINED_MONTH_DAY) {
                LocalDate firstOfMonth = LocalDate.of(year, month, 1);
                base = first ? firstOfMonth : firstOfMonth.with(TemporalAdjusters.lastDayOfMonth());
            } else {
                base = MonthDay.of(month, Math.min(d.getDay(), 31)).atYear(year);
            }
        }
        return base.plusDays(d.getDayOffset());
    }

    private static boolean matchesDays(Rule rule, LocalDate day, Holidays holidays) {
        List<WeekDayRange> days = rule.getDays();
        List<Holiday> hols = rule.getHolidays();
        boolean hasDays = days != null && !days.isEmpty();
        boolean hasHolidays = hols != null && !hols.isEmpty();
        if (!hasDays && !hasHolidays) {
            return true;
        }
        boolean weekday = hasDays && days.stream().anyMatch(r -> matchesWeekday(r, day));
        if (!hasHolidays) {
            return weekday;
        }
        boolean holiday = holidays.isHoliday(day);
        // "Su,PH": either; "PH Mo-Fr": a holiday that falls on one of those days.
        boolean either = hols.stream().allMatch(Holiday::getUseAsWeekDay);
        if (!hasDays) {
            return holiday;
        }
        return either ? weekday || holiday : weekday && holiday;
    }

    private static boolean matchesWeekday(WeekDayRange r, LocalDate day) {
        int start = r.getStartDay().ordinal();
        int end = r.getEndDay() == null ? start : r.getEndDay().ordinal();
        int d = day.getDayOfWeek().getValue() - 1;
        boolean inRange = start <= end ? d >= start && d <= end : d >= start || d <= end;  // "Sa-Mo" wraps
        if (!inRange) {
            return false;
        }
        if (r.getNths() == null || r.getNths().isEmpty()) {
            return true;
        }
        // Mo[1]: the first Monday of the month; Mo[-1]: the last.
        int fromStart = (day.getDayOfMonth() - 1) / 7 + 1;
        int fromEnd = -((day.lengthOfMonth() - day.getDayOfMonth()) / 7 + 1);
        for (Nth n : r.getNths()) {
            int a = n.getStartNth();
            int b = n.getEndNth() == Nth.INVALID_NTH ? a : n.getEndNth();
            int nth = a < 0 ? fromEnd : fromStart;
            if (nth >= Math.min(a, b) && nth <= Math.max(a, b)) {
                return true;
            }
        }
        return false;
    }
}
