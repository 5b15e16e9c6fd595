package uk.gov.spendingcontrol.budget.returns;

import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.gov.spendingcontrol.budget.controltotals.Boundary;

/**
 * The JSON form of a return, for the OpenAPI document. The service does not bind it: it streams the body straight
 * into columns ({@link JsonReturnParser}).
 */
@Schema(name = "ReturnRequest", description = "A department's full-year picture at a period: outturn for periods up"
        + " to it, forecast after it. The department comes from the token.")
public record ReturnRequest(
        @Schema(required = true, example = "2026-27") String financialYear,
        @Schema(required = true, description = "The month reported, 1 (April) to 12 (March)", example = "7") int period,
        @Schema(required = true, description = "1 to 100,000 lines") List<Line> lines) {

    @Schema(name = "ReturnRequestLine")
    public record Line(
            @Schema(required = true, example = "DHSC-ELECTIVE-RECOVERY") String programme,
            @Schema(required = true) Boundary boundary,
            @Schema(required = true, example = "7") int period,
            @Schema(required = true) LineKind kind,
            @Schema(required = true, description = "Pounds, exact decimal with at most 2 decimal places; a JSON number"
                    + " or a string", example = "1250000.00") BigDecimal amount) {
    }
}
