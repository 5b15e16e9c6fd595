package uk.gov.spendingcontrol.budget.returns;

/** The field checks that JSON and CSV share: required fields and the known values of boundary and kind (rule R007). */
final class LineFields {

    private LineFields() {
    }

    /** Records boundary and kind, and a finding for each field that is missing or unknown. */
    static void check(ReturnLines lines, int i, String boundary, String kind, boolean sawPeriod, boolean sawAmount,
            Findings findings) {
        int line = i + 1;
        if (lines.programme[i] == null) {
            findings.add(Rule.R007, line, "programme", "is required: the code of a programme");
        }
        lines.boundary[i] = ReturnLines.boundaryCode(boundary);
        if (boundary == null) {
            findings.add(Rule.R007, line, "boundary", "is required: RESOURCE_DEL_ADMIN, RESOURCE_DEL_PROGRAMME,"
                    + " CAPITAL_DEL or AME");
        } else if (lines.boundary[i] == ReturnLines.NONE) {
            findings.add(Rule.R007, line, "boundary", "'" + shorten(boundary) + "' is not a budget boundary:"
                    + " RESOURCE_DEL_ADMIN, RESOURCE_DEL_PROGRAMME, CAPITAL_DEL or AME");
        }
        if (!sawPeriod) {
            findings.add(Rule.R007, line, "period", "is required: 1 (April) to 12 (March)");
        }
        lines.kind[i] = ReturnLines.kindCode(kind);
        if (kind == null) {
            findings.add(Rule.R007, line, "kind", "is required: FORECAST or OUTTURN");
        } else if (lines.kind[i] == ReturnLines.NONE) {
            findings.add(Rule.R007, line, "kind", "'" + shorten(kind) + "' is not a kind: FORECAST or OUTTURN");
        }
        if (!sawAmount) {
            findings.add(Rule.R007, line, "amount", "is required: pounds, such as 1234.56");
        }
    }

    /** A period from text ("7"), or NONE. */
    static byte period(String text) {
        String s = text;
        if (s.isEmpty() || s.length() > 2) {
            return ReturnLines.NONE;
        }
        int n = 0;
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c < '0' || c > '9') {
                return ReturnLines.NONE;
            }
            n = n * 10 + (c - '0');
        }
        return n >= 1 && n <= 12 ? (byte) n : ReturnLines.NONE;
    }

    static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
