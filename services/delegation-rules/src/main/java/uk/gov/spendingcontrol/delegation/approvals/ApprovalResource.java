package uk.gov.spendingcontrol.delegation.approvals;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.gov.spendingcontrol.common.paging.Page;
import uk.gov.spendingcontrol.common.paging.PageRequest;
import uk.gov.spendingcontrol.common.problem.Problem;
import uk.gov.spendingcontrol.common.rest.ETags;
import uk.gov.spendingcontrol.common.security.Roles;
import uk.gov.spendingcontrol.common.web.EnumParameter;
import uk.gov.spendingcontrol.delegation.rulesets.CentralBody;

@Path("/api/v1/delegation-rules/approvals")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Approvals", description = "The approvals submitted proposals need, routed to the central approver roles")
public class ApprovalResource {

    private final ApprovalService service;

    public ApprovalResource(ApprovalService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({Roles.DEPARTMENT_READER, Roles.DEPARTMENT_EDITOR, Roles.DEPARTMENT_SYSTEM, Roles.TREASURY_SPENDING,
            Roles.TREASURY_APPROVER, Roles.CABINET_OFFICE_ADMIN})
    @Operation(summary = "List approvals, oldest first", description = "The pending list of an approver role is "
            + "status=PENDING&approver=TREASURY (treasury-approver) or approver=CABINET_OFFICE (cabinet-office-admin), "
            + "each with its age. Departments see their own approvals only.")
    @APIResponse(responseCode = "200", description = "One page of approvals")
    @APIResponse(responseCode = "400", description = "A bad parameter", content = @Content(mediaType =
            Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Another department", content = @Content(mediaType =
            Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<ApprovalView> listApprovals(@QueryParam("department") String department,
            @Parameter(description = "TREASURY or CABINET_OFFICE") @QueryParam("approver") String approver,
            @Parameter(description = "PENDING, APPROVED or REJECTED") @QueryParam("status") String status,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        return page.page(service.list(department, EnumParameter.parse(CentralBody.class, "approver", approver),
                EnumParameter.parse(ApprovalStatus.class, "status", status), page), a -> a, ApprovalView::seq, uri);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.DEPARTMENT_READER, Roles.DEPARTMENT_EDITOR, Roles.DEPARTMENT_SYSTEM, Roles.TREASURY_SPENDING,
            Roles.TREASURY_APPROVER, Roles.CABINET_OFFICE_ADMIN})
    @Operation(summary = "Read an approval", description = "With its history and age; ETag is its revision.")
    @APIResponse(responseCode = "200", description = "The approval")
    @APIResponse(responseCode = "404", description = "No such approval, or another department's", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response getApproval(@PathParam("id") UUID id) {
        ApprovalView view = service.get(id);
        return ETags.ok(view, view.revision());
    }

    @POST
    @Path("{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TREASURY_APPROVER, Roles.CABINET_OFFICE_ADMIN})
    @Operation(summary = "Approve or reject", description = "By the approver role the approval is routed to, with "
            + "If-Match, once. Rejecting needs a comment; conditions may be attached to an approval.")
    @APIResponse(responseCode = "200", description = "Decided")
    @APIResponse(responseCode = "400", description = "Not valid (a rejection without a comment...)", content =
            @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Routed to another body", content = @Content(mediaType =
            Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such approval", content = @Content(mediaType =
            Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already decided", content = @Content(mediaType =
            Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is stale", content = @Content(mediaType =
            Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing", content = @Content(mediaType =
            Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response decideApproval(@PathParam("id") UUID id, @Valid @NotNull ApprovalDecision decision,
            @Parameter(description = "The approval's ETag") @HeaderParam("If-Match") String ifMatch) {
        ApprovalView view = service.decide(id, decision, ifMatch);
        return ETags.ok(view, view.revision());
    }
}
