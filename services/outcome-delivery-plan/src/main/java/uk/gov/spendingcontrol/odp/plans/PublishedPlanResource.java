package uk.gov.spendingcontrol.odp.plans;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import uk.gov.spendingcontrol.common.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.gov.spendingcontrol.common.paging.Page;
import uk.gov.spendingcontrol.common.paging.PageRequest;
import uk.gov.spendingcontrol.common.problem.Problem;

/** Published plans as open data: no login. Drafts are never here. */
@Path("/api/v1/published/outcome-delivery-plans")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Published Outcome Delivery Plans",
        description = "Open data: every published plan, for the public, Parliament and auditors, without a login")
@PermitAll
public class PublishedPlanResource {

    private final PlanService service;

    public PublishedPlanResource(PlanService service) {
        this.service = service;
    }

    @GET
    @PermitAll
    @Operation(summary = "List published Outcome Delivery Plans",
            description = "Every published plan, newest financial year first, then by department; paged by cursor. "
                    + "No login needed.",
            extensions = @Extension(name = "x-public", value = "true", parseValue = true))
    @APIResponse(responseCode = "200", description = "A page of published plans")
    @APIResponse(responseCode = "400", description = "A bad filter, limit or cursor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<PublishedPlanSummaryView> listPublishedPlans(
            @Parameter(description = "Department code, such as DHSC") @QueryParam("department") String department,
            @Parameter(description = "Financial year, such as 2026-27") @QueryParam("financialYear") String financialYear,
            @Parameter(description = "Page size, 1 to 1000 (default 100)") @QueryParam("limit") Integer limit,
            @Parameter(description = "The nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        return page.page(service.listPublished(department, financialYear, page), PublishedPlanSummaryView::of,
                PlanService::cursorKey, uri);
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(summary = "Get a published Outcome Delivery Plan",
            description = "The newest published revision of a plan (or, with asAt, the one in force at the end of that"
                    + " day, UTC), with its outcomes, metrics (with today's data and status) and enabler commitments."
                    + " No login needed.",
            extensions = @Extension(name = "x-public", value = "true", parseValue = true))
    @APIResponse(responseCode = "200", description = "The published plan", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PublishedPlanView.class)))
    @APIResponse(responseCode = "400", description = "A bad id or date",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such published plan (drafts are not published), or none"
            + " in force on that date",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PublishedPlanView getPublishedPlan(@PathParam("id") UUID id,
            @Parameter(description = "A date, such as 2026-06-30: the revision in force at the end of that day (UTC)")
            @QueryParam("asAt") String asAt) {
        if (asAt == null || asAt.isBlank()) {
            return service.getPublished(id);
        }
        return service.getPublishedAsAt(id, date(asAt));
    }

    @GET
    @Path("/{id}/revisions")
    @PermitAll
    @Operation(summary = "The published revisions of a plan",
            description = "Every published revision, oldest first, with the reason for each correction. No login.",
            extensions = @Extension(name = "x-public", value = "true", parseValue = true))
    @APIResponse(responseCode = "200", description = "The revisions")
    @APIResponse(responseCode = "400", description = "A bad id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such published plan",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<RevisionSummaryView> listPublishedRevisions(@PathParam("id") UUID id) {
        return service.publishedRevisions(id);
    }

    @GET
    @Path("/{id}/revisions/{revision}")
    @PermitAll
    @Operation(summary = "One published revision of a plan",
            description = "As it was published, its metrics with today's data. No login.",
            extensions = @Extension(name = "x-public", value = "true", parseValue = true))
    @APIResponse(responseCode = "200", description = "The revision", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PublishedPlanView.class)))
    @APIResponse(responseCode = "400", description = "A bad id or revision number",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such published plan or revision",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PublishedPlanView getPublishedRevision(@PathParam("id") UUID id, @PathParam("revision") int revision) {
        return service.getPublishedRevision(id, revision);
    }

    @GET
    @Path("/{id}/diff")
    @PermitAll
    @Operation(summary = "What changed between two published revisions",
            description = "In words: outcomes, metrics (their targets by period, baselines...) and enabler commitments"
                    + " added, removed or changed. Default: the newest revision against the one before. No login.",
            extensions = @Extension(name = "x-public", value = "true", parseValue = true))
    @APIResponse(responseCode = "200", description = "The changes", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanDiff.View.class)))
    @APIResponse(responseCode = "400", description = "A bad id or revision number",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such published plan or revision",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PlanDiff.View diffPublishedRevisions(@PathParam("id") UUID id,
            @Parameter(description = "The earlier revision (default: the one before 'to')") @QueryParam("from")
            Integer from,
            @Parameter(description = "The later revision (default: the newest)") @QueryParam("to") Integer to) {
        return service.diff(id, from, to);
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("asAt", "must be a date such as 2026-06-30");
        }
    }
}
