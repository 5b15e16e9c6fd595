package uk.gov.spendingcontrol.budget.allocations;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import uk.gov.spendingcontrol.budget.controltotals.Boundary;

/** A department's allocation of one control total to one programme, for one year. */
@Entity
@Table(name = "allocation")
public class Allocation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "department_code", nullable = false, length = 16)
    public String departmentCode;

    @Column(name = "programme_code", nullable = false, length = 32)
    public String programmeCode;

    @Column(name = "financial_year", nullable = false, length = 7)
    public String financialYear;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    public Boundary boundary;

    @Column(nullable = false, precision = 18, scale = 2)
    public BigDecimal amount;

    /** Twelve shares of the amount, April to March, summing to 1 ({@link MonthlyProfile}); null: flat twelfths. */
    @Column(name = "monthly_profile", columnDefinition = "numeric(7,6)[]")
    public BigDecimal[] monthlyProfile;

    @Version
    public int version;

    @Column(name = "updated_by", nullable = false, length = 200)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
