package uk.gov.spendingcontrol.budget.programmes;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ProgrammeRequest")
public record ProgrammeRequest(
        @NotNull @Pattern(regexp = "^[A-Z0-9][A-Z0-9-]{1,31}$", message = "must be 2 to 32 capitals, digits or dashes")
        @Schema(description = "Begins with the lead department's code and a hyphen; never changes",
                example = "DHSC-ELECTIVE-RECOVERY") String code,
        @NotBlank @Size(max = 300) @Schema(example = "Elective recovery") String name,
        @Schema(description = "Lead department: only central roles may name one; a department leads its own programmes",
                example = "DHSC") String leadDepartment,
        @Schema(description = "Contributing departments", example = "[\"DFE\"]") Set<String> contributors,
        @Schema(description = "ACTIVE (default) or CLOSED") Programme.Status status) {
}
