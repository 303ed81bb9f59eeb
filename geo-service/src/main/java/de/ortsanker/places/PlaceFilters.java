package de.ortsanker.places;

import de.ortsanker.service.InvalidParameter;
import de.ortsanker.vocabulary.Group;
import de.ortsanker.vocabulary.Kind;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * What a citizen narrows a list down to: kinds or groups, step-free access, free entry, and open now
 * or at a given time. Each filter becomes a fixed SQL condition with bound values; opening hours are
 * evaluated in Java after the query (they are OSM syntax, not SQL).
 *
 * @param kinds    kind codes to include; empty: all
 * @param at       the Berlin wall-clock time results are evaluated at ({@code open_now})
 * @param openOnly keep only places open at {@code at}
 * @param fixedTime whether {@code at} was given by the caller (then the answer does not age)
 */
record PlaceFilters(Set<String> kinds, List<String> wheelchair, boolean freeOnly, LocalDateTime at, boolean openOnly,
                    boolean fixedTime) {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    /** Public, not retired, and valid on the day asked about (temporary offers have a validity period). */
    static final String PUBLIC = """
            p.retired_at is null and p.is_public
            and (p.valid_from is null or p.valid_from <= :day) and (p.valid_to is null or p.valid_to >= :day)""";

    static PlaceFilters parse(String kinds, String wheelchair, Boolean free, Boolean openNow, String openAt,
                              LocalDateTime now) {
        LocalDateTime at = openAt == null || openAt.isBlank() ? now : parseTime(openAt);
        boolean openOnly = Boolean.TRUE.equals(openNow) || openAt != null && !openAt.isBlank();
        if (Boolean.TRUE.equals(openNow) && openAt != null && !openAt.isBlank()) {
            throw new InvalidParameter("open_at", "give either open_now=true or open_at, not both");
        }
        return new PlaceFilters(kinds(kinds), wheelchair(wheelchair), Boolean.TRUE.equals(free), at, openOnly,
                openAt != null && !openAt.isBlank());
    }

    /** Kind and group codes → kind codes. */
    static Set<String> kinds(String raw) {
        if (raw == null || raw.isBlank()) {
            return Set.of();
        }
        Set<String> codes = new LinkedHashSet<>();
        for (String code : raw.split(",")) {
            String c = code.strip();
            if (c.isEmpty()) {
                continue;
            }
            var kind = Kind.fromCode(c);
            var group = Group.fromCode(c);
            if (kind.isPresent()) {
                codes.add(c);
            } else if (group.isPresent()) {
                Kind.inGroup(group.get()).forEach(k -> codes.add(k.code()));
            } else {
                throw new InvalidParameter("kinds", "unknown kind or group '" + c + "'; known groups: "
                        + Arrays.stream(Group.values()).map(Group::code).collect(Collectors.joining(", "))
                        + "; kinds are listed at /kinds");
            }
        }
        return codes;
    }

    private static List<String> wheelchair(String raw) {
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        return switch (raw.strip()) {
            case "yes" -> List.of("yes");
            case "limited" -> List.of("yes", "limited");
            default -> throw new InvalidParameter("wheelchair",
                    "must be 'yes' (step-free) or 'limited' (at least partly step-free), got '" + raw + "'");
        };
    }

    /** ISO 8601: with an offset ({@code 2026-12-24T18:00+01:00}) or Berlin local time ({@code 2026-12-24T18:00}). */
    private static LocalDateTime parseTime(String raw) {
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
        if (!kinds.isEmpty()) {
            where.add("p.kind in (:kinds)");
            params.addValue("kinds", List.copyOf(kinds));
        }
        if (!wheelchair.isEmpty()) {
            where.add("p.wheelchair in (:wheelchair)");
            params.addValue("wheelchair", wheelchair);
        }
        if (freeOnly) {
            where.add("p.free_entry");
        }
        if (openOnly) {
            where.add("p.opening_hours is not null");
        }
        return String.join("\n   and ", where);
    }

    /** The data layers (kind groups) an answer under these filters is made of, for its ETag. */
    Set<String> layers() {
        var groups = Arrays.stream(Kind.values())
                .filter(k -> kinds.isEmpty() || kinds.contains(k.code()))
                .map(k -> k.group().code())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        return groups;
    }
}
