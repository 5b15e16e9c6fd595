package uk.gov.spendingcontrol.odp.plans;

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
import java.util.UUID;

/** One commitment of a plan under a strategic enabler. */
@Entity
@Table(name = "enabler_commitment")
public class EnablerCommitment {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "plan_id", nullable = false)
    public Plan plan;

    @Column(name = "sort_order", nullable = false)
    public int sortOrder;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 48)
    public StrategicEnabler enabler;

    @Column(nullable = false, length = 4000)
    public String commitment;

    /** Who owns the commitment (a role or a team, such as "Chief People Officer"). */
    @Column(length = 200)
    public String owner;

    @Column(name = "due_date")
    public java.time.LocalDate dueDate;
}
