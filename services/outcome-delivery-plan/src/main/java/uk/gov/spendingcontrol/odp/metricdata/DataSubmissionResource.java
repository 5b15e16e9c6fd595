package uk.gov.spendingcontrol.odp.metricdata;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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
import uk.gov.spendingcontrol.common.problem.Problem;
import uk.gov.spendingcontrol.common.security.Roles;
import uk.gov.spendingcontrol.common.web.IdempotencyKeys;

@Path("/api/v1/metric-data")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Metric data", description = "Performance data points from departments' systems, validated by named"
        + " rules, all or nothing")
public class DataSubmissionResource {

    public static final String CSV = "text/csv";

    private final DataSubmissionService service;
    private final ObjectMapper mapper;

    public DataSubmissionResource(DataSubmissionService service, ObjectMapper mapper) {
        this.service = service;
        this.mapper = mapper;
    }

    /** The request body of a JSON submission (documentation only: the body is read as a stream). */
    @Schema(name = "DataSubmissionRequest")
    public record JsonBody(List<JsonPoint> points) {
    }

    @Schema(name = "DataPointRequest")
    public record JsonPoint(@Schema(example = "0b6f0a53-6c0e-4a57-9a62-4f1e0c1d2a3b") UUID metricId,
            @Schema(example = "2026-09") String period,
            @Schema(description = "Exact decimal (JSON number or string)", example = "61.95") String value) {
    }

    @POST
    @Consumes({MediaType.APPLICATION_JSON, CSV})
    @RolesAllowed({Roles.DEPARTMENT_SYSTEM, Roles.DEPARTMENT_EDITOR})
    @Operation(summary = "Submit metric data points",
            description = "Data points of the caller's department's metrics (from the token): up to 100,000, as JSON"
                    + " or as CSV (header metricId,period,value). Every point is checked against the rules of"
                    + " GET /api/v1/metric-data/rules: any fatal finding rejects the whole submission (422, nothing is"
                    + " written); warnings are accepted and kept. A value for a period that already has one is a"
                    + " correction: its next version (the earlier stay readable). With an Idempotency-Key, the same"
                    + " request again answers the first result (Idempotent-Replayed: true); the same key with another"
                    + " request answers 422.")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JsonBody.class)),
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING,
                    example = "metricId,period,value\n0b6f0a53-6c0e-4a57-9a62-4f1e0c1d2a3b,2026-09,61.95\n"))})
    @APIResponse(responseCode = "201", description = "Accepted: the report, with every warning",
            headers = {@Header(name = "Location", description = "The submission"),
                    @Header(name = "Idempotent-Replayed", description = "true when this answers an earlier request")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SubmissionView.class)))
    @APIResponse(responseCode = "400", description = "Not JSON or CSV as described, or a bad Idempotency-Key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "More than 100,000 points (rule D007); nothing written",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = DataRejection.class)))
    @APIResponse(responseCode = "415", description = "Neither application/json nor text/csv",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Rejected: every fatal finding with rule, line and field (the"
            + " first 1,000, with counts per rule); nothing written. Or the Idempotency-Key was used for another"
            + " request.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = DataRejection.class)))
    public Response submitData(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Parameter(description = "Makes the submission safe to retry: the same key and request answer the first"
                    + " result") @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            byte[] body, @Context UriInfo uri, @Context HttpHeaders headers) {
        boolean csv = contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(CSV);
        String key = IdempotencyKeys.of(headers).orElse(null);
        String hash = key == null ? null : hash(csv, body);
        DataSubmissionService.Submitted result = service.replay(key, hash).orElse(null);
        if (result == null) {
            ParsedPoints parsed = csv ? DataParsers.csv(body) : DataParsers.json(mapper.getFactory(), body);
            result = service.submit(parsed, key, hash == null ? hash(csv, body) : hash);
        }
        Response.ResponseBuilder r = Response.created(uri.getBaseUriBuilder().path("/api/v1/metric-data/{id}")
                .build(result.report().id())).entity(result.report());
        if (result.replayed()) {
            r.header("Idempotent-Replayed", "true");
        }
        return r.build();
    }

    @GET
    @Path("/rules")
    @RolesAllowed({Roles.DEPARTMENT_READER, Roles.DEPARTMENT_EDITOR, Roles.DEPARTMENT_SYSTEM, Roles.TREASURY_SPENDING,
            Roles.TREASURY_APPROVER, Roles.CABINET_OFFICE_ADMIN})
    @Operation(summary = "The validation rules of data points", description = "Each with its stable id, severity and"
            + " category.")
    @APIResponse(responseCode = "200", description = "Every rule, by id")
    public List<DataRule.View> dataRules() {
        return Arrays.stream(DataRule.values()).map(DataRule::view).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.DEPARTMENT_READER, Roles.DEPARTMENT_EDITOR, Roles.DEPARTMENT_SYSTEM, Roles.TREASURY_SPENDING,
            Roles.TREASURY_APPROVER, Roles.CABINET_OFFICE_ADMIN})
    @Operation(summary = "Get a data submission", description = "What it wrote, with its warnings (the first 1,000).")
    @APIResponse(responseCode = "200", description = "The submission", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubmissionView.class)))
    @APIResponse(responseCode = "400", description = "A bad id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such submission, or another department's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SubmissionView getSubmission(@PathParam("id") UUID id) {
        return service.get(id);
    }

    /** What makes two requests the same: the format and the body. */
    static String hash(boolean csv, byte[] body) {
        return IdempotencyKeys.requestHash(csv ? "csv" : "json", body);
    }
}
