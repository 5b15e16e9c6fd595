package uk.gov.spendingcontrol.delegation;

import uk.gov.spendingcontrol.common.problem.ProblemException;
import uk.gov.spendingcontrol.common.web.Versions;

/** If-Match on every update: 428 when absent, 400 when malformed, 412 when stale. */
public final class Preconditions {

    private Preconditions() {
    }

    public static void require(String ifMatch, String what, int current) {
        Integer sent = Versions.ifMatch(ifMatch);
        if (sent == null) {
            throw new ProblemException(428, "precondition-required", "Precondition required",
                    "If-Match is required: send the ETag of the version you read, such as \"" + current + "\"");
        }
        if (sent != current) {
            throw ProblemException.preconditionFailed(what + " is at revision " + current + ", not " + sent
                    + ": someone changed it since you read it. Read it again and reapply your change");
        }
    }
}
