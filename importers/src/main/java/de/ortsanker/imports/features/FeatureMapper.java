package de.ortsanker.imports.features;

import de.ortsanker.imports.AdminAreaRecord;
import de.ortsanker.imports.FileImporter;
import de.ortsanker.imports.ImportContext;
import de.ortsanker.imports.ImportFailure;
import de.ortsanker.imports.ImportOptions;
import de.ortsanker.imports.LocalityRecord;
import de.ortsanker.imports.Origin;
import de.ortsanker.imports.PlaceFields;
import de.ortsanker.imports.PlaceRecord;
import de.ortsanker.imports.Problem;
import de.ortsanker.imports.SourceValues;
import de.ortsanker.imports.Target;
import de.ortsanker.imports.Vocabulary;
import de.ortsanker.imports.geometry.Crs;
import de.ortsanker.imports.geometry.Shapes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * Maps the features of a GIS or table file (GeoJSON, GeoPackage, Shapefile, CSV, Excel) to records of
 * one target: places (by column names and --kind), localities (a list of places with population), or
 * administrative areas (files with an official key, such as BKG VG5000). Which one is recognised from
 * the columns unless --target says so.
 */
public final class FeatureMapper {

    /** Finds a position for a row that has none, from its address (offline geocoding). */
    public interface Locator {
        /** A WGS 84 point for the record's address, or null after reporting why there is none. */
        Geometry locate(PlaceRecord record, ImportContext context);
    }

    /** A place's fields, its id and where its position may come from. */
    private static final List<String> PLACE_FIELDS = Stream.of(List.of("id"), PlaceFields.names(),
            List.of("lon", "lat", "wkt")).flatMap(List::stream).toList();
    private static final List<String> LOCALITY_FIELDS = List.of("id", "name", "kind", "population",
            "population_date", "ags", "lon", "lat", "wkt");
    private static final List<String> ADMIN_FIELDS = List.of("ags", "ars", "name", "designation", "population",
            "level");
    private static final Pattern VG_FILE = Pattern.compile("(?i)VG(\\d+)_(GEM|KRS|LAN|RBZ|VWG|STA)");
    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(19|20)\\d\\d(?!\\d)");
    private static final GeometryFactory FACTORY = new GeometryFactory();

    private final Target target;
    private final ImportOptions options;
    private final Columns columns;
    private final String fileName;
    private final boolean bkg;
    private final boolean geonames;
    private Locator locator;
    private boolean naturalKeyNoted;

    private FeatureMapper(Target target, ImportOptions options, Columns columns, String fileName, boolean bkg,
                          boolean geonames) {
        this.target = target;
        this.options = options;
        this.columns = columns;
        this.fileName = fileName;
        this.bkg = bkg;
        this.geonames = geonames;
    }

    /**
     * @param columnNames the file's attribute columns
     * @param areal       whether the file's geometries are polygons
     */
    public static FeatureMapper of(ImportOptions options, List<String> columnNames, boolean areal, String fileName) {
        var probe = new Columns(columnNames, Map.of(), List.of("ags", "ars", "name", "population", "kind", "id"),
                fileName);
        boolean hasKey = probe.has("ags") || probe.has("ars");
        boolean bkg = hasKey && probe.find("GEN").isPresent()
                && (probe.find("BEZ").isPresent() || probe.find("NUTS").isPresent() || probe.find("SN_L").isPresent());
        boolean geonames = probe.find("geonameid").isPresent();
        Target target = options.target();
        if (target == null) {
            if (hasKey && probe.has("name") && areal && options.kind() == null) {
                target = Target.ADMIN_AREAS;
            } else if (probe.has("population") && !probe.has("kind") && options.kind() == null) {
                target = Target.LOCALITIES;
            } else {
                target = Target.PLACES;
            }
        }
        List<String> fields = switch (target) {
            case ADMIN_AREAS -> ADMIN_FIELDS;
            case LOCALITIES -> LOCALITY_FIELDS;
            case PLACES -> PLACE_FIELDS;
            default -> throw new ImportFailure(fileName + ": cannot be imported into " + target.table());
        };
        var explicit = new java.util.LinkedHashMap<>(options.columns());
        if (options.idColumn() != null) {
            explicit.put("id", options.idColumn());
        }
        for (String f : explicit.keySet()) {
            if (!fields.contains(f) && !(target == Target.PLACES && f.startsWith("details."))) {
                throw new ImportFailure("--column " + f + "=…: " + f + " is not a field of " + target.table()
                        + " (its fields: " + String.join(", ", fields) + ")");
            }
        }
        var cols = new Columns(columnNames, explicit, fields, fileName);
        if (target == Target.ADMIN_AREAS && !cols.has("ags")) {
            throw new ImportFailure(fileName + ": administrative areas need a column with the official key (AGS),"
                    + " e.g. --column ags=SCHLUESSEL; the columns are: " + String.join(", ", columnNames));
        }
        return new FeatureMapper(target, options, cols, fileName, bkg, geonames);
    }

    public Target target() {
        return target;
    }

    public Columns columns() {
        return columns;
    }

    public void locateWith(Locator locator) {
        this.locator = locator;
    }

    /** Whether rows need a locator: places without geometry columns but with an address. */
    public boolean needsGeocoding(boolean hasGeometry) {
        return target == Target.PLACES && !hasGeometry && !(columns.has("lon") && columns.has("lat"))
                && !columns.has("wkt");
    }

    /** {@link #defaults(String)} with the year in the file's name ("kreise_vg5000_2021…"), if any. */
    public FileImporter.Defaults defaults() {
        Matcher m = YEAR.matcher(fileName);
        return defaults(m.find() ? m.group() : null);
    }

    /** Source, licence and attribution known from the data itself (BKG, GeoNames). */
    public FileImporter.Defaults defaults(String year) {
        String base = fileName.replaceFirst("\\.[^.]+$", "");
        if (bkg) {
            Matcher m = VG_FILE.matcher(fileName);
            String source = m.find() ? "BKG VG" + m.group(1) + " " + switch (m.group(2).toUpperCase(Locale.ROOT)) {
                case "GEM" -> "Gemeinden";
                case "KRS" -> "Kreise";
                case "LAN" -> "Länder";
                case "RBZ" -> "Regierungsbezirke";
                case "VWG" -> "Verwaltungsgemeinschaften";
                default -> "Staat";
            } : base;
            return new FileImporter.Defaults(source, "dl-de/by-2-0",
                    "© GeoBasis-DE / BKG" + (year == null ? "" : " " + year) + " (Daten verändert)");
        }
        if (geonames) {
            return new FileImporter.Defaults("GeoNames", "CC-BY-4.0", "GeoNames (www.geonames.org), CC BY 4.0");
        }
        return new FileImporter.Defaults(base, null, null, true);
    }

    /** Maps one feature; problems are reported to the context. */
    public void accept(SourceFeature f, Crs crs, ImportContext context) {
        switch (target) {
            case ADMIN_AREAS -> adminArea(f, crs, context);
            case LOCALITIES -> locality(f, crs, context);
            default -> place(f, crs, context);
        }
    }

    private void place(SourceFeature f, Crs crs, ImportContext context) {
        var r = new PlaceRecord(id(f, context), f.origin());
        for (var e : columns.chosen().entrySet()) {
            Object value = f.properties().get(e.getValue());
            if (e.getKey().startsWith("details.")) {
                if (value != null && !(value instanceof String s && s.isBlank())) {
                    r.details.put(e.getKey().substring(8), value);
                }
            } else {
                PlaceFields.set(r, e.getKey(), value, context::problem);
            }
        }
        if (r.kind == null || r.kind.isBlank()) {
            r.kind = options.kind();
        }
        details(f, r, context);
        Geometry g = position(f, crs, context, Target.PLACES, r);
        if (g == null) {
            return;
        }
        r.geometry = g;
        context.place(r);
    }

    /** Columns "details.x" / "details_x", and columns named like a detail field of the record's kind. */
    private void details(SourceFeature f, PlaceRecord r, ImportContext context) {
        Vocabulary.KindInfo kind = context.vocabulary().kind(r.kind).orElse(null);
        for (String c : columns.unused()) {
            Object v = f.properties().get(c);
            if (v == null || v instanceof String s && s.isBlank()) {
                continue;
            }
            String lower = c.toLowerCase(Locale.ROOT);
            if (lower.startsWith("details.") || lower.startsWith("details_")) {
                r.details.put(lower.substring(8), v);
            } else if (kind != null && kind.detailTypes().containsKey(lower)) {
                r.details.put(lower, v);
            }
        }
    }

    private void locality(SourceFeature f, Crs crs, ImportContext context) {
        Origin origin = f.origin();
        String name = text(f, "name");
        if (name == null) {
            context.reject(origin, columns.column("name").orElse("name"), "a locality needs a name", Target.LOCALITIES);
            return;
        }
        var r = new LocalityRecord(id(f, context), origin);
        r.name = name;
        Object population = value(f, "population");
        if (population != null) {
            r.population = SourceValues.parseInteger(population);
            if (r.population == null || r.population < 0) {
                context.problem(origin.problem(columns.column("population").orElseThrow(), "'" + population
                        + "' is not a number of inhabitants; imported without it", Problem.Action.FIELD_DROPPED));
                r.population = null;
            }
        }
        r.populationSource = context.source();
        Object date = value(f, "population_date");
        r.populationDate = date == null ? null : SourceValues.parseDate(date);
        r.kind = localityKind(f, r.population);
        String ags = text(f, "ags");
        if (ags != null) {
            r.ags = ags.matches("[0-9]{8}") ? ags : null;
            if (r.ags == null) {
                context.problem(origin.problem(columns.column("ags").orElseThrow(), "'" + ags
                        + "' is not an eight-digit Gemeindeschlüssel; imported without it", Problem.Action.FIELD_DROPPED));
            }
        }
        Geometry g = position(f, crs, context, Target.LOCALITIES, null);
        if (g == null) {
            return;
        }
        r.point = g instanceof Point p ? p : (Point) Shapes.representativePoint(g);
        context.locality(r);
    }

    /**
     * A locality's kind: a kind column or --kind when it names one; GeoNames' feature code (PPLX: part of a
     * town); else by population — city from 100,000, town from 5,000, village from 100 inhabitants.
     */
    private String localityKind(SourceFeature f, Integer population) {
        String given = text(f, "kind");
        if (given == null) {
            given = options.kind();
        }
        if (given != null && LocalityRecord.KINDS.contains(given.toLowerCase(Locale.ROOT))) {
            return given.toLowerCase(Locale.ROOT);
        }
        Object code = f.properties().get(columns.find("feature_code").orElse(""));
        if (code != null) {
            switch (code.toString()) {
                case "PPLX" -> {
                    return "suburb";
                }
                case "PPLL" -> {
                    return "locality";
                }
                default -> { }
            }
        }
        if (population == null) {
            return "village";
        }
        return population >= 100_000 ? "city" : population >= 5_000 ? "town" : population >= 100 ? "village" : "hamlet";
    }

    private void adminArea(SourceFeature f, Crs crs, ImportContext context) {
        Origin origin = f.origin();
        Object gf = f.properties().get(columns.find("GF").orElse(""));
        if (bkg && gf != null && Set.of("1", "2", "8").contains(integerText(gf))) {
            // BKG's "Geofaktor": 1, 2 (VG250) and 8 (VG5000) are water — coastal sea, Bodensee.
            context.skip(origin, "GF", "a water area (GF " + integerText(gf) + "), not part of the land area of "
                    + text(f, "name"), Target.ADMIN_AREAS);
            return;
        }
        String rawKey = text(f, "ags");
        String level = options.level() != null ? options.level() : text(f, "level") != null ? text(f, "level")
                : AdminAreaRecord.levelOf(rawKey);
        if (level == null) {
            context.reject(origin, columns.column("ags").orElse("ags"), rawKey == null ? "no official key (AGS)"
                    : "'" + rawKey + "' is not an official key of 2, 3, 5 or 8 digits (or give --level)",
                    Target.ADMIN_AREAS);
            return;
        }
        String ags = normalizedKey(rawKey, level);
        if (ags == null) {
            context.reject(origin, columns.column("ags").orElse("ags"), "'" + rawKey + "' is not the official key of a "
                    + level, Target.ADMIN_AREAS);
            return;
        }
        String name = text(f, "name");
        if (name == null) {
            context.reject(origin, columns.column("name").orElse("name"), "an administrative area needs a name",
                    Target.ADMIN_AREAS);
            return;
        }
        Geometry g = context.place(f.geometry(), crs, origin, Target.ADMIN_AREAS);
        if (g == null) {
            return;
        }
        if (!Shapes.isArea(g)) {
            context.reject(origin, "geometry", "an administrative area needs a polygon, not a "
                    + g.getGeometryType().toLowerCase(Locale.ROOT), Target.ADMIN_AREAS);
            return;
        }
        String id = options.idColumn() != null ? text(f, "id") : level + "/" + ags;
        var r = new AdminAreaRecord(id == null ? level + "/" + ags : id, origin);
        r.level = level;
        r.ags = ags;
        String ars = text(f, "ars");
        r.ars = ars != null && ars.matches("[0-9]{2,12}") ? ars : null;
        r.name = name;
        r.designation = text(f, "designation");
        Object population = value(f, "population");
        r.population = population == null ? null : SourceValues.parseInteger(population);
        r.geometry = Shapes.multi(g);
        context.adminArea(r);
    }

    private static String normalizedKey(String raw, String level) {
        if (raw == null || !raw.strip().matches("[0-9]+")) {
            return null;
        }
        String s = raw.strip();
        int digits = switch (level) {
            case "land" -> 2;
            case "regierungsbezirk" -> 3;
            case "kreis" -> 5;
            case "gemeinde" -> 8;
            default -> s.length();
        };
        if (s.length() == digits) {
            return s;
        }
        return s.length() > digits && s.substring(digits).matches("0+") ? s.substring(0, digits) : null;
    }

    /** The record's position: its geometry, lon/lat columns, a WKT column, or its geocoded address. */
    private Geometry position(SourceFeature f, Crs crs, ImportContext context, Target t, PlaceRecord place) {
        Origin origin = f.origin();
        if (f.geometry() != null) {
            return context.place(f.geometry(), crs, origin, t);
        }
        if (columns.has("lon") && columns.has("lat")) {
            Object x = value(f, "lon");
            Object y = value(f, "lat");
            if (x != null || y != null) {
                Double lon = number(x);
                Double lat = number(y);
                if (lon == null || lat == null) {
                    context.reject(origin, lon == null ? columns.column("lon").orElseThrow() : columns.column("lat")
                            .orElseThrow(), "'" + (lon == null ? x : y) + "' is not a coordinate", t);
                    return null;
                }
                Point p = FACTORY.createPoint(new Coordinate(lon, lat));
                return context.place(p, crs, origin, t);
            }
        }
        if (columns.has("wkt")) {
            String wkt = text(f, "wkt");
            if (wkt != null) {
                try {
                    return context.place(new WKTReader(FACTORY).read(wkt), crs, origin, t);
                } catch (ParseException | RuntimeException e) {
                    // JTS refuses some values with an IllegalArgumentException (an open ring, too few points):
                    // it is this row's value that is bad, not the file.
                    context.reject(origin, columns.column("wkt").orElseThrow(), "not a WKT geometry ("
                            + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")", t);
                    return null;
                }
            }
        }
        if (place != null && locator != null && (place.addrStreet != null || place.addrCity != null)) {
            return locator.locate(place, context);
        }
        context.reject(origin, "geometry", "no position: no geometry, no coordinates"
                + (t == Target.PLACES ? " and no address" : ""), t);
        return null;
    }

    /** The record's stable id: its id column, else a key made of its kind, name and address or position. */
    private String id(SourceFeature f, ImportContext context) {
        String id = text(f, "id");
        if (id != null) {
            return id;
        }
        if (!naturalKeyNoted) {
            naturalKeyNoted = true;
            context.problem(new Problem(fileName, null, null, null, null, "no id column (give one with --id COLUMN):"
                    + " records are recognised again by kind, name and address (or position), so a renamed record"
                    + " is retired and added anew", Problem.Action.NOTE));
        }
        var key = new StringBuilder();
        for (String field : List.of("kind", "name", "addr_street", "addr_housenumber", "addr_postcode", "addr_city")) {
            String v = text(f, field);
            key.append(v == null ? "" : v.toLowerCase(Locale.GERMAN)).append('|');
        }
        if (field(f, "addr_street") == null && field(f, "addr_city") == null) {
            key.append(position(f));
        }
        if (options.kind() != null) {
            key.append('|').append(options.kind());
        }
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(key.toString().getBytes(StandardCharsets.UTF_8));
            return "key:" + HexFormat.of().formatHex(d, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String position(SourceFeature f) {
        if (f.geometry() != null) {
            Coordinate c = f.geometry().getCoordinate();
            return c == null ? "" : Math.round(c.x * 1e5) + "," + Math.round(c.y * 1e5);
        }
        return value(f, "lon") + "," + value(f, "lat") + "," + text(f, "wkt");
    }

    private Object field(SourceFeature f, String field) {
        return value(f, field);
    }

    private Object value(SourceFeature f, String field) {
        return columns.column(field).map(c -> f.properties().get(c)).orElse(null);
    }

    private String text(SourceFeature f, String field) {
        Object v = value(f, field);
        if (v == null) {
            return null;
        }
        String s = integerText(v);
        return s.isEmpty() ? null : s;
    }

    private static String integerText(Object v) {
        return v instanceof Number n ? SourceValues.integerText(n) : v.toString().strip();
    }

    /** A coordinate from a number or text, with a decimal point or (German) comma. */
    static Double number(Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v == null) {
            return null;
        }
        String s = v.toString().strip().replace(',', '.');
        try {
            double d = Double.parseDouble(s);
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Tells the steward which column feeds which field and which columns were not used (a note of the run). */
    public void describe(ImportContext context, String more) {
        var out = new ArrayList<String>();
        out.add("target " + target.table() + "; columns " + columns.chosen());
        if (!columns.unused().isEmpty()) {
            out.add("not imported: " + String.join(", ", columns.unused()));
        }
        out.add(more);
        context.problem(new Problem(fileName, null, null, null, null, String.join("; ", out), Problem.Action.NOTE));
    }
}
