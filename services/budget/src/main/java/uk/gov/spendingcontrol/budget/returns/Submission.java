package uk.gov.spendingcontrol.budget.returns;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.Generated;

/**
 * One version of a department's monthly return for a financial year and period. Its lines, totals and warnings are
 * written with it (COPY) and never change; only the review (status, reviewer, comment) changes it afterwards.
 */
@Entity
@Table(name = "submission")
public class Submission {

    public enum Status { SUBMITTED, CONFIRMED, REJECTED }

    @Id
    public UUID id;

    @Generated
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "department_code", nullable = false, length = 16)
    public String departmentCode;

    @Column(name = "financial_year", nullable = false, length = 7)
    public String financialYear;

    @Column(nullable = false)
    public short period;

    @Column(nullable = false)
    public int version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Status status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    public ParsedReturn.Format format;

    @Column(name = "line_count", nullable = false)
    public int lineCount;

    @Column(name = "warning_count", nullable = false)
    public int warningCount;

    @Column(name = "idempotency_key", length = 200)
    public String idempotencyKey;

    @Column(name = "request_hash", length = 64)
    public String requestHash;

    @Column(name = "submitted_by", nullable = false, length = 200)
    public String submittedBy;

    @Column(name = "submitted_at", nullable = false)
    public OffsetDateTime submittedAt;

    @Column(name = "reviewed_by", length = 200)
    public String reviewedBy;

    @Column(name = "reviewed_at")
    public OffsetDateTime reviewedAt;

    @Column(name = "review_comment", length = 2000)
    public String reviewComment;

    /** Optimistic concurrency: the ETag of the submission. */
    @Version
    public int revision;
}
