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
 * Budget against forecast against outturn for a financial year, as a Treasury analyst reads it. Amounts are pounds,
 * exact decimals. Variances are outturn or forecast minus budget: positive means spending above budget. DEL control
 * totals are limits (overspend risk); AME is demand-led, forecast rather than limited (movement, for information).
 */
@Schema(name = "Variance")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VarianceReport(
        @Schema(example = "2026-27") String financialYear,
        @Schema(description = "Which submission of each department the figures come from (query parameter basis)")
        Basis basis,
        @Schema(description = "How the budget to date is derived") String budgetYearToDateMethod,
        List<Department> departments) {

    public static final String METHOD = "the full-year allocation x the sum of its monthly profile's shares for"
            + " periods 1..P, or x P / 12 (straight line) when it has no profile, where P is the period of the return"
            + " the figures are based on (rounded to the penny, half even)";

    /** Which submission of a department variance is based on. */
    @Schema(name = "VarianceBasis", description = "LATEST: each department's latest non-rejected submission (the"
            + " highest period, then version), confirmed or not yet reviewed; CONFIRMED: the last position the"
            + " Treasury confirmed")
    public enum Basis { LATEST, CONFIRMED }

    @Schema(name = "DepartmentVariance")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Department(
            @Schema(example = "DHSC") String department,
            @Schema(description = "The submission the figures come from, with its status (SUBMITTED: not yet reviewed"
                    + " by the Treasury; CONFIRMED); absent when there is none on this basis (outturn and forecast"
                    + " are then zero)")
            Position basedOn,
            @Schema(description = "Basis LATEST, when basedOn is not yet reviewed: the last position the Treasury"
                    + " confirmed, which basedOn replaces (see notices)")
            Position lastConfirmed,
            @Schema(description = "Basis CONFIRMED: the department's latest non-rejected submission, when it is newer"
                    + " than basedOn (not reflected in the figures; see notices)")
            Position latestSubmission,
            @Schema(description = "The position before basedOn on the same basis: AME movement is measured from it")
            Position previousPosition,
            @Schema(description = "What an analyst must know about the basis, such as an unreviewed submission"
                    + " replacing a confirmed position")
            List<Notice> notices,
            Summary summary,
            @Schema(description = "Per budget boundary, against the control total") List<BoundaryLine> boundaries,
            @Schema(description = "Per programme and boundary; only when one department is asked for")
            List<ProgrammeLine> programmes) {
    }

    @Schema(name = "VariancePosition", description = "A submitted monthly return (one version)")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Position(UUID id, int period, int version, Submission.Status status, OffsetDateTime submittedAt,
            @Schema(description = "When the Treasury confirmed it; absent while not reviewed")
            OffsetDateTime reviewedAt) {
    }

    @Schema(name = "VarianceNotice")
    public record Notice(
            @Schema(description = "UNREVIEWED_REPLACES_CONFIRMED, UNREVIEWED_POSITION, NEWER_SUBMISSION_NOT_REFLECTED,"
                    + " NO_CONFIRMED_POSITION or NO_POSITION", example = "UNREVIEWED_REPLACES_CONFIRMED") String code,
            String message) {
    }

    @Schema(name = "VarianceSummary", description = "Counts of programme lines (one programme in one boundary): every"
            + " line is exactly one of withoutAllocation, aboveBudget, withinBudget and ameForecast")
    public record Summary(
            @Schema(description = "Programme lines: every programme and boundary with an allocation or figures in the"
                    + " position") int programmeLines,
            @Schema(description = "Lines with no allocation (budget null); never counted as above budget")
            int withoutAllocation,
            @Schema(description = "DEL lines whose full-year forecast exceeds their allocation") int aboveBudget,
            @Schema(description = "DEL lines whose full-year forecast is within their allocation") int withinBudget,
            @Schema(description = "AME lines with an allocation: forecast, not limited") int ameForecast,
            @Schema(description = "DEL boundaries whose full-year forecast exceeds the control total")
            int boundariesAtOverspendRisk) {
    }

    @Schema(name = "BoundaryVariance")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BoundaryLine(
            Boundary boundary,
            @Schema(description = "true for DEL boundaries, whose control total is a limit; false for AME,"
                    + " demand-led spending that is forecast rather than limited") boolean limited,
            @Schema(description = "From the ledger of adjustments (for AME: the Treasury's AME forecast)")
            BigDecimal controlTotal,
            @Schema(description = "Allocated to programmes") BigDecimal allocated,
            BigDecimal outturnYearToDate,
            @Schema(description = "Outturn to date plus forecast for the rest of the year") BigDecimal forecastFullYear,
            @Schema(description = "DEL only: control total minus full-year forecast") BigDecimal headroom,
            @Schema(description = "DEL only (always false for AME): the full-year forecast exceeds the control total")
            boolean overspendRisk,
            @Schema(description = "AME only, for information: full-year forecast minus the control total")
            BigDecimal movement,
            @Schema(description = "AME only, when there is a previous position: its full-year forecast")
            BigDecimal previousForecastFullYear,
            @Schema(description = "AME only: forecastFullYear minus previousForecastFullYear")
            BigDecimal movementSincePrevious) {
    }

    @Schema(name = "ProgrammeVariance")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ProgrammeLine(
            @Schema(example = "DHSC-ELECTIVE-RECOVERY") String programme,
            Boundary boundary,
            @Schema(description = "NO_ALLOCATION: no allocation (budget and variances null); ABOVE_BUDGET or"
                    + " WITHIN_BUDGET: a DEL line against its allocation; AME_FORECAST: an AME line with an allocation,"
                    + " forecast rather than limited") LineStatus status,
            @Schema(description = "The programme has an allocation for this boundary") boolean allocated,
            @Schema(description = "The full-year allocation; null when there is none", nullable = true)
            BigDecimal budget,
            @Schema(description = "The budget to date follows the allocation's monthly profile (false: flat"
                    + " twelfths)") boolean profiled,
            @Schema(description = "See budgetYearToDateMethod; null without an allocation", nullable = true)
            BigDecimal budgetYearToDate,
            BigDecimal outturnYearToDate,
            @Schema(description = "Outturn to date plus forecast for the rest of the year") BigDecimal forecastFullYear,
            @Schema(description = "outturnYearToDate - budgetYearToDate; null without an allocation", nullable = true)
            BigDecimal varianceYearToDate,
            @Schema(description = "forecastFullYear - budget (for AME: movement against the allocation, for"
                    + " information); null without an allocation", nullable = true) BigDecimal varianceFullYear,
            @Schema(description = "A DEL line whose full-year forecast exceeds its allocation (never without an"
                    + " allocation, never for AME)") boolean forecastAboveBudget,
            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(description = "AME only, when there is a previous position: this programme's full-year forecast"
                    + " in it (0 when it had none)") BigDecimal previousForecastFullYear,
            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(description = "AME only: forecastFullYear minus previousForecastFullYear")
            BigDecimal movementSincePrevious) {
    }

    @Schema(name = "VarianceLineStatus")
    public enum LineStatus { NO_ALLOCATION, ABOVE_BUDGET, WITHIN_BUDGET, AME_FORECAST }
}
