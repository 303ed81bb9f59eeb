package de.ortsanker.planning.output;

import java.util.function.Function;

/** A column of an answer's table: its heading (German, for the planners' Excel) and the value a record gives it. */
public record Column<T>(String heading, Function<? super T, ?> value) {

    /** An official key (AGS) whose leading zeros must survive the spreadsheet. */
    public static <T> Column<T> key(String heading, Function<? super T, String> digits) {
        return new Column<>(heading, t -> new Csv.Key(digits.apply(t)));
    }
}
