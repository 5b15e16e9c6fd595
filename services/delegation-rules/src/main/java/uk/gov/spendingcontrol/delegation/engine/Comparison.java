package uk.gov.spendingcontrol.delegation.engine;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One figure of the proposal compared with a rule's limit or threshold. */
@Schema(name = "Comparison")
public record Comparison(
        @Schema(description = "The proposal's field", example = "wholeLifeCost") String figure,
        @Schema(description = "The proposal's figure, pounds", example = "60000000.00") BigDecimal value,
        @Schema(description = "The rule's limit or threshold, pounds", example = "50000000.00") BigDecimal limit,
        @Schema(description = "Whether the figure is above the limit (only above fires: up to and including the limit "
                + "is within it)") boolean above) {
}
