package uk.gov.spendingcontrol.odp.crosscutting;

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
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import uk.gov.spendingcontrol.odp.metrics.Metric;

/** A contributing department's own part of a cross-cutting outcome: only that department writes it. */
@Entity
@Table(name = "contribution")
public class Contribution {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "outcome_id", nullable = false)
    public CrossCuttingOutcome outcome;

    @Column(name = "department_code", nullable = false, length = 16)
    public String departmentCode;

    @Column(length = 4000)
    public String summary;

    /** Budget codes of the programmes through which the department contributes. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> programmes = new ArrayList<>();

    @Version
    @Column(nullable = false)
    public int version;

    @Column(name = "added_by", nullable = false, length = 200)
    public String addedBy;

    @Column(name = "added_at", nullable = false)
    public OffsetDateTime addedAt;

    @Column(name = "updated_by", nullable = false, length = 200)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** Set while the department is not a contributor (removed by the lead or the Cabinet Office). */
    @Column(name = "removed_at")
    public OffsetDateTime removedAt;

    @OneToMany(mappedBy = "contribution", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("sortOrder")
    public List<Metric> metrics = new ArrayList<>();

    /** Its aggregate id in the change feed: {@code <slug>/<DEPT>}. */
    public String aggregateId() {
        return outcome.id + "/" + departmentCode;
    }
}
