package uk.gov.spendingcontrol.budget.returns;

/** A return with fatal findings (422), or too large (413): nothing was written. */
public class ReturnRejectedException extends RuntimeException {

    private final int status;
    private final transient Findings findings;

    ReturnRejectedException(int status, Findings findings) {
        super("return rejected with " + findings.fatalCount() + " fatal finding(s)", null, false, false);
        this.status = status;
        this.findings = findings;
    }

    public int status() {
        return status;
    }

    ReturnRejection problem() {
        int n = findings.fatalCount();
        String detail = (n == 1 ? "1 fatal finding" : String.format("%,d fatal findings", n))
                + (status == 413 ? "" : ": nothing was written") + ". By rule: " + findings.fatalCounts()
                + (n > Findings.LISTED ? ". The first " + Findings.LISTED + " are listed." : ".");
        return new ReturnRejection(
                "urn:spending-control:problem:" + (status == 413 ? "return-too-large" : "return-rejected"),
                status == 413 ? "Return too large" : "Return rejected by validation", status, detail, null, null,
                findings.fatalListed().stream().map(ReturnRejection.Error::of).toList(), findings.fatalCounts());
    }
}
