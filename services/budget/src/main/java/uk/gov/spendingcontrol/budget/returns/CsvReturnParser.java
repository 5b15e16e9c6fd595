package uk.gov.spendingcontrol.budget.returns;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import uk.gov.spendingcontrol.common.problem.FieldProblem;
import uk.gov.spendingcontrol.common.problem.ProblemException;
import uk.gov.spendingcontrol.common.text.Text;
import uk.gov.spendingcontrol.common.time.FinancialYear;

/**
 * Reads a CSV return (RFC 4180: comma separated, optional double quotes, LF or CRLF, UTF-8 with or without BOM) by
 * hand, straight into columns. The header names the columns {@code programme,boundary,period,kind,amount} in any
 * order (case-insensitive, spaces around a name ignored; other columns are ignored). Rows whose fields are all blank
 * are skipped and not counted.
 *
 * <p>The text rules of the suite apply to the whole body before any line is read: bytes that are not UTF-8, and
 * control characters other than tab and the line breaks, are a 400 naming the line. Values are taken as they are
 * written, spaces included: an amount {@code " 12 "} or {@code 1e3} is a finding (rule R005), as it is in JSON.
 */
final class CsvReturnParser {

    static final String[] COLUMNS = {"programme", "boundary", "period", "kind", "amount"};
    private static final int PROGRAMME = 0;
    private static final int BOUNDARY = 1;
    private static final int PERIOD = 2;
    private static final int KIND = 3;
    private static final int AMOUNT = 4;

    private final byte[] b;
    private int pos;
    /** Which of our columns each CSV column is (-1: ignored). */
    private int[] map;
    private final String[] row = new String[COLUMNS.length];

    private CsvReturnParser(byte[] body) {
        this.b = body;
        this.pos = body.length >= 3 && (body[0] & 0xff) == 0xEF && (body[1] & 0xff) == 0xBB && (body[2] & 0xff) == 0xBF
                ? 3 : 0;
    }

    static ParsedReturn parse(byte[] body, String financialYear, Integer period) {
        FinancialYear year = ParsedReturn.year(financialYear);
        int p = ParsedReturn.period(period);
        checkText(body);
        CsvReturnParser parser = new CsvReturnParser(body);
        parser.header();
        ReturnLines lines = new ReturnLines();
        Findings findings = new Findings();
        while (parser.pos < body.length) {
            if (!parser.record()) {
                continue;
            }
            if (lines.size == ReturnLines.MAX_LINES) {
                throw ParsedReturn.tooManyLines();
            }
            parser.store(lines, findings);
        }
        if (lines.size == 0) {
            throw ParsedReturn.noLines();
        }
        return new ParsedReturn(ParsedReturn.Format.CSV, year, p, lines, findings, 0);
    }

    /** Refuses a body that is not UTF-8 or holds a control character other than tab, CR and LF. */
    static void checkText(byte[] b) {
        int bad = Text.firstInvalidUtf8(b, 0, b.length);
        if (bad >= 0) {
            throw refused(b, bad, "is not valid UTF-8");
        }
        for (int i = 0; i < b.length; i++) {
            int c = b[i] & 0xff;
            boolean c0 = c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f;
            boolean c1 = c == 0xC2 && i + 1 < b.length && (b[i + 1] & 0xff) >= 0x80 && (b[i + 1] & 0xff) <= 0x9f;
            if (c0 || c1) {
                throw refused(b, i, "contains the control character U+" + String.format("%04X",
                        c1 ? b[i + 1] & 0xff : c) + ": control characters are not allowed");
            }
        }
    }

    private static ProblemException refused(byte[] b, int offset, String what) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (b[i] == '\n') {
                line++;
            }
        }
        String where = "line " + line + " of the CSV (byte " + (offset + 1) + ")";
        return ProblemException.invalid("The CSV body " + what + " at " + where,
                List.of(new FieldProblem("body", what + " at " + where)));
    }

    private void header() {
        List<String> names = new ArrayList<>();
        while (pos < b.length && names.isEmpty()) {
            boolean end = false;
            List<String> candidate = new ArrayList<>();
            while (!end) {
                candidate.add(field());
                end = atRecordEnd();
            }
            if (candidate.stream().anyMatch(s -> s != null)) {
                names = candidate;
            }
        }
        map = new int[names.size()];
        boolean[] seen = new boolean[COLUMNS.length];
        for (int c = 0; c < names.size(); c++) {
            map[c] = -1;
            String name = names.get(c) == null ? "" : names.get(c).trim().toLowerCase(Locale.ROOT);
            for (int k = 0; k < COLUMNS.length; k++) {
                if (COLUMNS[k].equals(name) && !seen[k]) {
                    map[c] = k;
                    seen[k] = true;
                }
            }
        }
        List<String> missing = new ArrayList<>();
        for (int k = 0; k < COLUMNS.length; k++) {
            if (!seen[k]) {
                missing.add(COLUMNS[k]);
            }
        }
        if (names.isEmpty()) {
            throw ParsedReturn.noLines();
        }
        if (!missing.isEmpty()) {
            throw ProblemException.invalid("The CSV header must name the columns " + String.join(",", COLUMNS)
                    + "; missing: " + String.join(", ", missing),
                    List.of(new FieldProblem("header", "misses the column(s) " + String.join(", ", missing))));
        }
    }

    /** Reads one record into {@link #row}; false when all its fields are blank (the row is skipped). */
    private boolean record() {
        java.util.Arrays.fill(row, null);
        boolean any = false;
        int c = 0;
        boolean end = false;
        while (!end) {
            int target = c < map.length ? map[c] : -1;
            String value = target >= 0 ? field() : skipField();
            if (value != null) {
                any = true;
                if (target >= 0) {
                    row[target] = value;
                }
            }
            c++;
            end = atRecordEnd();
        }
        return any;
    }

    private void store(ReturnLines lines, Findings findings) {
        int i = lines.add();
        int line = i + 1;
        lines.programme[i] = row[PROGRAMME] == null ? null : row[PROGRAMME].toUpperCase(Locale.ROOT);
        if (row[PERIOD] != null) {
            lines.period[i] = LineFields.period(row[PERIOD]);
            if (lines.period[i] == ReturnLines.NONE) {
                findings.add(Rule.R007, line, "period", "'" + LineFields.shorten(row[PERIOD])
                        + "' is not a period: a whole number from 1 (April) to 12 (March)");
            }
        }
        if (row[AMOUNT] != null) {
            lines.amount[i] = Amounts.parse(row[AMOUNT]);
            if (lines.amount[i] == ReturnLines.NO_AMOUNT) {
                findings.add(Rule.R005, line, "amount", "'" + LineFields.shorten(row[AMOUNT]) + "' "
                        + Amounts.NOT_AN_AMOUNT);
            }
        }
        LineFields.check(lines, i, upper(row[BOUNDARY]), upper(row[KIND]), row[PERIOD] != null, row[AMOUNT] != null,
                findings);
    }

    private static String upper(String s) {
        return s == null ? null : s.toUpperCase(Locale.ROOT);
    }

    /** After a field: consumes the comma (false) or the line end (true). */
    private boolean atRecordEnd() {
        if (pos >= b.length) {
            return true;
        }
        byte c = b[pos];
        if (c == ',') {
            pos++;
            return false;
        }
        if (c == '\r') {
            pos++;
            if (pos < b.length && b[pos] == '\n') {
                pos++;
            }
            return true;
        }
        if (c == '\n') {
            pos++;
            return true;
        }
        // text after a closing quote: keep it out of the next field
        while (pos < b.length && b[pos] != ',' && b[pos] != '\n' && b[pos] != '\r') {
            pos++;
        }
        return atRecordEnd();
    }

    /** The field at pos, as written; null when blank (empty or only spaces and tabs). Leaves pos on the delimiter. */
    private String field() {
        if (pos < b.length && b[pos] == '"') {
            return quoted();
        }
        int start = pos;
        boolean ascii = true;
        boolean blank = true;
        while (pos < b.length) {
            byte c = b[pos];
            if (c == ',' || c == '\n' || c == '\r') {
                break;
            }
            if (c < 0) {
                ascii = false;
            }
            if (c != ' ' && c != '\t') {
                blank = false;
            }
            pos++;
        }
        if (blank) {
            return null;
        }
        return new String(b, start, pos - start, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    }

    /** Skips a field we do not read; returns "" when it was not blank, null when blank. */
    private String skipField() {
        if (pos < b.length && b[pos] == '"') {
            return quoted() == null ? null : "";
        }
        boolean any = false;
        while (pos < b.length && b[pos] != ',' && b[pos] != '\n' && b[pos] != '\r') {
            if (b[pos] != ' ' && b[pos] != '\t') {
                any = true;
            }
            pos++;
        }
        return any ? "" : null;
    }

    private String quoted() {
        pos++; // opening quote
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(16);
        while (pos < b.length) {
            byte c = b[pos++];
            if (c == '"') {
                if (pos < b.length && b[pos] == '"') {
                    out.write('"');
                    pos++;
                } else {
                    break;
                }
            } else {
                out.write(c);
            }
        }
        String s = out.toString(StandardCharsets.UTF_8);
        return s.isBlank() ? null : s;
    }
}
