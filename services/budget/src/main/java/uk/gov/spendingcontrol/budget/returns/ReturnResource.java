package uk.gov.spendingcontrol.budget.returns;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.gov.spendingcontrol.common.paging.Page;
import uk.gov.spendingcontrol.common.paging.PageRequest;
import uk.gov.spendingcontrol.common.problem.Problem;
import uk.gov.spendingcontrol.common.problem.ProblemException;
import uk.gov.spendingcontrol.common.rest.ETags;
import uk.gov.spendingcontrol.common.security.Roles;
import uk.gov.spendingcontrol.common.web.IdempotencyKeys;

@Path("/api/v1/returns")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Returns", description = "Monthly returns of forecasts and outturn from departments' systems, validated by"
        + " named rules and reviewed by Treasury spending teams")
public class ReturnResource {

    public static final String CSV = "text/csv";
    public static final String IDEMPOTENCY_KEY = IdempotencyKeys.HEADER;

    private final ReturnService service;
    private final ObjectMapper mapper;

    public ReturnResource(ReturnService service, ObjectMapper mapper) {
        this.service = service;
        this.mapper = mapper;
    }

    @POST
    @Consumes({MediaType.APPLICATION_JSON, CSV})
    @RolesAllowed({Roles.DEPARTMENT_SYSTEM, Roles.DEPARTMENT_EDITOR})
    @Operation(summary = "Submit a monthly return",
            description = "Forecasts and outturn of the caller's department (from the token) per programme, boundary"
                    + " and period: outturn for periods up to the return's period, forecast after it. Up to 100,000"
                    + " lines, as JSON or as CSV (header programme,boundary,period,kind,amount; financialYear and"
                    + " period as query parameters). Every line is checked against the rules of"
                    + " GET /api/v1/returns/rules: any fatal finding rejects the whole submission (422, nothing is"
                    + " written); warnings are accepted and kept. A new submission for the same year and period is"
                    + " its next version. With an Idempotency-Key, the same request again answers the first result"
                    + " (with Idempotent-Replayed: true); the same key with another request answers 422.")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReturnRequest.class)),
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING,
                    example = "programme,boundary,period,kind,amount\nDHSC-ELECTIVE-RECOVERY,RESOURCE_DEL_PROGRAMME,"
                            + "7,OUTTURN,1250000.00\n"))})
    @APIResponse(responseCode = "201", description = "Accepted: the validation report, with every warning",
            headers = {@Header(name = "Location", description = "The submission"),
                    @Header(name = "ETag", description = "Its revision"),
                    @Header(name = "Idempotent-Replayed", description = "true when this answers an earlier request")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReturnView.class)))
    @APIResponse(responseCode = "400", description = "Not JSON or CSV as described, or a bad financialYear or period",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "More than 100,000 lines (rule R011); nothing written",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ReturnRejection.class)))
    @APIResponse(responseCode = "415", description = "Neither application/json nor text/csv",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Rejected: every fatal finding with rule, line and field (the"
            + " first 1,000, with counts per rule); nothing written. Or the Idempotency-Key was used for another"
            + " request.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ReturnRejection.class)))
    public Response submit(
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Parameter(description = "Makes the submission safe to retry: the same key and request answer the first"
                    + " result") @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
            @Parameter(description = "CSV only: the financial year, such as 2026-27") @QueryParam("financialYear")
            String financialYear,
            @Parameter(description = "CSV only: the month reported, 1 (April) to 12 (March)") @QueryParam("period")
            Integer period,
            byte[] body, @Context UriInfo uri, @Context HttpHeaders headers) throws IOException {
        boolean csv = contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith(CSV);
        // read from every value of the header: a blank or repeated key is a 400, never "no key"
        String key = IdempotencyKeys.of(headers).orElse(null);
        String hash = key == null ? null : hash(csv, financialYear, period, body);
        ReturnService.Submitted result = service.replay(key, hash).orElse(null);
        if (result == null) {
            long start = System.nanoTime();
            ParsedReturn parsed = csv ? CsvReturnParser.parse(body, financialYear, period)
                    : JsonReturnParser.parse(mapper.getFactory(), body);
            result = service.submit(parsed.timed(System.nanoTime() - start), key, hash);
        }
        ReturnView r = result.report();
        Response.ResponseBuilder response = ETags.tagged(Response.created(uri.getBaseUriBuilder()
                .path("/api/v1/returns/{id}").build(r.id())).entity(r), r.revision());
        if (result.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.build();
    }

    @GET
    @Path("/rules")
    @RolesAllowed({Roles.DEPARTMENT_READER, Roles.DEPARTMENT_EDITOR, Roles.DEPARTMENT_SYSTEM, Roles.TREASURY_SPENDING,
            Roles.TREASURY_APPROVER, Roles.CABINET_OFFICE_ADMIN})
    @Operation(summary = "The validation rules of returns", description = "Each with its stable id, severity and"
            + " category.")
    @APIResponse(responseCode = "200", description = "Every rule, by id")
    public List<Rule.View> rules() {
        return Arrays.stream(Rule.values()).map(Rule::view).toList();
    }

    @GET
    @RolesAllowed({Roles.DEPARTMENT_READER, Roles.DEPARTMENT_EDITOR, Roles.DEPARTMENT_SYSTEM, Roles.TREASURY_SPENDING,
            Roles.TREASURY_APPROVER, Roles.CABINET_OFFICE_ADMIN})
    @Operation(summary = "List returns", description = "Every version of the returns the caller may see (a department"
            + " its own, central roles all), oldest first, without their warnings.")
    @APIResponse(responseCode = "200", description = "A page of returns")
    @APIResponse(responseCode = "400", description = "A bad query parameter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "The department is not the caller's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<ReturnView> list(
            @Parameter(description = "Department code; departments may only name their own") @QueryParam("department")
            String department,
            @QueryParam("financialYear") String financialYear, @QueryParam("period") Integer period,
            @Parameter(description = "SUBMITTED, CONFIRMED or REJECTED") @QueryParam("status") String status,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        return page.page(service.list(department, financialYear, period, status, page), ReturnService.Listed::view,
                ReturnService.Listed::seq, uri);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.DEPARTMENT_READER, Roles.DEPARTMENT_EDITOR, Roles.DEPARTMENT_SYSTEM, Roles.TREASURY_SPENDING,
            Roles.TREASURY_APPROVER, Roles.CABINET_OFFICE_ADMIN})
    @Operation(summary = "Get a return", description = "Any version, with its status, review and the first 1,000"
            + " warnings.")
    @APIResponse(responseCode = "200", description = "The return; its revision is also the ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReturnView.class)))
    @APIResponse(responseCode = "404", description = "No such return, or another department's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id) {
        ReturnView r = service.read(id);
        return ETags.ok(r, r.revision());
    }

    @GET
    @Path("/{id}/lines")
    @RolesAllowed({Roles.DEPARTMENT_READER, Roles.DEPARTMENT_EDITOR, Roles.DEPARTMENT_SYSTEM, Roles.TREASURY_SPENDING,
            Roles.TREASURY_APPROVER, Roles.CABINET_OFFICE_ADMIN})
    @Operation(summary = "The lines of a return", description = "As accepted, by line number, paged by cursor.")
    @APIResponse(responseCode = "200", description = "A page of lines")
    @APIResponse(responseCode = "400", description = "A bad limit or cursor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such return, or another department's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<ReturnLineView> lines(@PathParam("id") UUID id, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        return page.page(service.lines(id, page), ReturnLineView::of, r -> r[0], uri);
    }

    @GET
    @Path("/{id}/warnings")
    @RolesAllowed({Roles.DEPARTMENT_READER, Roles.DEPARTMENT_EDITOR, Roles.DEPARTMENT_SYSTEM, Roles.TREASURY_SPENDING,
            Roles.TREASURY_APPROVER, Roles.CABINET_OFFICE_ADMIN})
    @Operation(summary = "The warnings of a return", description = "Every warning kept with an accepted return, by"
            + " line, paged by cursor.")
    @APIResponse(responseCode = "200", description = "A page of warnings")
    @APIResponse(responseCode = "400", description = "A bad limit or cursor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such return, or another department's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<Finding> warnings(@PathParam("id") UUID id, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        return page.page(service.warnings(id, page), ReturnService::warning, r -> r[0], uri);
    }

    @POST
    @Path("/{id}/review")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.TREASURY_SPENDING)
    @Operation(summary = "Confirm or reject a return",
            description = "Treasury spending teams confirm or reject the latest version of a SUBMITTED return, with a"
                    + " comment (required to reject). Send the revision you read in If-Match (its ETag;"
                    + " docs/architecture.md, \"Optimistic concurrency\"). A rejected return no longer counts as the"
                    + " department's position.")
    @APIResponse(responseCode = "200", description = "The return as reviewed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReturnView.class)))
    @APIResponse(responseCode = "400", description = "The request is not valid, or If-Match is not an ETag of this API",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such return",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already reviewed, superseded by a later version, or reviewed"
            + " by someone else at the same moment",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "The revision sent is not the current one (its ETag is in the"
            + " answer)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "No If-Match",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response review(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull ReviewRequest request) {
        ReturnView r = service.review(id, request, ifMatch);
        return ETags.ok(r, r.revision());
    }

    /** What makes two requests the same: the format, the CSV query parameters, and the body. */
    static String hash(boolean csv, String financialYear, Integer period, byte[] body) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update((csv ? "csv\n" + financialYear + "\n" + period + "\n" : "json\n").getBytes(StandardCharsets.UTF_8));
            d.update(body);
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
