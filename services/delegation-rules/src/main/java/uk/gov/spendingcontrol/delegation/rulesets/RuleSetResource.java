package uk.gov.spendingcontrol.delegation.rulesets;

import uk.gov.spendingcontrol.common.web.IdempotencyKeys;
import uk.gov.spendingcontrol.common.persistence.IdempotentRequests;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.gov.spendingcontrol.common.paging.Page;
import uk.gov.spendingcontrol.common.paging.PageRequest;
import uk.gov.spendingcontrol.common.problem.Problem;
import uk.gov.spendingcontrol.common.rest.ETags;
import uk.gov.spendingcontrol.common.security.Roles;

@Path(RuleSetResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Rule sets", description = "Departments' rule sets as effective-dated versions, drafted by one "
        + "administrator of the owning body and approved by another")
public class RuleSetResource {

    public static final String PATH = "/api/v1/delegation-rules/rule-sets";
    static final String MANAGERS = Roles.TREASURY_SPENDING + ", " + Roles.CABINET_OFFICE_ADMIN;

    private final RuleSetService service;
    private final IdempotentRequests idempotent;

    public RuleSetResource(RuleSetService service, IdempotentRequests idempotent) {
        this.service = service;
        this.idempotent = idempotent;
    }

    @GET
    @RolesAllowed({Roles.DEPARTMENT_READER, Roles.DEPARTMENT_EDITOR, Roles.DEPARTMENT_SYSTEM, Roles.TREASURY_SPENDING,
            Roles.TREASURY_APPROVER, Roles.CABINET_OFFICE_ADMIN})
    @Operation(summary = "List rule sets", description = "By department and name. Departments see their own only; "
            + "naming another department answers 404.")
    @APIResponse(responseCode = "200", description = "One page of rule sets")
    @APIResponse(responseCode = "400", description = "A bad parameter", content = @Content(mediaType =
            Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Another department", content = @Content(mediaType =
            Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<RuleSetView> listRuleSets(@QueryParam("department") String department, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        return page.page(service.list(department, page), v -> v, v -> v.department() + "/" + v.name(), uri);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TREASURY_SPENDING, Roles.CABINET_OFFICE_ADMIN})
    @Operation(summary = "Create a rule set", description = "For a department, owned by the Treasury (created by "
            + "treasury-spending) or the Cabinet Office (created by cabinet-office-admin). It has no version yet.")
    @APIResponse(responseCode = "201", description = "Created; ETag is its revision")
    @APIResponse(responseCode = "400", description = "Not valid", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an administrator of the owner", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The department already has a rule set of that name",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for another request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response createRuleSet(@Valid @NotNull NewRuleSet request,
            @Parameter(description = "Makes the create safe to retry: the same key and request answer the first"
                    + " result again") @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @Context HttpHeaders headers) {
        return idempotent.create(headers, "POST " + PATH, request, () -> {
            RuleSetView view = service.create(request);
            return ETags.created(URI.create(PATH + "/" + view.id()), view, view.revision());
        });
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.DEPARTMENT_READER, Roles.DEPARTMENT_EDITOR, Roles.DEPARTMENT_SYSTEM, Roles.TREASURY_SPENDING,
            Roles.TREASURY_APPROVER, Roles.CABINET_OFFICE_ADMIN})
    @Operation(summary = "Read a rule set", description = "With the version in force today, the open draft and every "
            + "hand-over of its ownership. ETag is its revision.")
    @APIResponse(responseCode = "200", description = "The rule set")
    @APIResponse(responseCode = "404", description = "No such rule set, or another department's", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response getRuleSet(@PathParam("id") UUID id) {
        RuleSetView view = service.get(id);
        return ETags.ok(view, view.revision());
    }

    @PUT
    @Path("{id}/owner")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TREASURY_SPENDING, Roles.CABINET_OFFICE_ADMIN})
    @Operation(summary = "Hand a rule set over to another owner", description = "By an administrator of the current "
            + "owner, with If-Match (the rule set's ETag). The hand-over is kept in the rule set's history; from then "
            + "on, administrators of the new owner manage it.")
    @APIResponse(responseCode = "200", description = "Handed over")
    @APIResponse(responseCode = "400", description = "Not valid, or a malformed If-Match", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an administrator of the current owner", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such rule set", content = @Content(mediaType =
            Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is stale", content = @Content(mediaType =
            Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing", content = @Content(mediaType =
            Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response changeOwner(@PathParam("id") UUID id, @Valid @NotNull OwnerChange change,
            @Parameter(description = "The rule set's ETag") @HeaderParam("If-Match") String ifMatch) {
        RuleSetView view = service.changeOwner(id, change, ifMatch);
        return ETags.ok(view, view.revision());
    }

    @GET
    @Path("{id}/versions")
    @RolesAllowed({Roles.DEPARTMENT_READER, Roles.DEPARTMENT_EDITOR, Roles.DEPARTMENT_SYSTEM, Roles.TREASURY_SPENDING,
            Roles.TREASURY_APPROVER, Roles.CABINET_OFFICE_ADMIN})
    @Operation(summary = "List the versions of a rule set", description = "Every version, by number: drafts, approved "
            + "and withdrawn, with their makers and approver.")
    @APIResponse(responseCode = "200", description = "One page of versions")
    @APIResponse(responseCode = "404", description = "No such rule set", content = @Content(mediaType =
            Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<VersionView> listVersions(@PathParam("id") UUID id, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        return page.page(service.versions(id, page), v -> v, VersionView::number, uri);
    }

    @POST
    @Path("{id}/versions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TREASURY_SPENDING, Roles.CABINET_OFFICE_ADMIN})
    @Operation(summary = "Draft a version", description = "By an administrator of the owner (the maker). The whole set "
            + "of rules, checked now: every CEL condition must compile over the proposal's fields, or it is refused "
            + "with its line and column. One open draft per rule set.")
    @APIResponse(responseCode = "201", description = "Drafted; ETag is the draft's revision")
    @APIResponse(responseCode = "400", description = "The rules are not valid (each problem in 'errors')",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an administrator of the owner", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such rule set", content = @Content(mediaType =
            Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A draft is already open", content = @Content(mediaType =
            Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The effective date is in the past or not after the last "
            + "approved version's, or the Idempotency-Key was used for another request", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(
                    implementation = Problem.class)))
    public Response draftVersion(@PathParam("id") UUID id, @Valid @NotNull VersionDraft draft,
            @Parameter(description = "Makes the create safe to retry: the same key and request answer the first"
                    + " result again") @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @Context HttpHeaders headers) {
        return idempotent.create(headers, "POST " + PATH + "/" + id + "/versions", draft, () -> {
            VersionView view = service.draft(id, draft);
            return ETags.created(URI.create(PATH + "/" + id + "/versions/" + view.number()), view, view.revision());
        });
    }

    @GET
    @Path("{id}/versions/{number}")
    @RolesAllowed({Roles.DEPARTMENT_READER, Roles.DEPARTMENT_EDITOR, Roles.DEPARTMENT_SYSTEM, Roles.TREASURY_SPENDING,
            Roles.TREASURY_APPROVER, Roles.CABINET_OFFICE_ADMIN})
    @Operation(summary = "Read a version", description = "ETag is its revision (a draft's changes at each edit).")
    @APIResponse(responseCode = "200", description = "The version")
    @APIResponse(responseCode = "404", description = "No such version", content = @Content(mediaType =
            Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response getVersion(@PathParam("id") UUID id, @PathParam("number") int number) {
        VersionView view = service.version(id, number);
        return ETags.ok(view, view.revision());
    }

    @PUT
    @Path("{id}/versions/{number}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TREASURY_SPENDING, Roles.CABINET_OFFICE_ADMIN})
    @Operation(summary = "Edit a draft", description = "By an administrator of the owner, with If-Match; the editor "
            + "becomes one of its makers (and so may not approve it). An approved or withdrawn version is never "
            + "edited (409).")
    @APIResponse(responseCode = "200", description = "Edited")
    @APIResponse(responseCode = "400", description = "Not valid", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an administrator of the owner", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such version", content = @Content(mediaType =
            Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not a draft", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is stale", content = @Content(mediaType =
            Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The effective date is not allowed", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing", content = @Content(mediaType =
            Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response editDraft(@PathParam("id") UUID id, @PathParam("number") int number, @Valid @NotNull VersionDraft draft,
            @Parameter(description = "The draft's ETag") @HeaderParam("If-Match") String ifMatch) {
        VersionView view = service.edit(id, number, draft, ifMatch);
        return ETags.ok(view, view.revision());
    }

    @POST
    @Path("{id}/versions/{number}/approval")
    @RolesAllowed({Roles.TREASURY_SPENDING, Roles.CABINET_OFFICE_ADMIN})
    @Operation(summary = "Approve a draft (checker)", description = "By an administrator of the owner who neither "
            + "drafted nor edited it, with If-Match. It takes effect on its effective date (today or later, after the "
            + "last approved version's) and is never changed again.")
    @APIResponse(responseCode = "200", description = "Approved")
    @APIResponse(responseCode = "403", description = "Not an administrator of the owner, or one of its makers",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such version", content = @Content(mediaType =
            Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not a draft", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is stale", content = @Content(mediaType =
            Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The effective date has passed", content = @Content(mediaType =
            Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing", content = @Content(mediaType =
            Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response approveDraft(@PathParam("id") UUID id, @PathParam("number") int number,
            @Parameter(description = "The draft's ETag") @HeaderParam("If-Match") String ifMatch) {
        VersionView view = service.approve(id, number, ifMatch);
        return ETags.ok(view, view.revision());
    }

    @POST
    @Path("{id}/versions/{number}/withdrawal")
    @RolesAllowed({Roles.TREASURY_SPENDING, Roles.CABINET_OFFICE_ADMIN})
    @Operation(summary = "Withdraw a draft", description = "By an administrator of the owner, with If-Match. It stays "
            + "readable, and is never in force.")
    @APIResponse(responseCode = "200", description = "Withdrawn")
    @APIResponse(responseCode = "403", description = "Not an administrator of the owner", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such version", content = @Content(mediaType =
            Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not a draft", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is stale", content = @Content(mediaType =
            Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing", content = @Content(mediaType =
            Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response withdrawDraft(@PathParam("id") UUID id, @PathParam("number") int number,
            @Parameter(description = "The draft's ETag") @HeaderParam("If-Match") String ifMatch) {
        VersionView view = service.withdraw(id, number, ifMatch);
        return ETags.ok(view, view.revision());
    }

    @GET
    @Path("{id}/versions/{number}/diff")
    @RolesAllowed({Roles.DEPARTMENT_READER, Roles.DEPARTMENT_EDITOR, Roles.DEPARTMENT_SYSTEM, Roles.TREASURY_SPENDING,
            Roles.TREASURY_APPROVER, Roles.CABINET_OFFICE_ADMIN})
    @Operation(summary = "What a version changes", description = "Rule by rule (matched by id), from the approved "
            + "version before it (for a draft: the last approved one).")
    @APIResponse(responseCode = "200", description = "The diff")
    @APIResponse(responseCode = "404", description = "No such version", content = @Content(mediaType =
            Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RulesDiff diffVersion(@PathParam("id") UUID id, @PathParam("number") int number) {
        return service.diff(id, number);
    }
}
