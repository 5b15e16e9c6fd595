package uk.gov.spendingcontrol.delegation.rules;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.Generated;

/** One version of a department's delegation: the whole set of its rules, as set at one moment. Never changed. */
@Entity
@Table(name = "delegation_version")
public class DelegationVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "department_code", nullable = false, length = 16)
    public String departmentCode;

    /** 1 for a department's first delegation, then one more for each replacement. */
    @Column(nullable = false)
    public int version;

    @Column(nullable = false, length = 2000)
    public String reason;

    @Column(name = "created_by", nullable = false, length = 200)
    public String createdBy;

    @Generated
    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    @OneToMany(mappedBy = "delegation", cascade = CascadeType.PERSIST)
    @OrderBy("id")
    public List<DelegationRule> rules = new ArrayList<>();

    public void add(Rule rule) {
        DelegationRule r = new DelegationRule();
        r.delegation = this;
        r.kindOfSpend = rule.kindOfSpend();
        r.threshold = rule.threshold();
        r.approverAbove = rule.approverAbove();
        rules.add(r);
    }

    /** The rules as values, in the order of the kinds of spend. */
    public List<Rule> ruleValues() {
        return rules.stream().map(DelegationRule::value)
                .sorted(java.util.Comparator.comparing(Rule::kindOfSpend)).toList();
    }
}
