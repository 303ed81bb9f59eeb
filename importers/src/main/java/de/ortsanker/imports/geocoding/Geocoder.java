package de.ortsanker.imports.geocoding;

import de.ortsanker.imports.ImportContext;
import de.ortsanker.imports.PlaceRecord;
import de.ortsanker.imports.Problem;
import de.ortsanker.imports.Sql;
import de.ortsanker.imports.Target;
import de.ortsanker.imports.features.FeatureMapper;
import de.ortsanker.imports.geometry.Shapes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/**
 * Finds a position for a record that has only an address, offline, in the database's own gazetteer:
 * the house (OSM addr:*), else the nearest known house of the street, else the village or municipality.
 * Every row gets its match quality counted and, below "address", a note; a row below --min-match or
 * without any match is rejected and listed — never dropped silently.
 */
public final class Geocoder implements FeatureMapper.Locator, AutoCloseable {

    /** How precisely an address was found, best first. */
    public enum Quality {
        /** The house itself. */
        ADDRESS,
        /** Another house of the same street (the nearest number). */
        STREET,
        /** Only the village, town or municipality. */
        LOCALITY;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Quality of(String code) {
            return code == null ? STREET : valueOf(code.toUpperCase(Locale.ROOT));
        }
    }

    private record Match(Quality quality, double x, double y, String what) {
    }

    private static final Sql SQL = Sql.load(Geocoder.class, "geocoding.sql");
    /** Two houses with one address further apart than this are two different places. */
    private static final double SAME_PLACE_DEGREES = 0.01;

    private final DataSource dataSource;
    private final Quality minimum;
    private final Map<String, Match> cache = new HashMap<>();
    private Connection connection;
    private long known = -1;

    public Geocoder(DataSource dataSource, String minimum) {
        this.dataSource = dataSource;
        this.minimum = Quality.of(minimum);
    }

    @Override
    public Geometry locate(PlaceRecord r, ImportContext context) {
        String address = describe(r);
        Match m;
        try {
            String key = (r.addrStreet + "|" + r.addrHousenumber + "|" + r.addrPostcode + "|" + r.addrCity)
                    .toLowerCase(Locale.GERMAN);
            m = cache.containsKey(key) ? cache.get(key) : find(r);
            cache.put(key, m);
        } catch (SQLException e) {
            throw new IllegalStateException("geocoding " + address + ": " + e.getMessage(), e);
        }
        if (m == null) {
            context.count("geocoding.unmatched");
            context.reject(r.origin, "address", "'" + address + "' was not found among the " + known()
                    + " addresses, villages and municipalities in the database: import an OSM extract of the area,"
                    + " or give coordinates (lon/lat)", Target.PLACES);
            return null;
        }
        context.count("geocoding." + m.quality().code());
        if (m.quality().compareTo(minimum) > 0) {
            context.reject(r.origin, "address", "'" + address + "' was found only as " + m.what() + " ("
                    + m.quality().code() + "), less than --min-match " + minimum.code(), Target.PLACES);
            return null;
        }
        if (m.quality() != Quality.ADDRESS) {
            context.problem(r.origin.problem("address", "geocoded by " + m.quality().code() + ": '" + address
                    + "' placed at " + m.what(), Problem.Action.NOTE));
        }
        return Shapes.rounded(Shapes.WGS84.createPoint(new Coordinate(m.x(), m.y())), 4326);
    }

    private Match find(PlaceRecord r) throws SQLException {
        if (r.addrStreet != null && r.addrHousenumber != null) {
            Match house = house(r);
            if (house != null) {
                return house;
            }
        }
        if (r.addrStreet != null && (r.addrPostcode != null || r.addrCity != null)) {
            try (PreparedStatement ps = connection().prepareStatement(SQL.get("street"))) {
                ps.setString(1, r.addrStreet);
                ps.setString(2, r.addrPostcode);
                ps.setString(3, r.addrCity);
                ps.setInt(4, number(r.addrHousenumber));
                try (var rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return new Match(Quality.STREET, rs.getDouble(1), rs.getDouble(2), rs.getString(3) + " "
                                + rs.getString(4) + (r.addrHousenumber == null ? "" : " (no " + r.addrHousenumber
                                + " known)"));
                    }
                }
            }
        }
        if (r.addrCity != null) {
            for (String query : List.of("locality", "municipality")) {
                try (PreparedStatement ps = connection().prepareStatement(SQL.get(query))) {
                    ps.setString(1, r.addrCity);
                    try (var rs = ps.executeQuery()) {
                        if (rs.next()) {
                            return new Match(Quality.LOCALITY, rs.getDouble(1), rs.getDouble(2),
                                    "the " + rs.getString(4) + " " + rs.getString(3));
                        }
                    }
                }
            }
        }
        return null;
    }

    /** The house with this street and number in the record's postcode or city; or the only one anywhere. */
    private Match house(PlaceRecord r) throws SQLException {
        List<double[]> all = new ArrayList<>();
        List<double[]> local = new ArrayList<>();
        String label = null;
        try (PreparedStatement ps = connection().prepareStatement(SQL.get("address"))) {
            ps.setString(1, r.addrStreet);
            ps.setString(2, r.addrHousenumber);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    double[] p = {rs.getDouble(1), rs.getDouble(2)};
                    all.add(p);
                    label = rs.getString(5) + " " + rs.getString(6);
                    boolean samePostcode = r.addrPostcode != null && r.addrPostcode.equals(rs.getString(3));
                    boolean sameCity = r.addrCity != null && fold(r.addrCity).equals(rs.getString(4));
                    if (samePostcode || sameCity) {
                        local.add(p);
                    }
                }
            }
        }
        List<double[]> candidates = r.addrPostcode != null || r.addrCity != null ? local : all;
        if (candidates.isEmpty() || spread(candidates) > SAME_PLACE_DEGREES) {
            return null;            // not there, or the same address in several places: not this one
        }
        double[] p = candidates.get(0);
        return new Match(Quality.ADDRESS, p[0], p[1], label);
    }

    private static double spread(List<double[]> points) {
        double max = 0;
        for (double[] a : points) {
            for (double[] b : points) {
                max = Math.max(max, Math.hypot(a[0] - b[0], a[1] - b[1]));
            }
        }
        return max;
    }

    private static int number(String housenumber) {
        if (housenumber == null) {
            return 0;
        }
        String digits = housenumber.replaceFirst("^\\D*(\\d+).*$", "$1");
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** As the database's fold_name: lower case, ß, umlauts (and their ae/oe/ue spellings) and accents folded. */
    static String fold(String s) {
        String t = s.toLowerCase(Locale.GERMAN).replace("ß", "ss").replace("ae", "a").replace("oe", "o")
                .replace("ue", "u");
        return Normalizer.normalize(t, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }

    private static String describe(PlaceRecord r) {
        var sb = new StringBuilder();
        if (r.addrStreet != null) {
            sb.append(r.addrStreet);
            if (r.addrHousenumber != null) {
                sb.append(' ').append(r.addrHousenumber);
            }
        }
        if (r.addrPostcode != null || r.addrCity != null) {
            sb.append(sb.isEmpty() ? "" : ", ").append(r.addrPostcode == null ? "" : r.addrPostcode + " ")
                    .append(r.addrCity == null ? "" : r.addrCity);
        }
        return sb.toString().strip();
    }

    private long known() {
        if (known < 0) {
            try (var ps = connection().prepareStatement(SQL.get("known")); var rs = ps.executeQuery()) {
                rs.next();
                known = rs.getLong(1);
            } catch (SQLException e) {
                known = 0;
            }
        }
        return known;
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            connection = dataSource.getConnection();
            connection.setReadOnly(true);
        }
        return connection;
    }

    @Override
    public void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // nothing to do
            }
            connection = null;
        }
    }
}
