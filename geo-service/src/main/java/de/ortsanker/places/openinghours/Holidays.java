package de.ortsanker.places.openinghours;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * German public holidays ({@code PH} in opening_hours) of one Land, from jollyday. Which days are
 * holidays differs by Land (Reformationstag in Brandenburg and Saxony, Allerheiligen in Bavaria …), so
 * a place's Land comes from the first two digits of the AGS of the area it lies in; without one, only
 * the nationwide holidays count.
 */
public final class Holidays {

    /** Land code (first two AGS digits) → jollyday's subdivision. */
    private static final Map<String, String> LAND = Map.ofEntries(
            Map.entry("01", "sh"), Map.entry("02", "hh"), Map.entry("03", "ni"), Map.entry("04", "hb"),
            Map.entry("05", "nw"), Map.entry("06", "he"), Map.entry("07", "rp"), Map.entry("08", "bw"),
            Map.entry("09", "by"), Map.entry("10", "sl"), Map.entry("11", "be"), Map.entry("12", "bb"),
            Map.entry("13", "mv"), Map.entry("14", "sn"), Map.entry("15", "st"), Map.entry("16", "th"));

    private static final HolidayManager GERMANY =
            HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.GERMANY));
    private static final Map<String, Holidays> BY_LAND = new ConcurrentHashMap<>();
    /** Nationwide holidays only: for places whose Land is not known. */
    public static final Holidays NATIONWIDE = new Holidays(null);

    private final String subdivision;
    private final Map<Integer, Map<LocalDate, Holiday>> years = new ConcurrentHashMap<>();

    private Holidays(String subdivision) {
        this.subdivision = subdivision;
    }

    /** The holidays of the Land with this AGS prefix ("09" Bavaria, "12" Brandenburg …); null: nationwide. */
    public static Holidays ofLand(String agsPrefix) {
        String subdivision = agsPrefix == null ? null : LAND.get(agsPrefix);
        return subdivision == null ? NATIONWIDE : BY_LAND.computeIfAbsent(subdivision, Holidays::new);
    }

    public boolean isHoliday(LocalDate day) {
        return of(day.getYear()).containsKey(day);
    }

    /** The holiday's name ("Tag der Deutschen Einheit"), if the day is one. */
    public Optional<String> name(LocalDate day, Locale locale) {
        return Optional.ofNullable(of(day.getYear()).get(day)).map(h -> h.getDescription(locale));
    }

    private Map<LocalDate, Holiday> of(int year) {
        return years.computeIfAbsent(year, y -> {
            var set = subdivision == null
                    ? GERMANY.getHolidays(y, HolidayType.PUBLIC_HOLIDAY)
                    : GERMANY.getHolidays(y, HolidayType.PUBLIC_HOLIDAY, subdivision);
            return set.stream().collect(Collectors.toMap(Holiday::getDate, h -> h, (a, b) -> a));
        });
    }

    /** Easter Sunday (Gregorian, anonymous algorithm), for dates like {@code easter -2 days}. */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }
}
