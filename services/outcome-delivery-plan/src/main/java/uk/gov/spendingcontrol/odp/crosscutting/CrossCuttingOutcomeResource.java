package uk.gov.spendingcontrol.odp.crosscutting;

import uk.gov.spendingcontrol.common.web.IdempotencyKeys;
import uk.gov.spendingcontrol.common.persistence.IdempotentRequests;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.gov.spendingcontrol.common.paging.Page;
import uk.gov.spendingcontrol.common.paging.PageRequest;
import uk.gov.spendingcontrol.common.problem.Problem;
import uk.gov.spendingcontrol.common.rest.ETags;
import uk.gov.spendingcontrol.common.security.Roles;
import uk.gov.spendingcontrol.odp.crosscutting.CrossCuttingOutcomeView.ContributionView;

@Path("/api/v1/cross-cutting-outcomes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cross-cutting outcomes", description = "The register of outcomes that several departments deliver"
        + " together: one lead, contributors, each contributor's own part with its metrics")
public class CrossCuttingOutcomeResource {

    private final CrossCuttingOutcomeService service;
    private final IdempotentRequests idempotent;

    public CrossCuttingOutcomeResource(CrossCuttingOutcomeService service, IdempotentRequests idempotent) {
        this.service = service;
        this.idempotent = idempotent;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DEPARTMENT_EDITOR, Roles.CABINET_OFFICE_ADMIN})
    @Operation(summary = "Register a cross-cutting outcome", description = "Its id is chosen now and never changes"
            + " (a lowercase slug such as net-zero-2050; joint bids in the budget service name it). A department's"
            + " editor registers an outcome its own department leads; the Cabinet Office names the lead. The lead and"
            + " the contributors named each get an empty part to write.")
    @APIResponse(responseCode = "201", description = "Registered", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CrossCuttingOutcomeView.class)))
    @APIResponse(responseCode = "400", description = "Not valid (the id's form, a department code...)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The id is already registered",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for another request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response registerOutcome(@Valid @NotNull CrossCuttingOutcomeRequest request, @Context UriInfo uri,
            @Parameter(description = "Makes the create safe to retry: the same key and request answer the first"
                    + " result again") @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @Context HttpHeaders headers) {
        return idempotent.create(headers, "POST /api/v1/cross-cutting-outcomes", request, () -> {
            CrossCuttingOutcomeView o = service.register(request);
            return ETags.created(uri.getBaseUriBuilder().path(CrossCuttingOutcomeResource.class).path(o.id()).build(),
                    o, o.version());
        });
    }

    @GET
    @RolesAllowed({Roles.DEPARTMENT_READER, Roles.DEPARTMENT_EDITOR, Roles.DEPARTMENT_SYSTEM, Roles.TREASURY_SPENDING,
            Roles.TREASURY_APPROVER, Roles.CABINET_OFFICE_ADMIN})
    @Operation(summary = "List cross-cutting outcomes", description = "The register, by id, each read whole (every"
            + " contributor's part); filters department (outcomes it contributes to) and status; paged by cursor.")
    @APIResponse(responseCode = "200", description = "A page of outcomes")
    @APIResponse(responseCode = "400", description = "A bad filter, limit or cursor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<CrossCuttingOutcomeView> listOutcomes(
            @Parameter(description = "A contributing department, such as DFE") @QueryParam("department")
            String department,
            @Parameter(description = "ACTIVE or RETIRED") @QueryParam("status") String status,
            @Parameter(description = "Page size, 1 to 1000 (default 100)") @QueryParam("limit") Integer limit,
            @Parameter(description = "The nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        return page.page(service.listWhole(department, status, page), o -> o, CrossCuttingOutcomeView::id, uri);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.DEPARTMENT_READER, Roles.DEPARTMENT_EDITOR, Roles.DEPARTMENT_SYSTEM, Roles.TREASURY_SPENDING,
            Roles.TREASURY_APPROVER, Roles.CABINET_OFFICE_ADMIN})
    @Operation(summary = "Get a cross-cutting outcome", description = "Read whole: every contributor's part, with its"
            + " metrics, their latest data and status. The ETag is the outcome's version (for its own changes and its"
            + " contributors); each part has its own version.")
    @APIResponse(responseCode = "200", description = "The outcome", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CrossCuttingOutcomeView.class)))
    @APIResponse(responseCode = "400", description = "The id is not of the register's form",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such outcome",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response getOutcome(@PathParam("id") String id) {
        CrossCuttingOutcomeView o = service.get(id);
        return ETags.ok(o, o.version());
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DEPARTMENT_EDITOR, Roles.CABINET_OFFICE_ADMIN})
    @Operation(summary = "Change a cross-cutting outcome", description = "Title, description and status, by the lead"
            + " department's editors or the Cabinet Office, with If-Match (the outcome's ETag).")
    @APIResponse(responseCode = "200", description = "Changed", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CrossCuttingOutcomeView.class)))
    @APIResponse(responseCode = "400", description = "Not valid", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not the lead department or the Cabinet Office",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such outcome",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match: nothing written",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "No If-Match: nothing written",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response updateOutcome(@PathParam("id") String id,
            @Parameter(required = true, description = "The outcome's ETag") @HeaderParam(HttpHeaders.IF_MATCH)
            String ifMatch, @Valid @NotNull CrossCuttingOutcomeUpdate request) {
        CrossCuttingOutcomeView o = service.update(id, ifMatch, request);
        return ETags.ok(o, o.version());
    }

    @PUT
    @Path("/{id}/contributors/{department}")
    @RolesAllowed({Roles.DEPARTMENT_EDITOR, Roles.CABINET_OFFICE_ADMIN})
    @Operation(summary = "Add a contributor", description = "By the lead department's editors or the Cabinet Office,"
            + " with If-Match (the outcome's ETag). The department gets an empty part to write (or its earlier part"
            + " back, if it was removed).")
    @APIResponse(responseCode = "200", description = "The outcome with the new contributor", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CrossCuttingOutcomeView.class)))
    @APIResponse(responseCode = "400", description = "Not a department code, or a bad If-Match",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not the lead department or the Cabinet Office",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such outcome",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already a contributor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match: nothing written",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "No If-Match: nothing written",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response addContributor(@PathParam("id") String id, @PathParam("department") String department,
            @Parameter(required = true, description = "The outcome's ETag") @HeaderParam(HttpHeaders.IF_MATCH)
            String ifMatch) {
        CrossCuttingOutcomeView o = service.addContributor(id, department, ifMatch);
        return ETags.ok(o, o.version());
    }

    @DELETE
    @Path("/{id}/contributors/{department}")
    @RolesAllowed({Roles.DEPARTMENT_EDITOR, Roles.CABINET_OFFICE_ADMIN})
    @Operation(summary = "Remove a contributor", description = "By the lead department's editors or the Cabinet"
            + " Office, with If-Match (the outcome's ETag). The lead cannot be removed. The part is kept: its metrics"
            + " and their data stay readable by id, and it comes back if the department is added again.")
    @APIResponse(responseCode = "200", description = "The outcome without the contributor", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CrossCuttingOutcomeView.class)))
    @APIResponse(responseCode = "400", description = "Not a department code, or a bad If-Match",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not the lead department or the Cabinet Office",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such outcome or contributor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The lead cannot be removed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match: nothing written",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "No If-Match: nothing written",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response removeContributor(@PathParam("id") String id, @PathParam("department") String department,
            @Parameter(required = true, description = "The outcome's ETag") @HeaderParam(HttpHeaders.IF_MATCH)
            String ifMatch) {
        CrossCuttingOutcomeView o = service.removeContributor(id, department, ifMatch);
        return ETags.ok(o, o.version());
    }

    @PUT
    @Path("/{id}/contributions/{department}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DEPARTMENT_EDITOR)
    @Operation(summary = "Write your department's part", description = "A contributor's editors write its own part"
            + " (summary, programmes, metrics), replaced as a whole, with If-Match (the part's version). No department"
            + " writes another's part. A metric named by id keeps its id and data; one with data cannot be removed.")
    @APIResponse(responseCode = "200", description = "The part", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ContributionView.class)))
    @APIResponse(responseCode = "400", description = "Not valid", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Another department's part",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such outcome, or the department does not contribute to it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A metric with data would be removed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match: nothing written",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "No If-Match: nothing written",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response writeContribution(@PathParam("id") String id, @PathParam("department") String department,
            @Parameter(required = true, description = "The part's version, as an ETag such as \"2\"")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull ContributionRequest request) {
        ContributionView c = service.writeContribution(id, department, ifMatch, request);
        return ETags.ok(c, c.version());
    }
}
