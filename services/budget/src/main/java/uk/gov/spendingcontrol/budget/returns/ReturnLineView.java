package uk.gov.spendingcontrol.budget.returns;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.gov.spendingcontrol.budget.controltotals.Boundary;

@Schema(name = "ReturnLine", description = "A line of a return, as accepted")
public record ReturnLineView(
        @Schema(example = "1") int line,
        @Schema(example = "DHSC-ELECTIVE-RECOVERY") String programme,
        Boundary boundary,
        @Schema(example = "7") int period,
        LineKind kind,
        @Schema(description = "Pounds, exact decimal", example = "1250000.00") BigDecimal amount) {

    static ReturnLineView of(Object[] r) {
        return new ReturnLineView(((Number) r[0]).intValue(), (String) r[1], Boundary.valueOf((String) r[2]),
                ((Number) r[3]).intValue(), LineKind.valueOf((String) r[4]), (BigDecimal) r[5]);
    }
}
