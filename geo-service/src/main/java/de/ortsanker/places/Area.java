package de.ortsanker.places;

import de.ortsanker.problem.InvalidParameter;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBWriter;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * Where a list of places is restricted to: a bounding box, a municipality by its AGS, or a polygon the
 * caller draws (GeoJSON). Becomes one fixed SQL condition with bound values.
 */
sealed interface Area {

    /** The largest polygon accepted, in vertices: a county outline at 1:25,000 fits, a DoS does not. */
    int MAX_VERTICES = 10_000;

    String sql(MapSqlParameterSource params);

    /** Data layers besides the places that the answer depends on. */
    default Optional<String> layer() {
        return Optional.empty();
    }

    record Bbox(double minLon, double minLat, double maxLon, double maxLat) implements Area {
        @Override
        public String sql(MapSqlParameterSource params) {
            params.addValue("minLon", minLon).addValue("minLat", minLat)
                    .addValue("maxLon", maxLon).addValue("maxLat", maxLat);
            return "ST_Intersects(p.geom, ST_MakeEnvelope(:minLon, :minLat, :maxLon, :maxLat, 4326))";
        }
    }

    record Municipality(String ags) implements Area {
        static final String EXISTS = """
                select name from admin_areas where level = 'gemeinde' and ags = :ags and retired_at is null limit 1""";

        @Override
        public String sql(MapSqlParameterSource params) {
            params.addValue("ags", ags);
            return "ST_Intersects(p.geom, (select a.geom from admin_areas a"
                    + " where a.level = 'gemeinde' and a.ags = :ags and a.retired_at is null limit 1))";
        }

        @Override
        public Optional<String> layer() {
            return Optional.of("admin_areas");
        }
    }

    record Shape(byte[] wkb) implements Area {
        @Override
        public String sql(MapSqlParameterSource params) {
            params.addValue("shape", wkb);
            return "ST_Intersects(p.geom, ST_GeomFromWKB(:shape, 4326))";
        }
    }

    /** {@code minLon,minLat,maxLon,maxLat} in WGS 84, as in OGC API and GeoJSON. */
    static Bbox bbox(String raw) {
        var b = de.ortsanker.filter.Bbox.lonLat(raw, "bbox");
        return new Bbox(b.minLon(), b.minLat(), b.maxLon(), b.maxLat());
    }

    static Municipality municipality(String raw) {
        String ags = raw.strip();
        if (!ags.matches("[0-9]{8}")) {
            throw new InvalidParameter("municipality", "must be the 8-digit AGS (Amtlicher Gemeindeschlüssel),"
                    + " e.g. 09472147, got '" + raw + "'");
        }
        return new Municipality(ags);
    }

    /** A GeoJSON Polygon or MultiPolygon (a Feature wrapping one is accepted too), lon/lat WGS 84. */
    static Shape polygon(String parameter, String geojson) {
        Geometry g;
        try {
            g = new GeoJsonReader().read(geojson);
        } catch (ParseException | RuntimeException e) {
            // The parser's own message names its internals, not the client's mistake.
            throw new InvalidParameter(parameter, "is not a GeoJSON geometry, e.g. {\"type\": \"Polygon\","
                    + " \"coordinates\": [[[11.5, 50.0], [11.6, 50.0], [11.6, 50.1], [11.5, 50.0]]]}");
        }
        if (g == null || g.isEmpty()) {
            throw new InvalidParameter(parameter, "has no coordinates: a polygon needs at least one ring of four positions");
        }
        if (!(g instanceof Polygon) && !(g instanceof MultiPolygon)) {
            throw new InvalidParameter(parameter, "must be a GeoJSON Polygon or MultiPolygon, got " + g.getGeometryType());
        }
        if (g.getNumPoints() > MAX_VERTICES) {
            throw new InvalidParameter(parameter, "has " + g.getNumPoints() + " vertices; at most " + MAX_VERTICES
                    + " are accepted (simplify it)");
        }
        Envelope e = g.getEnvelopeInternal();
        if (e.getMinX() < -180 || e.getMaxX() > 180 || e.getMinY() < -90 || e.getMaxY() > 90) {
            throw new InvalidParameter(parameter, "coordinates must be longitude, latitude in WGS 84 (RFC 7946)");
        }
        if (!g.isValid()) {
            throw new InvalidParameter(parameter, "is not a valid polygon (e.g. it crosses itself)");
        }
        return new Shape(new WKBWriter().write(g));
    }
}
