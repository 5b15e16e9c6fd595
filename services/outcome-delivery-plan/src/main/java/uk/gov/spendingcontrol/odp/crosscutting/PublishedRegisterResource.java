package uk.gov.spendingcontrol.odp.crosscutting;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.gov.spendingcontrol.common.paging.Page;
import uk.gov.spendingcontrol.common.paging.PageRequest;
import uk.gov.spendingcontrol.common.problem.Problem;

/** The register of cross-cutting outcomes as open data: no login. */
@Path("/api/v1/published/cross-cutting-outcomes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Published cross-cutting outcomes", description = "Open data: the register of cross-cutting outcomes,"
        + " their lead and contributing departments")
@PermitAll
public class PublishedRegisterResource {

    private final CrossCuttingOutcomeService service;

    public PublishedRegisterResource(CrossCuttingOutcomeService service) {
        this.service = service;
    }

    @GET
    @PermitAll
    @Operation(summary = "The register of cross-cutting outcomes", description = "By id, paged by cursor. No login.",
            extensions = @Extension(name = "x-public", value = "true", parseValue = true))
    @APIResponse(responseCode = "200", description = "A page of the register")
    @APIResponse(responseCode = "400", description = "A bad filter, limit or cursor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<CrossCuttingOutcomeSummary> listRegister(
            @Parameter(description = "A contributing department, such as DFE") @QueryParam("department")
            String department,
            @Parameter(description = "ACTIVE or RETIRED") @QueryParam("status") String status,
            @Parameter(description = "Page size, 1 to 1000 (default 100)") @QueryParam("limit") Integer limit,
            @Parameter(description = "The nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        return page.page(service.listRegister(department, status, page), o -> o, CrossCuttingOutcomeSummary::id, uri);
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(summary = "One cross-cutting outcome of the register", description = "No login.",
            extensions = @Extension(name = "x-public", value = "true", parseValue = true))
    @APIResponse(responseCode = "200", description = "The outcome", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CrossCuttingOutcomeSummary.class)))
    @APIResponse(responseCode = "400", description = "The id is not of the register's form",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such outcome",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CrossCuttingOutcomeSummary getRegisterEntry(@PathParam("id") String id) {
        return service.summary(id);
    }
}
