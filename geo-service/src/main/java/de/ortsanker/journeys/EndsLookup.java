package de.ortsanker.journeys;

import de.ortsanker.filter.PublicPlaces;
import de.ortsanker.problem.InvalidParameter;
import de.ortsanker.problem.NotFound;
import de.ortsanker.routing.Point;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads a journey's ends from the request: the place (public today, by the one public rule) and the start —
 * {@code lon}/{@code lat} or {@code village} (a village's id, as {@code /places/{id}/villages} lists them).
 */
@Component
class EndsLookup {

    /** The place's point (a point on the surface of an area), if the public sees it today. */
    static final String PLACE_POINT = """
            select p.id, p.name, ST_X(pt) as lon, ST_Y(pt) as lat
              from (select p.id, p.name, ST_PointOnSurface(p.geom) as pt
                      from places p
                     where p.id = :id and %s) p""".formatted(PublicPlaces.on(":day"));

    /** A current village, town or hamlet by id. */
    static final String VILLAGE_POINT = """
            select l.name, ST_X(l.geom) as lon, ST_Y(l.geom) as lat
              from localities l
             where l.id = :village and l.retired_at is null""";

    /** The villages and towns around a place, nearest first: where a citizen may start from. */
    static final String VILLAGES_AROUND = """
            select l.id, l.name, l.kind, round(ST_Distance(l.geog, o.geog)::numeric, 1) as distance_m,
                   ST_X(l.geom) as lon, ST_Y(l.geom) as lat
              from (select ST_PointOnSurface(p.geom)::geography as geog from places p
                     where p.id = :id and %s) o
              join localities l on l.retired_at is null and ST_DWithin(l.geog, o.geog, :radius)
                                and l.kind in ('city', 'town', 'village', 'hamlet', 'suburb')
             order by l.geog <-> o.geog
             limit :limit""".formatted(PublicPlaces.on(":day"));

    private final NamedParameterJdbcTemplate jdbc;

    EndsLookup(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Ends resolve(String placeId, String lon, String lat, String village, LocalDate today) {
        long id = id(placeId, "id");
        var place = jdbc.query(PLACE_POINT, new MapSqlParameterSource("id", id).addValue("day", today),
                (rs, i) -> new Object[] {rs.getString("name"), new Point(rs.getDouble("lon"), rs.getDouble("lat"))});
        if (place.isEmpty()) {
            throw new NotFound("there is no public place with id " + id);
        }
        String placeName = (String) place.get(0)[0];
        Point to = (Point) place.get(0)[1];
        boolean position = lon != null || lat != null;
        if (position && village != null) {
            throw new InvalidParameter("village", "give a position (lon and lat) or a village, not both");
        }
        if (village != null) {
            long v = id(village, "village");
            var found = jdbc.query(VILLAGE_POINT, new MapSqlParameterSource("village", v),
                    (rs, i) -> new Ends(id, placeName, to, new Point(rs.getDouble("lon"), rs.getDouble("lat")),
                            rs.getString("name"), v));
            if (found.isEmpty()) {
                throw new InvalidParameter("village", "there is no current village with id " + v
                        + "; /places/" + id + "/villages lists those around the place");
            }
            return found.get(0);
        }
        if (!position) {
            throw new InvalidParameter(List.of(new InvalidParameter.Param("lon", "give lon and lat of the start, or village"),
                    new InvalidParameter.Param("lat", "give lon and lat of the start, or village")));
        }
        if (lon == null || lat == null) {
            throw new InvalidParameter(lon == null ? "lon" : "lat", "give lon and lat together");
        }
        return new Ends(id, placeName, to, new Point(number(lon, "lon", 180), number(lat, "lat", 90)), null, null);
    }

    List<Village> villagesAround(String placeId, int limit, LocalDate today) {
        long id = id(placeId, "id");
        var params = new MapSqlParameterSource("id", id).addValue("day", today).addValue("radius", 25_000)
                .addValue("limit", limit);
        var found = jdbc.query(VILLAGES_AROUND, params, (rs, i) -> new Village(rs.getLong("id"), rs.getString("name"),
                rs.getString("kind"), rs.getDouble("distance_m"), rs.getDouble("lon"), rs.getDouble("lat")));
        if (found.isEmpty() && jdbc.query(PLACE_POINT, params, (rs, i) -> 1).isEmpty()) {
            throw new NotFound("there is no public place with id " + id);
        }
        return found;
    }

    /** A village to start from. */
    record Village(long id, String name, String kind, double distanceM, double lon, double lat) {
    }

    static long id(String text, String parameter) {
        try {
            long v = Long.parseLong(text.trim());
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidParameter(parameter, "'" + text + "' is not an id (a positive whole number)");
    }

    private static double number(String text, String parameter, double bound) {
        double v;
        try {
            v = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new InvalidParameter(parameter, "'" + text + "' is not a number");
        }
        if (!(v >= -bound && v <= bound)) {
            throw new InvalidParameter(parameter, "'" + text + "' must be -" + (long) bound + " … " + (long) bound);
        }
        return v;
    }
}
