package uk.gov.spendingcontrol.delegation.decisions;

import jakarta.enterprise.context.ApplicationScoped;
import uk.gov.spendingcontrol.common.problem.ProblemException;
import uk.gov.spendingcontrol.common.security.Caller;
import uk.gov.spendingcontrol.delegation.rules.DelegationService;

@ApplicationScoped
public class DecisionService {

    private final DelegationService delegations;
    private final Caller caller;

    public DecisionService(DelegationService delegations, Caller caller) {
        this.delegations = delegations;
        this.caller = caller;
    }

    /**
     * Applies the current rules of the department to a proposed spend. Central roles name the department; a
     * department's users and systems decide for their own (from the token), and naming another one answers 404.
     */
    public Decision decide(DecisionRequest spend) {
        String named = spend.department() == null ? null : spend.department().trim();
        String department = caller.departmentScope(named);
        if (department == null) {
            throw ProblemException.invalid("department", "is required for central roles: name the department "
                    + "whose delegation applies");
        }
        department = DelegationService.departmentCode(department);
        return DelegatedAuthority.decide(department, delegations.currentOf(department), spend);
    }
}
