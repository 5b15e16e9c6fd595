package uk.gov.spendingcontrol.reporting.views;

import uk.gov.spendingcontrol.common.problem.ProblemException;
import uk.gov.spendingcontrol.common.security.Caller;

/**
 * Who is looking, taken from the token once (a live stream keeps it for its whole life): a central role sees every
 * department, a department its own and what is published.
 */
public record Viewer(String department, boolean central) {

    public static Viewer of(Caller caller) {
        return caller.isCentral() ? new Viewer(null, true) : new Viewer(caller.requireDepartment(), false);
    }

    public boolean mayRead(String code) {
        return central || (code != null && code.equalsIgnoreCase(department));
    }

    /** 404 for a department the viewer may not see, as if it did not exist. */
    public void requireRead(String code) {
        if (!mayRead(code)) {
            throw ProblemException.notFound("Department", code);
        }
    }
}
