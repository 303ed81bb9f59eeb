package de.ortsanker.features;

import de.ortsanker.cql2.LiteralCrs;
import de.ortsanker.problem.InvalidParameter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A coordinate reference system the API answers and accepts (OGC API Features Part 2), with the axis
 * order its definition prescribes: EPSG:4326 is latitude/longitude, CRS84 longitude/latitude, the UTM
 * zones easting/northing, Web Mercator x/y. Storage is EPSG:4326 in PostGIS's longitude/latitude order;
 * PostGIS (PROJ) transforms.
 *
 * @param latitudeFirst the first axis is latitude, so coordinates are swapped to and from PostGIS
 * @param decimals      output precision: 8 decimals of a degree are about 1 mm, 3 decimals of a metre 1 mm
 */
public record Crs(String uri, int srid, boolean latitudeFirst, boolean projected, int decimals, String title) {

    public static final Crs CRS84 = new Crs("http://www.opengis.net/def/crs/OGC/1.3/CRS84", 4326, false, false, 8,
            "WGS 84 longitude/latitude (GPS, GeoJSON)");
    public static final Crs WGS84 = new Crs("http://www.opengis.net/def/crs/EPSG/0/4326", 4326, true, false, 8,
            "WGS 84 latitude/longitude (EPSG:4326)");
    public static final Crs UTM32 = new Crs("http://www.opengis.net/def/crs/EPSG/0/25832", 25832, false, true, 3,
            "ETRS89 / UTM zone 32N (EPSG:25832)");
    public static final Crs UTM33 = new Crs("http://www.opengis.net/def/crs/EPSG/0/25833", 25833, false, true, 3,
            "ETRS89 / UTM zone 33N (EPSG:25833)");
    public static final Crs WEB_MERCATOR = new Crs("http://www.opengis.net/def/crs/EPSG/0/3857", 3857, false, true, 3,
            "WGS 84 / Pseudo-Mercator (EPSG:3857)");

    /** Every CRS offered, the default (CRS84) first as Part 2 requires. */
    public static final List<Crs> SUPPORTED = List.of(CRS84, WGS84, UTM32, UTM33, WEB_MERCATOR);

    private static final Pattern EPSG_URI = Pattern.compile("https?://www\\.opengis\\.net/def/crs/EPSG/0/(\\d{1,6})");
    private static final Pattern EPSG_URN = Pattern.compile("urn:ogc:def:crs:EPSG:[^:]*:(\\d{1,6})");
    private static final Pattern EPSG_CURIE = Pattern.compile("\\[EPSG:(\\d{1,6})]");

    /** The CRS a client names (URI, URN or safe CURIE), or a 400 problem naming the parameter. */
    public static Crs parse(String value, String parameter) {
        String v = value.trim();
        if (v.equals(CRS84.uri) || v.equals("https://www.opengis.net/def/crs/OGC/1.3/CRS84")
                || v.equalsIgnoreCase("urn:ogc:def:crs:OGC:1.3:CRS84") || v.equalsIgnoreCase("[OGC:CRS84]")) {
            return CRS84;
        }
        for (Pattern p : List.of(EPSG_URI, EPSG_URN, EPSG_CURIE)) {
            Matcher m = p.matcher(v);
            if (m.matches()) {
                int code = Integer.parseInt(m.group(1));
                for (Crs crs : SUPPORTED) {
                    if (crs != CRS84 && crs.srid == code) {
                        return crs;
                    }
                }
            }
        }
        throw new InvalidParameter(parameter, "'" + value + "' is not a supported CRS; use one of "
                + String.join(", ", SUPPORTED.stream().map(Crs::uri).toList()));
    }

    /** For the {@code Content-Crs} header: {@code <uri>}. */
    public String headerValue() {
        return "<" + uri + ">";
    }

    /** How the CQL2 library reads geometry literals written in this CRS. */
    public LiteralCrs asLiteralCrs() {
        return new LiteralCrs(srid, latitudeFirst, projected);
    }

    /** SQL that turns a stored (EPSG:4326, lon/lat) geometry into this CRS and axis order. */
    String fromStorage(String geometrySql) {
        String g = srid == 4326 ? geometrySql : "ST_Transform(" + geometrySql + ", " + srid + ")";
        return latitudeFirst ? "ST_FlipCoordinates(" + g + ")" : g;
    }
}
