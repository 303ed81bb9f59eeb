package de.ortsanker.imports.geopackage;

import de.ortsanker.imports.FileImporter;
import de.ortsanker.imports.ImportContext;
import de.ortsanker.imports.ImportFailure;
import de.ortsanker.imports.ImportOptions;
import de.ortsanker.imports.Origin;
import de.ortsanker.imports.Sql;
import de.ortsanker.imports.Target;
import de.ortsanker.imports.features.FeatureMapper;
import de.ortsanker.imports.features.SourceFeature;
import de.ortsanker.imports.geometry.Crs;
import de.ortsanker.imports.geometry.DeclaredExtent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;

/**
 * Imports a feature table of an OGC GeoPackage (https://www.geopackage.org/spec/), read with SQLite:
 * the table named in gpkg_contents (--layer when there are several), its geometry column and CRS from
 * gpkg_geometry_columns and gpkg_spatial_ref_sys, geometries from the GeoPackage binary format.
 */
public final class GeoPackageImporter implements FileImporter {

    private static final Sql SQL = Sql.load(GeoPackageImporter.class, "geopackage.sql");

    private final Path file;
    private final String table;
    private final String geometryColumn;
    private final String primaryKey;
    private final Crs crs;
    private final FeatureMapper mapper;
    private final DeclaredExtent layerExtent;  // null when gpkg_contents declares none

    public GeoPackageImporter(Path file, ImportOptions options) throws IOException {
        this.file = file;
        String name = file.getFileName().toString();
        checkHeader(file);
        try (Connection c = open(file)) {
            List<String[]> layers = new ArrayList<>();
            try (var rs = c.createStatement().executeQuery(SQL.get("layers"))) {
                while (rs.next()) {
                    layers.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5)});
                }
            }
            if (layers.isEmpty()) {
                throw new ImportFailure(name + ": a GeoPackage without feature tables");
            }
            String wanted = options.layer();
            String[] layer = null;
            for (String[] l : layers) {
                if (wanted == null ? layers.size() == 1 : l[0].equalsIgnoreCase(wanted)) {
                    layer = l;
                }
            }
            if (layer == null) {
                throw new ImportFailure(name + ": " + (wanted == null ? "has " + layers.size() + " feature tables; choose"
                        + " one with --layer" : "has no feature table '" + wanted + "'") + " (its tables: "
                        + String.join(", ", layers.stream().map(l -> l[0]).toList()) + ")");
            }
            this.table = layer[0];
            this.geometryColumn = layer[1];
            boolean areal = layer[2] != null && layer[2].toUpperCase().contains("POLYGON");
            this.crs = crs(name, options, layer[3], layer[4]);
            List<String> columns = new ArrayList<>();
            String pk = null;
            try (var ps = c.prepareStatement(SQL.get("columns"))) {
                ps.setString(1, table);
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String column = rs.getString(1);
                        if (rs.getInt(2) > 0 && pk == null) {
                            pk = column;
                        }
                        if (!column.equals(geometryColumn)) {
                            columns.add(column);
                        }
                    }
                }
            }
            this.primaryKey = pk;
            this.mapper = FeatureMapper.of(options, columns, areal, name);
            this.layerExtent = extent(c, table);
        } catch (SQLException e) {
            throw failure(name, e);
        }
    }

    @Override
    public String format() {
        return "geopackage";
    }

    @Override
    public Set<Target> targets() {
        return Set.of(mapper.target());
    }

    @Override
    public Defaults defaults() {
        return mapper.defaults();
    }

    @Override
    public void read(ImportContext context) throws IOException {
        String name = file.getFileName().toString();
        mapper.describe(context, "layer " + table + "; CRS " + crs);
        var geometries = new GeoPackageBinary();
        try (Connection c = open(file)) {
            readRows(c, context, geometries, name);
        } catch (SQLException e) {
            throw failure(name, e);
        }
    }

    private void readRows(Connection c, ImportContext context, GeoPackageBinary geometries, String name)
            throws SQLException, IOException {
        long total = count(c);
        try (var st = c.createStatement();
             ResultSet rs = st.executeQuery("select * from " + quote(table)
                     + (primaryKey == null ? "" : " order by " + quote(primaryKey)))) {
            var meta = rs.getMetaData();
            int columns = meta.getColumnCount();
            long row = 0;
            long bytes = Files.size(file);
            long reported = 0;
            while (rs.next()) {
                row++;
                Map<String, Object> properties = new LinkedHashMap<>();
                Geometry g = null;
                String problem = null;
                for (int i = 1; i <= columns; i++) {
                    String column = meta.getColumnName(i);
                    if (column.equals(geometryColumn)) {
                        byte[] blob = rs.getBytes(i);
                        try {
                            g = blob == null ? null : geometries.read(blob);
                            problem = corrupted(g, geometries.envelopeOfLast());
                        } catch (GeoPackageBinary.Unreadable e) {
                            problem = e.getMessage();
                        }
                    } else {
                        properties.put(column, rs.getObject(i));
                    }
                }
                Object fid = primaryKey == null ? null : properties.get(primaryKey);
                Origin origin = Origin.feature(name, fid instanceof Number n ? n.longValue() : row);
                if (problem != null) {
                    context.reject(origin, geometryColumn, problem, mapper.target());
                } else {
                    mapper.accept(new SourceFeature(origin, properties, g), crs, context);
                }
                // SQLite reads pages on demand: progress is estimated from the rows' share of the file.
                if (row % 1000 == 0) {
                    long estimate = Math.min(bytes, bytes * row / Math.max(row, total));
                    context.bytesRead(estimate - reported);
                    reported = estimate;
                }
            }
            context.bytesRead(bytes - reported);
        }
    }

    /** The layer's extent in gpkg_contents, or null when it declares none. */
    private static DeclaredExtent extent(Connection c, String table) throws SQLException {
        try (var ps = c.prepareStatement(SQL.get("extent"))) {
            ps.setString(1, table);
            try (var rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                double[] v = new double[4];
                for (int i = 0; i < 4; i++) {
                    v[i] = rs.getDouble(i + 1);
                    if (rs.wasNull()) {
                        return null;
                    }
                }
                return DeclaredExtent.loose(v[0], v[1], v[2], v[3], "the layer " + table + " (gpkg_contents)");
            }
        }
    }

    /** Why a geometry cannot be what was written: outside its own envelope or the layer's extent; else null. */
    private String corrupted(Geometry g, DeclaredExtent own) {
        for (DeclaredExtent e : new DeclaredExtent[] {own, layerExtent}) {
            if (e != null && g != null) {
                var v = e.violation(g);
                if (v.isPresent()) {
                    return v.get();
                }
            }
        }
        return null;
    }

    private long count(Connection c) throws SQLException {
        try (var st = c.createStatement(); var rs = st.executeQuery("select count(*) from " + quote(table))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Crs crs(String name, ImportOptions options, String organization, String code) {
        int epsg;
        if (options.crs() != null) {
            epsg = options.crs();
        } else if (organization != null && organization.equalsIgnoreCase("EPSG") && code != null) {
            epsg = Integer.parseInt(code);
        } else {
            throw new ImportFailure(name + ": the layer's coordinate system is undefined or not an EPSG code ("
                    + organization + " " + code + "): give it with --crs");
        }
        try {
            return Crs.epsg(epsg);
        } catch (IllegalArgumentException e) {
            throw new ImportFailure(e.getMessage());
        }
    }

    /** A GeoPackage is an SQLite 3 database: check the signature before SQLite gets to it. */
    private static void checkHeader(Path file) throws IOException {
        byte[] head = new byte[16];
        int n;
        try (var in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, 16);
        }
        if (n < 16 || !new String(head, 0, 15, StandardCharsets.US_ASCII).equals("SQLite format 3")) {
            throw new ImportFailure(file.getFileName() + ": not a GeoPackage (not an SQLite database"
                    + (n < 16 ? ", or truncated" : "") + ")");
        }
    }

    private static Connection open(Path file) throws SQLException {
        var props = new Properties();
        props.setProperty("open_mode", "1");      // SQLITE_OPEN_READONLY: an import never changes its input
        return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), props);
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static ImportFailure failure(String name, SQLException e) {
        String msg = e.getMessage() == null ? e.toString() : e.getMessage();
        if (msg.contains("malformed") || msg.contains("not a database") || msg.contains("SQLITE_CORRUPT")
                || msg.contains("SQLITE_NOTADB")) {
            return new ImportFailure(name + ": corrupt or truncated (SQLite: " + msg.replaceAll("\\s+", " ") + ")");
        }
        if (msg.contains("no such table")) {
            return new ImportFailure(name + ": not a GeoPackage (" + msg + ")");
        }
        return new ImportFailure(name + ": cannot be read (" + msg + ")", e);
    }
}
