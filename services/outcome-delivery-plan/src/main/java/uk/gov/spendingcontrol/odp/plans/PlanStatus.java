package uk.gov.spendingcontrol.odp.plans;

/** Where a plan is in its life: drafted by its department, then published (and frozen). */
public enum PlanStatus {
    /** Being written by the department; only the department and central roles can read it. */
    DRAFT,
    /** Published: readable by everyone, including the public, and no longer changed. */
    PUBLISHED
}
