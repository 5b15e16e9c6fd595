package uk.gov.spendingcontrol.budget.jointbids;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "JointBid")
public record JointBidView(UUID id, String title, String description, String crossCuttingOutcomeId,
        String leadDepartment, List<String> departments, JointBid.Status status, int version,
        List<AmountView> amounts, BigDecimal total, String createdBy, OffsetDateTime createdAt, String updatedBy,
        OffsetDateTime updatedAt, String decisionComment) {

    @Schema(name = "JointBidAmountView")
    public record AmountView(String department, String financialYear, BigDecimal amount) {
    }

    public static JointBidView of(JointBid b) {
        List<AmountView> amounts = b.amounts.stream()
                .map(a -> new AmountView(a.department, a.financialYear, a.amount))
                .sorted(java.util.Comparator.comparing(AmountView::department).thenComparing(AmountView::financialYear))
                .toList();
        BigDecimal total = amounts.stream().map(AmountView::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new JointBidView(b.id, b.title, b.description, b.crossCuttingOutcomeId, b.leadDepartment,
                b.departments(), b.status, b.version, amounts, total, b.createdBy, b.createdAt, b.updatedBy,
                b.updatedAt, b.decisionComment);
    }
}
