package uk.gov.spendingcontrol.reporting.requirements;

/** What a change did to a requirement: one version of its history each. */
public enum ChangeType {
    CREATED, UPDATED, RETIRED
}
