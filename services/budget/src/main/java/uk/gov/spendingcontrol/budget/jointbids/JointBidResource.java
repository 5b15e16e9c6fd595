package uk.gov.spendingcontrol.budget.jointbids;

import uk.gov.spendingcontrol.common.web.IdempotencyKeys;
import uk.gov.spendingcontrol.common.persistence.IdempotentRequests;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import jakarta.ws.rs.core.HttpHeaders;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.gov.spendingcontrol.common.paging.Page;
import uk.gov.spendingcontrol.common.paging.PageRequest;
import uk.gov.spendingcontrol.common.problem.Problem;
import uk.gov.spendingcontrol.common.rest.ETags;
import uk.gov.spendingcontrol.common.security.Roles;

@Path("/api/v1/joint-bids")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Joint bids", description = "Spending review bids made by several departments together")
public class JointBidResource {

    private final JointBidService service;
    private final IdempotentRequests idempotent;

    public JointBidResource(JointBidService service, IdempotentRequests idempotent) {
        this.service = service;
        this.idempotent = idempotent;
    }

    @GET
    @RolesAllowed({Roles.DEPARTMENT_READER, Roles.DEPARTMENT_EDITOR, Roles.TREASURY_SPENDING, Roles.TREASURY_APPROVER,
            Roles.CABINET_OFFICE_ADMIN})
    @Operation(summary = "List joint bids", description = "A department sees the bids it leads or takes part in.")
    @APIResponse(responseCode = "200", description = "A page of joint bids")
    @APIResponse(responseCode = "400", description = "A bad query parameter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<JointBidView> list(@QueryParam("status") String status, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        return page.page(service.list(status, page), JointBidView::of, b -> b.id, uri);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.DEPARTMENT_READER, Roles.DEPARTMENT_EDITOR, Roles.TREASURY_SPENDING, Roles.TREASURY_APPROVER,
            Roles.CABINET_OFFICE_ADMIN})
    @Operation(summary = "Get a joint bid")
    @APIResponse(responseCode = "200", description = "The bid; its version is also the ETag")
    @APIResponse(responseCode = "404", description = "No such bid, or one the caller's department takes no part in",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id) {
        return ok(service.get(id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DEPARTMENT_EDITOR)
    @Operation(summary = "Draft a joint bid", description = "The caller's department leads it.")
    @APIResponse(responseCode = "201", description = "The bid, as a DRAFT")
    @APIResponse(responseCode = "400", description = "The request is not valid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for another request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull JointBidRequest request, @Context UriInfo uri,
            @Parameter(description = "Makes the create safe to retry: the same key and request answer the first"
                    + " result again") @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @Context HttpHeaders headers) {
        return idempotent.create(headers, "POST /api/v1/joint-bids", request, () -> {
            JointBid b = service.create(request);
            return ETags.created(uri.getAbsolutePathBuilder().path(b.id.toString()).build(), JointBidView.of(b),
                    b.version);
        });
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DEPARTMENT_EDITOR)
    @Operation(summary = "Change a draft joint bid", description = "Lead department's editors only, while DRAFT. Send "
            + "the version you read in If-Match (docs/architecture.md, \"Optimistic concurrency\").")
    @APIResponse(responseCode = "200", description = "The bid as changed")
    @APIResponse(responseCode = "400", description = "The request is not valid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such bid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The bid is no longer a draft",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Someone changed it since you read it (its ETag is in the answer)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "No If-Match",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull JointBidRequest request) {
        return ok(service.update(id, request, ifMatch));
    }

    @POST
    @Path("/{id}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DEPARTMENT_EDITOR, Roles.TREASURY_APPROVER})
    @Operation(summary = "Submit, approve or reject a joint bid",
            description = "The lead department's editors submit a DRAFT; Treasury approvers approve or reject a "
                    + "SUBMITTED bid (a rejection needs a comment). Every change is kept. Send the version you read in "
                    + "If-Match.")
    @APIResponse(responseCode = "200", description = "The bid with its new status")
    @APIResponse(responseCode = "400", description = "The request is not valid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such bid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not allowed from the bid's current status",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Someone changed it since you read it (its ETag is in the answer)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "No If-Match",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response changeStatus(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull StatusChange change) {
        return ok(service.changeStatus(id, change, ifMatch));
    }

    private static Response ok(JointBid b) {
        return ETags.ok(JointBidView.of(b), b.version);
    }
}
