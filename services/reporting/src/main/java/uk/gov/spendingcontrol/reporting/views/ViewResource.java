package uk.gov.spendingcontrol.reporting.views;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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
import uk.gov.spendingcontrol.common.security.Caller;
import uk.gov.spendingcontrol.common.security.Roles;
import uk.gov.spendingcontrol.reporting.views.ViewRecords.ApprovalsView;
import uk.gov.spendingcontrol.reporting.views.ViewRecords.DepartmentOverview;
import uk.gov.spendingcontrol.reporting.views.ViewRecords.GovernmentView;
import uk.gov.spendingcontrol.reporting.views.ViewRecords.LinkCheck;
import uk.gov.spendingcontrol.reporting.views.ViewRecords.OutcomeView;
import uk.gov.spendingcontrol.reporting.views.ViewRecords.ProgrammeView;

/** The views of the live picture (docs/reporting.md), from the read models built from the change feeds. */
@Path(ViewResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Live picture", description = "Money, outcomes and approvals, from the owning services' change feeds")
@RolesAllowed({Roles.DEPARTMENT_READER, Roles.DEPARTMENT_EDITOR, Roles.DEPARTMENT_SYSTEM, Roles.TREASURY_SPENDING,
        Roles.TREASURY_APPROVER, Roles.CABINET_OFFICE_ADMIN})
@APIResponse(responseCode = "400", description = "A malformed parameter (errors[0].field names it)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "A role that may not read the views, or a department role without a department",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ViewResource {

    public static final String PATH = "/api/v1/reporting";
    public static final String YEAR_TEXT = "A financial year such as 2026-27; the current one when absent";

    private final ViewService views;
    private final Caller caller;

    public ViewResource(ViewService views, Caller caller) {
        this.views = views;
        this.caller = caller;
    }

    @GET
    @Path("/departments/{code}/overview")
    @Operation(summary = "Department overview", description = "Control totals against allocations, forecast and "
            + "outturn, overspend risks, metrics against trajectories with status, pending approvals; each section "
            + "with its source's freshness. A department sees its own only.")
    @APIResponse(responseCode = "200", description = "The overview",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DepartmentOverview.class)))
    @APIResponse(responseCode = "404", description = "No such department, or another department's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DepartmentOverview departmentOverview(@PathParam("code") String code,
            @Parameter(description = YEAR_TEXT) @QueryParam("financialYear") String financialYear) {
        return views.department(Viewer.of(caller), code, financialYear);
    }

    @GET
    @Path("/programmes/{code}")
    @Operation(summary = "Programme view", description = "The programme's money by boundary, the outcomes it drives and "
            + "their metrics. A department sees the programmes it leads or contributes to.")
    @APIResponse(responseCode = "200", description = "The programme",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProgrammeView.class)))
    @APIResponse(responseCode = "404", description = "No such programme, or not one of the caller's department",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ProgrammeView programmeView(@PathParam("code") String code,
            @Parameter(description = YEAR_TEXT) @QueryParam("financialYear") String financialYear) {
        return views.programme(Viewer.of(caller), code, financialYear);
    }

    @GET
    @Path("/cross-cutting-outcomes/{id}")
    @Operation(summary = "Cross-cutting outcome view", description = "Every contributing department's spend on the "
            + "linked programmes, its metrics and status, and the joint bids that support the outcome. Another "
            + "department's entry shows only what is published (no money) to a department user.")
    @APIResponse(responseCode = "200", description = "The outcome",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OutcomeView.class)))
    @APIResponse(responseCode = "404", description = "No such cross-cutting outcome",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public OutcomeView crossCuttingOutcomeView(@PathParam("id") String id,
            @Parameter(description = YEAR_TEXT) @QueryParam("financialYear") String financialYear) {
        return views.outcome(Viewer.of(caller), id, financialYear);
    }

    @GET
    @Path("/government")
    @Operation(summary = "Government-wide view", description = "Every department (a department user: its own row), "
            + "sorted by risk (highest first) or by department code.")
    @APIResponse(responseCode = "200", description = "Every department",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GovernmentView.class)))
    public GovernmentView governmentView(@Parameter(description = YEAR_TEXT) @QueryParam("financialYear") String financialYear,
            @Parameter(description = "risk (default) or department") @QueryParam("sort") String sort) {
        return views.government(Viewer.of(caller), financialYear, sort);
    }

    @GET
    @Path("/approvals")
    @Operation(summary = "Approvals view", description = "Pending approvals by department and age, and decisions. "
            + "Central roles: every department or the one asked for; a department: its own.")
    @APIResponse(responseCode = "200", description = "Approvals",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApprovalsView.class)))
    @APIResponse(responseCode = "404", description = "Another department than the caller's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ApprovalsView approvalsView(
            @Parameter(description = "A department code (central roles)") @QueryParam("department") String department) {
        return views.approvals(Viewer.of(caller), department);
    }

    @GET
    @Path("/link-check")
    @Operation(summary = "Link check", description = "Joint bids and programmes that support no cross-cutting outcome, "
            + "and joint bids that name an outcome that does not exist.")
    @APIResponse(responseCode = "200", description = "What is unlinked",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LinkCheck.class)))
    public LinkCheck linkCheck() {
        return views.linkCheck(Viewer.of(caller));
    }
}
