package uk.gov.spendingcontrol.odp.plans;

/** The four strategic enablers under which a department makes commitments in its plan. */
public enum StrategicEnabler {
    /** Workforce, skills and location. */
    WORKFORCE_SKILLS_LOCATION,
    /** Innovation, technology and data. */
    INNOVATION_TECHNOLOGY_DATA,
    /** Delivery, evaluation and collaboration. */
    DELIVERY_EVALUATION_COLLABORATION,
    /** Sustainability. */
    SUSTAINABILITY
}
