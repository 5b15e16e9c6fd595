package uk.gov.spendingcontrol.delegation.rules;

/** The kinds of spend that delegated authority is set for. */
public enum KindOfSpend {
    /** Capital projects and programmes: investment in assets. */
    CAPITAL_PROJECT,
    /** Resource (day-to-day) programmes and schemes. */
    RESOURCE_PROGRAMME,
    /** Procurement contracts for goods and services. */
    PROCUREMENT_CONTRACT,
    /** Digital and technology spend: above its threshold it goes to a Cabinet Office spend control. */
    DIGITAL_AND_TECHNOLOGY,
    /** Property: acquisitions, disposals and leases. */
    PROPERTY,
    /** Consultancy and professional services. */
    CONSULTANCY,
    /** Novel, contentious or repercussive spend: never delegated, it always needs Treasury approval. */
    NOVEL_CONTENTIOUS_REPERCUSSIVE;

    /** Whether a department can be given authority over this kind of spend at all. */
    public boolean delegable() {
        return this != NOVEL_CONTENTIOUS_REPERCUSSIVE;
    }
}
