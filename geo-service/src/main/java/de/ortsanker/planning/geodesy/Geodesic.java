package de.ortsanker.planning.geodesy;

/**
 * Distances on the WGS 84 ellipsoid — the same figure PostGIS gives for {@code ST_Distance(geography,
 * geography)} (Vincenty's inverse formula; it agrees with PostGIS to well under a millimetre for any two
 * points that are not nearly antipodal, which no two German places are).
 */
public final class Geodesic {

    /** Mean earth radius (IUGG), for the sphere the spatial index searches on. */
    public static final double EARTH_RADIUS_M = 6_371_008.8;

    /**
     * How far great-circle distances on the mean sphere can stray from ellipsoidal ones (under 0.6 %
     * anywhere); searches on the sphere widen by this much and then measure exactly.
     */
    public static final double SPHERE_TOLERANCE = 0.01;

    private static final double A = 6_378_137.0;
    private static final double F = 1 / 298.257223563;
    private static final double B = A * (1 - F);

    private Geodesic() {
    }

    /** Metres between two points given as longitude and latitude in degrees (EPSG:4326). */
    public static double metres(double lon1, double lat1, double lon2, double lat2) {
        double l = Math.toRadians(lon2 - lon1);
        double u1 = Math.atan((1 - F) * Math.tan(Math.toRadians(lat1)));
        double u2 = Math.atan((1 - F) * Math.tan(Math.toRadians(lat2)));
        double sinU1 = Math.sin(u1), cosU1 = Math.cos(u1), sinU2 = Math.sin(u2), cosU2 = Math.cos(u2);
        double lambda = l;
        double sinSigma, cosSigma, sigma, cosSqAlpha, cos2SigmaM;
        int iterations = 200;
        double previous;
        do {
            double sinLambda = Math.sin(lambda), cosLambda = Math.cos(lambda);
            double t1 = cosU2 * sinLambda, t2 = cosU1 * sinU2 - sinU1 * cosU2 * cosLambda;
            sinSigma = Math.sqrt(t1 * t1 + t2 * t2);
            if (sinSigma == 0) {
                return 0;
            }
            cosSigma = sinU1 * sinU2 + cosU1 * cosU2 * cosLambda;
            sigma = Math.atan2(sinSigma, cosSigma);
            double sinAlpha = cosU1 * cosU2 * sinLambda / sinSigma;
            cosSqAlpha = 1 - sinAlpha * sinAlpha;
            cos2SigmaM = cosSqAlpha == 0 ? 0 : cosSigma - 2 * sinU1 * sinU2 / cosSqAlpha;
            double c = F / 16 * cosSqAlpha * (4 + F * (4 - 3 * cosSqAlpha));
            previous = lambda;
            lambda = l + (1 - c) * F * sinAlpha
                    * (sigma + c * sinSigma * (cos2SigmaM + c * cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)));
        } while (Math.abs(lambda - previous) > 1e-12 && --iterations > 0);
        double uSq = cosSqAlpha * (A * A - B * B) / (B * B);
        double a = 1 + uSq / 16384 * (4096 + uSq * (-768 + uSq * (320 - 175 * uSq)));
        double b = uSq / 1024 * (256 + uSq * (-128 + uSq * (74 - 47 * uSq)));
        double deltaSigma = b * sinSigma * (cos2SigmaM + b / 4 * (cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)
                - b / 6 * cos2SigmaM * (-3 + 4 * sinSigma * sinSigma) * (-3 + 4 * cos2SigmaM * cos2SigmaM)));
        return B * a * (sigma - deltaSigma);
    }

    /** The chord between unit vectors that spans the given great-circle metres. */
    public static double chord(double sphereMetres) {
        return 2 * Math.sin(Math.min(Math.PI, sphereMetres / EARTH_RADIUS_M) / 2);
    }
}
