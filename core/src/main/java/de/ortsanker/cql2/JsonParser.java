package de.ortsanker.cql2;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import de.ortsanker.cql2.Expression.ArrayOperator;
import de.ortsanker.cql2.Expression.ComparisonOperator;
import de.ortsanker.cql2.Expression.SpatialOperator;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Parses CQL2 JSON ({@code {"op": "=", "args": [{"property": "name"}, "Harsdorf"]}}) into an {@link Expression}. */
final class JsonParser {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    static {
        JSON.getFactory().setStreamReadConstraints(
                StreamReadConstraints.builder().maxNestingDepth(TextParser.MAX_DEPTH * 4).build());
    }

    private int depth;

    private JsonParser() {
    }

    static Expression parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            // Where, not the parser's own wording (which names its internals).
            throw new Cql2Exception("not valid JSON"
                    + (e.getLocation() == null ? "" : " (at character " + e.getLocation().getCharOffset() + ")"));
        }
        if (root == null || root.isMissingNode()) {
            throw new Cql2Exception("the filter is empty");
        }
        return new JsonParser().expression(root, "filter");
    }

    private Expression expression(JsonNode node, String path) {
        if (node.isBoolean()) {
            return new Expression.BooleanLiteral(node.booleanValue());
        }
        String op = op(node, path);
        List<JsonNode> args = args(node, path);
        enter(path);
        try {
            return switch (op) {
                case "and", "or" -> {
                    if (args.size() < 2) {
                        throw new Cql2Exception(path + ": '" + op + "' needs at least two arguments");
                    }
                    var operands = new ArrayList<Expression>();
                    for (int i = 0; i < args.size(); i++) {
                        operands.add(expression(args.get(i), path + ".args[" + i + "]"));
                    }
                    yield op.equals("and") ? new Expression.And(operands) : new Expression.Or(operands);
                }
                case "not" -> new Expression.Not(expression(arity(args, 1, op, path).get(0), path + ".args[0]"));
                case "=", "<>", "<", ">", "<=", ">=" -> {
                    arity(args, 2, op, path);
                    yield new Expression.Comparison(ComparisonOperator.fromSymbol(op),
                            operand(args.get(0), path + ".args[0]"), operand(args.get(1), path + ".args[1]"));
                }
                case "like" -> {
                    arity(args, 2, op, path);
                    yield new Expression.Like(operand(args.get(0), path + ".args[0]"),
                            operand(args.get(1), path + ".args[1]"), false);
                }
                case "between" -> {
                    arity(args, 3, op, path);
                    yield new Expression.Between(operand(args.get(0), path + ".args[0]"),
                            operand(args.get(1), path + ".args[1]"), operand(args.get(2), path + ".args[2]"), false);
                }
                case "in" -> {
                    arity(args, 2, op, path);
                    if (!args.get(1).isArray()) {
                        throw new Cql2Exception(path + ".args[1]: 'in' needs a list (a JSON array)");
                    }
                    var list = new ArrayList<Operand>();
                    for (int i = 0; i < args.get(1).size(); i++) {
                        list.add(operand(args.get(1).get(i), path + ".args[1][" + i + "]"));
                    }
                    yield new Expression.In(operand(args.get(0), path + ".args[0]"), list, false);
                }
                case "isnull" -> new Expression.IsNull(operand(arity(args, 1, op, path).get(0), path + ".args[0]"), false);
                case "s_dwithin" -> dwithin(args, path);
                default -> {
                    if (op.startsWith("s_") || op.startsWith("a_")) {
                        arity(args, 2, op, path);
                        Operand a = operand(args.get(0), path + ".args[0]");
                        Operand b = operand(args.get(1), path + ".args[1]");
                        try {
                            String name = op.toUpperCase(Locale.ROOT);
                            yield op.startsWith("s_")
                                    ? new Expression.Spatial(SpatialOperator.valueOf(name), a, b)
                                    : new Expression.ArrayRelation(ArrayOperator.valueOf(name), a, b);
                        } catch (IllegalArgumentException e) {
                            throw new Cql2Exception(path + ": unknown operator '" + op + "'");
                        }
                    }
                    if (op.startsWith("t_")) {
                        arity(args, 2, op, path);
                        try {
                            yield new Expression.Temporal(Expression.TemporalOperator.valueOf(op.toUpperCase(Locale.ROOT)),
                                    operand(args.get(0), path + ".args[0]"), operand(args.get(1), path + ".args[1]"));
                        } catch (IllegalArgumentException e) {
                            throw new Cql2Exception(path + ": unknown temporal operator '" + op + "'");
                        }
                    }
                    throw new Cql2Exception(path + ": unknown operator '" + op + "'");
                }
            };
        } finally {
            depth--;
        }
    }

    private Expression dwithin(List<JsonNode> args, String path) {
        if (args.size() != 3 && args.size() != 4) {
            throw new Cql2Exception(path + ": 's_dwithin' takes a geometry, a geometry and a distance (and a unit)");
        }
        if (!args.get(2).isNumber() || args.get(2).doubleValue() < 0) {
            throw new Cql2Exception(path + ".args[2]: the distance must be a number of 0 or more");
        }
        double metres = args.get(2).doubleValue();
        if (args.size() == 4) {
            try {
                metres *= Units.metresPer(args.get(3).asText(), 0);
            } catch (Cql2Exception e) {
                throw new Cql2Exception(path + ".args[3]: unknown distance unit '" + args.get(3).asText()
                        + "' (use 'm' or 'km')");
            }
        }
        return new Expression.DWithin(operand(args.get(0), path + ".args[0]"), operand(args.get(1), path + ".args[1]"),
                metres);
    }

    private Operand operand(JsonNode node, String path) {
        if (node.isTextual()) {
            return new Operand.Text(node.textValue());
        }
        if (node.isNumber()) {
            return new Operand.Number(node.decimalValue());
        }
        if (node.isBoolean()) {
            return new Operand.Bool(node.booleanValue());
        }
        if (node.isArray()) {
            var elements = new ArrayList<Operand>();
            for (int i = 0; i < node.size(); i++) {
                elements.add(operand(node.get(i), path + "[" + i + "]"));
            }
            return new Operand.Array(elements);
        }
        if (!node.isObject()) {
            throw new Cql2Exception(path + ": expected a property, a value or a function, got " + node);
        }
        if (node.has("property")) {
            return new Operand.Property(node.get("property").asText());
        }
        if (node.has("date")) {
            try {
                return new Operand.DateValue(LocalDate.parse(node.get("date").asText()));
            } catch (DateTimeException e) {
                throw new Cql2Exception(path + ": '" + node.get("date").asText() + "' is not a date like 2024-05-01");
            }
        }
        if (node.has("timestamp")) {
            try {
                return new Operand.Timestamp(OffsetDateTime.parse(node.get("timestamp").asText()).toInstant());
            } catch (DateTimeException e) {
                throw new Cql2Exception(path + ": '" + node.get("timestamp").asText()
                        + "' is not a timestamp like 2024-05-01T10:00:00Z");
            }
        }
        if (node.has("interval")) {
            JsonNode ends = node.get("interval");
            if (!ends.isArray() || ends.size() != 2) {
                throw new Cql2Exception(path + ".interval: an interval is [start, end]");
            }
            return new Operand.Interval(operand(ends.get(0), path + ".interval[0]"),
                    operand(ends.get(1), path + ".interval[1]"));
        }
        if (node.has("bbox")) {
            var values = new ArrayList<Double>();
            node.get("bbox").forEach(v -> values.add(v.asDouble()));
            try {
                return new Operand.Geometry(GeometryLiteral.Bbox.of(values));
            } catch (Cql2Exception e) {
                throw new Cql2Exception(path + ": " + e.getMessage());
            }
        }
        if (node.has("type")) {
            try {
                return new Operand.Geometry(geoJson(node, path));
            } catch (Cql2Exception e) {
                throw e.getMessage().startsWith(path) ? e : new Cql2Exception(path + ": " + e.getMessage());
            }
        }
        if (node.has("op")) {
            String op = op(node, path);
            List<JsonNode> args = args(node, path);
            enter(path);
            try {
                return switch (op) {
                    case "casei" -> new Operand.CaseInsensitive(operand(arity(args, 1, op, path).get(0), path + ".args[0]"));
                    case "accenti" -> new Operand.AccentInsensitive(operand(arity(args, 1, op, path).get(0), path + ".args[0]"));
                    default -> throw new Cql2Exception(path + ": unknown function '" + op + "' (known: casei, accenti)");
                };
            } finally {
                depth--;
            }
        }
        throw new Cql2Exception(path + ": expected a property, a value or a function, got " + node);
    }

    private GeometryLiteral geoJson(JsonNode node, String path) {
        String type = node.get("type").asText();
        if (type.equals("GeometryCollection")) {
            var members = new ArrayList<GeometryLiteral>();
            for (JsonNode g : node.path("geometries")) {
                members.add(geoJson(g, path + ".geometries"));
            }
            return new GeometryLiteral.GeometryCollection(members);
        }
        JsonNode c = node.get("coordinates");
        if (c == null || !c.isArray()) {
            throw new Cql2Exception(path + ": a GeoJSON " + type + " needs coordinates");
        }
        return switch (type) {
            case "Point" -> new GeometryLiteral.Point(position(c, path));
            case "LineString" -> new GeometryLiteral.LineString(positions(c, path));
            case "Polygon" -> new GeometryLiteral.Polygon(rings(c, path));
            case "MultiPoint" -> new GeometryLiteral.MultiPoint(positions(c, path));
            case "MultiLineString" -> new GeometryLiteral.MultiLineString(rings(c, path));
            case "MultiPolygon" -> {
                var polygons = new ArrayList<List<List<double[]>>>();
                for (JsonNode p : c) {
                    polygons.add(rings(p, path));
                }
                yield new GeometryLiteral.MultiPolygon(polygons);
            }
            default -> throw new Cql2Exception(path + ": unknown GeoJSON geometry type '" + type + "'");
        };
    }

    private static List<List<double[]>> rings(JsonNode node, String path) {
        var rings = new ArrayList<List<double[]>>();
        for (JsonNode r : node) {
            rings.add(positions(r, path));
        }
        return rings;
    }

    private static List<double[]> positions(JsonNode node, String path) {
        var points = new ArrayList<double[]>();
        for (JsonNode p : node) {
            points.add(position(p, path));
        }
        return points;
    }

    private static double[] position(JsonNode node, String path) {
        if (!node.isArray() || node.size() < 2 || !node.get(0).isNumber() || !node.get(1).isNumber()) {
            throw new Cql2Exception(path + ": a position must be an array of two or three numbers, got " + node);
        }
        return new double[] {node.get(0).doubleValue(), node.get(1).doubleValue()};
    }

    private static String op(JsonNode node, String path) {
        if (!node.isObject() || !node.path("op").isTextual()) {
            throw new Cql2Exception(path + ": expected an object with \"op\" and \"args\", got " + node);
        }
        return node.get("op").textValue().toLowerCase(Locale.ROOT);
    }

    private static List<JsonNode> args(JsonNode node, String path) {
        JsonNode args = node.get("args");
        if (args == null || !args.isArray()) {
            throw new Cql2Exception(path + ": \"args\" must be an array");
        }
        var list = new ArrayList<JsonNode>();
        args.forEach(list::add);
        return list;
    }

    private static List<JsonNode> arity(List<JsonNode> args, int n, String op, String path) {
        if (args.size() != n) {
            throw new Cql2Exception(path + ": '" + op + "' takes " + n + " argument" + (n == 1 ? "" : "s")
                    + ", got " + args.size());
        }
        return args;
    }

    private void enter(String path) {
        if (++depth > TextParser.MAX_DEPTH) {
            throw new Cql2Exception(path + ": the filter is nested too deeply (more than " + TextParser.MAX_DEPTH
                    + " levels)");
        }
    }
}
