package de.ortsanker.imports.table;

import de.ortsanker.imports.ImportFailure;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes text and fails on the first byte that is not valid in the encoding, naming the line — instead
 * of replacing it silently and putting "M�hle" on the map. A UTF-8 or UTF-16 byte order mark is honoured
 * and skipped.
 */
final class StrictReader extends Reader {

    private final String name;
    private final InputStream in;
    private final Charset charset;
    private final String origin;
    private final CharsetDecoder decoder;
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
    private final CharBuffer chars = CharBuffer.allocate(1 << 16);
    private long line = 1;
    private boolean eof;

    /**
     * @param given the encoding the user named, or null to read UTF-8 (or what a byte order mark says)
     */
    StrictReader(String name, InputStream in, Charset given) throws IOException {
        this.name = name;
        this.in = in;
        Charset cs = given;
        String from = "--encoding";
        bytes.limit(0);
        fill();
        if (given == null) {
            from = "the default";
            cs = StandardCharsets.UTF_8;
            if (starts(0xEF, 0xBB, 0xBF)) {
                bytes.position(3);
                from = "its byte order mark";
            } else if (starts(0xFF, 0xFE)) {
                cs = StandardCharsets.UTF_16LE;
                bytes.position(2);
                from = "its byte order mark";
            } else if (starts(0xFE, 0xFF)) {
                cs = StandardCharsets.UTF_16BE;
                bytes.position(2);
                from = "its byte order mark";
            }
        }
        this.charset = cs;
        this.origin = from;
        this.decoder = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        chars.limit(0);
    }

    private boolean starts(int... prefix) {
        if (bytes.remaining() < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes.get(bytes.position() + i) & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private void fill() throws IOException {
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            eof = true;
        } else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        while (!chars.hasRemaining()) {
            if (eof && !bytes.hasRemaining()) {
                return -1;
            }
            chars.clear();
            CoderResult r = decoder.decode(bytes, chars, eof);
            if (r.isError()) {
                chars.flip();
                countLines();
                int at = bytes.position();
                throw new ImportFailure(name + ": wrong encoding at line " + line + ": byte 0x"
                        + Integer.toHexString(bytes.get(at) & 0xff) + " is not valid " + charset.name() + " ("
                        + origin + "). If the file was saved by Excel or an older program, it is probably"
                        + " windows-1252: import it with --encoding windows-1252");
            }
            chars.flip();
            countLines();
            if (!chars.hasRemaining() && r.isUnderflow() && !eof) {
                fill();
            } else if (eof && !chars.hasRemaining()) {
                decoder.flush(chars);
                return chars.hasRemaining() ? read(buf, off, len) : -1;
            }
        }
        int n = Math.min(len, chars.remaining());
        chars.get(buf, off, n);
        return n;
    }

    /** Lines decoded so far (for the message at a bad byte). */
    private void countLines() {
        for (int i = chars.position(); i < chars.limit(); i++) {
            if (chars.get(i) == '\n') {
                line++;
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
