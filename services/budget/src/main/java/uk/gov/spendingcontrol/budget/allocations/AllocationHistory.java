package uk.gov.spendingcontrol.budget.allocations;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** One version of an allocation, kept for ever. */
@Entity
@Table(name = "allocation_history")
public class AllocationHistory {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "allocation_id", nullable = false)
    public Long allocationId;

    @Column(nullable = false)
    public int version;

    @Column(nullable = false, precision = 18, scale = 2)
    public BigDecimal amount;

    @Column(name = "monthly_profile", columnDefinition = "numeric(7,6)[]")
    public BigDecimal[] monthlyProfile;

    @Column(length = 2000)
    public String reason;

    @Column(name = "changed_by", nullable = false, length = 200)
    public String changedBy;

    @Column(name = "changed_at", nullable = false)
    public OffsetDateTime changedAt;
}
