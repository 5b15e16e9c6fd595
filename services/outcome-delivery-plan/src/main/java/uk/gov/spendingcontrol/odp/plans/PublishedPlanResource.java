package uk.gov.spendingcontrol.odp.plans;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.gov.spendingcontrol.common.paging.Page;
import uk.gov.spendingcontrol.common.paging.PageRequest;
import uk.gov.spendingcontrol.common.problem.Problem;

/** Published plans as open data: no login. Drafts are never here. */
@Path("/api/v1/published/outcome-delivery-plans")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Published Outcome Delivery Plans",
        description = "Open data: every published plan, for the public, Parliament and auditors, without a login")
@PermitAll
public class PublishedPlanResource {

    private final PlanService service;

    public PublishedPlanResource(PlanService service) {
        this.service = service;
    }

    @GET
    @PermitAll
    @Operation(summary = "List published Outcome Delivery Plans",
            description = "Every published plan, newest financial year first, then by department; paged by cursor. "
                    + "No login needed.",
            extensions = @Extension(name = "x-public", value = "true", parseValue = true))
    @APIResponse(responseCode = "200", description = "A page of published plans")
    @APIResponse(responseCode = "400", description = "A bad filter, limit or cursor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<PublishedPlanSummaryView> listPublishedPlans(
            @Parameter(description = "Department code, such as DHSC") @QueryParam("department") String department,
            @Parameter(description = "Financial year, such as 2026-27") @QueryParam("financialYear") String financialYear,
            @Parameter(description = "Page size, 1 to 1000 (default 100)") @QueryParam("limit") Integer limit,
            @Parameter(description = "The nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        return page.page(service.listPublished(department, financialYear, page), PublishedPlanSummaryView::of,
                PlanService::cursorKey, uri);
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(summary = "Get a published Outcome Delivery Plan",
            description = "A published plan with its outcomes, metrics and enabler commitments. No login needed.",
            extensions = @Extension(name = "x-public", value = "true", parseValue = true))
    @APIResponse(responseCode = "200", description = "The published plan")
    @APIResponse(responseCode = "404", description = "No such published plan (drafts are not published)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PublishedPlanView getPublishedPlan(@PathParam("id") UUID id) {
        return service.getPublished(id);
    }
}
