package uk.gov.spendingcontrol.budget.feed;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.gov.spendingcontrol.common.feed.ChangeEvent;
import uk.gov.spendingcontrol.common.feed.ChangeFeed;
import uk.gov.spendingcontrol.common.feed.ChangeFeedPage;
import uk.gov.spendingcontrol.common.problem.Problem;
import uk.gov.spendingcontrol.common.problem.ProblemException;
import uk.gov.spendingcontrol.common.security.Caller;
import uk.gov.spendingcontrol.common.security.Roles;

@Path("/api/v1/change-feeds/budget")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Change feed", description = "Every committed change of the budget service, in commit order (docs/change-feeds.md)")
public class BudgetFeedResource {

    private final ChangeFeed feed;
    private final Caller caller;

    public BudgetFeedResource(ChangeFeed feed, Caller caller) {
        this.feed = feed;
        this.caller = caller;
    }

    @GET
    @Transactional
    @RolesAllowed({Roles.DEPARTMENT_READER, Roles.DEPARTMENT_EDITOR, Roles.DEPARTMENT_SYSTEM, Roles.TREASURY_SPENDING,
            Roles.TREASURY_APPROVER, Roles.CABINET_OFFICE_ADMIN})
    @Operation(summary = "Read the budget change feed",
            description = "Events after a position, oldest first. Central roles read every event; departments read "
                    + "the events that concern them. Replay from 0 at any time; each event appears exactly once.")
    @APIResponse(responseCode = "200", description = "A page of events")
    @APIResponse(responseCode = "400", description = "A bad position or limit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ChangeFeedPage read(@QueryParam("after") @DefaultValue("0") long after,
            @QueryParam("limit") @DefaultValue("500") int limit) {
        if (after < 0) {
            throw ProblemException.invalid("after", "must be 0 or a position read from this feed");
        }
        if (limit < 1 || limit > 5000) {
            throw ProblemException.invalid("limit", "must be between 1 and 5000");
        }
        List<ChangeEvent> events = feed.read(after, limit, caller.isCentral() ? null : caller.requireDepartment());
        long last = events.isEmpty() ? after : events.get(events.size() - 1).position();
        return new ChangeFeedPage(events, last, "/api/v1/change-feeds/budget?after=" + last + "&limit=" + limit);
    }
}
