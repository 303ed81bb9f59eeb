package de.ortsanker.planning.sites;

import de.ortsanker.cql2.SqlFilter;
import de.ortsanker.filter.PlaceFilter;
import de.ortsanker.planning.distance.Site;
import de.ortsanker.planning.rules.Target;
import de.ortsanker.problem.InvalidParameter;
import de.ortsanker.vocabulary.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Where a new offer could go: the public vacant buildings in and around the area, and points a planner
 * names ({@code candidate=lon,lat[,label]}).
 */
@Component
public class CandidateSites {

    /** The most points a request may name. */
    public static final int MAX_GIVEN = 200;

    /** The places that are candidate sites: every public vacant building. */
    public static final PlaceFilter VACANT_BUILDINGS = new PlaceFilter(Set.of(Kind.VACANT_BUILDING), null, null, List.of());

    private static final String VACANT = """
            select p.id, coalesce(p.name, 'Leerstand ' || coalesce(p.addr_street || ' ' || coalesce(p.addr_housenumber, ''),
                                                             p.addr_city, '#' || p.id)),
                   ST_X(pt), ST_Y(pt), p.source, p.licence, p.attribution
              from (select p.*, case when GeometryType(p.geom) = 'POINT' then p.geom
                                     else ST_PointOnSurface(p.geom) end as pt
                      from places p
                     where %s %s) p
             order by p.id""";

    private final JdbcTemplate jdbc;

    public CandidateSites(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Vacant buildings inside the box (minLon, minLat, maxLon, maxLat), or everywhere when it is null. */
    public List<Site> vacantBuildings(double[] box) {
        SqlFilter counted = Target.counted(VACANT_BUILDINGS);
        String sql = VACANT.formatted(counted.sql(), box == null ? "" : "and p.geom && ST_MakeEnvelope(?, ?, ?, ?, 4326)");
        var args = new ArrayList<Object>(counted.parameters());
        if (box != null) {
            args.addAll(List.of(box[0], box[1], box[2], box[3]));
        }
        return jdbc.query(sql, (rs, i) -> new Site(rs.getLong(1), rs.getString(2), rs.getDouble(3), rs.getDouble(4),
                rs.getString(5), rs.getString(6), rs.getString(7)), args.toArray());
    }

    /** Parses {@code lon,lat} or {@code lon,lat,label} (WGS 84) as given by a planner. */
    public static List<Site> given(List<String> candidates) {
        if (candidates == null) {
            return List.of();
        }
        if (candidates.size() > MAX_GIVEN) {
            throw new InvalidParameter("candidate", "at most " + MAX_GIVEN + " points, got " + candidates.size());
        }
        List<Site> out = new ArrayList<>();
        for (String c : candidates) {
            String[] parts = c.split(",", 3);
            if (parts.length < 2) {
                throw new InvalidParameter("candidate", "'" + c + "' must be lon,lat or lon,lat,label (WGS 84)");
            }
            double lon, lat;
            try {
                lon = Double.parseDouble(parts[0].trim());
                lat = Double.parseDouble(parts[1].trim());
            } catch (NumberFormatException e) {
                throw new InvalidParameter("candidate", "'" + c + "' must start with two numbers: lon,lat (WGS 84)");
            }
            if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) {
                throw new InvalidParameter("candidate", "'" + c + "' lies outside -180…180, -90…90 (lon,lat)");
            }
            String label = parts.length == 3 && !parts[2].isBlank() ? parts[2].trim()
                    : "point " + parts[0].trim() + "," + parts[1].trim();
            out.add(new Site(null, label, lon, lat, "request", "as given by the planner", "given in the request"));
        }
        return out;
    }
}
