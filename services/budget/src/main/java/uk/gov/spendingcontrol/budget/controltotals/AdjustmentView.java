package uk.gov.spendingcontrol.budget.controltotals;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Adjustment")
public record AdjustmentView(
        long id,
        String department,
        String financialYear,
        Boundary boundary,
        AdjustmentType type,
        BigDecimal amount,
        String reason,
        @Schema(description = "Set on both legs of a transfer between departments") UUID transferId,
        String createdBy,
        OffsetDateTime createdAt) {

    static AdjustmentView of(Adjustment a) {
        return new AdjustmentView(a.id, a.departmentCode, a.financialYear, a.boundary, a.type, a.amount, a.reason,
                a.transferId, a.createdBy, a.createdAt);
    }
}
