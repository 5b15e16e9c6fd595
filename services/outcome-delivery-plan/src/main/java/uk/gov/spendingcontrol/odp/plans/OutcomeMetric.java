package uk.gov.spendingcontrol.odp.plans;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A metric that tracks a priority outcome, with its baseline and target. */
@Entity
@Table(name = "outcome_metric")
public class OutcomeMetric {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "outcome_id", nullable = false)
    public PriorityOutcome outcome;

    @Column(name = "sort_order", nullable = false)
    public int sortOrder;

    @Column(nullable = false, length = 300)
    public String name;

    @Column(nullable = false, length = 50)
    public String unit;

    @Column(name = "baseline_value", precision = 18, scale = 4)
    public BigDecimal baselineValue;

    @Column(name = "baseline_date")
    public LocalDate baselineDate;

    @Column(name = "target_value", precision = 18, scale = 4)
    public BigDecimal targetValue;

    @Column(name = "target_date")
    public LocalDate targetDate;
}
