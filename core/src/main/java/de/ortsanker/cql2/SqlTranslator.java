package de.ortsanker.cql2;

import de.ortsanker.cql2.Expression.ComparisonOperator;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a parsed filter into an SQL condition over the queryables' SQL expressions, with every value a
 * user wrote bound as a parameter — no user string ever becomes SQL. Types are checked here, so a
 * mistake reads "capacity is a number, not text" instead of a database error.
 *
 * <pre>
 * SqlFilter where = SqlTranslator.toSql(Cql2.parseText("capacity >= 20 AND name LIKE 'Dorf%'"), queryables);
 * </pre>
 */
public final class SqlTranslator {

    /** Geometries are stored in WGS 84 (longitude/latitude). */
    public static final int STORAGE_SRID = 4326;

    /** Least distance in metres between points added to projected literals before they are transformed. */
    private static final int DENSIFY_METRES = 100;

    private static final int MAX_LIST = 1000;

    private final Queryables queryables;
    private final LiteralCrs crs;
    private final List<Object> parameters = new ArrayList<>();

    private SqlTranslator(Queryables queryables, LiteralCrs crs) {
        this.queryables = queryables;
        this.crs = crs;
    }

    public static SqlFilter toSql(Expression filter, Queryables queryables) {
        return toSql(filter, queryables, LiteralCrs.CRS84);
    }

    public static SqlFilter toSql(Expression filter, Queryables queryables, LiteralCrs literalCrs) {
        var t = new SqlTranslator(queryables, literalCrs);
        String sql = t.condition(filter);
        return new SqlFilter(sql, t.parameters);
    }

    /** What an operand evaluates to, as far as comparisons care. */
    private enum Kind {
        TEXT("text"), NUMBER("a number"), BOOLEAN("true or false"), TEMPORAL("a date or timestamp"),
        GEOMETRY("a geometry"), ARRAY("a list of texts");

        final String description;

        Kind(String description) {
            this.description = description;
        }
    }

    private record Sql(String sql, Kind kind, String label) {
    }

    private String condition(Expression e) {
        if (e instanceof Expression.And and) {
            return join(and.operands(), " and ");
        } else if (e instanceof Expression.Or or) {
            return join(or.operands(), " or ");
        } else if (e instanceof Expression.Not not) {
            return "not (" + condition(not.operand()) + ")";
        } else if (e instanceof Expression.BooleanLiteral b) {
            return b.value() ? "true" : "false";
        } else if (e instanceof Expression.Comparison c) {
            return comparison(c);
        } else if (e instanceof Expression.Like like) {
            return like(like);
        } else if (e instanceof Expression.Between b) {
            return between(b);
        } else if (e instanceof Expression.In in) {
            return in(in);
        } else if (e instanceof Expression.IsNull n) {
            return "(" + operand(n.value()).sql() + (n.negated() ? " is not null)" : " is null)");
        } else if (e instanceof Expression.Spatial s) {
            return s.operator().postgisFunction() + "(" + geometry(s.left(), s.operator().name()) + ", "
                    + geometry(s.right(), s.operator().name()) + ")";
        } else if (e instanceof Expression.DWithin d) {
            return dwithin(d);
        } else if (e instanceof Expression.Temporal t) {
            return temporal(t);
        } else if (e instanceof Expression.ArrayRelation a) {
            return "(" + array(a.left(), a.operator().name()) + " " + a.operator().sqlOperator() + " "
                    + array(a.right(), a.operator().name()) + ")";
        }
        throw new IllegalStateException("unhandled expression " + e);
    }

    private String join(List<Expression> operands, String operator) {
        var parts = new ArrayList<String>();
        for (Expression e : operands) {
            parts.add(condition(e));
        }
        return "(" + String.join(operator, parts) + ")";
    }

    private String comparison(Expression.Comparison c) {
        Sql left = operand(c.left());
        Sql right = operand(c.right());
        sameKind(left, right, c.operator().symbol());
        if (left.kind() == Kind.GEOMETRY || left.kind() == Kind.ARRAY) {
            throw new Cql2Exception("'" + c.operator().symbol() + "' does not compare " + left.kind().description
                    + "; use " + (left.kind() == Kind.GEOMETRY ? "S_EQUALS" : "A_EQUALS"));
        }
        if (left.kind() == Kind.BOOLEAN && c.operator() != ComparisonOperator.EQ && c.operator() != ComparisonOperator.NE) {
            throw new Cql2Exception("true and false can only be compared with = and <>");
        }
        return "(" + left.sql() + " " + c.operator().symbol() + " " + right.sql() + ")";
    }

    private String like(Expression.Like like) {
        Sql value = operand(like.value());
        Sql pattern = operand(like.pattern());
        if (value.kind() != Kind.TEXT || pattern.kind() != Kind.TEXT) {
            throw new Cql2Exception("LIKE compares text: " + describe(value.kind() != Kind.TEXT ? value : pattern)
                    + " is " + (value.kind() != Kind.TEXT ? value : pattern).kind().description);
        }
        return "(" + value.sql() + (like.negated() ? " not like " : " like ") + pattern.sql() + ")";
    }

    private String between(Expression.Between b) {
        Sql value = operand(b.value());
        Sql low = operand(b.low());
        Sql high = operand(b.high());
        if (value.kind() != Kind.NUMBER && value.kind() != Kind.TEMPORAL) {
            throw new Cql2Exception("BETWEEN needs numbers or dates, but " + describe(value) + " is "
                    + value.kind().description);
        }
        sameKind(value, low, "BETWEEN");
        sameKind(value, high, "BETWEEN");
        return "(" + value.sql() + (b.negated() ? " not between " : " between ") + low.sql() + " and " + high.sql() + ")";
    }

    private String in(Expression.In in) {
        if (in.list().size() > MAX_LIST) {
            throw new Cql2Exception("IN takes at most " + MAX_LIST + " values, got " + in.list().size());
        }
        Sql value = operand(in.value());
        if (value.kind() == Kind.GEOMETRY || value.kind() == Kind.ARRAY) {
            throw new Cql2Exception("IN does not apply to " + value.kind().description);
        }
        var items = new ArrayList<String>();
        for (Operand o : in.list()) {
            Sql item = operand(o);
            sameKind(value, item, "IN");
            items.add(item.sql());
        }
        return "(" + value.sql() + (in.negated() ? " not in (" : " in (") + String.join(", ", items) + "))";
    }

    /** A piece of SQL with the values it binds, in order: pieces are put together in any order. */
    private record Piece(String sql, List<Object> values) {

        Piece wrap(String before, String after) {
            return new Piece(before + sql + after, values);
        }
    }

    /**
     * A period as SQL: its first and last moment, both inclusive, and whether it is counted in days (dates)
     * rather than instants. An instant is the period that starts when it ends.
     */
    private record Period(Piece start, Piece end, boolean days, String label) {

        /** The same period in instants: a day runs from its midnight to the last microsecond before the next. */
        Period instants() {
            return !days ? this : new Period(start.wrap("((", ")::timestamp at time zone '" + DAYS_ZONE + "')"),
                    end.wrap("(((", ") + 1)::timestamp at time zone '" + DAYS_ZONE + "' - interval '1 microsecond')"),
                    false, label);
        }
    }

    /** Dates are calendar days where the places are. */
    static final String DAYS_ZONE = "Europe/Berlin";

    /**
     * Allen's relations over the two periods' first and last moments (CQL2, Temporal Functions). Two sides
     * in days compare as dates (an index on a date column serves); if either is in instants, days become
     * the instants they span. A property without a value has no period (the predicate is not true), except
     * as an end of {@code INTERVAL}, where it leaves that end open — as places without {@code valid_to}.
     */
    private String temporal(Expression.Temporal t) {
        Period a = period(t.left(), t.operator().name());
        Period b = period(t.right(), t.operator().name());
        if (a.days() != b.days()) {
            a = a.instants();
            b = b.instants();
        }
        Piece s1 = a.start(), e1 = a.end(), s2 = b.start(), e2 = b.end();
        List<Object> sql = switch (t.operator()) {
            case T_AFTER -> List.of(s1, " > ", e2);
            case T_BEFORE -> List.of(e1, " < ", s2);
            case T_CONTAINS -> List.of(s1, " < ", s2, " and ", e1, " > ", e2);
            case T_DISJOINT -> List.of("not (", s1, " <= ", e2, " and ", e1, " >= ", s2, ")");
            case T_DURING -> List.of(s1, " > ", s2, " and ", e1, " < ", e2);
            case T_EQUALS -> List.of(s1, " = ", s2, " and ", e1, " = ", e2);
            case T_FINISHEDBY -> List.of(e1, " = ", e2, " and ", s1, " < ", s2);
            case T_FINISHES -> List.of(e1, " = ", e2, " and ", s1, " > ", s2);
            case T_INTERSECTS -> List.of(s1, " <= ", e2, " and ", e1, " >= ", s2);
            case T_MEETS -> List.of(e1, " = ", s2);
            case T_METBY -> List.of(s1, " = ", e2);
            case T_OVERLAPPEDBY -> List.of(s2, " < ", s1, " and ", e2, " > ", s1, " and ", e2, " < ", e1);
            case T_OVERLAPS -> List.of(s1, " < ", s2, " and ", e1, " > ", s2, " and ", e1, " < ", e2);
            case T_STARTEDBY -> List.of(s1, " = ", s2, " and ", e1, " > ", e2);
            case T_STARTS -> List.of(s1, " = ", s2, " and ", e1, " < ", e2);
        };
        var out = new StringBuilder("(");
        for (Object part : sql) {
            if (part instanceof Piece p) {
                out.append(p.sql());
                parameters.addAll(p.values());
            } else {
                out.append(part);
            }
        }
        return out.append(")").toString();
    }

    private Period period(Operand o, String function) {
        if (o instanceof Operand.Interval i) {
            Period start = end(i.start(), function, true);
            Period end = end(i.end(), function, false);
            if (start.days() != end.days()) {
                start = start.instants();
                end = end.instants();
            }
            return new Period(start.start(), end.end(), start.days(), "INTERVAL(" + start.label() + ", " + end.label() + ")");
        }
        int before = parameters.size();
        Sql s = operand(o);
        var values = new ArrayList<>(parameters.subList(before, parameters.size()));
        parameters.subList(before, parameters.size()).clear(); // bound where the piece lands, see temporal()
        if (s.kind() != Kind.TEMPORAL) {
            throw new Cql2Exception(function + " relates dates, timestamps and intervals, but " + describe(s) + " is "
                    + s.kind().description);
        }
        boolean days = o instanceof Operand.DateValue
                || o instanceof Operand.Property p && queryables.get(p.name()).type() == Queryable.Type.DATE;
        var piece = new Piece(s.sql(), values);
        return new Period(piece, piece, days, s.label());
    }

    /** One end of an interval: a date, a timestamp, a text holding either, '..' (open), or a property. */
    private Period end(Operand o, String function, boolean start) {
        String open = start ? "'-infinity'" : "'infinity'";
        if (o instanceof Operand.Text t) {
            String v = t.value().trim();
            if (v.equals("..") || v.isEmpty()) {
                var piece = new Piece(open + "::date", List.of());
                return new Period(piece, piece, true, "'..'");
            }
            try {
                return end(new Operand.DateValue(java.time.LocalDate.parse(v)), function, start);
            } catch (java.time.DateTimeException notADate) {
                try {
                    return end(new Operand.Timestamp(java.time.OffsetDateTime.parse(v).toInstant()), function, start);
                } catch (java.time.DateTimeException e) {
                    throw new Cql2Exception("INTERVAL: '" + v + "' is neither a date like 2024-05-01, a timestamp like"
                            + " 2024-05-01T10:00:00Z nor '..' (open)");
                }
            }
        }
        if (o instanceof Operand.Interval) {
            throw new Cql2Exception("INTERVAL: an end of an interval cannot be an interval");
        }
        Period p = period(o, function);
        if (o instanceof Operand.Property) { // no value: that end is open
            var piece = p.start().wrap("coalesce(", ", " + open + "::" + (p.days() ? "date" : "timestamptz") + ")");
            return new Period(piece, piece, p.days(), p.label());
        }
        return p;
    }

    private String dwithin(Expression.DWithin d) {
        String a = geography(d.left());
        String b = geography(d.right());
        parameters.add(d.metres());
        return "ST_DWithin(" + a + ", " + b + ", ?)";
    }

    private String geometry(Operand o, String function) {
        Sql g = operand(o);
        if (g.kind() != Kind.GEOMETRY) {
            throw new Cql2Exception(function + " relates geometries, but " + describe(g) + " is " + g.kind().description);
        }
        return g.sql();
    }

    private String geography(Operand o) {
        if (o instanceof Operand.Property p) {
            Queryable q = queryables.get(p.name());
            if (q.type() == Queryable.Type.GEOMETRY && q.geographySql() != null) {
                return q.geographySql();
            }
        }
        if (o instanceof Operand.Geometry g) {
            return literalSubquery(g.value(), "::geography");
        }
        return geometry(o, "S_DWITHIN") + "::geography";
    }

    private String array(Operand o, String function) {
        Sql a = operand(o);
        if (a.kind() != Kind.ARRAY) {
            throw new Cql2Exception(function + " relates lists, but " + describe(a) + " is " + a.kind().description);
        }
        return a.sql();
    }

    private Sql operand(Operand o) {
        if (o instanceof Operand.Property p) {
            return property(queryables.get(p.name()));
        } else if (o instanceof Operand.Text t) {
            return parameter(t.value(), Kind.TEXT, "'" + t.value() + "'");
        } else if (o instanceof Operand.Number n) {
            return parameter(n.value(), Kind.NUMBER, n.value().toPlainString());
        } else if (o instanceof Operand.Bool b) {
            return new Sql(b.value() ? "true" : "false", Kind.BOOLEAN, String.valueOf(b.value()));
        } else if (o instanceof Operand.DateValue d) {
            return parameter(d.value(), Kind.TEMPORAL, "DATE('" + d.value() + "')");
        } else if (o instanceof Operand.Timestamp t) {
            return parameter(t.value().atOffset(ZoneOffset.UTC), Kind.TEMPORAL, "TIMESTAMP('" + t.value() + "')");
        } else if (o instanceof Operand.CaseInsensitive c) {
            return fold(c.value(), "lower", "CASEI");
        } else if (o instanceof Operand.AccentInsensitive a) {
            return fold(a.value(), "cql2_accenti", "ACCENTI");
        } else if (o instanceof Operand.Geometry g) {
            return new Sql(geometryLiteral(g.value()), Kind.GEOMETRY, "a geometry literal");
        } else if (o instanceof Operand.Array a) {
            return arrayLiteral(a);
        }
        throw new IllegalStateException("unhandled operand " + o);
    }

    private Sql property(Queryable q) {
        Kind kind = switch (q.type()) {
            case STRING -> Kind.TEXT;
            case INTEGER, NUMBER -> Kind.NUMBER;
            case BOOLEAN -> Kind.BOOLEAN;
            case DATE, TIMESTAMP -> Kind.TEMPORAL;
            case GEOMETRY -> Kind.GEOMETRY;
            case STRING_ARRAY -> Kind.ARRAY;
        };
        return new Sql(q.sql(), kind, q.name());
    }

    private Sql parameter(Object value, Kind kind, String label) {
        parameters.add(value);
        return new Sql("?", kind, label);
    }

    private Sql fold(Operand inner, String function, String name) {
        Sql s = operand(inner);
        if (s.kind() != Kind.TEXT) {
            throw new Cql2Exception(name + " applies to text, but " + describe(s) + " is " + s.kind().description);
        }
        return new Sql(function + "(" + s.sql() + ")", Kind.TEXT, name + "(" + s.label() + ")");
    }

    private Sql arrayLiteral(Operand.Array a) {
        if (a.elements().size() > MAX_LIST) {
            throw new Cql2Exception("a list takes at most " + MAX_LIST + " values, got " + a.elements().size());
        }
        var values = new String[a.elements().size()];
        for (int i = 0; i < values.length; i++) {
            if (!(a.elements().get(i) instanceof Operand.Text t)) {
                throw new Cql2Exception("lists may only hold texts here, e.g. ('wifi', 'kitchen')");
            }
            values[i] = t.value();
        }
        parameters.add(values);
        return new Sql("cast(? as text[])", Kind.ARRAY, "a list");
    }

    /**
     * A geometry literal as a one-row subquery: evaluated once per query (an InitPlan) however the
     * statement is planned, and usable as an index condition. Invalid polygons (self-intersecting rings)
     * are repaired first, so that a careless literal gives an answer rather than a GEOS topology error.
     */
    private String geometryLiteral(GeometryLiteral g) {
        return literalSubquery(g, "");
    }

    /** @param cast appended to the geometry inside the subquery, e.g. {@code ::geography} */
    private String literalSubquery(GeometryLiteral g, String cast) {
        if (crs.projected() && g instanceof GeometryLiteral.Bbox box && box.minX() > box.maxX()) {
            throw new Cql2Exception("BBOX: the lower bound of the first axis is greater than the upper bound");
        }
        parameters.add(g.toWkt(crs.swapAxes()));
        String literal = "ST_MakeValid(ST_GeomFromText(?, " + crs.srid() + "))";
        if (crs.srid() == STORAGE_SRID) {
            return "(select " + literal + cast + ")";
        }
        if (crs.projected()) { // edges straight in metres curve in degrees: add a point every 1/64 of the size
            return "(select ST_Transform(ST_Segmentize(g, greatest(" + DENSIFY_METRES
                    + ", (ST_XMax(g) - ST_XMin(g) + ST_YMax(g) - ST_YMin(g)) / 64)), " + STORAGE_SRID + ")" + cast
                    + " from (select " + literal + " g) literal)";
        }
        return "(select ST_Transform(" + literal + ", " + STORAGE_SRID + ")" + cast + ")";
    }

    private static void sameKind(Sql a, Sql b, String operator) {
        if (a.kind() != b.kind()) {
            throw new Cql2Exception("'" + operator + "' cannot compare " + describe(a) + " (" + a.kind().description
                    + ") with " + describe(b) + " (" + b.kind().description + ")");
        }
    }

    private static String describe(Sql s) {
        return s.label();
    }
}
