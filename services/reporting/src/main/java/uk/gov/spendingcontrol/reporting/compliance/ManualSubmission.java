package uk.gov.spendingcontrol.reporting.compliance;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A return a department sent by hand for a requirement and period (one each). */
@Entity
@Table(name = "compliance_submission")
public class ManualSubmission {

    @Id
    public UUID id;

    @Column(name = "requirement_id", nullable = false)
    public UUID requirementId;

    @Column(nullable = false, length = 16)
    public String department;

    @Column(name = "financial_year", nullable = false, length = 7)
    public String financialYear;

    @Column(nullable = false)
    public int period;

    @Column(name = "submitted_by", nullable = false, length = 200)
    public String submittedBy;

    @Column(name = "submitted_at", nullable = false)
    public OffsetDateTime submittedAt;

    @Column(name = "idempotency_key", length = 200)
    public String idempotencyKey;
}
