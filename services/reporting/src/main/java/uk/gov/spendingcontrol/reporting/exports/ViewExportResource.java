package uk.gov.spendingcontrol.reporting.exports;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.gov.spendingcontrol.common.problem.Problem;
import uk.gov.spendingcontrol.common.problem.ProblemException;
import uk.gov.spendingcontrol.common.security.Caller;
import uk.gov.spendingcontrol.common.security.Roles;
import uk.gov.spendingcontrol.reporting.views.ViewResource;
import uk.gov.spendingcontrol.reporting.views.Viewer;

/** CSV and XLSX of the views, for signed-in users, with what each view shows them. */
@Path(ViewResource.PATH)
@Tag(name = "Exports")
public class ViewExportResource {

    private final ExportService exports;
    private final Caller caller;

    public ViewExportResource(ExportService exports, Caller caller) {
        this.exports = exports;
        this.caller = caller;
    }

    @GET
    @Path("/exports/{file}")
    @Produces({Writers.CSV, Writers.XLSX})
    @RolesAllowed({Roles.DEPARTMENT_READER, Roles.DEPARTMENT_EDITOR, Roles.DEPARTMENT_SYSTEM, Roles.TREASURY_SPENDING,
            Roles.TREASURY_APPROVER, Roles.CABINET_OFFICE_ADMIN})
    @Operation(summary = "Export a view", description = "government, department-programmes (with department), "
            + "approvals, compliance or link-check, as .csv or .xlsx, with what the view shows the caller.")
    @APIResponse(responseCode = "200", description = "The file",
            content = {@Content(mediaType = Writers.CSV, schema = @Schema(type = SchemaType.STRING)),
                @Content(mediaType = Writers.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "400", description = "A malformed parameter (errors[0].field names it)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "A role that may not read the views",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such export, or another department's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response exportView(@Parameter(description = "The view and format, such as government.csv")
            @PathParam("file") String file,
            @Parameter(description = ViewResource.YEAR_TEXT) @QueryParam("financialYear") String financialYear,
            @Parameter(description = "A department code") @QueryParam("department") String department) {
        ExportResource.FileName f = ExportResource.FileName.parse(file, ExportService.VIEWS);
        Table table = exports.view(Viewer.of(caller), f.name(), financialYear, department);
        return ExportResource.file(table, f, false);
    }
}
