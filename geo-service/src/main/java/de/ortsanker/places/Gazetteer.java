package de.ortsanker.places;

import de.ortsanker.places.PlaceCollection.Origin;
import de.ortsanker.problem.InvalidParameter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Turns what a citizen types — a village ("Harsdorf"), a municipality, a place's name, or an address
 * ("Hauptstraße 3, Harsdorf") — into a point. Names are matched folded and fuzzily; when the text
 * fits several places far apart, or nothing well, the answer is a 400 with suggestions to pick from.
 * "Name, Context" narrows by the municipality, district or town the candidate lies in.
 */
@Component
class Gazetteer {

    /** Candidates: villages and towns, municipalities, and public places by name; best first. */
    static final String CANDIDATES = """
            select c.type, c.detail, c.name, ST_X(c.geom) as lon, ST_Y(c.geom) as lat, c.score, c.exact,
                   (select a.name from admin_areas a where a.level = 'gemeinde' and a.retired_at is null
                          and ST_Intersects(a.geom, c.geom) limit 1) as municipality
              from (select 'locality' as type, l.kind as detail, l.name, l.geom, village_people(l.id) as population,
                           similarity(l.name_folded, fold_name(:q)) as score, l.name_folded = fold_name(:q) as exact,
                           1 as preference
                      from localities l
                     where l.retired_at is null and l.name_folded %% fold_name(:q)
                    union all
                    select 'municipality', coalesce(a.designation, 'Gemeinde'), a.name, ST_PointOnSurface(a.geom),
                           area_population(a), similarity(a.name_folded, fold_name(:q)), a.name_folded = fold_name(:q), 2
                      from admin_areas a
                     where a.level = 'gemeinde' and a.retired_at is null and a.name_folded %% fold_name(:q)
                    union all
                    select 'place', p.kind, p.name, ST_PointOnSurface(p.geom), null,
                           similarity(p.name_folded, fold_name(:q)), p.name_folded = fold_name(:q), 3
                      from places p
                     where %s and p.name_folded %% fold_name(:q)) c
             where %s
             order by c.exact desc, c.score desc, c.preference, c.population desc nulls last
             limit 8""";

    /**
     * Addresses: the address gazetteer (OSM addr:*) and the addresses places carry themselves, streets
     * folded alike ("Hauptstr." = "Hauptstraße"), house numbers without spaces and case.
     */
    static final String ADDRESSES = """
            select 'address' as type, 'address' as detail, name, ST_X(geom) as lon, ST_Y(geom) as lat,
                   1.0 as score, true as exact, municipality
              from (select concat_ws(', ', a.street || ' ' || a.housenumber, concat_ws(' ', a.postcode, a.city)) as name,
                           a.geom, a.city as municipality, a.id
                      from addresses a
                     where a.retired_at is null and a.street_folded = fold_street(:street)
                       and a.housenumber_folded = fold_housenumber(:number)
                       and (cast(:context as text) is null or a.city_folded = fold_name(:context) or a.postcode = :context)
                    union all
                    select concat_ws(', ', p.addr_street || ' ' || p.addr_housenumber,
                                     concat_ws(' ', p.addr_postcode, p.addr_city)),
                           ST_PointOnSurface(p.geom), p.addr_city, p.id
                      from places p
                     where %s and p.addr_street is not null and fold_street(p.addr_street) = fold_street(:street)
                       and fold_housenumber(p.addr_housenumber) = fold_housenumber(:number)
                       and (cast(:context as text) is null or fold_name(p.addr_city) = fold_name(:context)
                            or p.addr_postcode = :context)) found
             order by id
             limit 8""";

    /** "Name, Context": the candidate lies in an area of that name, or its address names that town. */
    static final String IN_CONTEXT = """
            exists (select 1 from admin_areas a where a.retired_at is null and a.name_folded = fold_name(:context)
                    and ST_Intersects(a.geom, c.geom))""";

    private static final Pattern ADDRESS = Pattern.compile("(.*\\D)\\s+(\\d+\\s*[a-zA-Z]?)");
    /** Candidates closer than this are one place (a village and its municipality of the same name). */
    private static final double SAME_PLACE_M = 3000;

    private final NamedParameterJdbcTemplate jdbc;

    Gazetteer(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record Candidate(String type, String detail, String name, String municipality, double lon, double lat,
                     double score, boolean exact) {
        String label() {
            if (type.equals("address")) {
                return name;
            }
            String where = municipality == null || municipality.equals(name) ? "" : ", " + municipality;
            return name + " (" + detail.replace('_', ' ') + where + ")";
        }

        /** A value for {@code near} that names this candidate alone. */
        String near() {
            return municipality == null || municipality.equals(name) ? name : name + ", " + municipality;
        }

        double metresTo(Candidate o) {
            double dLat = Math.toRadians(o.lat - lat);
            double dLon = Math.toRadians(o.lon - lon) * Math.cos(Math.toRadians((o.lat + lat) / 2));
            return 6_371_000 * Math.hypot(dLat, dLon);
        }
    }

    /** One suggestion in a 400 answer. */
    record Suggestion(String label, String near, double lon, double lat) {
    }

    Origin resolve(String text, LocalDate day) {
        String q = text.strip();
        if (q.length() < 2) {
            throw new InvalidParameter("near", "must name a village, municipality, place or address (at least 2 letters)");
        }
        String name = q;
        String context = null;
        int comma = q.indexOf(',');
        if (comma > 0) {
            name = q.substring(0, comma).strip();
            context = q.substring(comma + 1).strip();
            context = context.isEmpty() ? null : context;
        }
        List<Candidate> candidates = new ArrayList<>();
        var address = ADDRESS.matcher(name);
        if (address.matches()) {
            candidates.addAll(query(ADDRESSES.formatted(PlaceFilters.PUBLIC), params(day, name, context)
                    .addValue("street", address.group(1).strip())
                    .addValue("number", address.group(2))));
        }
        if (candidates.isEmpty()) {
            String where = context == null ? "true" : IN_CONTEXT;
            candidates.addAll(query(CANDIDATES.formatted(PlaceFilters.PUBLIC, where), params(day, name, context)));
        }
        return choose(q, candidates);
    }

    private static Origin choose(String text, List<Candidate> candidates) {
        if (candidates.isEmpty()) {
            throw new InvalidParameter("near", "found no village, municipality, place or address called '" + text
                    + "'; give lon and lat instead, or check the spelling");
        }
        Candidate best = candidates.get(0);
        List<Candidate> rivals = candidates.stream()
                .filter(c -> c != best && c.metresTo(best) > SAME_PLACE_M)
                .filter(c -> best.exact() ? c.exact() : c.score() > best.score() - 0.15)
                .toList();
        boolean confident = best.exact() || best.score() >= 0.5;
        if (confident && rivals.isEmpty()) {
            return new Origin(best.lon(), best.lat(), best.label());
        }
        var problem = new InvalidParameter("near", (confident ? "'" + text + "' fits several places"
                : "no place is called '" + text + "'") + "; pick one of the suggestions (its near value or lon/lat)");
        problem.with("suggestions", candidates.stream()
                .filter(c -> c == best || !confident || rivals.contains(c))
                .map(c -> new Suggestion(c.label(), c.near(), c.lon(), c.lat())).distinct().limit(6).toList());
        throw problem;
    }

    private List<Candidate> query(String sql, MapSqlParameterSource params) {
        return jdbc.query(sql, params, (rs, i) -> new Candidate(rs.getString("type"), rs.getString("detail"), rs.getString("name"),
                        rs.getString("municipality"), rs.getDouble("lon"), rs.getDouble("lat"), rs.getDouble("score"),
                        rs.getBoolean("exact")));
    }

    private static MapSqlParameterSource params(LocalDate day, String name, String context) {
        return new MapSqlParameterSource("q", name).addValue("day", day).addValue("context", context);
    }
}
