package uk.gov.spendingcontrol.odp.evaluation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.gov.spendingcontrol.common.text.FreeText;
import uk.gov.spendingcontrol.common.web.OutcomeIds;

/**
 * An evaluation plan: of exactly one of a priority outcome of the department's plans, a cross-cutting outcome it
 * contributes to, or a programme (budget code). Findings and the published report's link come when it is done.
 */
@Schema(name = "EvaluationRequest")
public record EvaluationRequest(
        @Schema(description = "A priority outcome of one of your department's plans") UUID priorityOutcomeId,
        @OutcomeIds.Valid @Schema(description = "A cross-cutting outcome your department contributes to",
                example = "healthier-lives") String crossCuttingOutcomeId,
        @Pattern(regexp = "^[A-Z0-9][A-Z0-9-]{1,31}$", message = "must be a programme's budget code: 2 to 32"
                + " capitals, digits or dashes") @Schema(example = "DHSC-PUBLIC-HEALTH") String programme,
        @NotBlank @Size(max = 300) @Schema(example = "Evaluation of the expansion of funded childcare") String title,
        @NotBlank @Size(max = 4000) @FreeText
        @Schema(example = "Did the expansion raise the share of children with a good level of development?")
        String question,
        @NotNull Evaluation.Method method,
        @NotNull @Schema(example = "2026-04-01") LocalDate startDate,
        @NotNull @Schema(example = "2028-03-31") LocalDate endDate,
        @NotNull Evaluation.Status status,
        @Size(max = 8000) @FreeText String findings,
        @Size(max = 2000) @Pattern(regexp = "^https://[^\\s]+$", message = "must be an https:// link")
        @Schema(description = "The published report (required once PUBLISHED)",
                example = "https://www.gov.uk/government/publications/childcare-expansion-evaluation")
        String reportUrl) {
}
