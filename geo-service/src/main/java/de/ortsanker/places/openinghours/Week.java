package de.ortsanker.places.openinghours;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The next seven days' hours as the service reads an opening_hours value, for a map to put into words
 * ("today 9–18, Sunday closed"): a place's detail and the edit form's preview show the same week.
 */
public final class Week {

    /** One day's hours; {@code spans} empty: closed all day. */
    public record Day(LocalDate date,
                      @Schema(allowableValues = {"Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"}) String weekday,
                      @Schema(description = "the public holiday's German name, if it is one") String holiday,
                      List<Span> spans) {
    }

    public record Span(String from, String to, @Schema(allowableValues = {"open", "unknown"}) String status) {
    }

    /** Weekdays as opening_hours writes them: language-neutral for the map to put into words. */
    private static final List<String> WEEKDAYS = List.of("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su");

    private Week() {
    }

    public static List<Day> from(OpeningHours oh, LocalDate from, Holidays holidays) {
        List<Day> days = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            LocalDate d = from.plusDays(i);
            var spans = oh.spans(d, holidays).stream()
                    .map(s -> new Span(s.from(), s.to(), s.status() == OpeningHours.Status.OPEN ? "open" : "unknown"))
                    .toList();
            days.add(new Day(d, WEEKDAYS.get(d.getDayOfWeek().getValue() - 1),
                    holidays.name(d, Locale.GERMAN).orElse(null), spans));
        }
        return days;
    }
}
