package de.ortsanker.cql2;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The values a CQL2 predicate compares: properties (queryables), literals and case/accent folding. */
public sealed interface Operand {

    /** A queryable, looked up by name; never becomes SQL itself. */
    record Property(String name) implements Operand {
    }

    record Text(String value) implements Operand {
    }

    record Number(BigDecimal value) implements Operand {
        public Number {
            if (Double.isInfinite(value.doubleValue())) {
                throw new Cql2Exception("'" + value + "' is too large a number");
            }
        }
    }

    record Bool(boolean value) implements Operand {
    }

    /** {@code DATE('2024-05-01')} */
    record DateValue(LocalDate value) implements Operand {
        public DateValue {
            if (value.getYear() < 1 || value.getYear() > 9999) {
                throw new Cql2Exception("DATE('" + value + "') lies outside the years 1 to 9999");
            }
        }
    }

    /** {@code TIMESTAMP('2024-05-01T10:00:00Z')} */
    record Timestamp(Instant value) implements Operand {
        /** Java's instants reach far beyond what a database timestamp holds. */
        static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
        static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

        public Timestamp {
            if (value.isBefore(EARLIEST) || value.isAfter(LATEST)) {
                throw new Cql2Exception("TIMESTAMP('" + value + "') lies outside the years 1 to 9999");
            }
        }
    }

    /**
     * {@code INTERVAL(start, end)}: both ends inclusive, each a date, a timestamp, a date or time property,
     * or open ({@code '..'}, and a property without a value).
     */
    record Interval(Operand start, Operand end) implements Operand {
    }

    /** {@code CASEI(x)}: compares without regard to case. */
    record CaseInsensitive(Operand value) implements Operand {
    }

    /** {@code ACCENTI(x)}: compares without regard to accents and umlauts. */
    record AccentInsensitive(Operand value) implements Operand {
    }

    record Geometry(GeometryLiteral value) implements Operand {
    }

    /** {@code ('a', 'b')} in CQL2 text, a JSON array in CQL2 JSON; for the array functions. */
    record Array(List<Operand> elements) implements Operand {
        public Array {
            elements = List.copyOf(elements);
        }
    }
}
