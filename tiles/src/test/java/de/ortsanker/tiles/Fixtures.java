package de.ortsanker.tiles;

import de.ortsanker.testing.TestSchema;

/** Test data, written with SQL into a real PostGIS schema. */
public final class Fixtures {

    /** Harsdorf, Upper Franconia: the demo region. */
    public static final double LON = 11.57;
    public static final double LAT = 50.03;

    private Fixtures() {
    }

    /** A filter as a request writes it, e.g. {@code "kinds=pub&step_free=yes"}, for a tile of every layer. */
    public static TileFilter filter(String query) {
        var parameters = new java.util.HashMap<String, String[]>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            parameters.put(pair.substring(0, eq), new String[] {pair.substring(eq + 1)});
        }
        return TileFilter.parse(parameters, TileLayers.all());
    }

    /**
     * Inserts a public OSM-sourced place; {@code more} sets or overrides columns as SQL,
     * e.g. {@code "wheelchair", "'yes'"}.
     */
    public static long place(TestSchema db, String kind, String name, double lon, double lat, String... more) {
        var columns = new java.util.LinkedHashMap<String, String>();
        columns.put("kind", "'" + kind + "'");
        columns.put("name", name == null ? "null" : "'" + name.replace("'", "''") + "'");
        columns.put("geom", "ST_Point(" + lon + ", " + lat + ", 4326)");
        columns.put("source", "'fixture'");
        columns.put("source_id", "'" + java.util.UUID.randomUUID() + "'");
        columns.put("licence", "'ODbL-1.0'");
        columns.put("attribution", "'© OpenStreetMap contributors'");
        for (int i = 0; i < more.length; i += 2) {
            columns.put(more[i], more[i + 1]);
        }
        String sql = "insert into places (" + String.join(", ", columns.keySet()) + ") values ("
                + String.join(", ", columns.values()) + ") returning id";
        try (var c = db.connect(); var st = c.createStatement(); var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The tile at a zoom that holds a point. */
    public static TileAddress tileAt(int z, double lon, double lat) {
        int n = 1 << z;
        int x = (int) Math.floor((lon + 180) / 360 * n);
        double rad = Math.toRadians(lat);
        int y = (int) Math.floor((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2 * n);
        return TileAddress.of(z, x, y);
    }

    /** Where a point lies in a tile, in tile units (0..4096, y down). */
    public static double[] tileUnits(TileAddress t, double lon, double lat) {
        int n = 1 << t.z();
        double x = (lon + 180) / 360 * n;
        double rad = Math.toRadians(lat);
        double y = (1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2 * n;
        return new double[] {(x - t.x()) * TileQuery.EXTENT, (y - t.y()) * TileQuery.EXTENT};
    }
}
