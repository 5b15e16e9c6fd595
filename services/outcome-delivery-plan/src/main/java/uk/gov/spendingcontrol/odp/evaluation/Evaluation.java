package uk.gov.spendingcontrol.odp.evaluation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An evaluation plan of a department: of one priority outcome, cross-cutting outcome or programme. */
@Entity
@Table(name = "evaluation")
public class Evaluation {

    public enum Method { PROCESS, IMPACT, ECONOMIC, PROCESS_AND_IMPACT, THEORY_BASED }

    public enum Status { PLANNED, IN_PROGRESS, COMPLETED, PUBLISHED, CANCELLED }

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    public UUID id;

    @Column(name = "department_code", nullable = false, length = 16)
    public String departmentCode;

    @Column(name = "priority_outcome_id")
    public UUID priorityOutcomeId;

    @Column(name = "cross_cutting_outcome_id", length = 64)
    public String crossCuttingOutcomeId;

    @Column(length = 64)
    public String programme;

    @Column(nullable = false, length = 300)
    public String title;

    @Column(nullable = false, length = 4000)
    public String question;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    public Method method;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Column(name = "end_date", nullable = false)
    public LocalDate endDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Status status;

    @Column(length = 8000)
    public String findings;

    @Column(name = "report_url", length = 2000)
    public String reportUrl;

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
}
