package uk.gov.spendingcontrol.odp.plans;

import uk.gov.spendingcontrol.common.web.IdempotencyKeys;
import uk.gov.spendingcontrol.common.persistence.IdempotentRequests;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.gov.spendingcontrol.common.paging.Page;
import uk.gov.spendingcontrol.common.paging.PageRequest;
import uk.gov.spendingcontrol.common.problem.Problem;
import uk.gov.spendingcontrol.common.security.Roles;
import uk.gov.spendingcontrol.common.rest.ETags;

@Path("/api/v1/outcome-delivery-plans")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Outcome Delivery Plans",
        description = "Each department's plan for a financial year: priority outcomes, their metrics and its strategic "
                + "enabler commitments; drafted by the department, then published and frozen")
public class PlanResource {

    private final PlanService service;
    private final IdempotentRequests idempotent;

    public PlanResource(PlanService service, IdempotentRequests idempotent) {
        this.service = service;
        this.idempotent = idempotent;
    }

    @GET
    @RolesAllowed({Roles.DEPARTMENT_READER, Roles.DEPARTMENT_EDITOR, Roles.DEPARTMENT_SYSTEM, Roles.TREASURY_SPENDING,
            Roles.TREASURY_APPROVER, Roles.CABINET_OFFICE_ADMIN})
    @Operation(summary = "List Outcome Delivery Plans",
            description = "The plans the caller may read: a department's users see their own department's plans and "
                    + "every published plan; Treasury and Cabinet Office roles see all. Newest financial year first, "
                    + "then by department; paged by cursor.")
    @APIResponse(responseCode = "200", description = "A page of plans")
    @APIResponse(responseCode = "400", description = "A bad filter, limit or cursor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<PlanSummaryView> listPlans(
            @Parameter(description = "Department code, such as DHSC") @QueryParam("department") String department,
            @Parameter(description = "Financial year, such as 2026-27") @QueryParam("financialYear") String financialYear,
            @Parameter(description = "DRAFT or PUBLISHED (exact names)") @QueryParam("status") String status,
            @Parameter(description = "Page size, 1 to 1000 (default 100)") @QueryParam("limit") Integer limit,
            @Parameter(description = "The nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        return page.page(service.list(department, financialYear, status, page), service::summary,
                PlanService::cursorKey, uri);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DEPARTMENT_EDITOR)
    @Operation(summary = "Start an Outcome Delivery Plan",
            description = "Creates the draft plan of the caller's department (from the token) for a financial year. "
                    + "A department has one plan per year. Outcomes and enabler commitments may be given now or later.")
    @APIResponse(responseCode = "201", description = "The draft plan",
            headers = {@Header(name = "Location", description = "The plan's URL", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "ETag", description = "The plan's version, for If-Match", schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "400", description = "The request is not valid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The department already has a plan for the year",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for another request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response createPlan(@Valid @NotNull NewPlanRequest request, @Context UriInfo uri,
            @Parameter(description = "Makes the create safe to retry: the same key and request answer the first"
                    + " result again") @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @Context HttpHeaders headers) {
        return idempotent.create(headers, "POST /api/v1/outcome-delivery-plans", request, () -> {
            PlanView plan = service.create(request);
            return ETags.created(uri.getBaseUriBuilder().path(PlanResource.class).path(plan.id().toString()).build(),
                    plan, plan.version());
        });
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.DEPARTMENT_READER, Roles.DEPARTMENT_EDITOR, Roles.DEPARTMENT_SYSTEM, Roles.TREASURY_SPENDING,
            Roles.TREASURY_APPROVER, Roles.CABINET_OFFICE_ADMIN})
    @Operation(summary = "Get an Outcome Delivery Plan",
            description = "A plan with its outcomes, metrics and enabler commitments. Another department's draft is "
                    + "not found; published plans are readable by all.")
    @APIResponse(responseCode = "200", description = "The plan; its ETag is the version to send back as If-Match",
            headers = @Header(name = "ETag", description = "The plan's version", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "404", description = "No such plan, or another department's draft",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response getPlan(@PathParam("id") UUID id) {
        PlanView plan = service.get(id);
        return ETags.ok(plan, plan.version());
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DEPARTMENT_EDITOR)
    @Operation(summary = "Change a draft Outcome Delivery Plan",
            description = "Replaces the title, summary, priority outcomes (with their metrics) and enabler commitments "
                    + "of a draft plan of the caller's department. Send the version the change is based on in If-Match "
                    + "(the ETag; docs/architecture.md \"Optimistic concurrency\"): a stale one is refused, never "
                    + "overwritten. An outcome or "
                    + "metric that carries an existing id keeps it; ones left out are removed. A published plan is frozen.")
    @APIResponse(responseCode = "200", description = "The plan, changed, at its new version",
            headers = @Header(name = "ETag", description = "The plan's new version", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "400", description = "The request or If-Match is not valid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such plan, or another department's draft",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The plan is published",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match does not name the current version (its ETag is in the "
            + "answer): nothing was written",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "No If-Match: nothing was written",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response updatePlan(@PathParam("id") UUID id,
            @Parameter(required = true, description = "The ETag of the version the change is based on, such as \"3\"")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull PlanUpdateRequest request) {
        PlanView plan = service.update(id, ifMatch, request);
        return ETags.ok(plan, plan.version());
    }

    @POST
    @Path("/{id}/submission")
    @RolesAllowed(Roles.DEPARTMENT_EDITOR)
    @Operation(summary = "Submit an Outcome Delivery Plan for publication",
            description = "The department's editor submits a complete draft of its own plan: at least one priority "
                    + "outcome, each tracked by at least one metric with a trajectory. From then on it is not changed "
                    + "unless returned to draft. Send the version you read in If-Match, as for any change.")
    @APIResponse(responseCode = "200", description = "The plan, submitted",
            headers = @Header(name = "ETag", description = "The plan's new version", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "400", description = "If-Match is not an ETag of this API",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Another department's plan",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such plan, or another department's draft",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The plan is not a draft",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match (the current ETag is in the answer): nothing written",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The plan is not complete enough to publish",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "No If-Match: nothing was written",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response submitPlan(@PathParam("id") UUID id,
            @Parameter(required = true, description = "The ETag of the version read, such as \"3\"")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        PlanView plan = service.submit(id, ifMatch);
        return ETags.ok(plan, plan.version());
    }

    @POST
    @Path("/{id}/return")
    @RolesAllowed({Roles.DEPARTMENT_EDITOR, Roles.TREASURY_SPENDING, Roles.TREASURY_APPROVER, Roles.CABINET_OFFICE_ADMIN})
    @Operation(summary = "Return a submitted plan to draft",
            description = "The department's editor withdraws its submitted plan, or one who may publish returns it "
                    + "for more work. Send the version you read in If-Match.")
    @APIResponse(responseCode = "200", description = "The plan, a draft again",
            headers = @Header(name = "ETag", description = "The plan's new version", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "400", description = "If-Match is not an ETag of this API",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Neither the department's editor nor one who may publish",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such plan, or another department's draft",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The plan is not submitted",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match (the current ETag is in the answer): nothing written",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "No If-Match: nothing was written",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response returnPlan(@PathParam("id") UUID id,
            @Parameter(required = true, description = "The ETag of the version read, such as \"3\"")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        PlanView plan = service.returnToDraft(id, ifMatch);
        return ETags.ok(plan, plan.version());
    }

    @POST
    @Path("/{id}/publication")
    @RolesAllowed({Roles.DEPARTMENT_EDITOR, Roles.TREASURY_SPENDING, Roles.TREASURY_APPROVER, Roles.CABINET_OFFICE_ADMIN})
    @Operation(summary = "Publish an Outcome Delivery Plan",
            description = "Publishes a submitted plan: its current revision is frozen and everyone, the public "
                    + "included, can read it, by revision number and as at a date. Who may publish is configuration "
                    + "(odp.publish.roles; by default Treasury spending teams and the Cabinet Office; a department's "
                    + "editors, when listed, publish their own department's plans). Send the version you read in "
                    + "If-Match, as for any change.")
    @APIResponse(responseCode = "200", description = "The plan, published",
            headers = @Header(name = "ETag", description = "The plan's new version", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "400", description = "If-Match is not an ETag of this API",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The caller may not publish this plan (odp.publish.roles)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such plan, or another department's draft",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The plan is not submitted (a draft, or already published)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match (the current ETag is in the answer): nothing written",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The plan is not complete enough to publish",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "No If-Match: nothing was written",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response publishPlan(@PathParam("id") UUID id,
            @Parameter(required = true, description = "The ETag of the version being published, such as \"3\"")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        PlanView plan = service.publish(id, ifMatch);
        return ETags.ok(plan, plan.version());
    }

    @POST
    @Path("/{id}/revisions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DEPARTMENT_EDITOR)
    @Operation(summary = "Start a correction of a published plan",
            description = "A correction is a new revision: the department's editor gives the reason, and the plan "
                    + "becomes a draft of the next revision with the published content, to change, submit and publish "
                    + "again. Every published revision stays readable as it was. Send the version you read in If-Match.")
    @APIResponse(responseCode = "200", description = "The plan, a draft of its next revision",
            headers = @Header(name = "ETag", description = "The plan's new version", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "400", description = "No reason, or If-Match is not an ETag of this API",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Another department's plan",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such plan, or another department's draft",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The plan's current revision is not published",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match (the current ETag is in the answer): nothing written",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "No If-Match: nothing was written",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response revisePlan(@PathParam("id") UUID id,
            @Parameter(required = true, description = "The ETag of the version read, such as \"3\"")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull RevisionRequest request) {
        PlanView plan = service.revise(id, ifMatch, request);
        return ETags.ok(plan, plan.version());
    }
}
