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

/**
 * CSV and XLSX of the open datasets, and the Fiscal Data Package of budgets, forecasts
 * and outturn (open). Files are written row by row as they are read.
 */
@Path("/api/v1/open")
@Tag(name = "Exports", description = "CSV and XLSX of the views and of open data; the Fiscal Data Package")
public class ExportResource {

    private final ExportService exports;

    public ExportResource(ExportService exports) {
        this.exports = exports;
    }

    /** A file name such as government.csv: the view and the format. */
    public record FileName(String name, String extension) {
        public static FileName parse(String file, List<String> names) {
            int dot = file.lastIndexOf('.');
            String name = dot < 0 ? file : file.substring(0, dot);
            String ext = dot < 0 ? "" : file.substring(dot + 1);
            if (!names.contains(name) || !(ext.equals("csv") || ext.equals("xlsx"))) {
                throw ProblemException.notFound("Export", file);
            }
            return new FileName(name, ext);
        }
    }

    @GET
    @Path("/exports/{file}")
    @PermitAll
    @Produces({Writers.CSV, Writers.XLSX})
    @Operation(summary = "Export open data", description = "spending (budgets, forecasts and outturn by year, "
            + "department, programme and boundary) or published-plans, as .csv or .xlsx. No login needed.",
            extensions = @Extension(name = "x-public", value = "true", parseValue = true))
    @APIResponse(responseCode = "200", description = "The file",
            content = {@Content(mediaType = Writers.CSV, schema = @Schema(type = SchemaType.STRING)),
                @Content(mediaType = Writers.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "400", description = "A malformed financialYear",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such export",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response exportOpenData(@Parameter(description = "The dataset and format, such as spending.csv")
            @PathParam("file") String file,
            @Parameter(description = "Only this financial year (spending)") @QueryParam("financialYear")
            String financialYear) {
        FileName f = FileName.parse(file, ExportService.OPEN);
        Table table = f.name().equals("spending") ? exports.spending(financialYear) : null;
        return file(table == null ? QuarkusTransaction.requiringNew().call(exports::publishedPlans) : table, f, true);
    }

    @GET
    @Path("/fiscal-data-package/datapackage.json")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Fiscal Data Package descriptor", description = "The Data Package (profile "
            + "tabular-data-package, with the Fiscal Data Package model) of budgets, forecasts and outturn; its "
            + "resource is spending.csv beside it. No login needed.",
            extensions = @Extension(name = "x-public", value = "true", parseValue = true))
    @APIResponse(responseCode = "200", description = "datapackage.json",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    public Map<String, Object> fiscalDataPackage() {
        return FiscalDataPackage.descriptor();
    }

    @GET
    @Path("/fiscal-data-package/spending.csv")
    @PermitAll
    @Produces(Writers.CSV)
    @Operation(summary = "Fiscal Data Package resource", description = "spending.csv of the Fiscal Data Package. No "
            + "login needed.", extensions = @Extension(name = "x-public", value = "true", parseValue = true))
    @APIResponse(responseCode = "200", description = "The CSV",
            content = @Content(mediaType = Writers.CSV, schema = @Schema(type = SchemaType.STRING)))
    public Response fiscalDataPackageSpending() {
        return file(exports.spending(null), new FileName("spending", "csv"), true);
    }

    static Response file(Table table, FileName f, boolean inTransaction) {
        boolean csv = f.extension().equals("csv");
        StreamingOutput body = out -> {
            Runnable write = () -> {
                try {
                    if (csv) {
                        Writers.csv(table, out);
                    } else {
                        Writers.xlsx(table, out);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            };
            try {
                if (inTransaction) {
                    QuarkusTransaction.requiringNew().run(write);
                } else {
                    write.run();
                }
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        };
        return Response.ok(body, csv ? Writers.CSV + ";charset=utf-8" : Writers.XLSX)
                .header("Content-Disposition", "attachment; filename=\"" + f.name() + "." + f.extension() + "\"")
                .build();
    }
}
