package de.ortsanker.filter;

import de.ortsanker.cql2.SqlFilter;
import java.time.LocalDate;
import java.util.List;

/**
 * Which places the public sees: not retired, not hidden ({@code is_public}), and valid during the period
 * asked about — by default today, in the county's time zone. A temporary offer (a summer café, a mobile
 * office) is shown from its first day to its last, not before and not after. This is the only place the
 * rule is written; the places API, the OGC collections, the tiles, the planning answers, the type-ahead,
 * a place's page and the start view all take it from here ({@code PublicRuleWrittenOnceTest} keeps it so).
 *
 * <p>Over {@code places p}. The day is an SQL expression ({@link #on}) or bound values ({@link #during}).
 */
public final class PublicPlaces {

    /**
     * The rule for a period from {@code %1$s} to {@code %2$s}, both inclusive: a place's validity must overlap
     * it, a missing end being open. The first day comes first in the text, so bound values follow in order.
     */
    private static final String RULE = """
            p.retired_at is null and p.is_public
               and (p.valid_to is null or p.valid_to >= %1$s) and (p.valid_from is null or p.valid_from <= %2$s)""";

    /** The rule with both days bound, made once: most requests ask for it. */
    private static final String BOUND = RULE.formatted("?", "?");

    private PublicPlaces() {
    }

    /** Public on the day given as SQL: {@code current_date}, a named parameter {@code :day}, a column. */
    public static String on(String daySql) {
        return RULE.formatted(daySql, daySql);
    }

    /**
     * Public at some time from {@code first} to {@code last} (both inclusive), as a condition with two
     * bound values; null leaves that end of the period open (bound as ±infinity, so the statement's text
     * and its cached plan stay the same).
     */
    public static SqlFilter during(LocalDate first, LocalDate last) {
        return new SqlFilter(BOUND, List.of(first == null ? LocalDate.MIN : first, last == null ? LocalDate.MAX : last));
    }

    /** Public on one day, with the day bound. */
    public static SqlFilter on(LocalDate day) {
        return during(day, day);
    }
}
