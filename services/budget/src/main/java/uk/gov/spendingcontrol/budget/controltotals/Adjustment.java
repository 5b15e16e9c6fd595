package uk.gov.spendingcontrol.budget.controltotals;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.Generated;

/** One entry of the append-only control-total ledger. */
@Entity
@Table(name = "control_total_adjustment")
public class Adjustment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "department_code", nullable = false, length = 16)
    public String departmentCode;

    @Column(name = "financial_year", nullable = false, length = 7)
    public String financialYear;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    public Boundary boundary;

    @Enumerated(EnumType.STRING)
    @Column(name = "adjustment_type", nullable = false, length = 40)
    public AdjustmentType type;

    @Column(nullable = false, precision = 18, scale = 2)
    public BigDecimal amount;

    @Column(nullable = false, length = 2000)
    public String reason;

    @Column(name = "transfer_id")
    public UUID transferId;

    @Column(name = "created_by", nullable = false, length = 200)
    public String createdBy;

    @Generated
    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public OffsetDateTime createdAt;
}
