package uk.gov.spendingcontrol.delegation.decisions;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.gov.spendingcontrol.common.problem.Problem;
import uk.gov.spendingcontrol.common.security.Roles;

@Path("/api/v1/delegation-rules/decisions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Approval decisions", description = "Whose approval a proposed spend needs under the current rules")
public class DecisionResource {

    private final DecisionService service;

    public DecisionResource(DecisionService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DEPARTMENT_READER, Roles.DEPARTMENT_EDITOR, Roles.DEPARTMENT_SYSTEM, Roles.TREASURY_SPENDING,
            Roles.TREASURY_APPROVER, Roles.CABINET_OFFICE_ADMIN})
    @Operation(summary = "Decide whose approval a spend needs",
            description = "Applies the department's current delegation to a proposed spend and answers DEPARTMENT, "
                    + "TREASURY or CABINET_OFFICE_SPEND_CONTROL, with the rule (or condition) that decided it and the "
                    + "version used. Novel, contentious or repercussive spend always needs the Treasury; a kind of "
                    + "spend without a rule needs the Treasury (the safe default). Writes nothing.")
    @APIResponse(responseCode = "200", description = "The decision")
    @APIResponse(responseCode = "400", description = "The request is not valid (field errors in 'errors')",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "The department named is not the caller's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Decision decide(@Valid @NotNull DecisionRequest request) {
        return service.decide(request);
    }
}
