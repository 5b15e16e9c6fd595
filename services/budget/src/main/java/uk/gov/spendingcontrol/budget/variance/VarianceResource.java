package uk.gov.spendingcontrol.budget.variance;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.gov.spendingcontrol.common.problem.Problem;
import uk.gov.spendingcontrol.common.security.Roles;

@Path("/api/v1/variance")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Variance", description = "Budget against forecast against outturn, with overspend-risk flags")
public class VarianceResource {

    private final VarianceService service;

    public VarianceResource(VarianceService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({Roles.DEPARTMENT_READER, Roles.DEPARTMENT_EDITOR, Roles.DEPARTMENT_SYSTEM, Roles.TREASURY_SPENDING,
            Roles.TREASURY_APPROVER, Roles.CABINET_OFFICE_ADMIN})
    @Operation(summary = "Variance for a financial year",
            description = "From each department's current position (the latest version of its non-rejected return"
                    + " with the highest period P): per programme and boundary the budget (allocation), the budget to"
                    + " date (allocation x P / 12), outturn to date, full-year forecast (outturn to date plus forecast"
                    + " for the rest of the year) and their variances (minus budget: positive is over budget); per"
                    + " boundary the control total, allocations, outturn, forecast, headroom and overspendRisk (the"
                    + " forecast exceeds the control total). A department sees its own; central roles name one"
                    + " department for programme detail, or none for every department's boundaries.")
    @APIResponse(responseCode = "200", description = "The variance")
    @APIResponse(responseCode = "400", description = "A bad financial year",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such department, or not the caller's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public VarianceReport variance(
            @Parameter(description = "Financial year such as 2026-27", required = true) @QueryParam("financialYear")
            String financialYear,
            @Parameter(description = "Department code; departments may only name their own") @QueryParam("department")
            String department) {
        return service.variance(financialYear, department);
    }
}
