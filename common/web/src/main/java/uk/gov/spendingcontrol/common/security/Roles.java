package uk.gov.spendingcontrol.common.security;

/**
 * The realm roles of the suite (Keycloak realm {@code spending-control}, see {@code identity/}).
 */
public final class Roles {

    /** A department's finance or performance team member who reads their department's data. */
    public static final String DEPARTMENT_READER = "department-reader";
    /** A department's finance or performance team member who also writes it. */
    public static final String DEPARTMENT_EDITOR = "department-editor";
    /** A department's finance system (machine client, client credentials). */
    public static final String DEPARTMENT_SYSTEM = "department-system";
    /** A Treasury spending team member: reads every department, sets budgets. */
    public static final String TREASURY_SPENDING = "treasury-spending";
    /** A Treasury approver: approves or rejects what needs Treasury approval. */
    public static final String TREASURY_APPROVER = "treasury-approver";
    /** A Cabinet Office administrator: delegation rules, spend controls, reporting requirements. */
    public static final String CABINET_OFFICE_ADMIN = "cabinet-office-admin";
    /** The platform team: operations endpoints only, no departmental data. */
    public static final String PLATFORM_OPERATOR = "platform-operator";
    /**
     * A service of the suite that follows the others' change feeds (the reporting service's own client-credentials
     * identity): reads every department's events, and nothing else.
     */
    public static final String FEED_READER = "feed-reader";

    private Roles() {
    }
}
