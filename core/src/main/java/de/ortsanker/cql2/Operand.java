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
    }

    record Bool(boolean value) implements Operand {
    }

    /** {@code DATE('2024-05-01')} */
    record DateValue(LocalDate value) implements Operand {
    }

    /** {@code TIMESTAMP('2024-05-01T10:00:00Z')} */
    record Timestamp(Instant value) implements Operand {
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
