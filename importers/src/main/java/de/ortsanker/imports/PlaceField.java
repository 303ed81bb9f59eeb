package de.ortsanker.imports;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One column of {@code places} as imports fill it: its type, where its staged value comes from, and — for
 * a field a source gives — how a file's value is set on the record and which other names a file's
 * column for it may have. {@link PlaceFields} lists them all.
 *
 * @param get            the record's value; null for a column from the run's provenance
 * @param ofProvenance   the value of a column the run's provenance fills (licence, attribution), else null
 * @param setter         null for a column no source names (geometry, details, provenance)
 * @param aliases        column names besides the field's own, compared as {@code Columns.fold} leaves them
 * @param inOsmMappings  whether an OSM mapping may fill it from tags or set it
 */
record PlaceField<T>(String column, ValueType<T> type, Function<PlaceRecord, T> get,
                     Function<Provenance, T> ofProvenance, BiConsumer<PlaceRecord, T> setter, List<String> aliases,
                     boolean inOsmMappings) {

    /** A field a source gives, by this column name or one of the aliases. */
    static <T> PlaceField<T> given(String column, ValueType<T> type, Function<PlaceRecord, T> get,
                                   BiConsumer<PlaceRecord, T> set, String... aliases) {
        return new PlaceField<>(column, type, get, null, set, List.of(aliases), false);
    }

    /** A column every staged place carries that no source names. */
    static <T> PlaceField<T> staged(String column, ValueType<T> type, Function<PlaceRecord, T> get) {
        return new PlaceField<>(column, type, get, null, null, List.of(), false);
    }

    /** A column the run's provenance fills, the same for every record. */
    static <T> PlaceField<T> ofProvenance(String column, ValueType<T> type, Function<Provenance, T> value) {
        return new PlaceField<>(column, type, null, value, null, List.of(), false);
    }

    PlaceField<T> inOsm() {
        return new PlaceField<>(column, type, get, ofProvenance, setter, aliases, true);
    }

    boolean given() {
        return setter != null;
    }

    /** Sets the field from a file's non-blank value; a value that does not fit is dropped with a note. */
    void set(PlaceRecord r, Object fileValue, Consumer<Problem> problems) {
        T parsed = type.parse().apply(fileValue);
        if (parsed == null) {
            problems.accept(r.origin.problem(column, "'" + fileValue + "' is not " + type.expected()
                    + "; imported without it", Problem.Action.FIELD_DROPPED));
        }
        setter.accept(r, parsed);
    }

    void tidy(PlaceRecord r) {
        if (given() && type.tidy() != null) {
            setter.accept(r, type.tidy().apply(get.apply(r)));
        }
    }

    void write(PlaceRecord r, Provenance provenance, CopyRow row) {
        type.write().accept(row, get != null ? get.apply(r) : ofProvenance.apply(provenance));
    }
}
