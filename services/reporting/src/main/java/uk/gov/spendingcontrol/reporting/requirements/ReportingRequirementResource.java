package uk.gov.spendingcontrol.reporting.requirements;

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
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
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

@Path("/api/v1/reporting-requirements")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reporting requirements",
        description = "The returns the centre asks departments for: what, how often, by when, from whom, and whether "
                + "live data already satisfies them")
public class ReportingRequirementResource {

    private final ReportingRequirementService service;
    private final IdempotentRequests idempotent;

    public ReportingRequirementResource(ReportingRequirementService service, IdempotentRequests idempotent) {
        this.service = service;
        this.idempotent = idempotent;
    }

    @GET
    @RolesAllowed({Roles.DEPARTMENT_READER, Roles.DEPARTMENT_EDITOR, Roles.DEPARTMENT_SYSTEM, Roles.TREASURY_SPENDING,
            Roles.TREASURY_APPROVER, Roles.CABINET_OFFICE_ADMIN})
    @Operation(summary = "List reporting requirements",
            description = "The requirements the caller sees, ordered by code: Treasury and Cabinet Office roles see "
                    + "all; a department's users and systems see those that apply to their department. Retired "
                    + "requirements are included unless filtered out.")
    @APIResponse(responseCode = "200", description = "A page of requirements")
    @APIResponse(responseCode = "400", description = "A bad filter, limit or cursor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<RequirementView> listRequirements(
            @Parameter(description = "ACTIVE or RETIRED (exact names)") @QueryParam("status") String status,
            @Parameter(description = "MONTHLY, QUARTERLY, ANNUALLY or AD_HOC (exact names)") @QueryParam("frequency")
            String frequency,
            @Parameter(description = "Page size, 1 to 1000 (default 100)") @QueryParam("limit") Integer limit,
            @Parameter(description = "The nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        return page.page(service.list(status, frequency, page), v -> v, RequirementView::code, uri);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.DEPARTMENT_READER, Roles.DEPARTMENT_EDITOR, Roles.DEPARTMENT_SYSTEM, Roles.TREASURY_SPENDING,
            Roles.TREASURY_APPROVER, Roles.CABINET_OFFICE_ADMIN})
    @Operation(summary = "Get a reporting requirement",
            description = "Its current state; the ETag is its version, to send back in If-Match when replacing it.")
    @APIResponse(responseCode = "200", description = "The requirement",
            headers = @Header(name = HttpHeaders.ETAG, description = "The version, such as \"3\"",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RequirementView.class)))
    @APIResponse(responseCode = "404", description = "No such requirement, or it does not apply to the caller's department",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response getRequirement(@PathParam("id") UUID id) {
        return withETag(Response.ok(), service.get(id));
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.DEPARTMENT_READER, Roles.DEPARTMENT_EDITOR, Roles.DEPARTMENT_SYSTEM, Roles.TREASURY_SPENDING,
            Roles.TREASURY_APPROVER, Roles.CABINET_OFFICE_ADMIN})
    @Operation(summary = "History of a reporting requirement",
            description = "Every state it has had, oldest first: version 1 when created, then one per change, each "
                    + "with who made it and when. Nothing is overwritten.")
    @APIResponse(responseCode = "200", description = "A page of versions")
    @APIResponse(responseCode = "400", description = "A bad limit or cursor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such requirement, or it does not apply to the caller's department",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<RequirementVersionView> requirementHistory(@PathParam("id") UUID id,
            @Parameter(description = "Page size, 1 to 1000 (default 100)") @QueryParam("limit") Integer limit,
            @Parameter(description = "The nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        return page.page(service.history(id, page), v -> v, RequirementVersionView::version, uri);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CABINET_OFFICE_ADMIN)
    @Operation(summary = "Create a reporting requirement",
            description = "A new requirement, active at once, at version 1. Its code is unique and never changes.")
    @APIResponse(responseCode = "201", description = "The requirement, as recorded",
            headers = {
                @Header(name = HttpHeaders.LOCATION, description = "Where to read it",
                        schema = @Schema(type = SchemaType.STRING)),
                @Header(name = HttpHeaders.ETAG, description = "Its version, \"1\"",
                        schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RequirementView.class)))
    @APIResponse(responseCode = "400", description = "The request is not valid; 'errors' names the fields",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The code is already used",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for another request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response createRequirement(@Valid @NotNull RequirementRequest request, @Context UriInfo uri,
            @Parameter(description = "Makes the create safe to retry: the same key and request answer the first"
                    + " result again") @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @Context HttpHeaders headers) {
        return idempotent.create(headers, "POST /api/v1/reporting-requirements", request, () -> {
            RequirementView created = service.create(request);
            return withETag(Response.created(uri.getBaseUriBuilder().path("/api/v1/reporting-requirements/{id}")
                    .build(created.id())), created);
        });
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CABINET_OFFICE_ADMIN)
    @Operation(summary = "Replace a reporting requirement",
            description = "Replaces its content (not its code) and keeps the previous state in its history. Name the "
                    + "version you read in If-Match (its ETag, docs/architecture.md \"Optimistic concurrency\"): without "
                    + "it the answer is 428, with a stale one 412, so no change is lost. A request that changes nothing "
                    + "makes no new version.")
    @APIResponse(responseCode = "200", description = "The requirement, as now recorded",
            headers = @Header(name = HttpHeaders.ETAG, description = "Its new version",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RequirementView.class)))
    @APIResponse(responseCode = "400", description = "The request is not valid ('errors' names the fields), or "
            + "If-Match is not an ETag of this API",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such requirement",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The requirement is retired",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match does not name the current version (its ETag is in the "
            + "answer): nothing was written",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "No If-Match: nothing was written",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The code would change",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response replaceRequirement(@PathParam("id") UUID id,
            @Parameter(in = ParameterIn.HEADER, required = true,
                    description = "The ETag of the version you read, such as \"3\"")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull RequirementRequest request) {
        return withETag(Response.ok(), service.replace(id, ifMatch, request));
    }

    @POST
    @Path("/{id}/retirement")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CABINET_OFFICE_ADMIN)
    @Operation(summary = "Retire a reporting requirement",
            description = "Departments are no longer asked for it. It stays readable, with its history; a retired "
                    + "requirement cannot be changed again. Send the version you read in If-Match, as for any change.")
    @APIResponse(responseCode = "200", description = "The requirement, retired",
            headers = @Header(name = HttpHeaders.ETAG, description = "Its new version",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RequirementView.class)))
    @APIResponse(responseCode = "400", description = "The request is not valid ('errors' names the fields), or "
            + "If-Match is not an ETag of this API",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such requirement",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "It is already retired",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match does not name the current version (its ETag is in the "
            + "answer): nothing was written",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "No If-Match: nothing was written",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response retireRequirement(@PathParam("id") UUID id,
            @Parameter(in = ParameterIn.HEADER, required = true,
                    description = "The ETag of the version you read, such as \"3\"")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull RetirementRequest request) {
        return withETag(Response.ok(), service.retire(id, ifMatch, request));
    }

    private static Response withETag(Response.ResponseBuilder response, RequirementView view) {
        return ETags.tagged(response.entity(view), view.version()).build();
    }
}
