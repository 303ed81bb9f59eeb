package de.ortsanker.filter;

import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A request that used a name kept only for one release (an old tile layer id, {@code wheelchair=} for
 * {@code step_free=}) is answered as before, with a {@code Deprecation} header (RFC 9745) saying since when
 * the name is deprecated, so that portals and scripts notice before the name goes.
 */
public final class Deprecation {

    public static final String HEADER = "Deprecation";

    /** The release that gave every layer one id and the filters one name. */
    public static final LocalDate SINCE = LocalDate.of(2026, 12, 6);

    /** The header's value: an RFC 9651 date, seconds since the epoch. */
    public static final String VALUE = "@" + SINCE.atStartOfDay(ZoneOffset.UTC).toEpochSecond();

    private Deprecation() {
    }
}
