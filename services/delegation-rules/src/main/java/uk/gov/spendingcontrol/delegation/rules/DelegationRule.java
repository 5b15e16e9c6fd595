package uk.gov.spendingcontrol.delegation.rules;

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

/** One rule of a delegation version. */
@Entity
@Table(name = "delegation_rule")
public class DelegationRule {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "delegation_version_id", nullable = false)
    public DelegationVersion delegation;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind_of_spend", nullable = false, length = 40)
    public KindOfSpend kindOfSpend;

    @Column(nullable = false, precision = 18, scale = 2)
    public BigDecimal threshold;

    @Enumerated(EnumType.STRING)
    @Column(name = "approver_above", nullable = false, length = 40)
    public CentralApprover approverAbove;

    public Rule value() {
        return new Rule(kindOfSpend, threshold, approverAbove);
    }
}
