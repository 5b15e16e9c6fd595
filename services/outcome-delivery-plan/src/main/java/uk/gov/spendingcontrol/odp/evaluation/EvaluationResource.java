package uk.gov.spendingcontrol.odp.evaluation;

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

@Path("/api/v1/evaluations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Evaluations", description = "Evaluation plans per outcome or programme: question, method, timing, status"
        + " and findings, with the published report")
public class EvaluationResource {

    private final EvaluationService service;
    private final IdempotentRequests idempotent;

    public EvaluationResource(EvaluationService service, IdempotentRequests idempotent) {
        this.service = service;
        this.idempotent = idempotent;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DEPARTMENT_EDITOR)
    @Operation(summary = "Plan an evaluation", description = "Of one priority outcome of the caller's department's"
            + " plans, one cross-cutting outcome it contributes to, or one programme.")
    @APIResponse(responseCode = "201", description = "The evaluation plan", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvaluationView.class)))
    @APIResponse(responseCode = "400", description = "Not valid", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for another request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response createEvaluation(@Valid @NotNull EvaluationRequest request, @Context UriInfo uri,
            @Parameter(description = "Makes the create safe to retry: the same key and request answer the first"
                    + " result again") @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @Context HttpHeaders headers) {
        return idempotent.create(headers, "POST /api/v1/evaluations", request, () -> {
            EvaluationView e = service.create(request);
            return ETags.created(uri.getBaseUriBuilder().path(EvaluationResource.class).path(e.id().toString()).build(),
                    e, e.version());
        });
    }

    @GET
    @RolesAllowed({Roles.DEPARTMENT_READER, Roles.DEPARTMENT_EDITOR, Roles.DEPARTMENT_SYSTEM, Roles.TREASURY_SPENDING,
            Roles.TREASURY_APPROVER, Roles.CABINET_OFFICE_ADMIN})
    @Operation(summary = "List evaluations", description = "A department its own; central roles every department's"
            + " (or one, with department). Paged by cursor.")
    @APIResponse(responseCode = "200", description = "A page of evaluations")
    @APIResponse(responseCode = "400", description = "A bad limit or cursor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Another department named by a department's user",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<EvaluationView> listEvaluations(
            @Parameter(description = "Department code; a department's users may only name their own")
            @QueryParam("department") String department,
            @Parameter(description = "Page size, 1 to 1000 (default 100)") @QueryParam("limit") Integer limit,
            @Parameter(description = "The nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        return page.page(service.list(department, page), e -> e, EvaluationView::id, uri);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.DEPARTMENT_READER, Roles.DEPARTMENT_EDITOR, Roles.DEPARTMENT_SYSTEM, Roles.TREASURY_SPENDING,
            Roles.TREASURY_APPROVER, Roles.CABINET_OFFICE_ADMIN})
    @Operation(summary = "Get an evaluation")
    @APIResponse(responseCode = "200", description = "The evaluation", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvaluationView.class)))
    @APIResponse(responseCode = "400", description = "A bad id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such evaluation, or another department's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response getEvaluation(@PathParam("id") UUID id) {
        EvaluationView e = service.get(id);
        return ETags.ok(e, e.version());
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DEPARTMENT_EDITOR)
    @Operation(summary = "Change an evaluation", description = "Replaces it as a whole (status, findings, the report's"
            + " link...), with If-Match (its ETag).")
    @APIResponse(responseCode = "200", description = "Changed", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvaluationView.class)))
    @APIResponse(responseCode = "400", description = "Not valid", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Another department's evaluation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such evaluation, or another department's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match: nothing written",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "No If-Match: nothing written",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response updateEvaluation(@PathParam("id") UUID id,
            @Parameter(required = true, description = "The evaluation's ETag") @HeaderParam(HttpHeaders.IF_MATCH)
            String ifMatch, @Valid @NotNull EvaluationRequest request) {
        EvaluationView e = service.update(id, ifMatch, request);
        return ETags.ok(e, e.version());
    }
}
