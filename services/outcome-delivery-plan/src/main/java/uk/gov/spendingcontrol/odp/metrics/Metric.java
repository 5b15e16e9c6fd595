package uk.gov.spendingcontrol.odp.metrics;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import uk.gov.spendingcontrol.odp.crosscutting.Contribution;
import uk.gov.spendingcontrol.odp.plans.PriorityOutcome;

/**
 * A metric: of a priority outcome of a plan, or of a department's contribution to a cross-cutting outcome (exactly
 * one). Its id is kept across edits, so that its data points stay its own.
 */
@Entity
@Table(name = "outcome_metric")
public class Metric {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "outcome_id")
    public PriorityOutcome outcome;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "contribution_id")
    public Contribution contribution;

    @Column(name = "department_code", nullable = false, length = 16)
    public String departmentCode;

    @Column(name = "sort_order", nullable = false)
    public int sortOrder;

    @Column(nullable = false, length = 300)
    public String name;

    @Column(nullable = false, length = 50)
    public String unit;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    public Polarity polarity = Polarity.HIGHER_IS_BETTER;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Frequency frequency = Frequency.ANNUAL;

    @Column(name = "data_source", length = 300)
    public String dataSource;

    /** Budget codes of the programmes that drive it. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> programmes = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<TargetPoint> trajectory = new ArrayList<>();

    @Column(name = "baseline_value", precision = 18, scale = 4)
    public BigDecimal baselineValue;

    @Column(name = "baseline_date")
    public LocalDate baselineDate;
}
