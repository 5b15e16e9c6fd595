package uk.gov.spendingcontrol.delegation.rulesets;

/**
 * The category of a spending proposal. Delegated authority limits and Cabinet Office spend controls are set by
 * category.
 */
public enum SpendCategory {
    /** Capital projects: buildings, infrastructure, equipment. */
    CAPITAL_PROJECT,
    /** Resource (day-to-day) programme spending. */
    RESOURCE_PROGRAMME,
    /** Digital and technology (a Cabinet Office spend control). */
    DIGITAL_AND_TECHNOLOGY,
    /** Commercial: procurement contracts, outsourcing (a Cabinet Office spend control). */
    COMMERCIAL,
    /** Advertising and marketing (a Cabinet Office spend control). */
    ADVERTISING_AND_MARKETING,
    /** Contingent labour: contractors, interims, temporary staff (a Cabinet Office spend control). */
    CONTINGENT_LABOUR,
    /** Property: leases, acquisitions, fit-outs (a Cabinet Office spend control). */
    PROPERTY,
    /** Consultancy and professional services (a Cabinet Office spend control). */
    CONSULTANCY
}
