package uk.gov.spendingcontrol.delegation.decisions;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.Generated;
import uk.gov.spendingcontrol.delegation.engine.Outcome;
import uk.gov.spendingcontrol.delegation.rulesets.SpendCategory;
import uk.gov.spendingcontrol.delegation.rulesets.Stage;

/** A decision as it was made: the proposal, the date the rules were applied as at, and the explanation. */
@Entity
@Table(name = "decision")
public class DecisionRecord {

    @Id
    public UUID id;

    @Generated
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "department_code", nullable = false, length = 16)
    public String departmentCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    public SpendCategory category;

    @Column(name = "whole_life_cost", nullable = false, precision = 15, scale = 2)
    public BigDecimal wholeLifeCost;

    @Column(name = "annual_cost", nullable = false, precision = 15, scale = 2)
    public BigDecimal annualCost;

    @Enumerated(EnumType.STRING)
    @Column(length = 30)
    public Stage stage;

    @Column(nullable = false)
    public boolean novel;

    @Column(nullable = false)
    public boolean contentious;

    @Column(nullable = false)
    public boolean repercussive;

    @Column(length = 64)
    public String programme;

    @Column(length = 2000)
    public String description;

    @Column(name = "as_at", nullable = false)
    public LocalDate asAt;

    /** Asked as at the day it was recorded (not a look back or ahead): a recorded proposal, replayed by impact. */
    @Column(nullable = false)
    public boolean live;

    @Column(nullable = false)
    public boolean submitted;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public Outcome outcome;

    /** The engine's Evaluation as JSON. */
    @ColumnTransformer(write = "CAST(? AS jsonb)")
    @Column(nullable = false, columnDefinition = "jsonb")
    public String explanation;

    @Column(name = "recorded_by", nullable = false, length = 200)
    public String recordedBy;

    @Generated
    @Column(name = "recorded_at", nullable = false, insertable = false, updatable = false)
    public OffsetDateTime recordedAt;
}
