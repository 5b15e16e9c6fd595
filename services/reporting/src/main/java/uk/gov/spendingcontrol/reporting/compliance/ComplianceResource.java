package uk.gov.spendingcontrol.reporting.compliance;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.gov.spendingcontrol.common.problem.Problem;
import uk.gov.spendingcontrol.common.security.Caller;
import uk.gov.spendingcontrol.common.security.Roles;
import uk.gov.spendingcontrol.common.web.IdempotencyKeys;
import uk.gov.spendingcontrol.reporting.compliance.ComplianceRecords.Burden;
import uk.gov.spendingcontrol.reporting.compliance.ComplianceRecords.Compliance;
import uk.gov.spendingcontrol.reporting.compliance.ComplianceRecords.SubmissionRequest;
import uk.gov.spendingcontrol.reporting.compliance.ComplianceRecords.SubmissionView;
import uk.gov.spendingcontrol.reporting.views.ViewResource;
import uk.gov.spendingcontrol.reporting.views.Viewer;

/** Compliance with the reporting requirements, who is late, and the burden figure (docs/reporting.md). */
@Path(ViewResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Compliance and burden", description = "Which returns live data already meets, which were sent by hand, "
        + "which are late")
@APIResponse(responseCode = "400", description = "A malformed parameter or body (errors[0].field names it)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "A role that may not do this",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ComplianceResource {

    private final ComplianceService service;
    private final Caller caller;

    public ComplianceResource(ComplianceService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Path("/compliance")
    @RolesAllowed({Roles.DEPARTMENT_READER, Roles.DEPARTMENT_EDITOR, Roles.DEPARTMENT_SYSTEM, Roles.TREASURY_SPENDING,
            Roles.TREASURY_APPROVER, Roles.CABINET_OFFICE_ADMIN})
    @Operation(summary = "Compliance", description = "Every active requirement, department and ended period of the "
            + "year: MET_BY_LIVE_DATA, SUBMITTED, SUBMITTED_LATE, LATE or DUE. A department sees its own.")
    @APIResponse(responseCode = "200", description = "The rows",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Compliance.class)))
    @APIResponse(responseCode = "404", description = "Another department than the caller's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Compliance compliance(
            @Parameter(description = ViewResource.YEAR_TEXT) @QueryParam("financialYear") String financialYear,
            @Parameter(description = "A department code (central roles)") @QueryParam("department") String department) {
        return service.compliance(Viewer.of(caller), financialYear, department);
    }

    @GET
    @Path("/compliance/late")
    @RolesAllowed({Roles.DEPARTMENT_READER, Roles.DEPARTMENT_EDITOR, Roles.DEPARTMENT_SYSTEM, Roles.TREASURY_SPENDING,
            Roles.TREASURY_APPROVER, Roles.CABINET_OFFICE_ADMIN})
    @Operation(summary = "Who is late", description = "The returns past their due date with nothing sent (LATE) or "
            + "sent after it (SUBMITTED_LATE), oldest due date first.")
    @APIResponse(responseCode = "200", description = "The late rows",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Compliance.class)))
    public Compliance lateReturns(
            @Parameter(description = ViewResource.YEAR_TEXT) @QueryParam("financialYear") String financialYear) {
        return service.late(Viewer.of(caller), financialYear);
    }

    @GET
    @Path("/burden")
    @RolesAllowed({Roles.DEPARTMENT_READER, Roles.DEPARTMENT_EDITOR, Roles.DEPARTMENT_SYSTEM, Roles.TREASURY_SPENDING,
            Roles.TREASURY_APPROVER, Roles.CABINET_OFFICE_ADMIN})
    @Operation(summary = "The burden figure", description = "Returns required against returns that live data already "
            + "meets, overall, per department and per period end.")
    @APIResponse(responseCode = "200", description = "The burden",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Burden.class)))
    public Burden burden(
            @Parameter(description = ViewResource.YEAR_TEXT) @QueryParam("financialYear") String financialYear) {
        return service.burden(Viewer.of(caller), financialYear);
    }

    @POST
    @Path("/compliance/submissions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DEPARTMENT_EDITOR, Roles.DEPARTMENT_SYSTEM})
    @Operation(summary = "Record a return sent by hand", description = "For the caller's department (from the token), "
            + "a requirement and a period. Once each: a repeat answers 409, unless it carries the Idempotency-Key of "
            + "the first, which it gets back.")
    @Parameter(name = IdempotencyKeys.HEADER, in = ParameterIn.HEADER, description = "Makes a retry safe",
            schema = @Schema(type = SchemaType.STRING, maxLength = IdempotencyKeys.MAX_LENGTH))
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubmissionView.class)))
    @APIResponse(responseCode = "200", description = "A retry with the first request's Idempotency-Key: the first result",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubmissionView.class)))
    @APIResponse(responseCode = "404", description = "No such requirement for the caller's department",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already recorded for that period, or the requirement is retired",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response recordSubmission(@Valid @NotNull SubmissionRequest request, @Context HttpHeaders headers) {
        String key = IdempotencyKeys.of(headers).orElse(null);
        ComplianceService.Recorded r = service.submit(Viewer.of(caller), caller.name(), request, key);
        return Response.status(r.created() ? 201 : 200).entity(r.submission()).build();
    }
}
