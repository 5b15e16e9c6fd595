package uk.gov.spendingcontrol.delegation.rulesets;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.Generated;

/** A department's rule set: its name, title and owner. Its rules live in its versions. */
@Entity
@Table(name = "rule_set")
public class RuleSet {

    @Id
    public UUID id;

    @Column(name = "department_code", nullable = false, length = 16)
    public String departmentCode;

    @Column(nullable = false, length = 64)
    public String name;

    @Column(nullable = false, length = 200)
    public String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public CentralBody owner;

    /** The ETag of the rule set: one more at each change of owner or title. */
    @Column(nullable = false)
    public int revision;

    @Column(name = "created_by", nullable = false, length = 200)
    public String createdBy;

    @Generated
    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public OffsetDateTime createdAt;
}
