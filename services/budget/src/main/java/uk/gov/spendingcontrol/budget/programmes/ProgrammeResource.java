package uk.gov.spendingcontrol.budget.programmes;

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

@Path("/api/v1/programmes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Programmes", description = "Bodies of spending run by a lead department, with contributing departments")
public class ProgrammeResource {

    private final ProgrammeService service;

    public ProgrammeResource(ProgrammeService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({Roles.DEPARTMENT_READER, Roles.DEPARTMENT_EDITOR, Roles.DEPARTMENT_SYSTEM, Roles.TREASURY_SPENDING,
            Roles.TREASURY_APPROVER, Roles.CABINET_OFFICE_ADMIN})
    @Operation(summary = "List programmes", description = "A department sees the programmes it runs or contributes to.")
    @APIResponse(responseCode = "200", description = "A page of programmes, ordered by code")
    @APIResponse(responseCode = "400", description = "A bad limit or cursor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "The department is not the caller's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<ProgrammeView> list(@QueryParam("department") String department, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        return page.page(service.list(department, page), ProgrammeView::of, p -> p.code, uri);
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.DEPARTMENT_READER, Roles.DEPARTMENT_EDITOR, Roles.DEPARTMENT_SYSTEM, Roles.TREASURY_SPENDING,
            Roles.TREASURY_APPROVER, Roles.CABINET_OFFICE_ADMIN})
    @Operation(summary = "Get a programme")
    @APIResponse(responseCode = "200", description = "The programme; its version is also the ETag")
    @APIResponse(responseCode = "404", description = "No such programme, or not one of the caller's department",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("code") String code) {
        Programme p = service.get(code);
        return ETags.ok(ProgrammeView.of(p), p.version);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DEPARTMENT_EDITOR, Roles.TREASURY_SPENDING})
    @Operation(summary = "Create a programme",
            description = "A department editor creates a programme that their department leads; Treasury spending "
                    + "teams create one for any department. Its code begins with the lead department's code and a "
                    + "hyphen (DFE-...).")
    @APIResponse(responseCode = "201", description = "The programme")
    @APIResponse(responseCode = "400", description = "The request is not valid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The code is taken (by one of the caller's own programmes)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The code does not begin with the lead department's code",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull ProgrammeRequest request, @Context UriInfo uri) {
        Programme p = service.create(request);
        return ETags.created(uri.getAbsolutePathBuilder().path(p.code).build(), ProgrammeView.of(p), p.version);
    }

    @PUT
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DEPARTMENT_EDITOR, Roles.TREASURY_SPENDING})
    @Operation(summary = "Change a programme",
            description = "Send the version you read in If-Match (its ETag; docs/architecture.md, \"Optimistic "
                    + "concurrency\"): without it the answer is 428, with a stale one 412.")
    @APIResponse(responseCode = "200", description = "The programme as changed")
    @APIResponse(responseCode = "400", description = "The request is not valid, or If-Match is not an ETag of this API",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such programme",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Someone changed it since you read it (its ETag is in the answer)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "No If-Match",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response update(@PathParam("code") String code, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull ProgrammeRequest request) {
        Programme p = service.update(code, request, ifMatch);
        return ETags.ok(ProgrammeView.of(p), p.version);
    }
}
