package uk.gov.spendingcontrol.budget.variance;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.gov.spendingcontrol.budget.controltotals.Boundary;
import uk.gov.spendingcontrol.budget.returns.Submission;

/**
 * Budget against forecast against outturn for a financial year. Amounts are pounds, exact decimals. Variances are
 * outturn or forecast minus budget: positive means spending above budget.
 */
@Schema(name = "Variance")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VarianceReport(
        @Schema(example = "2026-27") String financialYear,
        @Schema(description = "How the budget to date is derived") String budgetYearToDateMethod,
        List<Department> departments) {

    public static final String METHOD = "straight line: the full-year allocation x P / 12, where P is the period of"
            + " the return the figures are based on (rounded to the penny, half even)";

    @Schema(name = "DepartmentVariance")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Department(
            @Schema(example = "DHSC") String department,
            @Schema(description = "The department's current position: the latest version of its non-rejected return"
                    + " with the highest period; absent when it has none (outturn and forecast are then zero)")
            Basis basedOn,
            @Schema(description = "Per budget boundary, against the control total") List<BoundaryLine> boundaries,
            @Schema(description = "Per programme and boundary; only when one department is asked for")
            List<ProgrammeLine> programmes) {
    }

    @Schema(name = "VarianceBasis")
    public record Basis(UUID id, int period, int version, Submission.Status status, OffsetDateTime submittedAt) {
    }

    @Schema(name = "BoundaryVariance")
    public record BoundaryLine(
            Boundary boundary,
            @Schema(description = "From the ledger of adjustments") BigDecimal controlTotal,
            @Schema(description = "Allocated to programmes") BigDecimal allocated,
            BigDecimal outturnYearToDate,
            @Schema(description = "Outturn to date plus forecast for the rest of the year") BigDecimal forecastFullYear,
            @Schema(description = "Control total minus full-year forecast") BigDecimal headroom,
            @Schema(description = "The full-year forecast exceeds the control total") boolean overspendRisk) {
    }

    @Schema(name = "ProgrammeVariance")
    public record ProgrammeLine(
            @Schema(example = "DHSC-ELECTIVE-RECOVERY") String programme,
            Boundary boundary,
            @Schema(description = "The full-year allocation (0 when none)") BigDecimal budget,
            @Schema(description = "budget x P / 12") BigDecimal budgetYearToDate,
            BigDecimal outturnYearToDate,
            @Schema(description = "Outturn to date plus forecast for the rest of the year") BigDecimal forecastFullYear,
            @Schema(description = "outturnYearToDate - budgetYearToDate") BigDecimal varianceYearToDate,
            @Schema(description = "forecastFullYear - budget") BigDecimal varianceFullYear,
            @Schema(description = "The full-year forecast exceeds the budget") boolean forecastAboveBudget) {
    }
}
