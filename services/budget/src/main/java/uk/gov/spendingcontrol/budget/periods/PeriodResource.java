package uk.gov.spendingcontrol.budget.periods;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.gov.spendingcontrol.common.problem.Problem;
import uk.gov.spendingcontrol.common.security.Roles;

@Path("/api/v1/financial-years/{financialYear}/periods")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Financial years", description = "Financial years (April to March) and their monthly periods")
public class PeriodResource {

    private final PeriodService periods;

    public PeriodResource(PeriodService periods) {
        this.periods = periods;
    }

    @GET
    @RolesAllowed({Roles.DEPARTMENT_READER, Roles.DEPARTMENT_EDITOR, Roles.DEPARTMENT_SYSTEM, Roles.TREASURY_SPENDING,
            Roles.TREASURY_APPROVER, Roles.CABINET_OFFICE_ADMIN})
    @Operation(summary = "The periods of a financial year", description = "Each with its dates and whether it is open.")
    @APIResponse(responseCode = "200", description = "Twelve periods")
    @APIResponse(responseCode = "400", description = "Not a financial year",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<PeriodView> list(@PathParam("financialYear") String financialYear) {
        return periods.periods(financialYear);
    }

    @POST
    @Path("/{period}/closure")
    @RolesAllowed(Roles.TREASURY_SPENDING)
    @Operation(summary = "Close a period", description = "No outturn may be submitted for a closed period. Idempotent.")
    @APIResponse(responseCode = "200", description = "The period, now closed")
    @APIResponse(responseCode = "400", description = "Not a financial year or period",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The period has not started",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PeriodView close(@PathParam("financialYear") String financialYear, @PathParam("period") int period) {
        return periods.close(financialYear, period);
    }
}
