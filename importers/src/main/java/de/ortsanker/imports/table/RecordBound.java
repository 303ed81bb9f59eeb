package de.ortsanker.imports.table;

import de.ortsanker.imports.ImportFailure;
import java.io.IOException;
import java.io.Reader;

/**
 * A CSV file's records are limited in size while they are read, so that a huge cell cannot be held in memory
 * (issue 17: a 400 MB cell made the importer use 2.8 GB). The CSV parser collects a whole value before it
 * hands it on; this reader, between the decoder and the parser, follows the RFC 4180 quoting just far enough
 * to know where a record ends (a line break outside quotes) and fails with the file and the record's first
 * line as soon as one record exceeds {@link #MAX_CHARS} — long before the parser could buffer it whole.
 *
 * <p>The limit is far above any record of valid fields (a place's longest field, its description, has 10,000
 * characters; a longer field only rejects its record, {@code PlaceFields}), so it refuses only files that are
 * broken (a quote never closed) or hostile.
 */
final class RecordBound extends Reader {

    /** Characters a record may have: 1 MiB. */
    static final int MAX_CHARS = 1 << 20;

    private enum State { FIELD_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED }

    private final Reader in;
    private final String name;
    private final char delimiter;
    private final int maxChars;
    private State state = State.FIELD_START;
    private long line = 1;
    private long recordLine = 1;
    private long recordChars;

    RecordBound(Reader in, String name, char delimiter) {
        this(in, name, delimiter, MAX_CHARS);
    }

    RecordBound(Reader in, String name, char delimiter, int maxChars) {
        this.in = in;
        this.name = name;
        this.delimiter = delimiter;
        this.maxChars = maxChars;
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        int n = in.read(buf, off, len);
        for (int i = off; i < off + n; i++) {
            follow(buf[i]);
        }
        return n;
    }

    private void follow(char c) {
        if (c == '\n') {
            line++;
        }
        boolean recordEnds = false;
        switch (state) {
            case FIELD_START -> {
                if (c == delimiter) {
                    state = State.FIELD_START;
                } else if (c == '\n') {
                    recordEnds = true;
                } else if (c == '"') {
                    state = State.QUOTED;
                } else if (c != ' ' && c != '\t' && c != '\r') {
                    state = State.UNQUOTED;  // surrounding spaces are ignored: a quote after them still opens
                }
            }
            case UNQUOTED -> {
                if (c == delimiter) {
                    state = State.FIELD_START;
                } else if (c == '\n') {
                    recordEnds = true;
                }
            }
            case QUOTED -> {
                if (c == '"') {
                    state = State.QUOTE_IN_QUOTED;
                }
            }
            case QUOTE_IN_QUOTED -> {  // "" is a quote inside the value; anything else closed it
                if (c == '"') {
                    state = State.QUOTED;
                } else if (c == delimiter) {
                    state = State.FIELD_START;
                } else if (c == '\n') {
                    recordEnds = true;
                } else {
                    state = State.UNQUOTED;
                }
            }
        }
        if (recordEnds) {
            state = State.FIELD_START;
            recordChars = 0;
            recordLine = line;
            return;
        }
        if (++recordChars > maxChars) {
            throw new ImportFailure(name + ": line " + recordLine + ": the record starting there is longer than "
                    + (maxChars >= 1 << 20 ? (maxChars >> 20) + " MB" : maxChars + " characters")
                    + (state == State.QUOTED ? " (inside a quoted value: is a quote never closed?)" : "")
                    + "; no record of places needs that much (a name has at most 300 characters, a description"
                    + " 10,000), so the file was not read further and nothing was changed");
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
