package uk.gov.spendingcontrol.reporting.requirements;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/** One version of a requirement's history: its state after one change. Append-only. */
@Entity
@Table(name = "reporting_requirement_version")
public class RequirementVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "requirement_id", nullable = false)
    public UUID requirementId;

    @Column(nullable = false)
    public int version;

    @Enumerated(EnumType.STRING)
    @Column(name = "change_type", nullable = false, length = 16)
    public ChangeType changeType;

    /** The requirement as the API showed it after the change (JSON of {@link RequirementView}). */
    @Column(nullable = false, columnDefinition = "jsonb")
    @ColumnTransformer(write = "cast(? as jsonb)")
    public String snapshot;

    @Column(name = "changed_by", nullable = false, length = 200)
    public String changedBy;

    @Column(name = "changed_at", nullable = false)
    public OffsetDateTime changedAt;
}
