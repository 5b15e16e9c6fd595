package uk.gov.spendingcontrol.budget.allocations;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.gov.spendingcontrol.budget.controltotals.Boundary;

@Schema(name = "Allocation")
public record AllocationView(long id, String department, String programme, String financialYear, Boundary boundary,
        BigDecimal amount,
        @Schema(description = "Twelve shares of the amount, April to March, summing to 1; null when the allocation is"
                + " spread flat (twelfths)", nullable = true) List<BigDecimal> monthlyProfile,
        int version, String updatedBy, OffsetDateTime updatedAt) {

    public static AllocationView of(Allocation a) {
        return new AllocationView(a.id, a.departmentCode, a.programmeCode, a.financialYear, a.boundary, a.amount,
                MonthlyProfile.view(a.monthlyProfile), a.version, a.updatedBy, a.updatedAt);
    }

    @Schema(name = "AllocationVersion")
    public record Version(int version, BigDecimal amount,
            @Schema(description = "The monthly profile of this version; null: flat", nullable = true)
            List<BigDecimal> monthlyProfile,
            String reason, String changedBy, OffsetDateTime changedAt) {
        public static Version of(AllocationHistory h) {
            return new Version(h.version, h.amount, MonthlyProfile.view(h.monthlyProfile), h.reason, h.changedBy,
                    h.changedAt);
        }
    }
}
