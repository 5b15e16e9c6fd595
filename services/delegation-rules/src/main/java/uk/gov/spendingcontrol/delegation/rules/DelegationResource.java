package uk.gov.spendingcontrol.delegation.rules;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import uk.gov.spendingcontrol.common.rest.ETags;
import uk.gov.spendingcontrol.common.security.Roles;
import uk.gov.spendingcontrol.common.web.Versions;

@Path("/api/v1/delegation-rules")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Delegation rules", description = "Each department's delegated authority: thresholds by kind of spend and "
        + "whole-life cost, and who approves above them. Versioned: a change is a new version, none is overwritten.")
public class DelegationResource {

    private final DelegationService service;

    public DelegationResource(DelegationService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({Roles.DEPARTMENT_READER, Roles.DEPARTMENT_EDITOR, Roles.DEPARTMENT_SYSTEM, Roles.TREASURY_SPENDING,
            Roles.TREASURY_APPROVER, Roles.CABINET_OFFICE_ADMIN})
    @Operation(summary = "Current delegations",
            description = "The current version of every delegation the caller may see (a department its own, central "
                    + "roles all), ordered by department code, paged by cursor.")
    @APIResponse(responseCode = "200", description = "A page of current delegations")
    @APIResponse(responseCode = "400", description = "A bad limit or cursor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<DelegationView> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor,
            @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        return page.page(service.current(page), d -> d, DelegationView::department, uri);
    }

    @GET
    @Path("/{department}")
    @RolesAllowed({Roles.DEPARTMENT_READER, Roles.DEPARTMENT_EDITOR, Roles.DEPARTMENT_SYSTEM, Roles.TREASURY_SPENDING,
            Roles.TREASURY_APPROVER, Roles.CABINET_OFFICE_ADMIN})
    @Operation(summary = "A department's current delegation",
            description = "The current version of the department's rules. Its ETag is the version number: send it as "
                    + "If-Match when replacing the rules.")
    @APIResponse(responseCode = "200", description = "The current version",
            headers = @Header(name = HttpHeaders.ETAG, description = "The version number, quoted",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DelegationView.class)))
    @APIResponse(responseCode = "404", description = "The department has no delegation, or is not the caller's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response current(
            @Parameter(description = "Department code; departments may only name their own", example = "DHSC")
            @PathParam("department") String department) {
        DelegationView d = service.current(department);
        return ETags.ok(d, d.version());
    }

    @GET
    @Path("/{department}/versions")
    @RolesAllowed({Roles.DEPARTMENT_READER, Roles.DEPARTMENT_EDITOR, Roles.DEPARTMENT_SYSTEM, Roles.TREASURY_SPENDING,
            Roles.TREASURY_APPROVER, Roles.CABINET_OFFICE_ADMIN})
    @Operation(summary = "A department's delegation history",
            description = "Every version of the department's rules, oldest first, paged by cursor. Versions are never "
                    + "overwritten or deleted.")
    @APIResponse(responseCode = "200", description = "A page of versions")
    @APIResponse(responseCode = "400", description = "A bad limit or cursor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "The department has no delegation, or is not the caller's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<DelegationView> versions(
            @Parameter(description = "Department code; departments may only name their own", example = "DHSC")
            @PathParam("department") String department,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        return page.page(service.versions(department, page), d -> d, DelegationView::version, uri);
    }

    @GET
    @Path("/{department}/versions/{version}")
    @RolesAllowed({Roles.DEPARTMENT_READER, Roles.DEPARTMENT_EDITOR, Roles.DEPARTMENT_SYSTEM, Roles.TREASURY_SPENDING,
            Roles.TREASURY_APPROVER, Roles.CABINET_OFFICE_ADMIN})
    @Operation(summary = "One version of a department's delegation",
            description = "The rules as they were set in that version.")
    @APIResponse(responseCode = "200", description = "The version (its ETag is its version number)",
            headers = @Header(name = HttpHeaders.ETAG, description = "The version number, quoted",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DelegationView.class)))
    @APIResponse(responseCode = "404", description = "No such version, or the department is not the caller's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response version(
            @Parameter(description = "Department code; departments may only name their own", example = "DHSC")
            @PathParam("department") String department,
            @Parameter(description = "Version number, from 1", example = "1") @PathParam("version") int version) {
        DelegationView d = service.version(department, version);
        return ETags.ok(d, d.version());
    }

    @PUT
    @Path("/{department}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CABINET_OFFICE_ADMIN)
    @Operation(summary = "Replace a department's rules",
            description = "Sets the department's whole set of rules as a new version, recording who, when and why; "
                    + "earlier versions are kept. Send the version you read and are replacing in If-Match (its ETag), "
                    + "or If-None-Match: * for a department's first delegation (docs/architecture.md, \"Optimistic "
                    + "concurrency\"): if the condition does not hold the change is refused and nothing is written. "
                    + "Every new version is also written to the change feed.")
    @APIResponse(responseCode = "200", description = "The new version (the department's rules were replaced)",
            headers = @Header(name = HttpHeaders.ETAG, description = "The new version number, quoted",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DelegationView.class)))
    @APIResponse(responseCode = "201", description = "The first version of the department's delegation",
            headers = @Header(name = HttpHeaders.ETAG, description = "The new version number, quoted",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DelegationView.class)))
    @APIResponse(responseCode = "400", description = "The request is not valid (field errors in 'errors'), or a "
            + "condition header is not one of ours",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is not the current version, or If-None-Match: * while "
            + "the department has a delegation (the current ETag is in the answer): nothing was written",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "Neither If-Match nor If-None-Match: nothing was written",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response replace(
            @Parameter(description = "Department code", example = "DHSC") @PathParam("department") String department,
            @Parameter(description = "The ETag of the version you read and are replacing, such as \"2\"")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Parameter(description = "* to set a department's first delegation (only if it has none)")
            @HeaderParam(Versions.IF_NONE_MATCH) String ifNoneMatch,
            @Valid @NotNull DelegationRequest request, @Context UriInfo uri) {
        DelegationService.Replaced replaced = service.replace(department, request, ifMatch, ifNoneMatch);
        DelegationView d = replaced.delegation();
        Response.ResponseBuilder response = replaced.first()
                ? Response.status(Response.Status.CREATED)
                : Response.ok();
        return ETags.tagged(response.entity(d), d.version())
                .location(uri.getBaseUriBuilder().path("/api/v1/delegation-rules/{department}/versions/{version}")
                        .build(d.department(), d.version()))
                .build();
    }
}
