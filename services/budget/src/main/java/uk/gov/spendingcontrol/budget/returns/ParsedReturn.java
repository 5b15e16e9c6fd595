package uk.gov.spendingcontrol.budget.returns;

import java.util.List;
import uk.gov.spendingcontrol.common.problem.FieldProblem;
import uk.gov.spendingcontrol.common.problem.ProblemException;
import uk.gov.spendingcontrol.common.time.FinancialYear;

/** A return as read from JSON or CSV: its header, its lines as columns, and the findings made while reading them. */
record ParsedReturn(Format format, FinancialYear financialYear, int period, ReturnLines lines, Findings findings,
        long readNanos) {

    enum Format { JSON, CSV }

    ParsedReturn timed(long nanos) {
        return new ParsedReturn(format, financialYear, period, lines, findings, nanos);
    }

    /** Too many lines: 413, before anything else is looked at. */
    static ReturnRejectedException tooManyLines() {
        Findings f = new Findings();
        f.add(Rule.R011, null, "lines", "the submission has more than " + ReturnLines.MAX_LINES
                + " lines; at most " + ReturnLines.MAX_LINES + " are accepted in one submission");
        return new ReturnRejectedException(413, f);
    }

    /** Checks the header fields (400 when they are missing or malformed). */
    static FinancialYear year(String financialYear) {
        return FinancialYear.parse(financialYear, "financialYear");
    }

    static int period(Integer period) {
        if (period == null) {
            throw ProblemException.invalid("period", "is required: the month being reported, 1 (April) to 12 (March)");
        }
        if (period < 1 || period > 12) {
            throw ProblemException.invalid("period", "must be between 1 (April) and 12 (March)");
        }
        return period;
    }

    static ProblemException noLines() {
        return ProblemException.invalid("The return has no lines",
                List.of(new FieldProblem("lines", "must hold at least one line")));
    }
}
