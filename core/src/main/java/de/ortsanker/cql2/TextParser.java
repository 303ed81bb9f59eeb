package de.ortsanker.cql2;

import de.ortsanker.cql2.Expression.ArrayOperator;
import de.ortsanker.cql2.Expression.ComparisonOperator;
import de.ortsanker.cql2.Expression.SpatialOperator;
import de.ortsanker.cql2.Tokenizer.Kind;
import de.ortsanker.cql2.Tokenizer.Token;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Recursive-descent parser for CQL2 text (OGC 21-065): OR binds weaker than AND, AND weaker than NOT;
 * keywords are case-insensitive. Covers Basic CQL2, Advanced Comparison Operators, case- and
 * accent-insensitive comparison, the spatial and array functions, and S_DWITHIN; arithmetic and the
 * temporal functions are refused with a clear message.
 */
final class TextParser {

    static final int MAX_DEPTH = 64;

    private static final Set<String> GEOMETRY_TAGS = Set.of("POINT", "LINESTRING", "POLYGON", "MULTIPOINT",
            "MULTILINESTRING", "MULTIPOLYGON", "GEOMETRYCOLLECTION", "BBOX", "ENVELOPE");

    private final List<Token> tokens;
    private int index;
    private int depth;

    private TextParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    static Expression parse(String text) {
        var parser = new TextParser(Tokenizer.tokenize(text));
        Expression e = parser.or();
        if (parser.peek().kind() != Kind.END) {
            throw parser.unexpected("AND, OR or the end of the filter");
        }
        return e;
    }

    // ---- boolean structure -------------------------------------------------------------------------

    private Expression or() {
        enter();
        var operands = new ArrayList<Expression>(List.of(and()));
        while (peek().isWord("OR")) {
            index++;
            operands.add(and());
        }
        depth--;
        return operands.size() == 1 ? operands.get(0) : new Expression.Or(operands);
    }

    private Expression and() {
        var operands = new ArrayList<Expression>(List.of(not()));
        while (peek().isWord("AND")) {
            index++;
            operands.add(not());
        }
        return operands.size() == 1 ? operands.get(0) : new Expression.And(operands);
    }

    private Expression not() {
        if (peek().isWord("NOT")) {
            index++;
            enter();
            Expression operand = not();
            depth--;
            return new Expression.Not(operand);
        }
        return primary();
    }

    private Expression primary() {
        Token t = peek();
        if (t.kind() == Kind.OPEN) {
            index++;
            Expression e = or();
            expect(Kind.CLOSE, "')'");
            return e;
        }
        if (t.kind() == Kind.WORD && peekAt(1).kind() == Kind.OPEN) {
            String name = t.text().toUpperCase(Locale.ROOT);
            if (name.startsWith("S_") || name.startsWith("A_") || name.startsWith("T_")) {
                return function(name);
            }
        }
        Operand left = operand();
        return predicate(left);
    }

    private Expression function(String name) {
        Token nameToken = next();
        expect(Kind.OPEN, "'('");
        if (name.equals("S_DWITHIN")) {
            Operand a = operand();
            expect(Kind.COMMA, "','");
            Operand b = operand();
            expect(Kind.COMMA, "','");
            Token distance = expect(Kind.NUMBER, "a distance");
            double metres = new BigDecimal(distance.text()).doubleValue();
            if (peek().kind() == Kind.COMMA) {
                index++;
                Token unit = next(); // 'km' or km
                if (unit.kind() != Kind.STRING && unit.kind() != Kind.WORD) {
                    index--;
                    throw unexpected("a distance unit such as 'm' or 'km'");
                }
                metres *= Units.metresPer(unit.text(), unit.position());
            }
            expect(Kind.CLOSE, "')'");
            if (metres < 0) {
                throw Tokenizer.error(distance.position(), "S_DWITHIN needs a distance of 0 or more");
            }
            return new Expression.DWithin(a, b, metres);
        }
        Operand a = operand();
        expect(Kind.COMMA, "','");
        Operand b = operand();
        expect(Kind.CLOSE, "')'");
        if (name.startsWith("S_")) {
            try {
                return new Expression.Spatial(SpatialOperator.valueOf(name), a, b);
            } catch (IllegalArgumentException e) {
                throw Tokenizer.error(nameToken.position(), "unknown spatial function " + nameToken.text()
                        + " (known: S_INTERSECTS, S_EQUALS, S_DISJOINT, S_TOUCHES, S_WITHIN, S_OVERLAPS, S_CROSSES,"
                        + " S_CONTAINS, S_DWITHIN)");
            }
        }
        if (name.startsWith("A_")) {
            try {
                return new Expression.ArrayRelation(ArrayOperator.valueOf(name), a, b);
            } catch (IllegalArgumentException e) {
                throw Tokenizer.error(nameToken.position(), "unknown array function " + nameToken.text()
                        + " (known: A_EQUALS, A_CONTAINS, A_CONTAINEDBY, A_OVERLAPS)");
            }
        }
        try {
            return new Expression.Temporal(Expression.TemporalOperator.valueOf(name), a, b);
        } catch (IllegalArgumentException e) {
            throw Tokenizer.error(nameToken.position(), "unknown temporal function " + nameToken.text() + " (known: "
                    + String.join(", ", java.util.Arrays.stream(Expression.TemporalOperator.values()).map(Enum::name)
                    .toList()) + ")");
        }
    }

    private Expression predicate(Operand left) {
        Token t = peek();
        if (t.kind() == Kind.OPERATOR) {
            index++;
            return new Expression.Comparison(ComparisonOperator.fromSymbol(t.text()), left, operand());
        }
        boolean negated = false;
        if (t.isWord("NOT")) {
            negated = true;
            index++;
            t = peek();
        }
        if (t.isWord("LIKE")) {
            index++;
            return new Expression.Like(left, operand(), negated);
        }
        if (t.isWord("BETWEEN")) {
            index++;
            Operand low = operand();
            if (!peek().isWord("AND")) {
                throw unexpected("AND (BETWEEN low AND high)");
            }
            index++;
            return new Expression.Between(left, low, operand(), negated);
        }
        if (t.isWord("IN")) {
            index++;
            expect(Kind.OPEN, "'(' starting the list");
            var list = new ArrayList<Operand>(List.of(operand()));
            while (peek().kind() == Kind.COMMA) {
                index++;
                list.add(operand());
            }
            expect(Kind.CLOSE, "')' ending the list");
            return new Expression.In(left, list, negated);
        }
        if (!negated && t.isWord("IS")) {
            index++;
            boolean not = false;
            if (peek().isWord("NOT")) {
                not = true;
                index++;
            }
            if (!peek().isWord("NULL")) {
                throw unexpected("NULL");
            }
            index++;
            return new Expression.IsNull(left, not);
        }
        if (!negated && left instanceof Operand.Bool b) {
            return new Expression.BooleanLiteral(b.value());
        }
        throw unexpected(negated ? "LIKE, BETWEEN or IN" : "a comparison (=, <>, <, >, <=, >=, LIKE, BETWEEN, IN, IS NULL)");
    }

    // ---- operands ------------------------------------------------------------------------------------

    private Operand operand() {
        if (peek().kind() == Kind.END || peek().kind() == Kind.CLOSE || peek().kind() == Kind.COMMA
                || peek().kind() == Kind.OPERATOR) {
            throw unexpected("a property name or a value");
        }
        Token t = next();
        switch (t.kind()) {
            case STRING:
                return new Operand.Text(t.text());
            case NUMBER:
                try {
                    var number = new BigDecimal(t.text());
                    if (Double.isInfinite(number.doubleValue())) {
                        throw Tokenizer.error(t.position(), "'" + t.text() + "' is too large a number");
                    }
                    return new Operand.Number(number);
                } catch (NumberFormatException e) {
                    throw Tokenizer.error(t.position(), "'" + t.text() + "' is not a number");
                }
            case QUOTED_WORD:
                return new Operand.Property(t.text());
            case OPEN:
                return array(t);
            case WORD:
                return word(t);
            default:
                throw new IllegalStateException("unhandled token " + t);
        }
    }

    private Operand word(Token t) {
        String upper = t.text().toUpperCase(Locale.ROOT);
        if (upper.equals("TRUE") || upper.equals("FALSE")) {
            return new Operand.Bool(upper.equals("TRUE"));
        }
        if (GEOMETRY_TAGS.contains(upper)
                && (peek().kind() == Kind.OPEN || peek().isWord("Z") && peekAt(1).kind() == Kind.OPEN)) {
            index--;
            return new Operand.Geometry(geometry());
        }
        if (peek().kind() != Kind.OPEN) {
            if (Set.of("AND", "OR", "NOT", "LIKE", "BETWEEN", "IN", "IS", "NULL").contains(upper)) {
                index--;
                throw unexpected("a property name or a value (write \"" + t.text() + "\" in double quotes if it is"
                        + " a property)");
            }
            return new Operand.Property(t.text());
        }
        index++; // '('
        enter();
        Operand result = switch (upper) {
            case "CASEI" -> new Operand.CaseInsensitive(operand());
            case "ACCENTI" -> new Operand.AccentInsensitive(operand());
            case "DATE" -> new Operand.DateValue(date(expect(Kind.STRING, "a date in quotes, e.g. DATE('2024-05-01')")));
            case "TIMESTAMP" -> new Operand.Timestamp(timestamp(
                    expect(Kind.STRING, "a timestamp in quotes, e.g. TIMESTAMP('2024-05-01T10:00:00Z')")));
            case "INTERVAL" -> {
                Operand start = operand();
                expect(Kind.COMMA, "',' between the start and the end of the interval");
                yield new Operand.Interval(start, operand());
            }
            default -> throw Tokenizer.error(t.position(), "unknown function '" + t.text()
                    + "' (known: CASEI, ACCENTI, DATE, TIMESTAMP, INTERVAL, the S_, A_ and T_ functions)");
        };
        depth--;
        expect(Kind.CLOSE, "')'");
        return result;
    }

    private Operand array(Token open) {
        enter();
        var elements = new ArrayList<Operand>();
        if (peek().kind() != Kind.CLOSE) {
            elements.add(operand());
            while (peek().kind() == Kind.COMMA) {
                index++;
                elements.add(operand());
            }
        }
        expect(Kind.CLOSE, "')' ending the array that starts at character " + (open.position() + 1));
        depth--;
        return new Operand.Array(elements);
    }

    static LocalDate date(Token t) {
        try {
            return LocalDate.parse(t.text());
        } catch (DateTimeException e) {
            throw Tokenizer.error(t.position(), "'" + t.text() + "' is not a date like 2024-05-01");
        }
    }

    static Instant timestamp(Token t) {
        try {
            return OffsetDateTime.parse(t.text()).toInstant();
        } catch (DateTimeException e) {
            throw Tokenizer.error(t.position(), "'" + t.text() + "' is not a timestamp like 2024-05-01T10:00:00Z");
        }
    }

    // ---- geometry (WKT) -------------------------------------------------------------------------------

    private GeometryLiteral geometry() {
        Token tag = next();
        String type = tag.text().toUpperCase(Locale.ROOT);
        if (peek().isWord("Z")) {
            index++;
        }
        enter();
        GeometryLiteral g = switch (type) {
            case "POINT" -> {
                expect(Kind.OPEN, "'('");
                double[] c = coordinate();
                expect(Kind.CLOSE, "')'");
                yield new GeometryLiteral.Point(c);
            }
            case "LINESTRING" -> new GeometryLiteral.LineString(coordinates());
            case "POLYGON" -> new GeometryLiteral.Polygon(rings());
            case "MULTIPOINT" -> new GeometryLiteral.MultiPoint(multiPoint());
            case "MULTILINESTRING" -> new GeometryLiteral.MultiLineString(rings());
            case "MULTIPOLYGON" -> {
                expect(Kind.OPEN, "'('");
                var polygons = new ArrayList<List<List<double[]>>>(List.of(rings()));
                while (peek().kind() == Kind.COMMA) {
                    index++;
                    polygons.add(rings());
                }
                expect(Kind.CLOSE, "')'");
                yield new GeometryLiteral.MultiPolygon(polygons);
            }
            case "GEOMETRYCOLLECTION" -> {
                expect(Kind.OPEN, "'('");
                var members = new ArrayList<GeometryLiteral>(List.of(geometry()));
                while (peek().kind() == Kind.COMMA) {
                    index++;
                    members.add(geometry());
                }
                expect(Kind.CLOSE, "')'");
                yield new GeometryLiteral.GeometryCollection(members);
            }
            default -> { // BBOX, ENVELOPE (the name in drafts)
                expect(Kind.OPEN, "'('");
                var values = new ArrayList<Double>(List.of(number()));
                while (peek().kind() == Kind.COMMA) {
                    index++;
                    values.add(number());
                }
                expect(Kind.CLOSE, "')'");
                try {
                    yield GeometryLiteral.Bbox.of(values);
                } catch (Cql2Exception e) {
                    throw Tokenizer.error(tag.position(), e.getMessage());
                }
            }
        };
        depth--;
        return g;
    }

    private List<double[]> multiPoint() {
        expect(Kind.OPEN, "'('");
        var points = new ArrayList<double[]>(List.of(multiPointMember()));
        while (peek().kind() == Kind.COMMA) {
            index++;
            points.add(multiPointMember());
        }
        expect(Kind.CLOSE, "')'");
        return points;
    }

    /** Both spellings occur: MULTIPOINT((1 2), (3 4)) and MULTIPOINT(1 2, 3 4). */
    private double[] multiPointMember() {
        if (peek().kind() != Kind.OPEN) {
            return coordinate();
        }
        index++;
        double[] c = coordinate();
        expect(Kind.CLOSE, "')'");
        return c;
    }

    private List<List<double[]>> rings() {
        expect(Kind.OPEN, "'('");
        var rings = new ArrayList<List<double[]>>(List.of(coordinates()));
        while (peek().kind() == Kind.COMMA) {
            index++;
            rings.add(coordinates());
        }
        expect(Kind.CLOSE, "')'");
        return rings;
    }

    private List<double[]> coordinates() {
        Token open = expect(Kind.OPEN, "'('");
        var points = new ArrayList<double[]>(List.of(coordinate()));
        while (peek().kind() == Kind.COMMA) {
            index++;
            points.add(coordinate());
        }
        expect(Kind.CLOSE, "')' ending the coordinate list that starts at character " + (open.position() + 1));
        return points;
    }

    private double[] coordinate() {
        double x = number();
        double y = number();
        if (peek().kind() == Kind.NUMBER) {
            number(); // height: kept out, all predicates are two-dimensional
        }
        return new double[] {x, y};
    }

    private double number() {
        Token t = expect(Kind.NUMBER, "a coordinate");
        double v = Double.parseDouble(t.text());
        if (!Double.isFinite(v)) {
            throw Tokenizer.error(t.position(), "coordinate out of range");
        }
        return v;
    }

    // ---- token helpers --------------------------------------------------------------------------------

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw Tokenizer.error(peek().position(), "the filter is nested too deeply (more than " + MAX_DEPTH + " levels)");
        }
    }

    private Token peek() {
        return tokens.get(index);
    }

    private Token peekAt(int ahead) {
        return tokens.get(Math.min(index + ahead, tokens.size() - 1));
    }

    private Token next() {
        Token t = tokens.get(index);
        if (t.kind() != Kind.END) {
            index++;
        }
        return t;
    }

    private Token expect(Kind kind, String what) {
        if (peek().kind() != kind) {
            throw unexpected(what);
        }
        return next();
    }

    private Cql2Exception unexpected(String expected) {
        Token t = peek();
        return Tokenizer.error(t.position(), "expected " + expected + " but found " + t.describe());
    }
}
