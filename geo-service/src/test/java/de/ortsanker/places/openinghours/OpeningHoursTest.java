package de.ortsanker.places.openinghours;

import static org.assertj.core.api.Assertions.assertThat;

import de.ortsanker.places.openinghours.OpeningHours.Status;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The evaluation of OSM opening_hours on top of the parser (no database involved). */
class OpeningHoursTest {

    static final Holidays BAVARIA = Holidays.ofLand("09");

    // 2026-11-23 is a Monday; 2026-12-25 a Friday (Christmas); 2026-11-27 a Friday.
    @ParameterizedTest(name = "{0} at {1} → {2}")
    @CsvSource(delimiter = '#', value = {
            "Mo-Fr 09:00-18:00 # 2026-11-23T09:00 # OPEN",
            "Mo-Fr 09:00-18:00 # 2026-11-23T08:59 # CLOSED",
            "Mo-Fr 09:00-18:00 # 2026-11-23T18:00 # CLOSED",
            "Mo-Fr 09:00-18:00 # 2026-11-22T12:00 # CLOSED",
            "Mo-Fr 09:00-12:00,14:00-18:00 # 2026-11-23T13:00 # CLOSED",
            "Mo-Fr 09:00-12:00,14:00-18:00 # 2026-11-23T15:00 # OPEN",
            "Mo-Fr 09:00-18:00; PH off # 2026-12-25T10:00 # CLOSED",
            "Mo-Fr 09:00-18:00 # 2026-12-25T10:00 # OPEN",
            "Su,PH 10:00-12:00 # 2026-12-25T11:00 # OPEN",
            "Su,PH 10:00-12:00 # 2026-11-22T11:00 # OPEN",
            "Su,PH 10:00-12:00 # 2026-11-23T11:00 # CLOSED",
            "Fr 22:00-02:00 # 2026-11-28T01:00 # OPEN",
            "Fr 22:00-02:00 # 2026-11-28T02:00 # CLOSED",
            "Mo-Sa 10:00-20:00; Tu off # 2026-11-24T12:00 # CLOSED",
            "Mo-Sa 10:00-20:00; We 10:00-14:00 # 2026-11-25T15:00 # CLOSED",
            "Mo-Fr 08:00-12:00, We 14:00-16:00 # 2026-11-25T15:00 # OPEN",
            "Mo-Fr 08:00-12:00, We 14:00-16:00 # 2026-11-24T15:00 # CLOSED",
            "Mo-Fr 10:00-16:00, We 12:00-13:00 off # 2026-11-25T12:30 # CLOSED",
            "Mo-Fr 10:00-16:00, We 12:00-13:00 off # 2026-11-25T11:30 # OPEN",
            "24/7 # 2026-11-23T03:00 # OPEN",
            "24/7; Dec 24 off # 2026-12-24T12:00 # CLOSED",
            "Apr-Oct Sa 10:00-12:00 # 2026-11-28T11:00 # CLOSED",
            "Apr-Oct Sa 10:00-12:00 # 2026-10-31T11:00 # OPEN",
            "Nov-Feb Mo-Su 10:00-12:00 # 2027-01-10T11:00 # OPEN",
            "Dec 24-26 off; Mo-Su 10:00-12:00 # 2026-12-25T11:00 # OPEN",
            "Mo-Su 10:00-12:00; Dec 24-26 off # 2026-12-25T11:00 # CLOSED",
            "Mo[1] 10:00-11:00 # 2026-11-02T10:30 # OPEN",
            "Mo[1] 10:00-11:00 # 2026-11-09T10:30 # CLOSED",
            "Mo[-1] 10:00-11:00 # 2026-11-30T10:30 # OPEN",
            "easter -2 days off; 24/7 # 2026-04-03T10:00 # OPEN",
            "24/7; easter -2 days off # 2026-04-03T10:00 # CLOSED",
            "Mo-Fr 10:00-18:00 unknown # 2026-11-23T11:00 # UNKNOWN",
            "Mo-Fr 10:00-18:00 || \"auf Anfrage\" # 2026-11-22T11:00 # UNKNOWN",
            "Mo-Fr 10:00-18:00 || \"auf Anfrage\" # 2026-11-23T11:00 # OPEN",
            "Mo-Fr sunrise-sunset # 2026-11-23T11:00 # UNKNOWN",
            "Mo-Fr sunrise-sunset # 2026-11-22T11:00 # CLOSED",
            "Fr 18:00+ # 2026-11-27T19:00 # UNKNOWN",
            "SH off; Mo-Fr 10:00-12:00 # 2026-11-23T11:00 # UNKNOWN",
            "nach Vereinbarung # 2026-11-23T11:00 # UNKNOWN",
            "Mo-Fr 9-18 # 2026-11-23T10:00 # OPEN",
            "2020-2024 Mo-Fr 09:00-18:00 # 2026-11-23T10:00 # CLOSED",
    })
    void evaluates(String hours, String at, Status expected) {
        assertThat(OpeningHours.of(hours).at(LocalDateTime.parse(at), BAVARIA)).isEqualTo(expected);
    }

    @Test
    void holidaysDependOnTheLand() {
        var oh = OpeningHours.of("Mo-Fr 09:00-18:00; PH off");
        var reformationDay = LocalDateTime.parse("2025-10-31T10:00");
        assertThat(oh.at(reformationDay, Holidays.ofLand("12"))).isEqualTo(Status.CLOSED);  // Brandenburg
        assertThat(oh.at(reformationDay, BAVARIA)).isEqualTo(Status.OPEN);
        var allSaints = LocalDateTime.parse("2024-11-01T10:00");
        assertThat(oh.at(allSaints, BAVARIA)).isEqualTo(Status.CLOSED);
        assertThat(oh.at(allSaints, Holidays.ofLand("12"))).isEqualTo(Status.OPEN);
        // Unknown Land: only nationwide holidays.
        assertThat(oh.at(LocalDateTime.parse("2026-10-03T10:00"), Holidays.NATIONWIDE)).isEqualTo(Status.CLOSED);
        assertThat(oh.at(allSaints, Holidays.NATIONWIDE)).isEqualTo(Status.OPEN);
        assertThat(BAVARIA.name(LocalDate.parse("2026-12-25"), Locale.GERMAN)).isPresent();
    }

    @Test
    void nextChange() {
        var oh = OpeningHours.of("Mo-Fr 09:00-18:00; PH off");
        assertThat(oh.nextChange(LocalDateTime.parse("2026-11-23T10:00"), BAVARIA))
                .contains(LocalDateTime.parse("2026-11-23T18:00"));
        // Friday evening → Monday morning.
        assertThat(oh.nextChange(LocalDateTime.parse("2026-11-27T19:00"), BAVARIA))
                .contains(LocalDateTime.parse("2026-11-30T09:00"));
        // Over Christmas (Fri 25th PH) and the weekend to Monday 28 December.
        assertThat(oh.nextChange(LocalDateTime.parse("2026-12-24T18:30"), BAVARIA))
                .contains(LocalDateTime.parse("2026-12-28T09:00"));
        assertThat(OpeningHours.of("24/7").nextChange(LocalDateTime.parse("2026-11-23T10:00"), BAVARIA)).isEmpty();
        // Across midnight: open until 02:00 on Saturday.
        assertThat(OpeningHours.of("Fr 22:00-02:00").nextChange(LocalDateTime.parse("2026-11-27T23:00"), BAVARIA))
                .contains(LocalDateTime.parse("2026-11-28T02:00"));
    }

    @Test
    void aDaysSpansAsTheClockShowsThem() {
        var monday = LocalDate.parse("2026-11-23");
        assertThat(OpeningHours.of("24/7").spans(monday, BAVARIA))
                .singleElement().satisfies(s -> assertThat(s.from() + "-" + s.to()).isEqualTo("00:00-24:00"));
        assertThat(OpeningHours.of("Mo 22:00-02:00").spans(monday, BAVARIA))
                .singleElement().satisfies(s -> assertThat(s.from() + "-" + s.to()).isEqualTo("22:00-02:00"));
        assertThat(OpeningHours.of("Mo-Fr 09:00-12:00,14:00-18:00; PH off").spans(LocalDate.parse("2026-12-25"), BAVARIA))
                .isEmpty();
    }

    @Test
    void invalidSyntaxIsNotUnderstoodAndSaysWhy() {
        var oh = OpeningHours.of("Montag bis Freitag");
        assertThat(oh.understood()).isFalse();
        assertThat(oh.problem()).hasValueSatisfying(p -> assertThat(p).contains("opening_hours"));
        assertThat(oh.at(LocalDateTime.parse("2026-11-23T10:00"), BAVARIA)).isEqualTo(Status.UNKNOWN);
    }
}
