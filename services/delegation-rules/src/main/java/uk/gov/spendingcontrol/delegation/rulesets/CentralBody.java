package uk.gov.spendingcontrol.delegation.rulesets;

import uk.gov.spendingcontrol.common.security.Roles;

/**
 * A body at the centre: it owns rule sets (its administrators manage them) and approves the proposals that its rules
 * send to it (its approvers decide them).
 */
public enum CentralBody {
    /** HM Treasury: delegated authority limits and Treasury consent. */
    TREASURY(Roles.TREASURY_SPENDING, Roles.TREASURY_APPROVER),
    /** The Cabinet Office: spend controls. */
    CABINET_OFFICE(Roles.CABINET_OFFICE_ADMIN, Roles.CABINET_OFFICE_ADMIN);

    private final String administratorRole;
    private final String approverRole;

    CentralBody(String administratorRole, String approverRole) {
        this.administratorRole = administratorRole;
        this.approverRole = approverRole;
    }

    /** The realm role whose holders manage the rule sets this body owns (maker and checker). */
    public String administratorRole() {
        return administratorRole;
    }

    /** The realm role whose holders approve or reject the proposals routed to this body. */
    public String approverRole() {
        return approverRole;
    }
}
