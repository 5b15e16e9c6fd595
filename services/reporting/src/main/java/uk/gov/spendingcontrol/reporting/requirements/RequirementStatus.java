package uk.gov.spendingcontrol.reporting.requirements;

/** A requirement is active until it is retired; a retired requirement stays readable, with its history. */
public enum RequirementStatus {
    ACTIVE, RETIRED
}
