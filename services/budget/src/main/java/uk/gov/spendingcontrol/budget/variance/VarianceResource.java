package uk.gov.spendingcontrol.budget.variance;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
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
            description = "From each department's basis submission (basis=latest, the default: its latest"
                    + " non-rejected submission, confirmed or not yet reviewed, named with its status in basedOn;"
                    + " basis=confirmed: the last position the Treasury confirmed), of period P. When an unreviewed"
                    + " submission replaces a confirmed position the department's notices say so and lastConfirmed"
                    + " names it. Per programme and boundary: the budget (allocation; null and status NO_ALLOCATION"
                    + " when there is none, never counted as above budget), the budget to date (the allocation's"
                    + " monthly profile to P, or P / 12 without one), outturn to date, full-year forecast and their"
                    + " variances. Per boundary: the control total, allocations, outturn and forecast; for DEL the"
                    + " headroom and overspendRisk (the forecast exceeds the control total); AME is forecast, not"
                    + " limited: never an overspend risk, its movement against the control total and since the"
                    + " previous position instead. A summary counts the programme lines without allocation, above"
                    + " and within budget. A department sees its own; central roles name one department for"
                    + " programme detail, or none for every department's boundaries and summary.")
    @APIResponse(responseCode = "200", description = "The variance")
    @APIResponse(responseCode = "400", description = "A bad financial year or basis",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such department, or not the caller's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public VarianceReport variance(
            @Parameter(description = "Financial year such as 2026-27", required = true) @QueryParam("financialYear")
            String financialYear,
            @Parameter(description = "Department code; departments may only name their own") @QueryParam("department")
            String department,
            @Parameter(description = "Which submission of each department: latest (default) or confirmed",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"latest", "confirmed"},
                            defaultValue = "latest"))
            @QueryParam("basis") String basis, @Context UriInfo uri) {
        // an empty ?basis= reaches here as null: it is a bad value, not an absent one
        boolean sent = basis != null || uri.getQueryParameters().containsKey("basis");
        return service.variance(financialYear, department, sent && basis == null ? "" : basis);
    }
}
