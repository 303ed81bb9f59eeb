package de.ortsanker.imports.cli;

import de.ortsanker.imports.ImportOptions;
import de.ortsanker.imports.Target;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The command line's option values that need more than a type: each refuses a bad value with what it
 * takes, a sentence the option's name begins ({@link ImportCommand} puts it in front).
 */
final class OptionValues {

    /** A field and the file's column that fills it, from {@code --column FIELD=COLUMN}. */
    record Column(String field, String column) {
    }

    private OptionValues() {
    }

    static final class ExistingFile implements ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            Path p = Path.of(value);
            if (!Files.isRegularFile(p)) {
                throw new TypeConversionException(value + ": no such file");
            }
            return p;
        }
    }

    static final class FieldColumn implements ITypeConverter<Column> {
        @Override
        public Column convert(String value) {
            int eq = value.indexOf('=');
            if (eq <= 0 || eq == value.length() - 1) {
                throw new TypeConversionException("takes FIELD=COLUMN, e.g. --column name=Vereinsname");
            }
            return new Column(value.substring(0, eq).strip(), value.substring(eq + 1).strip());
        }
    }

    static final class Table implements ITypeConverter<Target> {
        @Override
        public Target convert(String value) {
            for (Target t : Target.values()) {
                if (t.table().equals(value)) {
                    return t;
                }
            }
            throw new TypeConversionException("must be places, localities, admin_areas or population_cells, not "
                    + value);
        }
    }

    static final class Level implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (!List.of("land", "regierungsbezirk", "kreis", "gemeindeverband", "gemeinde").contains(value)) {
                throw new TypeConversionException("must be land, regierungsbezirk, kreis, gemeindeverband or gemeinde,"
                        + " not " + value);
            }
            return value;
        }
    }

    /** An official key (Amtlicher Gemeindeschlüssel) of a Land (2 digits), Kreis (5) or Gemeinde (8). */
    static final class Ags implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            String v = value.strip();
            if (!v.matches("\\d{2}|\\d{3}|\\d{5}|\\d{8}")) {
                throw new TypeConversionException("takes the official key (AGS) of a Land (2 digits), Kreis (5, e.g."
                        + " 12062 for Elbe-Elster) or Gemeinde (8), not " + value);
            }
            return v;
        }
    }

    static final class Epsg implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return ImportCommand.Arguments.epsg(value);
        }
    }

    static final class Encoding implements ITypeConverter<Charset> {
        @Override
        public Charset convert(String value) {
            try {
                return Charset.forName(value);
            } catch (RuntimeException e) {
                throw new TypeConversionException(value + ": unknown (try UTF-8, windows-1252, ISO-8859-1)");
            }
        }
    }

    static final class Delimiter implements ITypeConverter<Character> {
        @Override
        public Character convert(String value) {
            String d = value.equals("\\t") || value.equalsIgnoreCase("tab") ? "\t" : value;
            if (d.length() != 1) {
                throw new TypeConversionException("takes one character, not " + value);
            }
            return d.charAt(0);
        }
    }

    static final class MatchQuality implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (!List.of("address", "street", "locality").contains(value)) {
                throw new TypeConversionException("must be address, street or locality");
            }
            return value;
        }
    }

    static final class OnConflict implements ITypeConverter<ImportOptions.OnConflict> {
        @Override
        public ImportOptions.OnConflict convert(String value) {
            try {
                return ImportOptions.OnConflict.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("must be keep or overwrite, not " + value);
            }
        }
    }

    /** A number of records, or none (no limit: the library's negative limit). */
    static final class MaxErrors implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            if (value.equalsIgnoreCase("none")) {
                return -1L;
            }
            try {
                long n = Long.parseLong(value);
                if (n >= 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // refused below
            }
            throw new TypeConversionException("takes a number of records, 0 or more, or none for no limit, not "
                    + value);
        }
    }

    static final class StagingBuffer implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                int n = Integer.parseInt(value);
                if (n >= ImportOptions.MIN_STAGING_BUFFER) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // refused below
            }
            throw new TypeConversionException("takes a number of bytes, at least " + ImportOptions.MIN_STAGING_BUFFER
                    + ", not " + value);
        }
    }
}
