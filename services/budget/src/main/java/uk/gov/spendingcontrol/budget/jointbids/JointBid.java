package uk.gov.spendingcontrol.budget.jointbids;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A spending review bid made by several departments together. */
@Entity
@Table(name = "joint_bid")
public class JointBid {

    public enum Status { DRAFT, SUBMITTED, APPROVED, REJECTED }

    @Id
    public UUID id;

    @Column(nullable = false, length = 300)
    public String title;

    @Column(length = 4000)
    public String description;

    @Column(name = "cross_cutting_outcome_id", nullable = false, length = 64)
    public String crossCuttingOutcomeId;

    @Column(name = "lead_department", nullable = false, length = 16)
    public String leadDepartment;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Status status;

    @Version
    public int version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "joint_bid_amount", joinColumns = @JoinColumn(name = "joint_bid_id"))
    public List<Amount> amounts = new ArrayList<>();

    @Column(name = "created_by", nullable = false, length = 200)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_by", nullable = false, length = 200)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "decision_comment", length = 4000)
    public String decisionComment;

    public boolean involves(String department) {
        return leadDepartment.equals(department) || amounts.stream().anyMatch(a -> a.department.equals(department));
    }

    public List<String> departments() {
        List<String> out = new ArrayList<>();
        out.add(leadDepartment);
        amounts.stream().map(a -> a.department).filter(d -> !out.contains(d)).forEach(out::add);
        return out;
    }

    /** One department's share of the bid for one year. */
    @Embeddable
    public static class Amount {
        @Column(name = "department_code", nullable = false, length = 16)
        public String department;

        @Column(name = "financial_year", nullable = false, length = 7)
        public String financialYear;

        @Column(nullable = false, precision = 18, scale = 2)
        public BigDecimal amount;

        public Amount() {
        }

        public Amount(String department, String financialYear, BigDecimal amount) {
            this.department = department;
            this.financialYear = financialYear;
            this.amount = amount;
        }
    }
}
