package uk.gov.spendingcontrol.odp.plans;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import uk.gov.spendingcontrol.odp.metrics.Metric;

/** A priority outcome of a plan. Its id is kept across edits, so that metric data can refer to it. */
@Entity
@Table(name = "priority_outcome")
public class PriorityOutcome {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "plan_id", nullable = false)
    public Plan plan;

    @Column(name = "sort_order", nullable = false)
    public int sortOrder;

    @Column(nullable = false, length = 300)
    public String title;

    @Column(length = 4000)
    public String description;

    /** The cross-cutting outcome (shared by several departments) that this outcome contributes to, if any. */
    @Column(name = "cross_cutting_outcome", length = 64)
    public String crossCuttingOutcomeId;

    @OneToMany(mappedBy = "outcome", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("sortOrder")
    public List<Metric> metrics = new ArrayList<>();
}
