package uk.gov.spendingcontrol.delegation.decisions;

import uk.gov.spendingcontrol.common.web.IdempotencyKeys;
import uk.gov.spendingcontrol.common.persistence.IdempotentRequests;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.HeaderParam;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.gov.spendingcontrol.common.paging.Page;
import uk.gov.spendingcontrol.common.paging.PageRequest;
import uk.gov.spendingcontrol.common.problem.Problem;
import uk.gov.spendingcontrol.common.security.Roles;

@Path(DecisionResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Decisions", description = "Explained decisions on spending proposals, recorded, as at any date")
public class DecisionResource {

    public static final String PATH = "/api/v1/delegation-rules/decisions";

    private final DecisionService service;
    private final IdempotentRequests idempotent;

    public DecisionResource(DecisionService service, IdempotentRequests idempotent) {
        this.service = service;
        this.idempotent = idempotent;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DEPARTMENT_READER, Roles.DEPARTMENT_EDITOR, Roles.DEPARTMENT_SYSTEM, Roles.TREASURY_SPENDING,
            Roles.TREASURY_APPROVER, Roles.CABINET_OFFICE_ADMIN})
    @Operation(summary = "Decide on a spending proposal", description = "Applies every rule set in force for the "
            + "department (today, or as at asAt) and answers WITHIN_DELEGATION or NEEDS_APPROVAL with the approvals "
            + "needed (Treasury, and which Cabinet Office spend controls), every rule that fired with its reason and "
            + "figures, the limits that held and the versions used. The decision is recorded (Location). With "
            + "submit=true, a department's editor or system submits the proposal: the approvals it needs are opened.")
    @APIResponse(responseCode = "201", description = "The decision, recorded")
    @APIResponse(responseCode = "400", description = "Not valid (field errors in 'errors')", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Submitting without being a department editor or system",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "The department named is not the caller's", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for another request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response decideProposal(@Valid @NotNull DecisionRequest request,
            @Parameter(description = "Makes the create safe to retry: the same key and request answer the first"
                    + " result again") @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @Context HttpHeaders headers) {
        return idempotent.create(headers, "POST " + PATH, request, () -> {
            DecisionView view = service.decide(request);
            return Response.created(URI.create(PATH + "/" + view.id())).entity(view).build();
        });
    }

    @GET
    @RolesAllowed({Roles.DEPARTMENT_READER, Roles.DEPARTMENT_EDITOR, Roles.DEPARTMENT_SYSTEM, Roles.TREASURY_SPENDING,
            Roles.TREASURY_APPROVER, Roles.CABINET_OFFICE_ADMIN})
    @Operation(summary = "List recorded decisions, newest first", description = "Departments see their own only.")
    @APIResponse(responseCode = "200", description = "One page of decisions")
    @APIResponse(responseCode = "400", description = "A bad parameter", content = @Content(mediaType =
            Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Another department", content = @Content(mediaType =
            Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<DecisionView> listDecisions(@QueryParam("department") String department,
            @QueryParam("submitted") Boolean submitted, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        return page.page(service.list(department, submitted, page), d -> d, DecisionView::seq, uri);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.DEPARTMENT_READER, Roles.DEPARTMENT_EDITOR, Roles.DEPARTMENT_SYSTEM, Roles.TREASURY_SPENDING,
            Roles.TREASURY_APPROVER, Roles.CABINET_OFFICE_ADMIN})
    @Operation(summary = "Read a recorded decision", description = "As it was made (not recomputed), with the "
            + "approvals of a submitted proposal, their outcomes and history.")
    @APIResponse(responseCode = "200", description = "The decision")
    @APIResponse(responseCode = "404", description = "No such decision, or another department's", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DecisionView getDecision(@PathParam("id") UUID id) {
        return service.get(id);
    }
}
