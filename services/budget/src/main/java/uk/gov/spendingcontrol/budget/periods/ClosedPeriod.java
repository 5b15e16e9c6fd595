package uk.gov.spendingcontrol.budget.periods;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;
import org.hibernate.annotations.Generated;

/** A period the Treasury has closed to outturn. */
@Entity
@Table(name = "closed_period")
@IdClass(ClosedPeriod.Key.class)
public class ClosedPeriod {

    @Id
    @Column(name = "financial_year", length = 7)
    public String financialYear;

    @Id
    public short period;

    @Column(name = "closed_by", nullable = false, length = 200)
    public String closedBy;

    @Generated
    @Column(name = "closed_at", insertable = false, updatable = false)
    public OffsetDateTime closedAt;

    public static class Key implements Serializable {
        public String financialYear;
        public short period;

        public Key() {
        }

        public Key(String financialYear, short period) {
            this.financialYear = financialYear;
            this.period = period;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.period == period && Objects.equals(k.financialYear, financialYear);
        }

        @Override
        public int hashCode() {
            return Objects.hash(financialYear, period);
        }
    }
}
