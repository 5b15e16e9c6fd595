package uk.gov.spendingcontrol.delegation.rulesets;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.Generated;

/** One hand-over of a rule set from one owner to another. Never changed. */
@Entity
@Table(name = "rule_set_owner_change")
public class RuleSetOwnerChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "rule_set_id", nullable = false)
    public UUID ruleSetId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_owner", nullable = false, length = 20)
    public CentralBody fromOwner;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_owner", nullable = false, length = 20)
    public CentralBody toOwner;

    @Column(nullable = false, length = 2000)
    public String reason;

    @Column(name = "changed_by", nullable = false, length = 200)
    public String changedBy;

    @Generated
    @Column(name = "changed_at", nullable = false, insertable = false, updatable = false)
    public OffsetDateTime changedAt;
}
