package uk.gov.spendingcontrol.budget.returns;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.UUID;
import org.postgresql.copy.CopyIn;

/**
 * Writes rows in PostgreSQL's COPY text format into a {@link CopyIn}, in chunks, straight from primitive values
 * (tab separated, newline terminated, text escaped as COPY requires).
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
}
