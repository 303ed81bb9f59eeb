package de.ortsanker.imports.shapefile;

import de.ortsanker.imports.ImportFailure;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a dBASE (.dbf) attribute table as shapefiles carry it: fixed-width records, text in the code page
 * the .cpg file or the header's language driver byte names. Text that is not valid in that code page
 * fails with the record and field, rather than becoming garbage on the map.
 */
final class DbfReader implements AutoCloseable {

    /** A column: name, dBASE type (C, N, F, L, D …), width and decimals. */
    record Field(String name, char type, int length, int decimals) {
    }

    /** Language driver ids (header byte 29) and their code pages, as ESRI and GDAL read them. */
    private static final Map<Integer, String> LANGUAGE_DRIVERS = Map.ofEntries(
            Map.entry(0x01, "IBM437"), Map.entry(0x02, "IBM850"), Map.entry(0x03, "windows-1252"),
            Map.entry(0x57, "windows-1252"), Map.entry(0x58, "windows-1252"), Map.entry(0x59, "windows-1252"),
            Map.entry(0x64, "IBM852"), Map.entry(0x65, "IBM866"), Map.entry(0x66, "IBM865"),
            Map.entry(0x67, "IBM861"), Map.entry(0x6A, "x-IBM737"), Map.entry(0x6B, "IBM857"),
            Map.entry(0x78, "x-IBM950"), Map.entry(0x79, "x-IBM949"), Map.entry(0x7A, "GBK"),
            Map.entry(0x7B, "Shift_JIS"), Map.entry(0x7D, "windows-1255"), Map.entry(0x7E, "windows-1256"),
            Map.entry(0xC8, "windows-1250"), Map.entry(0xC9, "windows-1251"), Map.entry(0xCA, "windows-1254"),
            Map.entry(0xCB, "windows-1253"), Map.entry(0xCC, "windows-1257"));
    private static final DateTimeFormatter DBF_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private final String name;
    private final DataInputStream in;
    private final List<Field> fields = new ArrayList<>();
    private final int records;
    private final int recordLength;
    private final Charset charset;
    private final String charsetOrigin;
    private final CharsetDecoder decoder;
    private final int headerYear;
    private int read;

    /**
     * @param cpg      the .cpg file's content, or null
     * @param override the code page the user gave, or null
     */
    DbfReader(String name, InputStream raw, String cpg, Charset override) throws IOException {
        this.name = name;
        this.in = new DataInputStream(new java.io.BufferedInputStream(raw, 1 << 16));
        byte[] header = new byte[32];
        try {
            in.readFully(header);
        } catch (EOFException e) {
            throw new ImportFailure(name + ": truncated (shorter than a dBASE header)");
        }
        ByteBuffer h = ByteBuffer.wrap(header).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        headerYear = 1900 + (header[1] & 0xff);
        records = h.getInt(4);
        int headerLength = h.getShort(8) & 0xffff;
        recordLength = h.getShort(10) & 0xffff;
        int ldid = header[29] & 0xff;
        if (records < 0 || headerLength < 33 || recordLength < 1) {
            throw new ImportFailure(name + ": corrupt or not a dBASE file (header: " + records + " records of "
                    + recordLength + " bytes)");
        }
        if (override != null) {
            charset = override;
            charsetOrigin = "--encoding";
        } else if (cpg != null && !cpg.isBlank()) {
            charset = cpgCharset(cpg.strip(), name);
            charsetOrigin = "the .cpg file";
        } else if (LANGUAGE_DRIVERS.containsKey(ldid)) {
            charset = Charset.forName(LANGUAGE_DRIVERS.get(ldid));
            charsetOrigin = "the language driver byte of the .dbf";
        } else {
            charset = StandardCharsets.ISO_8859_1;
            charsetOrigin = "no .cpg and no language driver: dBASE's default";
        }
        decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        byte[] descriptors = new byte[headerLength - 32];
        try {
            in.readFully(descriptors);
        } catch (EOFException e) {
            throw new ImportFailure(name + ": truncated inside its header");
        }
        int width = 1;
        for (int at = 0; at + 32 <= descriptors.length && descriptors[at] != 0x0D; at += 32) {
            int end = 0;
            while (end < 11 && descriptors[at + end] != 0) {
                end++;
            }
            String fieldName = new String(descriptors, at, end, StandardCharsets.ISO_8859_1).strip();
            var f = new Field(fieldName, (char) descriptors[at + 11], descriptors[at + 16] & 0xff,
                    descriptors[at + 17] & 0xff);
            fields.add(f);
            width += f.length();
        }
        if (width != recordLength) {
            throw new ImportFailure(name + ": corrupt (its fields are " + width + " bytes wide, its records "
                    + recordLength + ")");
        }
    }

    private static Charset cpgCharset(String cpg, String name) {
        String c = cpg.toUpperCase(java.util.Locale.ROOT).replace("ANSI ", "").strip();
        if (c.matches("\\d{3,5}")) {
            c = switch (c) {
                case "65001" -> "UTF-8";
                case "28591" -> "ISO-8859-1";
                case "28605" -> "ISO-8859-15";
                default -> (c.startsWith("125") ? "windows-" : "IBM") + c;
            };
        } else if (c.startsWith("CP") && c.substring(2).matches("\\d+")) {
            c = (c.startsWith("CP125") ? "windows-" : "IBM") + c.substring(2);
        } else if (c.equals("LATIN1")) {
            c = "ISO-8859-1";
        }
        try {
            return Charset.forName(c);
        } catch (RuntimeException e) {
            throw new ImportFailure(name.replaceFirst("(?i)\\.dbf$", ".cpg") + ": names an unknown code page '" + cpg
                    + "' (give one with --encoding, e.g. windows-1252)");
        }
    }

    List<Field> fields() {
        return fields;
    }

    int records() {
        return records;
    }

    Charset charset() {
        return charset;
    }

    int headerYear() {
        return headerYear;
    }

    /** The next record's values by column (null for a deleted record's slot), or null at the end. */
    Map<String, Object> next() throws IOException {
        if (read >= records) {
            return null;
        }
        byte[] record = new byte[recordLength];
        try {
            in.readFully(record);
        } catch (EOFException e) {
            throw new ImportFailure(name + ": truncated (the header promises " + records + " records, the file ends in"
                    + " record " + (read + 1) + ")");
        }
        read++;
        var values = new LinkedHashMap<String, Object>();
        if (record[0] == '*') {
            values.put("\u0000deleted", Boolean.TRUE);
        }
        int at = 1;
        for (Field f : fields) {
            values.put(f.name(), value(f, record, at));
            at += f.length();
        }
        return values;
    }

    private Object value(Field f, byte[] record, int at) {
        int end = at + f.length();
        switch (f.type()) {
            case 'C', 'M', 'V' -> {
                int e = end;
                while (e > at && (record[e - 1] == ' ' || record[e - 1] == 0)) {
                    e--;
                }
                if (e == at) {
                    return null;
                }
                return decode(f, record, at, e);
            }
            case 'N', 'F' -> {
                String s = new String(record, at, f.length(), StandardCharsets.US_ASCII).strip();
                if (s.isEmpty() || s.startsWith("*")) {
                    return null;
                }
                try {
                    if (f.decimals() == 0 && !s.contains(".")) {
                        return Long.parseLong(s);
                    }
                    return Double.parseDouble(s);
                } catch (NumberFormatException e) {
                    throw new ImportFailure(name + " record " + read + ", field " + f.name() + ": '" + s
                            + "' is not a number (corrupt file?)");
                }
            }
            case 'L' -> {
                char c = (char) record[at];
                return "TtYyJj".indexOf(c) >= 0 ? Boolean.TRUE : "FfNn".indexOf(c) >= 0 ? Boolean.FALSE : null;
            }
            case 'D' -> {
                String s = new String(record, at, f.length(), StandardCharsets.US_ASCII).strip();
                if (s.isEmpty() || s.equals("00000000")) {
                    return null;
                }
                try {
                    return LocalDate.parse(s, DBF_DATE);
                } catch (RuntimeException e) {
                    return s;
                }
            }
            default -> {
                return new String(record, at, f.length(), StandardCharsets.ISO_8859_1).strip();
            }
        }
    }

    private String decode(Field f, byte[] record, int from, int to) {
        try {
            return decoder.decode(ByteBuffer.wrap(record, from, to - from)).toString();
        } catch (CharacterCodingException e) {
            // Writers cut text at the field's width, which can split a multi-byte character: drop that tail.
            for (int cut = 1; cut <= 3 && to - cut > from; cut++) {
                try {
                    CharBuffer ok = decoder.decode(ByteBuffer.wrap(record, from, to - cut - from));
                    if (to - from == f.length()) {
                        return ok.toString();
                    }
                } catch (CharacterCodingException again) {
                    // try a shorter tail
                }
            }
            int bad = firstBadByte(record, from, to);
            throw new ImportFailure(name + " record " + read + ", field " + f.name() + ": wrong encoding — the bytes"
                    + " are not valid " + charset.name() + " (as " + charsetOrigin + " says; byte 0x"
                    + Integer.toHexString(record[bad] & 0xff) + " at position " + (bad - from + 1) + "). Is the .cpg"
                    + " file right? Give the code page with --encoding, e.g. windows-1252 or UTF-8");
        }
    }

    /** Where the first byte lies that the code page cannot decode. */
    private int firstBadByte(byte[] record, int from, int to) {
        var in = ByteBuffer.wrap(record, from, to - from);
        var result = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(in, CharBuffer.allocate(to - from + 1), true);
        return result.isError() ? in.position() : from;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
