package uk.gov.spendingcontrol.budget.controltotals;

import uk.gov.spendingcontrol.common.web.IdempotencyKeys;
import uk.gov.spendingcontrol.common.persistence.IdempotentRequests;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.HeaderParam;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.gov.spendingcontrol.common.paging.Page;
import uk.gov.spendingcontrol.common.paging.PageRequest;
import uk.gov.spendingcontrol.common.problem.Problem;
import uk.gov.spendingcontrol.common.security.Roles;
import uk.gov.spendingcontrol.common.time.Timestamps;

@Path("/api/v1/control-totals")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Control totals", description = "Limits per department, year and budget boundary, kept as a ledger")
public class ControlTotalResource {

    private final ControlTotalService service;
    private final IdempotentRequests idempotent;

    public ControlTotalResource(ControlTotalService service, IdempotentRequests idempotent) {
        this.service = service;
        this.idempotent = idempotent;
    }

    @GET
    @RolesAllowed({Roles.DEPARTMENT_READER, Roles.DEPARTMENT_EDITOR, Roles.DEPARTMENT_SYSTEM, Roles.TREASURY_SPENDING,
            Roles.TREASURY_APPROVER, Roles.CABINET_OFFICE_ADMIN})
    @Operation(summary = "Control totals",
            description = "The control totals the caller may see (a department its own, central roles all), summed "
                    + "from the ledger as at now or as at a past moment.")
    @APIResponse(responseCode = "200", description = "Control totals, ordered by department, year and boundary")
    @APIResponse(responseCode = "400", description = "A bad query parameter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "The department is not the caller's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<ControlTotal> totals(
            @Parameter(description = "Department code; departments may only name their own") @QueryParam("department") String department,
            @Parameter(description = "Financial year such as 2026-27") @QueryParam("financialYear") String financialYear,
            @Parameter(description = "ISO 8601 timestamp: the totals as they stood then") @QueryParam("asAt") String asAt) {
        return service.totals(department, financialYear, Timestamps.parse(asAt, "asAt"));
    }

    @GET
    @Path("/adjustments")
    @RolesAllowed({Roles.DEPARTMENT_READER, Roles.DEPARTMENT_EDITOR, Roles.DEPARTMENT_SYSTEM, Roles.TREASURY_SPENDING,
            Roles.TREASURY_APPROVER, Roles.CABINET_OFFICE_ADMIN})
    @Operation(summary = "The ledger of adjustments", description = "Oldest first, paged by cursor.")
    @APIResponse(responseCode = "200", description = "A page of adjustments")
    @APIResponse(responseCode = "400", description = "A bad query parameter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "The department is not the caller's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<AdjustmentView> adjustments(@QueryParam("department") String department,
            @QueryParam("financialYear") String financialYear, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        return page.page(service.adjustments(department, financialYear, page), AdjustmentView::of, a -> a.id, uri);
    }

    @POST
    @Path("/adjustments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.TREASURY_SPENDING)
    @Operation(summary = "Adjust a control total",
            description = "Appends an adjustment to the ledger (settlement, estimate, budget exchange, reserve claim, "
                    + "budget measure). Nothing is overwritten.")
    @APIResponse(responseCode = "201", description = "The adjustment, as recorded")
    @APIResponse(responseCode = "400", description = "The request is not valid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Unknown department, or the Idempotency-Key was used for"
            + " another request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response adjust(@Valid @NotNull AdjustmentRequest request, @Context UriInfo uri,
            @Parameter(description = "Makes the create safe to retry: the same key and request answer the first"
                    + " result again") @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @Context HttpHeaders headers) {
        return idempotent.create(headers, "POST /api/v1/control-totals/adjustments", request, () -> {
            Adjustment a = service.adjust(request);
            return Response.created(uri.getBaseUriBuilder().path("/api/v1/control-totals/adjustments")
                    .queryParam("department", a.departmentCode).build()).entity(AdjustmentView.of(a)).build();
        });
    }

    @POST
    @Path("/transfers")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.TREASURY_SPENDING)
    @Operation(summary = "Transfer budget between departments",
            description = "Records a debit on one department and a credit on the other, in one transaction.")
    @APIResponse(responseCode = "201", description = "Both legs of the transfer")
    @APIResponse(responseCode = "400", description = "The request is not valid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Unknown department, or the Idempotency-Key was used for"
            + " another request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response transfer(@Valid @NotNull TransferRequest request, @Context UriInfo uri,
            @Parameter(description = "Makes the create safe to retry: the same key and request answer the first"
                    + " result again") @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @Context HttpHeaders headers) {
        return idempotent.create(headers, "POST /api/v1/control-totals/transfers", request, () -> {
            TransferView t = service.transfer(request);
            return Response.created(uri.getBaseUriBuilder().path("/api/v1/control-totals/adjustments")
                    .queryParam("financialYear", request.financialYear()).build()).entity(t).build();
        });
    }
}

