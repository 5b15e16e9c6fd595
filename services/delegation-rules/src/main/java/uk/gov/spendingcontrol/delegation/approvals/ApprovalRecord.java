package uk.gov.spendingcontrol.delegation.approvals;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.Generated;
import uk.gov.spendingcontrol.delegation.rulesets.CentralBody;

/** One approval a submitted proposal needs from one central body: pending, then approved or rejected, once. */
@Entity
@Table(name = "approval")
public class ApprovalRecord {

    @Id
    public UUID id;

    @Generated
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "decision_id", nullable = false)
    public UUID decisionId;

    @Column(name = "department_code", nullable = false, length = 16)
    public String departmentCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public CentralBody approver;

    @ColumnTransformer(write = "CAST(? AS jsonb)")
    @Column(name = "spend_controls", nullable = false, columnDefinition = "jsonb")
    public String spendControls;

    @ColumnTransformer(write = "CAST(? AS jsonb)")
    @Column(nullable = false, columnDefinition = "jsonb")
    public String rules;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    public ApprovalStatus status;

    @Column(nullable = false)
    public int revision;

    @Generated
    @Column(name = "opened_at", nullable = false, insertable = false, updatable = false)
    public OffsetDateTime openedAt;

    @Column(name = "decided_by", length = 200)
    public String decidedBy;

    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;

    @Column(length = 4000)
    public String comment;

    @ColumnTransformer(write = "CAST(? AS jsonb)")
    @Column(nullable = false, columnDefinition = "jsonb")
    public String conditions;
}
