package uk.gov.spendingcontrol.delegation.impact;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.gov.spendingcontrol.common.problem.Problem;
import uk.gov.spendingcontrol.common.security.Roles;
import uk.gov.spendingcontrol.delegation.rulesets.RuleSetResource;

@Path(RuleSetResource.PATH + "/{id}/versions/{number}/impact")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Rule sets")
public class ImpactResource {

    private final ImpactService service;

    public ImpactResource(ImpactService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({Roles.TREASURY_SPENDING, Roles.TREASURY_APPROVER, Roles.CABINET_OFFICE_ADMIN})
    @Operation(summary = "The impact of a draft", description = "Replays the department's recorded proposals of the "
            + "last N months (decisions asked as at the day they were recorded) against the draft and against the "
            + "version it would replace: which decisions would change, how, and totals by category. Writes nothing.")
    @APIResponse(responseCode = "200", description = "The impact")
    @APIResponse(responseCode = "400", description = "A bad parameter", content = @Content(mediaType =
            Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such version", content = @Content(mediaType =
            Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not a draft", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    public ImpactView impactOfDraft(@PathParam("id") UUID id, @PathParam("number") int number,
            @Parameter(description = "The replay window in months, 1 to 36 (default 12)")
            @QueryParam("months") Integer months) {
        return service.impact(id, number, months);
    }
}
