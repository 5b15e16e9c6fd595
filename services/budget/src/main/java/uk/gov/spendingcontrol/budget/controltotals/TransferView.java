package uk.gov.spendingcontrol.budget.controltotals;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Transfer", description = "Both legs of a transfer: the debit and the credit")
public record TransferView(UUID transferId, List<AdjustmentView> legs) {
}
