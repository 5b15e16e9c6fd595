package uk.gov.spendingcontrol.budget.allocations;

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
import java.util.List;
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

@Path("/api/v1/allocations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Allocations", description = "A department's allocation of its control totals to its programmes")
public class AllocationResource {

    private final AllocationService service;

    public AllocationResource(AllocationService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({Roles.DEPARTMENT_READER, Roles.DEPARTMENT_EDITOR, Roles.DEPARTMENT_SYSTEM, Roles.TREASURY_SPENDING,
            Roles.TREASURY_APPROVER, Roles.CABINET_OFFICE_ADMIN})
    @Operation(summary = "List allocations")
    @APIResponse(responseCode = "200", description = "A page of allocations")
    @APIResponse(responseCode = "400", description = "A bad query parameter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "The department is not the caller's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<AllocationView> list(@QueryParam("department") String department,
            @QueryParam("financialYear") String financialYear, @QueryParam("programme") String programme,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        return page.page(service.list(department, financialYear, programme, page), AllocationView::of, a -> a.id, uri);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.DEPARTMENT_READER, Roles.DEPARTMENT_EDITOR, Roles.DEPARTMENT_SYSTEM, Roles.TREASURY_SPENDING,
            Roles.TREASURY_APPROVER, Roles.CABINET_OFFICE_ADMIN})
    @Operation(summary = "Get an allocation")
    @APIResponse(responseCode = "200", description = "The allocation; its version is also the ETag")
    @APIResponse(responseCode = "404", description = "No such allocation, or another department's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") long id) {
        Allocation a = service.get(id);
        return ETags.ok(AllocationView.of(a), a.version);
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.DEPARTMENT_READER, Roles.DEPARTMENT_EDITOR, Roles.DEPARTMENT_SYSTEM, Roles.TREASURY_SPENDING,
            Roles.TREASURY_APPROVER, Roles.CABINET_OFFICE_ADMIN})
    @Operation(summary = "Every version of an allocation", description = "Oldest first; nothing is overwritten.")
    @APIResponse(responseCode = "200", description = "The versions")
    @APIResponse(responseCode = "404", description = "No such allocation, or another department's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<AllocationView.Version> history(@PathParam("id") long id) {
        return service.history(id).stream().map(AllocationView.Version::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DEPARTMENT_EDITOR)
    @Operation(summary = "Set an allocation",
            description = "Allocates part of the department's control total to a programme it runs or contributes "
                    + "to. Changing an existing allocation needs the version you read, in If-Match (docs/architecture.md,"
                    + " \"Optimistic concurrency\"). Refused when the department's allocations would exceed the control "
                    + "total.")
    @APIResponse(responseCode = "200", description = "The allocation as set")
    @APIResponse(responseCode = "400", description = "The request is not valid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Someone changed the allocation since you read it (its ETag is in "
            + "the answer), or If-Match names an allocation that does not exist yet",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "The allocation exists and no If-Match was sent",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Unknown programme, or the control total would be exceeded",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response allocate(@HeaderParam("If-Match") String ifMatch, @Valid @NotNull AllocationRequest request) {
        Allocation a = service.allocate(request, ifMatch);
        return ETags.ok(AllocationView.of(a), a.version);
    }
}
