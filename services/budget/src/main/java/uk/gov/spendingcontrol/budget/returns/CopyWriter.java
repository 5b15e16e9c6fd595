package uk.gov.spendingcontrol.budget.returns;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.UUID;
import org.postgresql.copy.CopyIn;

/**
 * Writes rows into a {@link CopyIn}, in chunks, straight from primitive values: in PostgreSQL's COPY text format (tab
 * separated, newline terminated, text escaped as COPY requires), or in its binary format (for the bulk of a return's
 * lines: the server then parses no text at all).
 */
final class CopyWriter {

    private static final int CHUNK = 1 << 16;
    private final CopyIn copy;
    private final byte[] buf = new byte[CHUNK + 1024];
    private int len;

    CopyWriter(CopyIn copy) {
        this.copy = copy;
    }

    CopyWriter ascii(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            buf[len++] = (byte) s.charAt(i);
        }
        return this;
    }

    /** Any text, escaped for COPY; null becomes \N. */
    CopyWriter text(String s) throws SQLException {
        if (s == null) {
            buf[len++] = '\\';
            buf[len++] = 'N';
            return this;
        }
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (len > CHUNK) {
                flush();
            }
            switch (c) {
                case '\\' -> { buf[len++] = '\\'; buf[len++] = '\\'; }
                case '\t' -> { buf[len++] = '\\'; buf[len++] = 't'; }
                case '\n' -> { buf[len++] = '\\'; buf[len++] = 'n'; }
                case '\r' -> { buf[len++] = '\\'; buf[len++] = 'r'; }
                default -> {
                    if (c < 0x80) {
                        buf[len++] = (byte) c;
                    } else {
                        int end = i + 1;
                        if (Character.isHighSurrogate(c) && end < n) {
                            end++;
                        }
                        for (byte b : s.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                            buf[len++] = b;
                        }
                        i = end - 1;
                    }
                }
            }
        }
        return this;
    }

    CopyWriter number(long v) {
        if (v < 0) {
            buf[len++] = '-';
            v = -v;
        }
        if (v == 0) {
            buf[len++] = '0';
            return this;
        }
        int start = len;
        while (v > 0) {
            buf[len++] = (byte) ('0' + (v % 10));
            v /= 10;
        }
        for (int a = start, b = len - 1; a < b; a++, b--) {
            byte t = buf[a];
            buf[a] = buf[b];
            buf[b] = t;
        }
        return this;
    }

    /** Pence as pounds with two decimals. */
    CopyWriter pounds(long pence) {
        if (pence < 0) {
            buf[len++] = '-';
            pence = -pence;
        }
        number(pence / 100);
        long p = pence % 100;
        buf[len++] = '.';
        buf[len++] = (byte) ('0' + p / 10);
        buf[len++] = (byte) ('0' + p % 10);
        return this;
    }

    CopyWriter tab() {
        buf[len++] = '\t';
        return this;
    }

    /** Ends a row; sends the buffer when it is full. */
    void end() throws SQLException {
        buf[len++] = '\n';
        if (len > CHUNK) {
            flush();
        }
    }

    private void flush() throws SQLException {
        copy.writeToCopy(buf, 0, len);
        len = 0;
    }

    long finish() throws SQLException {
        if (len > 0) {
            flush();
        }
        return copy.endCopy();
    }

    static String uuid(UUID id) {
        return id.toString();
    }

    // ---------------------------------------------------------------------------------------------- binary format

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};

    /** The binary file header: signature, flags (none), header extension length (0). */
    CopyWriter binaryHeader() {
        System.arraycopy(SIGNATURE, 0, buf, len, SIGNATURE.length);
        len += SIGNATURE.length;
        return int32(0).int32(0);
    }

    /** Starts a binary tuple of n fields. */
    CopyWriter tuple(int fields) {
        return int16(fields);
    }

    CopyWriter int4(int v) {
        return int32(4).int32(v);
    }

    CopyWriter int2(int v) {
        return int32(2).int16(v);
    }

    CopyWriter int8(long v) {
        return int32(8).int64(v);
    }

    /** A varchar of ASCII text (codes and enum names). */
    CopyWriter varchar(String ascii) {
        int32(ascii.length());
        return ascii(ascii);
    }

    /**
     * Pence as a numeric with 2 decimals: base-10000 digits, the last of which holds the pence times 100. PostgreSQL
     * strips leading and trailing zero digits itself.
     */
    CopyWriter numeric(long pence) {
        boolean negative = pence < 0;
        long v = Math.abs(pence);
        long pounds = v / 100;
        int fraction = (int) (v % 100) * 100;
        int[] groups = new int[6];
        int n = 0;
        while (pounds > 0) {
            groups[n++] = (int) (pounds % 10_000);
            pounds /= 10_000;
        }
        int digits = n + 1;
        int32(8 + 2 * digits);
        int16(digits);
        int16(n - 1);          // weight: base-10000 exponent of the first digit
        int16(negative ? 0x4000 : 0);
        int16(2);              // display scale
        for (int i = n - 1; i >= 0; i--) {
            int16(groups[i]);
        }
        return int16(fraction);
    }

    /** Ends a binary tuple; sends the buffer when it is full. */
    void endTuple() throws SQLException {
        if (len > CHUNK) {
            flush();
        }
    }

    void binaryTrailer() {
        int16(-1);
    }

    private CopyWriter int16(int v) {
        buf[len++] = (byte) (v >>> 8);
        buf[len++] = (byte) v;
        return this;
    }

    private CopyWriter int32(int v) {
        buf[len++] = (byte) (v >>> 24);
        buf[len++] = (byte) (v >>> 16);
        buf[len++] = (byte) (v >>> 8);
        buf[len++] = (byte) v;
        return this;
    }

    private CopyWriter int64(long v) {
        int32((int) (v >>> 32));
        return int32((int) v);
    }
}
