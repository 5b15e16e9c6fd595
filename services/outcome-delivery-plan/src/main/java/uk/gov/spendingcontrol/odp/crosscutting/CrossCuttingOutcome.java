package uk.gov.spendingcontrol.odp.crosscutting;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** A cross-cutting outcome of the register: several departments deliver it together, one of them leads. */
@Entity
@Table(name = "cross_cutting_outcome")
public class CrossCuttingOutcome {

    public enum Status { ACTIVE, RETIRED }

    /** The slug (common OutcomeIds), chosen when registered and never changed. */
    @Id
    @Column(length = 64)
    public String id;

    @Column(nullable = false, length = 300)
    public String title;

    @Column(length = 4000)
    public String description;

    @Column(name = "lead_department", nullable = false, length = 16)
    public String leadDepartment;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Status status;

    @Version
    @Column(nullable = false)
    public int version;

    @Column(name = "created_by", nullable = false, length = 200)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_by", nullable = false, length = 200)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** Every contribution ever added, removed ones included (removedAt set). */
    @OneToMany(mappedBy = "outcome", cascade = CascadeType.ALL)
    @OrderBy("departmentCode")
    public List<Contribution> contributions = new ArrayList<>();

    /** The current contributors' parts, the lead's first. */
    public List<Contribution> current() {
        List<Contribution> out = new ArrayList<>();
        contributions.stream().filter(c -> c.removedAt == null && c.departmentCode.equals(leadDepartment))
                .forEach(out::add);
        contributions.stream().filter(c -> c.removedAt == null && !c.departmentCode.equals(leadDepartment))
                .sorted(java.util.Comparator.comparing((Contribution c) -> c.departmentCode)).forEach(out::add);
        return out;
    }

    /** The current contributors' department codes, the lead first. */
    public List<String> contributorCodes() {
        return current().stream().map(c -> c.departmentCode).toList();
    }

    public java.util.Optional<Contribution> contribution(String department) {
        return contributions.stream().filter(c -> c.departmentCode.equals(department)).findFirst();
    }
}
