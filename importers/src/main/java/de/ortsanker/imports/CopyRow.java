package de.ortsanker.imports;

import java.time.LocalDate;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.WKBWriter;

/**
 * One staged record's data columns in PostgreSQL's COPY text format, in the order of
 * {@link Target#columns()}. The text is also what the record's digest (import_hash) is made of, so
 * equal attributes give an equal digest.
 */
public final class CopyRow {

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private final StringBuilder data = new StringBuilder(256);
    private final WKBWriter wkb = new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN, true);
    private int fields;

    public CopyRow text(String value) {
        separate();
        if (value == null) {
            data.append("\\N");
        } else {
            escape(value);
        }
        return this;
    }

    public CopyRow integer(Number value) {
        separate();
        data.append(value == null ? "\\N" : String.valueOf(value.longValue()));
        return this;
    }

    public CopyRow number(Double value) {
        separate();
        data.append(value == null ? "\\N" : value.toString());
        return this;
    }

    public CopyRow bool(Boolean value) {
        separate();
        data.append(value == null ? "\\N" : value ? "t" : "f");
        return this;
    }

    public CopyRow date(LocalDate value) {
        separate();
        data.append(value == null ? "\\N" : value.toString());
        return this;
    }

    /** Extended WKB (with the geometry's SRID), hex-encoded, as PostGIS reads it. */
    public CopyRow geometry(Geometry value) {
        separate();
        if (value == null) {
            data.append("\\N");
        } else {
            for (byte b : wkb.write(value)) {
                data.append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
            }
        }
        return this;
    }

    /** A text[] literal; an empty list is {}, never null (the columns are NOT NULL DEFAULT '{}'). */
    public CopyRow textArray(List<String> values) {
        separate();
        var literal = new StringBuilder("{");
        for (int i = 0; values != null && i < values.size(); i++) {
            if (i > 0) {
                literal.append(',');
            }
            literal.append('"');
            for (char c : values.get(i).toCharArray()) {
                if (c == '"' || c == '\\') {
                    literal.append('\\');
                }
                literal.append(c);
            }
            literal.append('"');
        }
        escape(literal.append('}').toString());
        return this;
    }

    private void separate() {
        if (fields++ > 0) {
            data.append('\t');
        }
    }

    private void escape(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> data.append("\\\\");
                case '\t' -> data.append("\\t");
                case '\n' -> data.append("\\n");
                case '\r' -> data.append("\\r");
                default -> data.append(c);
            }
        }
    }

    int fieldCount() {
        return fields;
    }

    /** The encoded data columns, tab-separated, without a line end. */
    public String data() {
        return data.toString();
    }

    /** Escapes a single value for a COPY text field (used for the key and origin columns). */
    static String escaped(String value) {
        var row = new CopyRow();
        row.escape(value);
        return row.data.toString();
    }
}
