package uk.gov.spendingcontrol.odp.crosscutting;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.gov.spendingcontrol.common.text.FreeText;
import uk.gov.spendingcontrol.odp.metrics.MetricRequest;

/** A department's own part of a cross-cutting outcome, replaced as a whole (an omitted list is empty). */
@Schema(name = "ContributionRequest")
public record ContributionRequest(
        @Size(max = 4000) @FreeText
        @Schema(example = "Ventilation and air quality in every school by 2030") String summary,
        @Size(max = 50) @Schema(description = "Budget codes of the programmes through which the department contributes")
        List<@NotNull @Pattern(regexp = "^[A-Z0-9][A-Z0-9-]{1,31}$",
                message = "must be a programme's budget code: 2 to 32 capitals, digits or dashes") String> programmes,
        @Size(max = 50) List<@NotNull @Valid MetricRequest> metrics) {
}
