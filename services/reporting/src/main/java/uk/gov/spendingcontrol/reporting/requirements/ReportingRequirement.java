package uk.gov.spendingcontrol.reporting.requirements;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/** A return the centre asks departments for: what data, how often, by when, from whom. The current state only. */
@Entity
@Table(name = "reporting_requirement")
public class ReportingRequirement {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    public UUID id;

    @Column(nullable = false, length = 64, unique = true)
    public String code;

    @Column(nullable = false, length = 200)
    public String title;

    @Column(length = 4000)
    public String description;

    @Enumerated(EnumType.STRING)
    @Column(name = "data_kind", nullable = false, length = 32)
    public DataKind dataKind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Frequency frequency;

    @Column(name = "due_days_after_period_end", nullable = false)
    public int dueDaysAfterPeriodEnd;

    @Column(name = "applies_to_all_departments", nullable = false)
    public boolean appliesToAllDepartments;

    /** The departments it applies to, when it does not apply to all. */
    @ElementCollection
    @CollectionTable(name = "reporting_requirement_department", joinColumns = @JoinColumn(name = "requirement_id"))
    @Column(name = "department_code", nullable = false, length = 16)
    public Set<String> departments = new HashSet<>();

    @Column(name = "satisfied_by_live_data", nullable = false)
    public boolean satisfiedByLiveData;

    /** The change feed whose data satisfies the requirement, such as {@code budget.returns}. */
    @Column(name = "live_data_feed", length = 100)
    public String liveDataFeed;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public RequirementStatus status;

    @Column(name = "retired_at")
    public OffsetDateTime retiredAt;

    @Column(name = "retirement_reason", length = 2000)
    public String retirementReason;

    /** Optimistic concurrency: 1 when created, one more for each change. Also the version number of its history. */
    @Version
    @Column(nullable = false)
    public Integer version;

    @Column(name = "created_by", nullable = false, length = 200)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_by", nullable = false, length = 200)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** Whether a department must make this return. */
    public boolean appliesTo(String departmentCode) {
        return appliesToAllDepartments || departmentCode != null && departments.contains(departmentCode);
    }
}
