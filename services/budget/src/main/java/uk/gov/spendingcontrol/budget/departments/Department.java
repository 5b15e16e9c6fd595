package uk.gov.spendingcontrol.budget.departments;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A government organisation with its own budget. */
@Entity
@Table(name = "department")
public class Department {

    public enum Kind { MINISTERIAL, NON_MINISTERIAL, DEVOLVED_ADMINISTRATION, CENTRAL }

    @Id
    @Column(length = 16)
    public String code;

    @Column(nullable = false, length = 200)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    public Kind kind;
}
