package de.ortsanker.cql2;

import java.util.List;

/**
 * A CQL2 filter after parsing: a tree of boolean expressions whose leaves compare {@link Operand}s.
 * Text and JSON encodings parse into the same tree, and {@link SqlTranslator} turns it into SQL.
 */
public sealed interface Expression {

    record And(List<Expression> operands) implements Expression {
        public And {
            operands = List.copyOf(operands);
        }
    }

    record Or(List<Expression> operands) implements Expression {
        public Or {
            operands = List.copyOf(operands);
        }
    }

    record Not(Expression operand) implements Expression {
    }

    /** {@code TRUE} or {@code FALSE} as a whole filter (Basic CQL2 allows it). */
    record BooleanLiteral(boolean value) implements Expression {
    }

    /** {@code a = b}, {@code a <> b}, {@code a < b}, … */
    record Comparison(ComparisonOperator operator, Operand left, Operand right) implements Expression {
    }

    /** {@code a [NOT] LIKE 'pattern'}: {@code %} any characters, {@code _} one, {@code \} escapes. */
    record Like(Operand value, Operand pattern, boolean negated) implements Expression {
    }

    record Between(Operand value, Operand low, Operand high, boolean negated) implements Expression {
    }

    record In(Operand value, List<Operand> list, boolean negated) implements Expression {
        public In {
            list = List.copyOf(list);
        }
    }

    record IsNull(Operand value, boolean negated) implements Expression {
    }

    /** {@code S_INTERSECTS(a, b)} and the other spatial relations of the Spatial Functions class. */
    record Spatial(SpatialOperator operator, Operand left, Operand right) implements Expression {
    }

    /**
     * {@code S_DWITHIN(a, b, distance)}: within a distance in metres, measured on the spheroid. Not part of
     * CQL2 1.0 (its grammar leaves buffer operators to extensions); the drafts' name is kept.
     */
    record DWithin(Operand left, Operand right, double metres) implements Expression {
    }

    /** {@code A_CONTAINS(a, b)} and the other array relations. */
    record ArrayRelation(ArrayOperator operator, Operand left, Operand right) implements Expression {
    }

    /**
     * {@code T_INTERSECTS(a, b)} and the other temporal relations of CQL2's Temporal Functions: each side an
     * instant (a date, a timestamp, a date or time property) or an interval ({@code INTERVAL(start, end)}).
     */
    record Temporal(TemporalOperator operator, Operand left, Operand right) implements Expression {
    }

    enum ComparisonOperator {
        EQ("="), NE("<>"), LT("<"), GT(">"), LE("<="), GE(">=");

        private final String symbol;

        ComparisonOperator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        static ComparisonOperator fromSymbol(String symbol) {
            for (var op : values()) {
                if (op.symbol.equals(symbol)) {
                    return op;
                }
            }
            return null;
        }
    }

    enum SpatialOperator {
        S_INTERSECTS("ST_Intersects"), S_EQUALS("ST_Equals"), S_DISJOINT("ST_Disjoint"), S_TOUCHES("ST_Touches"),
        S_WITHIN("ST_Within"), S_OVERLAPS("ST_Overlaps"), S_CROSSES("ST_Crosses"), S_CONTAINS("ST_Contains");

        private final String postgisFunction;

        SpatialOperator(String postgisFunction) {
            this.postgisFunction = postgisFunction;
        }

        String postgisFunction() {
            return postgisFunction;
        }
    }

    /** Allen's relations between two periods, as CQL2 names them (an instant is a period that starts as it ends). */
    enum TemporalOperator {
        T_AFTER, T_BEFORE, T_CONTAINS, T_DISJOINT, T_DURING, T_EQUALS, T_FINISHEDBY, T_FINISHES, T_INTERSECTS,
        T_MEETS, T_METBY, T_OVERLAPPEDBY, T_OVERLAPS, T_STARTEDBY, T_STARTS
    }

    enum ArrayOperator {
        A_EQUALS("="), A_CONTAINS("@>"), A_CONTAINEDBY("<@"), A_OVERLAPS("&&");

        private final String sqlOperator;

        ArrayOperator(String sqlOperator) {
            this.sqlOperator = sqlOperator;
        }

        String sqlOperator() {
            return sqlOperator;
        }
    }
}
