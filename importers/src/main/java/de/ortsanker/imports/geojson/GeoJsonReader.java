package de.ortsanker.imports.geojson;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import de.ortsanker.imports.ImportFailure;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Reads GeoJSON as a stream, feature by feature, so a file of any size needs little memory: a
 * FeatureCollection (RFC 7946), a single Feature, or features one per line (newline-delimited). Older
 * files may name their CRS in a "crs" member (GeoJSON 2008), e.g. "urn:ogc:def:crs:EPSG::25832".
 * A truncated or malformed file fails with its line and column.
 */
final class GeoJsonReader implements AutoCloseable {

    /**
     * A feature: its id, properties and geometry (null when it has none, or when its coordinates make no
     * geometry — then {@code geometryProblem} says why), and where it starts.
     */
    record Feature(long index, int line, Object id, Map<String, Object> properties, Geometry geometry,
                   String geometryProblem) {
    }

    private static final Pattern EPSG = Pattern.compile("(?i)(?:EPSG(?:::|:)|/EPSG/\\d+/)(\\d+)$");
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final String name;
    private final JsonParser parser;
    private final GeometryFactory factory = new GeometryFactory();
    private Integer crs;
    private boolean inCollection;
    private boolean done;
    private long index;
    private String geometryProblem;

    /**
     * @param collection true for a FeatureCollection, false for a Feature or features one after another
     *                   (see {@link #isCollection})
     */
    GeoJsonReader(String name, InputStream in, boolean collection) throws IOException {
        this.name = name;
        this.parser = JSON.createParser(in);
        if (collection) {
            start();
        }
    }

    /** Whether the file is a FeatureCollection: its root object has "features" (read only that far). */
    static boolean isCollection(String name, InputStream in) throws IOException {
        try (JsonParser p = JSON.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new ImportFailure(name + ": not GeoJSON (it does not start with an object)");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                p.nextToken();
                if (key.equals("features")) {
                    return true;
                }
                if (key.equals("type") && !p.getText().equals("FeatureCollection")) {
                    if (!p.getText().equals("Feature")) {
                        throw new ImportFailure(name + ": a GeoJSON \"" + p.getText() + "\" is not a FeatureCollection"
                                + " or Feature");
                    }
                    return false;
                }
                p.skipChildren();
            }
            return false;
        } catch (JsonEOFException e) {
            throw new ImportFailure(name + ": truncated (the JSON ends early at line " + e.getLocation().getLineNr()
                    + "): nothing was imported");
        } catch (JsonParseException | CharConversionException e) {
            throw new ImportFailure(name + ": not GeoJSON, or not UTF-8 (" + e.getMessage().split("\n")[0] + ")");
        }
    }

    /** The EPSG code a "crs" member named (before the features), or null: WGS 84 longitude, latitude. */
    Integer crs() {
        return crs;
    }

    private void start() throws IOException {
        JsonToken t = next();
        if (t == null) {
            throw new ImportFailure(name + ": empty file");
        }
        if (t != JsonToken.START_OBJECT) {
            throw malformed("expected a GeoJSON object, found " + t.asString());
        }
        // Read members until the features (or, for a single Feature, until its end is handled by next()).
        while (true) {
            JsonToken field = next();
            if (field == JsonToken.END_OBJECT) {
                done = true;
                return;
            }
            String key = parser.currentName();
            next();
            switch (key) {
                case "crs" -> crs = crs(parser);
                case "features" -> {
                    if (parser.currentToken() != JsonToken.START_ARRAY) {
                        throw malformed("\"features\" must be an array");
                    }
                    inCollection = true;
                    return;
                }
                default -> parser.skipChildren();
            }
        }
    }

    /** The next feature, or null at the end. */
    Feature next(boolean wantGeometry) throws IOException {
        try {
            if (done) {
                return null;
            }
            if (inCollection) {
                JsonToken t = next();
                if (t == JsonToken.END_ARRAY) {
                    inCollection = false;
                    finishCollection();
                    done = true;
                    return null;
                }
                if (t != JsonToken.START_OBJECT) {
                    throw malformed("a feature must be an object");
                }
                return feature(wantGeometry);
            }
            // newline-delimited features: one root object after another
            JsonToken t = next();
            if (t == null) {
                done = true;
                return null;
            }
            if (t != JsonToken.START_OBJECT) {
                throw malformed("expected a feature object");
            }
            return feature(wantGeometry);
        } catch (JsonEOFException e) {
            throw truncated(e.getLocation());
        } catch (JsonParseException | CharConversionException e) {
            throw malformed(e);
        }
    }

    /** After the features: a "crs" member only now would have been applied too late. */
    private void finishCollection() throws IOException {
        while (true) {
            JsonToken field = next();
            if (field == JsonToken.END_OBJECT || field == null) {
                return;
            }
            String key = parser.currentName();
            next();
            if (key.equals("crs")) {
                Integer late = crs(parser);
                if (late != null && !late.equals(crs) && late != 4326) {
                    throw new ImportFailure(name + ": its \"crs\" member (EPSG:" + late + ") comes after the features,"
                            + " which were read as " + (crs == null ? "WGS 84" : "EPSG:" + crs) + ": move it before"
                            + " \"features\" or give --crs " + late);
                }
            } else {
                parser.skipChildren();
            }
        }
    }

    private Feature feature(boolean wantGeometry) throws IOException {
        int line = parser.currentLocation().getLineNr();
        long number = ++index;
        Object id = null;
        Map<String, Object> properties = new LinkedHashMap<>();
        Geometry geometry = null;
        geometryProblem = null;
        while (next() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            JsonToken value = next();
            switch (key) {
                case "id" -> id = value == JsonToken.VALUE_NUMBER_INT ? parser.getLongValue()
                        : value == JsonToken.VALUE_NULL ? null : parser.getText();
                case "properties" -> {
                    if (value == JsonToken.START_OBJECT) {
                        properties = object();
                    } else if (value != JsonToken.VALUE_NULL) {
                        throw malformed("\"properties\" must be an object");
                    }
                }
                case "geometry" -> {
                    if (value == JsonToken.START_OBJECT) {
                        geometry = wantGeometry ? geometry(number) : skip();
                    } else if (value != JsonToken.VALUE_NULL) {
                        throw malformed("\"geometry\" must be an object or null");
                    }
                }
                default -> parser.skipChildren();
            }
        }
        return new Feature(number, line, id, properties, geometryProblem == null ? geometry : null, geometryProblem);
    }

    private Geometry skip() throws IOException {
        parser.skipChildren();
        return null;
    }

    private Map<String, Object> object() throws IOException {
        var map = new LinkedHashMap<String, Object>();
        while (next() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            next();
            map.put(key, value());
        }
        return map;
    }

    private Object value() throws IOException {
        return switch (parser.currentToken()) {
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT -> parser.getLongValue();
            case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            case START_ARRAY -> {
                var list = new ArrayList<Object>();
                while (next() != JsonToken.END_ARRAY) {
                    list.add(value());
                }
                yield list;
            }
            case START_OBJECT -> object();
            default -> throw malformed("unexpected " + parser.currentToken());
        };
    }

    private Geometry geometry(long feature) throws IOException {
        String type = null;
        Object coordinates = null;
        List<Geometry> members = null;
        while (next() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            next();
            switch (key) {
                case "type" -> type = parser.getText();
                case "coordinates" -> coordinates = value();
                case "geometries" -> {
                    members = new ArrayList<>();
                    while (next() != JsonToken.END_ARRAY) {
                        members.add(geometry(feature));
                    }
                    if (members.contains(null)) {
                        return null;
                    }
                }
                default -> parser.skipChildren();
            }
        }
        if (type == null) {
            geometryProblem = "a geometry without \"type\"";
            return null;
        }
        try {
            return switch (type) {
                case "Point" -> factory.createPoint(coordinate(coordinates));
                case "MultiPoint" -> factory.createMultiPoint(list(coordinates).stream()
                        .map(c -> factory.createPoint(coordinate(c))).toArray(Point[]::new));
                case "LineString" -> factory.createLineString(coordinates(coordinates));
                case "MultiLineString" -> factory.createMultiLineString(list(coordinates).stream()
                        .map(l -> factory.createLineString(coordinates(l))).toArray(LineString[]::new));
                case "Polygon" -> polygon(coordinates);
                case "MultiPolygon" -> factory.createMultiPolygon(list(coordinates).stream()
                        .map(this::polygon).toArray(Polygon[]::new));
                case "GeometryCollection" -> factory.createGeometryCollection(
                        members == null ? new Geometry[0] : members.toArray(Geometry[]::new));
                default -> throw new IllegalArgumentException("unknown geometry type \"" + type + "\"");
            };
        } catch (IllegalArgumentException | ClassCastException | IndexOutOfBoundsException | NullPointerException e) {
            geometryProblem = type + ": " + (e instanceof IllegalArgumentException && e.getMessage() != null
                    ? e.getMessage() : "its coordinates are not positions ([x, y] numbers) as a " + type + " needs");
            return null;
        }
    }

    private Polygon polygon(Object rings) {
        List<?> list = list(rings);
        if (list.isEmpty()) {
            return factory.createPolygon();
        }
        LinearRing shell = ring(list.get(0));
        LinearRing[] holes = list.subList(1, list.size()).stream().map(this::ring).toArray(LinearRing[]::new);
        return factory.createPolygon(shell, holes);
    }

    private LinearRing ring(Object positions) {
        Coordinate[] c = coordinates(positions);
        if (c.length > 0 && !c[0].equals2D(c[c.length - 1])) {
            throw new IllegalArgumentException("a ring is not closed (its first and last positions differ)");
        }
        if (c.length > 0 && c.length < 4) {
            throw new IllegalArgumentException("a ring has " + c.length + " positions, at least 4 are needed");
        }
        return factory.createLinearRing(c);
    }

    private Coordinate[] coordinates(Object positions) {
        return list(positions).stream().map(GeoJsonReader::coordinate).toArray(Coordinate[]::new);
    }

    private static Coordinate coordinate(Object position) {
        List<?> p = list(position);
        if (p.size() < 2) {
            throw new IllegalArgumentException("a position needs two numbers");
        }
        return new Coordinate(((Number) p.get(0)).doubleValue(), ((Number) p.get(1)).doubleValue());
    }

    private static List<?> list(Object o) {
        if (!(o instanceof List<?> l)) {
            throw new ClassCastException();
        }
        return l;
    }

    /** The EPSG code of a "crs" member: {"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::25832"}}. */
    private Integer crs(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw malformed("\"crs\" must be an object");
        }
        Map<String, Object> crs = object();
        Object props = crs.get("properties");
        if (props instanceof Map<?, ?> m) {
            Object code = m.get("code");
            if (code instanceof Number n) {
                return n.intValue();
            }
            Object nameValue = m.get("name");
            if (nameValue != null) {
                String text = nameValue.toString().strip();
                if (text.matches("(?i).*CRS84$") || text.matches("(?i).*OGC.*CRS:?84$")) {
                    return null;
                }
                Matcher matcher = EPSG.matcher(text);
                if (matcher.find()) {
                    int code2 = Integer.parseInt(matcher.group(1));
                    return code2 == 4326 ? null : code2;
                }
                throw new ImportFailure(name + ": its \"crs\" member names '" + text + "', which is not recognised:"
                        + " give the EPSG code with --crs");
            }
        }
        throw new ImportFailure(name + ": its \"crs\" member is not understood: give the EPSG code with --crs");
    }

    private JsonToken next() throws IOException {
        try {
            return parser.nextToken();
        } catch (JsonEOFException e) {
            throw truncated(e.getLocation());
        } catch (JsonParseException | CharConversionException e) {
            throw malformed(e);
        }
    }

    private ImportFailure truncated(JsonLocation at) {
        return new ImportFailure(name + ": truncated (the JSON ends early at line " + at.getLineNr() + ", column "
                + at.getColumnNr() + "): nothing was imported");
    }

    private ImportFailure malformed(Exception e) {
        String msg = e.getMessage() == null ? e.toString() : e.getMessage().split("\n")[0];
        JsonLocation at = parser.currentLocation();
        if (e instanceof CharConversionException || msg.contains("UTF-8") || msg.contains("UTF8")) {
            return new ImportFailure(name + ": wrong encoding at line " + at.getLineNr() + ", column "
                    + at.getColumnNr() + ": GeoJSON must be UTF-8 (RFC 7946) — convert the file (" + msg + ")");
        }
        return new ImportFailure(name + ": malformed JSON at line " + at.getLineNr() + ", column " + at.getColumnNr()
                + " (" + msg + ")");
    }

    private ImportFailure malformed(String what) {
        JsonLocation at = parser.currentLocation();
        return new ImportFailure(name + ": not valid GeoJSON at line " + at.getLineNr() + ", column "
                + at.getColumnNr() + ": " + what);
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
