package de.ortsanker.imports.table;

import de.ortsanker.imports.ImportFailure;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file (RFC 4180 quoting) with a header row. The separator is recognised (; , tab |) unless given —
 * German spreadsheets write semicolons; the encoding is UTF-8 unless given, checked strictly. No record may
 * exceed 1 MB ({@link RecordBound}), so memory stays bounded whatever a cell holds.
 */
public final class CsvTable implements Table {

    private static final char[] SEPARATORS = {';', ',', '\t', '|'};

    private final String name;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> header;
    private final char delimiter;

    public CsvTable(String name, InputStream in, Charset encoding, Character delimiter) throws IOException {
        this.name = name;
        var reader = new BufferedReader(new StrictReader(name, in, encoding), 1 << 16);
        reader.mark(1 << 16);
        String first = reader.readLine();
        if (first == null || first.isBlank()) {
            throw new ImportFailure(name + ": empty, or its first line (the header) is empty");
        }
        if (first.length() + 2 > 1 << 16) {
            throw new ImportFailure(name + ": its first line (the header) is longer than 64 KB; a header holds the"
                    + " column names, separated by ; or , — is this a CSV file with a header row?");
        }
        reader.reset();
        this.delimiter = delimiter != null ? delimiter : detect(first);
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(this.delimiter).setHeader()
                .setSkipHeaderRecord(true).setIgnoreEmptyLines(true).setAllowMissingColumnNames(true)
                .setIgnoreSurroundingSpaces(true).setDuplicateHeaderMode(org.apache.commons.csv.DuplicateHeaderMode.ALLOW_EMPTY)
                .get();
        try {
            // Bounded: a record over RecordBound.MAX_CHARS fails with its line before the parser holds it whole.
            this.parser = CSVParser.builder().setReader(new RecordBound(reader, name, this.delimiter)).setFormat(format)
                    .get();
        } catch (IllegalArgumentException e) {
            throw new ImportFailure(name + ": its header cannot be read (" + e.getMessage() + ")");
        } catch (UncheckedIOException e) {
            throw unwrap(e);
        }
        this.header = new ArrayList<>(parser.getHeaderNames());
        this.records = parser.iterator();
    }

    /** The separator that occurs most often in the header, outside quotes. */
    static char detect(String headerLine) {
        char best = ',';
        int most = 0;
        for (char c : SEPARATORS) {
            int n = 0;
            boolean quoted = false;
            for (char h : headerLine.toCharArray()) {
                if (h == '"') {
                    quoted = !quoted;
                } else if (h == c && !quoted) {
                    n++;
                }
            }
            if (n > most) {
                most = n;
                best = c;
            }
        }
        return best;
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public Row next() throws IOException {
        CSVRecord r;
        try {
            if (!records.hasNext()) {
                return null;
            }
            r = records.next();
        } catch (UncheckedIOException e) {
            throw unwrap(e);
        } catch (IllegalStateException e) {
            throw new ImportFailure(name + ": malformed at line " + (parser.getCurrentLineNumber() + 1) + " ("
                    + e.getMessage() + ")");
        }
        long line = parser.getCurrentLineNumber();
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < header.size() && i < r.size(); i++) {
            String v = r.get(i);
            values.put(header.get(i), v.isEmpty() ? null : v);
        }
        String problem = null;
        if (r.size() > header.size() && !allBlank(r, header.size())) {
            problem = "has " + r.size() + " fields, the header " + header.size()
                    + " (a separator '" + printable(delimiter) + "' inside an unquoted value?)";
        }
        return new Row(line, values, problem);
    }

    private static boolean allBlank(CSVRecord r, int from) {
        for (int i = from; i < r.size(); i++) {
            if (!r.get(i).isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static String printable(char c) {
        return c == '\t' ? "\\t" : String.valueOf(c);
    }

    private ImportFailure unwrap(UncheckedIOException e) {
        Throwable cause = e.getCause();
        if (cause instanceof ImportFailure f) {
            return f;
        }
        String msg = cause == null ? e.getMessage() : cause.getMessage();
        if (msg != null && msg.contains("EOF reached before encapsulated token finished")) {
            return new ImportFailure(name + ": a quoted value that starts before line " + (parser == null ? 1
                    : parser.getCurrentLineNumber() + 1) + " is never closed (truncated file, or a stray \")");
        }
        return new ImportFailure(name + ": malformed CSV (" + msg + ")");
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
