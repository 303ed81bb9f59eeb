package de.ortsanker.imports.shapefile;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The EPSG code of a shapefile's .prj (WKT 1, often ESRI's dialect): its AUTHORITY when it has one, else
 * recognised by the names ESRI and GDAL give the systems German data comes in.
 */
final class Prj {

    private static final Pattern AUTHORITY = Pattern.compile("AUTHORITY\\[\\s*\"EPSG\"\\s*,\\s*\"?(\\d+)\"?\\s*]");
    private static final Pattern UTM = Pattern.compile("(ETRS_?1989|ETRS89|WGS_?1984|WGS84)\\W*UTM\\W*ZONE\\W*(\\d{2})N");
    private static final Pattern GAUSS_KRUGER = Pattern.compile("DHDN.*(?:GAUSS|GK).*ZONE\\W*([2-5])");

    private Prj() {
    }

    static Optional<Integer> epsg(String wkt) {
        String w = wkt.strip();
        // The AUTHORITY of the outermost element comes last in WKT 1.
        Matcher m = AUTHORITY.matcher(w);
        Integer last = null;
        while (m.find()) {
            last = Integer.valueOf(m.group(1));
        }
        boolean projected = w.toUpperCase(Locale.ROOT).startsWith("PROJCS");
        if (last != null && (projected ? last >= 2000 && !isGeographic(last) : isGeographic(last))) {
            return Optional.of(last);
        }
        String name = name(w).toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        if (!projected) {
            if (name.contains("ETRS") || name.contains("ETRF")) {
                return Optional.of(4258);
            }
            if (name.contains("WGS") && name.contains("84")) {
                return Optional.of(4326);
            }
            return Optional.empty();
        }
        Matcher utm = UTM.matcher(name);
        if (utm.find()) {
            int zone = Integer.parseInt(utm.group(2));
            return Optional.of((utm.group(1).startsWith("ETRS") ? 25800 : 32600) + zone);
        }
        Matcher gk = GAUSS_KRUGER.matcher(name);
        if (gk.find()) {
            return Optional.of(31464 + Integer.parseInt(gk.group(1)));
        }
        if (name.contains("LAEA") && (name.contains("ETRS") || name.contains("EUROPE"))) {
            return Optional.of(3035);
        }
        if (name.contains("MERCATOR") && (name.contains("WEB") || name.contains("PSEUDO") || name.contains("AUXILIARY"))) {
            return Optional.of(3857);
        }
        return Optional.empty();
    }

    private static boolean isGeographic(int code) {
        return code >= 4000 && code < 5000;
    }

    private static String name(String wkt) {
        int q = wkt.indexOf('"');
        int e = q < 0 ? -1 : wkt.indexOf('"', q + 1);
        return q < 0 || e < 0 ? "" : wkt.substring(q + 1, e);
    }
}
