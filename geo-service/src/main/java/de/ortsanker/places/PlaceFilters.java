package de.ortsanker.places;

import de.ortsanker.cql2.SqlFilter;
import de.ortsanker.filter.PlaceFilter;
import de.ortsanker.filter.PublicPlaces;
import de.ortsanker.problem.InvalidParameter;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * What a citizen narrows a list down to: the shared filter language ({@link PlaceFilter}: kinds and layers,
 * step-free access, free entry — the same meaning as in the OGC collections, tiles and planning), and open
 * now or at a given time. The filter language becomes fixed SQL conditions with bound values; opening hours
 * are evaluated in Java after the query (they are OSM syntax, not SQL). Which places the public sees on the
 * day asked about is {@link PublicPlaces}' rule.
 *
 * @param places   the filter language's filter
 * @param at       the Berlin wall-clock time results are evaluated at ({@code open_now})
 * @param openOnly keep only places open at {@code at}
 * @param fixedTime whether {@code at} was given by the caller (then the answer does not age)
 */
record PlaceFilters(PlaceFilter places, LocalDateTime at, boolean openOnly, boolean fixedTime) {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    /** The public rule on the day asked about, bound as {@code :day}: every query of this package uses it. */
    static final String PUBLIC = PublicPlaces.on(":day");

    /** Every filter parameter a list takes, the deprecated names included. */
    static final List<String> PARAMETERS = java.util.stream.Stream.concat(PlaceFilter.ACCEPTED.stream(),
            java.util.stream.Stream.of("open_now", "open_at")).toList();

    static PlaceFilters parse(FilterParameters p, LocalDateTime now) {
        boolean openNow = bool(p.openNow(), "open_now");
        boolean givenTime = p.openAt() != null && !p.openAt().isBlank();
        if (openNow && givenTime) {
            throw new InvalidParameter("open_at", "give either open_now=true or open_at, not both");
        }
        LocalDateTime at = givenTime ? parseTime(p.openAt()) : now;
        return new PlaceFilters(PlaceFilter.of(p.kinds(), p.stepFree(), p.freeEntry(), p.wheelchair(), p.free()), at,
                openNow || givenTime, givenTime);
    }

    private static boolean bool(String raw, String parameter) {
        if (raw == null || raw.isBlank() || raw.strip().equals("false")) {
            return false;
        }
        if (raw.strip().equals("true")) {
            return true;
        }
        throw new InvalidParameter(parameter, "must be true or false, got '" + raw + "'");
    }

    /** ISO 8601: with an offset ({@code 2026-12-24T18:00+01:00}) or Berlin local time ({@code 2026-12-24T18:00}). */
    private static LocalDateTime parseTime(String raw) {
        LocalDateTime t = parseAnyTime(raw);
        // Opening hours and public holidays are known for our calendar's years, and the database's dates
        // end in 294276: a time far outside is a mistake, not a question.
        if (t.getYear() < 1900 || t.getYear() > 2200) {
            throw new InvalidParameter("open_at", "must be a time between the years 1900 and 2200, got '" + raw + "'");
        }
        return t;
    }

    private static LocalDateTime parseAnyTime(String raw) {
        String s = raw.strip();
        try {
            return OffsetDateTime.parse(s).atZoneSameInstant(BERLIN).toLocalDateTime();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(s);
            } catch (DateTimeParseException e2) {
                throw new InvalidParameter("open_at", "must be an ISO 8601 date and time such as 2026-12-24T18:00"
                        + " (Europe/Berlin) or 2026-12-24T17:00Z, got '" + raw + "'");
            }
        }
    }

    LocalDate day() {
        return at.toLocalDate();
    }

    /** The SQL conditions (fixed text) for these filters, their values bound into {@code params}. */
    String sql(MapSqlParameterSource params) {
        params.addValue("day", day());
        List<String> where = new ArrayList<>(List.of(PUBLIC));
        if (!places.isEmpty()) {
            SqlFilter filter = places.sql();
            // the filter's positional values, bound by name: :filter0, :filter1, …
            String sql = filter.sql();
            for (int i = 0; i < filter.parameters().size(); i++) {
                sql = sql.replaceFirst("\\?", ":filter" + i);
                params.addValue("filter" + i, filter.parameters().get(i));
            }
            where.add(sql);
        }
        if (openOnly) {
            where.add("p.opening_hours is not null");
        }
        return String.join("\n   and ", where);
    }

    /** The data layers an answer under these filters is made of, for its ETag. */
    Set<String> layers() {
        return places.layers();
    }
}
