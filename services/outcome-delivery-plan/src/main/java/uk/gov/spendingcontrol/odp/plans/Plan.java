package uk.gov.spendingcontrol.odp.plans;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A department's Outcome Delivery Plan for one financial year. */
@Entity
@Table(name = "outcome_delivery_plan")
public class Plan {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    public UUID id;

    @Column(name = "department_code", nullable = false, length = 16)
    public String departmentCode;

    @Column(name = "financial_year", nullable = false, length = 7)
    public String financialYear;

    @Column(nullable = false, length = 300)
    public String title;

    @Column(length = 4000)
    public String summary;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public PlanStatus status;

    /** Optimistic concurrency: incremented by every change, compared with If-Match. */
    @Version
    @Column(nullable = false)
    public int version;

    @Column(name = "created_by", nullable = false, length = 200)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_by", nullable = false, length = 200)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "published_by", length = 200)
    public String publishedBy;

    @Column(name = "published_at")
    public OffsetDateTime publishedAt;

    /** The revision being worked on, or the last one published: 1, then one more per correction. */
    @Column(nullable = false)
    public int revision = 1;

    /** Why this revision was started (null for the first). */
    @Column(name = "revision_reason", length = 4000)
    public String revisionReason;

    /** The newest published revision (its content in plan_revision), or null before the first publication. */
    @Column(name = "published_revision")
    public Integer publishedRevision;

    /** The title of the newest published revision (what lists show to those who may not read the draft). */
    @Column(name = "published_title", length = 300)
    public String publishedTitle;

    @Column(name = "submitted_by", length = 200)
    public String submittedBy;

    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;

    @OneToMany(mappedBy = "plan", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("sortOrder")
    public List<PriorityOutcome> outcomes = new ArrayList<>();

    @OneToMany(mappedBy = "plan", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("sortOrder")
    public List<EnablerCommitment> enablers = new ArrayList<>();

    public boolean isPublished() {
        return status == PlanStatus.PUBLISHED;
    }
}
