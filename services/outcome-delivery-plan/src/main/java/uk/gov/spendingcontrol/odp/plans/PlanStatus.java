package uk.gov.spendingcontrol.odp.plans;

/**
 * Where a plan's current revision is in its life: drafted by its department, submitted by its editors, published by
 * those whom configuration allows ({@code odp.publish.roles}); a correction starts a new revision as a draft.
 */
public enum PlanStatus {
    /** Being written by the department; only the department and central roles can read it. */
    DRAFT,
    /** Submitted by the department's editor for publication; no longer changed unless returned to draft. */
    SUBMITTED,
    /** Published: this revision is readable by everyone, including the public, and never changed. */
    PUBLISHED
}
