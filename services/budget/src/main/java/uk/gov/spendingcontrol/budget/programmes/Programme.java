package uk.gov.spendingcontrol.budget.programmes;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.TreeSet;

/** A body of spending run by a lead department, sometimes with contributing departments. */
@Entity
@Table(name = "programme")
public class Programme {

    public enum Status { ACTIVE, CLOSED }

    @Id
    @Column(length = 32)
    public String code;

    @Column(nullable = false, length = 300)
    public String name;

    @Column(name = "lead_department", nullable = false, length = 16)
    public String leadDepartment;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "programme_contributor", joinColumns = @JoinColumn(name = "programme_code"))
    @Column(name = "department_code", length = 16)
    public Set<String> contributors = new TreeSet<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Status status;

    @Version
    public int version;

    @Column(name = "created_by", nullable = false, length = 200)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_by", nullable = false, length = 200)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** Whether a department runs or contributes to this programme. */
    public boolean involves(String department) {
        return leadDepartment.equals(department) || contributors.contains(department);
    }
}
