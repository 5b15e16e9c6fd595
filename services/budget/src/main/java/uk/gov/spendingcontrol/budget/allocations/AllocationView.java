package uk.gov.spendingcontrol.budget.allocations;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.gov.spendingcontrol.budget.controltotals.Boundary;

@Schema(name = "Allocation")
public record AllocationView(long id, String department, String programme, String financialYear, Boundary boundary,
        BigDecimal amount, int version, String updatedBy, OffsetDateTime updatedAt) {

    public static AllocationView of(Allocation a) {
        return new AllocationView(a.id, a.departmentCode, a.programmeCode, a.financialYear, a.boundary, a.amount,
                a.version, a.updatedBy, a.updatedAt);
    }

    @Schema(name = "AllocationVersion")
    public record Version(int version, BigDecimal amount, String reason, String changedBy, OffsetDateTime changedAt) {
        public static Version of(AllocationHistory h) {
            return new Version(h.version, h.amount, h.reason, h.changedBy, h.changedAt);
        }
    }
}
