package de.ortsanker.journeys;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deep link into the regional journey planner for the whole trip, made from the configured template.
 * Placeholders: {@code {from_lat} {from_lon} {to_lat} {to_lon}} (degrees, 6 decimals), {@code {from_name}
 * {to_name}} (percent-encoded; a position is named "Start"), {@code {date}} (2026-12-07), {@code {time}} (08:30, percent-encoded as
 * 08%3A30), {@code {epoch}} (Unix seconds of date and time in Europe/Berlin). Unknown placeholders stay as
 * written, so a mistyped template shows in the link rather than failing the answer.
 */
final class PlannerLink {

    /**
     * bbnavi (Brandenburg's planner, a digitransit-ui): {@code /reiseplan/<name>::<lat>,<lon>/<name>::<lat>,<lon>?time=<unix
     * seconds>} — the form bbnavi's own route widget builds.
     */
    static final String BBNAVI = "https://bbnavi.de/reiseplan/{from_name}::{from_lat},{from_lon}/{to_name}::{to_lat},{to_lon}?time={epoch}";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private PlannerLink() {
    }

    static String make(String template, Ends ends, LocalDate date, LocalTime time) {
        Map<String, String> values = Map.of(
                "from_lat", degrees(ends.start().lat()), "from_lon", degrees(ends.start().lon()),
                "to_lat", degrees(ends.place().lat()), "to_lon", degrees(ends.place().lon()),
                "from_name", encode(ends.startName() == null ? "Start" : ends.startName()), "to_name", encode(ends.placeName()),
                "date", date.toString(), "time", encode(time.withSecond(0).withNano(0).toString()),
                "epoch", String.valueOf(date.atTime(time).atZone(BERLIN).toEpochSecond()));
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String degrees(double d) {
        return String.format(Locale.ROOT, "%.6f", d);
    }

    /** Percent-encoded for a path segment or a query value alike (space as %20, not +). */
    private static String encode(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
