package de.ortsanker.imports;

import java.sql.Connection;
import java.sql.SQLException;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * An import clipped to an administrative area ({@code --area AGS}): a record is kept when its geometry lies
 * within the area's official boundary — PostGIS's {@code ST_Within}, decided in Java on the boundary read once
 * and prepared, so that a whole Land's records are tested as they stream past and nothing is held back.
 * A record partly outside (a forest across the county line) is left out: "inside" is what a planner of the
 * county can answer for.
 */
public final class Clip {

    /**
     * The current boundary of a key: the official record that stands for it (not retired, not superseded),
     * its parts (a Kreis's islands, rows split by the publisher) as one geometry.
     */
    static final String BOUNDARY = """
            select ST_AsBinary(ST_Union(geom)), min(name), min(level), count(*)
              from admin_areas
             where ags = ? and retired_at is null and superseded_by is null""";

    private final String ags;
    private final String name;
    private final PreparedGeometry boundary;
    private final Envelope box;

    private Clip(String ags, String name, Geometry boundary) {
        this.ags = ags;
        this.name = name;
        this.boundary = PreparedGeometryFactory.prepare(boundary);
        this.box = boundary.getEnvelopeInternal();
    }

    /** The area of a key; an {@link ImportFailure} naming the key when no current boundary has it. */
    static Clip of(Connection c, String ags) throws SQLException {
        try (var st = c.prepareStatement(BOUNDARY)) {
            st.setString(1, ags);
            try (var rs = st.executeQuery()) {
                rs.next();
                if (rs.getLong(4) == 0) {
                    throw new ImportFailure("--area " + ags + ": no administrative area with this key (AGS) is"
                            + " imported; import the official boundaries first (scripts/import.sh"
                            + " data/vg5000/VG5000_KRS.shp data/vg5000/VG5000_GEM.shp) or check the key"
                            + " (Elbe-Elster is 12062, Landkreis Bayreuth 09472)");
                }
                return new Clip(ags, rs.getString(2), new WKBReader().read(rs.getBytes(1)));
            }
        } catch (ParseException e) {
            throw new IllegalStateException("the boundary of " + ags + " cannot be read", e);
        }
    }

    /** Whether a geometry (EPSG:4326) lies within the area. */
    boolean contains(Geometry g) {
        return box.covers(g.getEnvelopeInternal()) && boundary.contains(g);
    }

    public String ags() {
        return ags;
    }

    public String name() {
        return name;
    }
}
