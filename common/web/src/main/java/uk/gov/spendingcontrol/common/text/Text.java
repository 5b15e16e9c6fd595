package uk.gov.spendingcontrol.common.text;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import uk.gov.spendingcontrol.common.problem.ProblemException;

/**
 * The rules every text value of the suite follows, wherever it comes from (JSON, CSV, a path, a query, a header):
 * no NUL and no other control character (C0, DEL, C1), no unpaired surrogate. Only text marked {@link FreeText} may
 * hold tabs and line breaks. PostgreSQL refuses NUL outright; the other characters are refused because no field of
 * the suite means them and they hide in logs and screens.
 */
public final class Text {

    private Text() {
    }

    /** What is wrong with a value, or {@code null} when it follows the rules. */
    public static String problem(String value, boolean freeText) {
        if (value == null) {
            return null;
        }
        int n = value.length();
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c >= 0x7f && c <= 0x9f) {
                if (freeText && (c == '\t' || c == '\n' || c == '\r')) {
                    continue;
                }
                return "contains the control character " + codePoint(c) + " at position " + (i + 1)
                        + (c == '\t' || c == '\n' || c == '\r' ? ": tabs and line breaks are only allowed in free text"
                        : ": control characters are not allowed");
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "contains an unpaired surrogate " + codePoint(c) + " at position " + (i + 1)
                        + ": it is not valid Unicode";
            }
            if (Character.isLowSurrogate(c)) {
                return "contains an unpaired surrogate " + codePoint(c) + " at position " + (i + 1)
                        + ": it is not valid Unicode";
            }
        }
        return null;
    }

    /**
     * What is wrong with a value taken from a URL or a header, or {@code null}: the rules of {@link #problem} for
     * a value that is not free text, and no U+FFFD, which is what bytes that are not UTF-8 decode to.
     */
    public static String parameterProblem(String value) {
        String p = problem(value, false);
        if (p != null || value == null) {
            return p;
        }
        int bad = value.indexOf('\uFFFD');
        return bad < 0 ? null : "is not valid UTF-8 (percent-encoded bytes that are not UTF-8 at position " + (bad + 1)
                + ")";
    }

    /** The value when it follows the rules; else a 400 problem naming the field. */
    public static String require(String value, String field, boolean freeText) {
        String p = problem(value, freeText);
        if (p != null) {
            throw ProblemException.invalid(field, p);
        }
        return value;
    }

    /**
     * Decodes UTF-8 strictly; a byte sequence that is not UTF-8 answers 400 naming the field (what a lenient decoder
     * would have turned into U+FFFD and stored).
     */
    public static String utf8(byte[] bytes, int offset, int length, String field) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, length)).toString();
        } catch (CharacterCodingException e) {
            throw ProblemException.invalid(field, "is not valid UTF-8");
        }
    }

    /** The offset of the first byte that is not part of valid UTF-8, or -1 when all of it is valid. */
    public static int firstInvalidUtf8(byte[] b, int from, int to) {
        int i = from;
        while (i < to) {
            int c = b[i] & 0xff;
            if (c < 0x80) {
                i++;
                continue;
            }
            int need;
            int min;
            if (c >= 0xC2 && c <= 0xDF) {
                need = 1;
                min = 0x80;
            } else if (c >= 0xE0 && c <= 0xEF) {
                need = 2;
                min = 0x800;
            } else if (c >= 0xF0 && c <= 0xF4) {
                need = 3;
                min = 0x10000;
            } else {
                return i;
            }
            if (i + need >= to) {
                return i;
            }
            int cp = c & (0x3F >> need);
            for (int k = 1; k <= need; k++) {
                int d = b[i + k] & 0xff;
                if ((d & 0xC0) != 0x80) {
                    return i;
                }
                cp = cp << 6 | d & 0x3F;
            }
            if (cp < min || cp > 0x10FFFF || cp >= 0xD800 && cp <= 0xDFFF) {
                return i;
            }
            i += need + 1;
        }
        return -1;
    }

    /** A value as shown in a message: at most 40 characters, control characters written as U+XXXX. */
    public static String shown(String value) {
        if (value == null) {
            return "null";
        }
        String s = value.length() <= 40 ? value : value.substring(0, 40) + "...";
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c >= 0x7f && c <= 0x9f || Character.isSurrogate(c)) {
                sb.append(codePoint(c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }
}
