package uk.gov.spendingcontrol.reporting.requirements;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.gov.spendingcontrol.common.text.FreeText;

/** A reporting requirement as the Cabinet Office creates or replaces it. */
@Schema(name = "ReportingRequirementRequest")
public record RequirementRequest(
        @NotNull @Size(min = 3, max = 64)
        @Pattern(regexp = CODE, message = "must be upper-case letters and digits in words joined by single hyphens, such as MONTHLY-OUTTURN")
        @Schema(description = "Unique, and never changed once created", example = "MONTHLY-OUTTURN") String code,
        @NotBlank @Size(max = 200) @Schema(example = "Monthly outturn") String title,
        @Size(max = 4000) @Schema(example = "Actual spending per programme, budget boundary and month.") @FreeText String description,
        @NotNull DataKind dataKind,
        @NotNull Frequency frequency,
        @NotNull @Min(0) @Max(366)
        @Schema(description = "Days after the end of each period (for ad hoc returns: after the request) by which "
                + "the return is due", example = "10") Integer dueDaysAfterPeriodEnd,
        @NotNull @Schema(description = "true: every department; false: only those in 'departments'") Boolean appliesToAllDepartments,
        @Schema(description = "Department codes; required (not empty) when appliesToAllDepartments is false, "
                + "empty or absent when it is true", example = "[\"DHSC\"]") List<String> departments,
        @NotNull @Schema(description = "Whether live data already satisfies it") Boolean satisfiedByLiveData,
        @Size(max = 100)
        @Pattern(regexp = FEED, message = "must name a change feed as <service>.<feed>, such as budget.returns")
        @Schema(description = "The change feed whose data satisfies it; required when satisfiedByLiveData is true",
                example = "budget.returns") String liveDataFeed) {

    public static final String CODE = "^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$";
    public static final String FEED = "^[a-z][a-z0-9-]*\\.[a-z][a-z0-9-]*$";
    public static final String DEPARTMENT = "^[A-Z][A-Z0-9]{1,15}$";
}
