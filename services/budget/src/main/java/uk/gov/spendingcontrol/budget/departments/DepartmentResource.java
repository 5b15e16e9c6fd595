package uk.gov.spendingcontrol.budget.departments;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.gov.spendingcontrol.common.paging.Page;
import uk.gov.spendingcontrol.common.paging.PageRequest;
import uk.gov.spendingcontrol.common.problem.Problem;
import uk.gov.spendingcontrol.common.problem.ProblemException;
import uk.gov.spendingcontrol.common.security.Roles;

@Path("/api/v1/departments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Departments", description = "The departments of central government (reference data)")
@RolesAllowed({Roles.DEPARTMENT_READER, Roles.DEPARTMENT_EDITOR, Roles.DEPARTMENT_SYSTEM, Roles.TREASURY_SPENDING,
        Roles.TREASURY_APPROVER, Roles.CABINET_OFFICE_ADMIN})
public class DepartmentResource {

    private final DepartmentRepository departments;

    public DepartmentResource(DepartmentRepository departments) {
        this.departments = departments;
    }

    @GET
    @Operation(summary = "List departments", description = "Every department, ordered by code.")
    @APIResponse(responseCode = "200", description = "A page of departments")
    @APIResponse(responseCode = "400", description = "A bad limit or cursor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<DepartmentView> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor,
            @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        return page.page(departments.pageAfter(page.after(), page.limit() + 1), DepartmentView::of, d -> d.code, uri);
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "Get a department")
    @APIResponse(responseCode = "200", description = "The department")
    @APIResponse(responseCode = "404", description = "No such department",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DepartmentView get(@PathParam("code") String code) {
        return departments.findByIdOptional(code.toUpperCase(Locale.ROOT)).map(DepartmentView::of)
                .orElseThrow(() -> ProblemException.notFound("Department", code));
    }
}
