package uk.gov.spendingcontrol.reporting.streams;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.gov.spendingcontrol.common.problem.Problem;
import uk.gov.spendingcontrol.common.security.Caller;
import uk.gov.spendingcontrol.common.security.Roles;
import uk.gov.spendingcontrol.reporting.readmodel.OdpProjection;
import uk.gov.spendingcontrol.reporting.views.ViewResource;
import uk.gov.spendingcontrol.reporting.views.ViewService;
import uk.gov.spendingcontrol.reporting.views.Viewer;
import uk.gov.spendingcontrol.reporting.views.ViewRecords.OutcomeView;

/**
 * Server-sent events per view (docs/reporting.md, "Live streams"): a {@code snapshot}, then a {@code change} event with
 * the view as it stands for every change that concerns it, within a second of the source accepting it; reconnect
 * with {@code Last-Event-ID} to get every change missed.
 */
@Path(ViewResource.PATH + "/streams")
@Tag(name = "Live streams", description = "Server-sent events: the views, pushed as they change")
@RolesAllowed({Roles.DEPARTMENT_READER, Roles.DEPARTMENT_EDITOR, Roles.DEPARTMENT_SYSTEM, Roles.TREASURY_SPENDING,
        Roles.TREASURY_APPROVER, Roles.CABINET_OFFICE_ADMIN})
@APIResponse(responseCode = "200", description = "text/event-stream: 'snapshot', then 'change' events whose id is the"
        + " change number and whose data is {change, source, position, eventTypes, at, view}",
        content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(type = SchemaType.STRING)))
@APIResponse(responseCode = "400", description = "A malformed financialYear or Last-Event-ID (errors[0].field names it)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "A role that may not read the views",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class StreamResource {

    static final String LAST = "The id of the last event received: every change after it that concerns the view is sent";

    private final ViewService views;
    private final Streams streams;
    private final Caller caller;

    public StreamResource(ViewService views, Streams streams, Caller caller) {
        this.views = views;
        this.streams = streams;
        this.caller = caller;
    }

    @GET
    @Path("/departments/{code}")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Stream a department overview", description = "Changes of the department's money, metrics "
            + "and approvals; a department may stream its own only.")
    @APIResponse(responseCode = "404", description = "No such department, or another department's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void streamDepartment(@PathParam("code") String code,
            @Parameter(description = ViewResource.YEAR_TEXT) @QueryParam("financialYear") String financialYear,
            @Parameter(description = LAST) @HeaderParam("Last-Event-ID") String lastEventId,
            @Context SseEventSink sink, @Context Sse sse) {
        Viewer viewer = Viewer.of(caller);
        Long last = Streams.lastEventId(lastEventId);
        String dept = views.department(viewer, code, financialYear).department();
        streams.open(c -> c.everyDepartment() || c.departments().contains(dept),
                () -> views.department(viewer, dept, financialYear), last, sink, sse);
    }

    @GET
    @Path("/programmes/{code}")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Stream a programme view", description = "Changes of the programme's money, outcomes and metrics.")
    @APIResponse(responseCode = "404", description = "No such programme, or not one of the caller's department",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void streamProgramme(@PathParam("code") String code,
            @Parameter(description = ViewResource.YEAR_TEXT) @QueryParam("financialYear") String financialYear,
            @Parameter(description = LAST) @HeaderParam("Last-Event-ID") String lastEventId,
            @Context SseEventSink sink, @Context Sse sse) {
        Viewer viewer = Viewer.of(caller);
        Long last = Streams.lastEventId(lastEventId);
        String programme = views.programme(viewer, code, financialYear).code();
        streams.open(c -> c.programmes().contains(programme), () -> views.programme(viewer, programme, financialYear),
                last, sink, sse);
    }

    @GET
    @Path("/cross-cutting-outcomes/{id}")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Stream a cross-cutting outcome view", description = "Changes of the outcome, its "
            + "contributions, the linked programmes' money, its metrics and joint bids.")
    @APIResponse(responseCode = "404", description = "No such cross-cutting outcome",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void streamCrossCuttingOutcome(@PathParam("id") String id,
            @Parameter(description = ViewResource.YEAR_TEXT) @QueryParam("financialYear") String financialYear,
            @Parameter(description = LAST) @HeaderParam("Last-Event-ID") String lastEventId,
            @Context SseEventSink sink, @Context Sse sse) {
        Viewer viewer = Viewer.of(caller);
        Long last = Streams.lastEventId(lastEventId);
        OutcomeView first = views.outcome(viewer, id, financialYear);
        Set<String> programmes = new HashSet<>();
        first.departments().forEach(d -> d.programmes().forEach(p -> programmes.add(p.code())));
        Set<String> departments = new HashSet<>(first.contributors());
        streams.open(c -> c.outcomes().contains(id) || !Collections.disjoint(c.programmes(), programmes)
                || (c.source().equals(OdpProjection.SOURCE) && !Collections.disjoint(c.departments(), departments)),
                () -> views.outcome(viewer, id, financialYear), last, sink, sse);
    }

    @GET
    @Path("/government")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Stream the government-wide view", description = "Every change (a department user: those "
            + "that concern its department), with the view sorted as asked.")
    public void streamGovernment(
            @Parameter(description = ViewResource.YEAR_TEXT) @QueryParam("financialYear") String financialYear,
            @Parameter(description = "risk (default) or department") @QueryParam("sort") String sort,
            @Parameter(description = LAST) @HeaderParam("Last-Event-ID") String lastEventId,
            @Context SseEventSink sink, @Context Sse sse) {
        Viewer viewer = Viewer.of(caller);
        Long last = Streams.lastEventId(lastEventId);
        views.government(viewer, financialYear, sort);
        streams.open(c -> viewer.central() || c.everyDepartment() || c.departments().contains(viewer.department()),
                () -> views.government(viewer, financialYear, sort), last, sink, sse);
    }
}
