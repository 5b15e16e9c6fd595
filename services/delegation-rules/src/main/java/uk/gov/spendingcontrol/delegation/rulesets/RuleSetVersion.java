package uk.gov.spendingcontrol.delegation.rulesets;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.Generated;

/** One version of a rule set: a draft, then approved (never changed again) or withdrawn. */
@Entity
@Table(name = "rule_set_version")
public class RuleSetVersion {

    @Id
    public UUID id;

    @Column(name = "rule_set_id", nullable = false)
    public UUID ruleSetId;

    @Column(name = "department_code", nullable = false, length = 16)
    public String departmentCode;

    @Column(nullable = false)
    public int number;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    public VersionStatus status;

    @Column(name = "effective_from", nullable = false)
    public LocalDate effectiveFrom;

    /** The rules as JSON (the service reads and writes them with its ObjectMapper). */
    @ColumnTransformer(write = "CAST(? AS jsonb)")
    @Column(nullable = false, columnDefinition = "jsonb")
    public String rules;

    @Column(name = "rule_count", nullable = false)
    public int ruleCount;

    @Column(nullable = false, length = 2000)
    public String note;

    /** The ETag of a draft: one more at each edit. */
    @Column(nullable = false)
    public int revision;

    /** Everyone who drafted or edited it, as a JSON array of names: none of them may approve it. */
    @ColumnTransformer(write = "CAST(? AS jsonb)")
    @Column(nullable = false, columnDefinition = "jsonb")
    public String makers;

    @Column(name = "drafted_by", nullable = false, length = 200)
    public String draftedBy;

    @Generated
    @Column(name = "drafted_at", nullable = false, insertable = false, updatable = false)
    public OffsetDateTime draftedAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "approved_by", length = 200)
    public String approvedBy;

    @Column(name = "approved_at")
    public OffsetDateTime approvedAt;

    @Column(name = "withdrawn_by", length = 200)
    public String withdrawnBy;

    @Column(name = "withdrawn_at")
    public OffsetDateTime withdrawnAt;
}
