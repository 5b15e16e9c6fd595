package uk.gov.spendingcontrol.common.feed;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.gov.spendingcontrol.common.problem.Problem;
import uk.gov.spendingcontrol.common.problem.ProblemException;
import uk.gov.spendingcontrol.common.security.Caller;
import uk.gov.spendingcontrol.common.security.Roles;

/**
 * {@code GET /api/v1/change-feeds/{service}}: how every service serves its change feed (docs/change-feeds.md). A
 * service declares only the path and its name:
 *
 * <pre>
 * &#64;Path(ChangeFeedResource.PATH + "budget")
 * public class BudgetFeedResource extends ChangeFeedResource {
 *     public BudgetFeedResource(ChangeFeed feed, Caller caller) {
 *         super("budget", feed, caller);
 *     }
 * }
 * </pre>
 *
 * <p>Who reads what: a department's users and systems the events that concern their department; central roles
 * (Treasury, Cabinet Office) and the suite's own services ({@link Roles#FEED_READER}) every event.
 */
@Produces(MediaType.APPLICATION_JSON)
public abstract class ChangeFeedResource {

    /** Where every service's feed lives: this, then the service's name. */
    public static final String PATH = "/api/v1/change-feeds/";
    public static final int DEFAULT_LIMIT = 500;
    public static final int MAX_LIMIT = 5000;

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");

    private final String path;
    private final ChangeFeed feed;
    private final Caller caller;

    protected ChangeFeedResource(String service, ChangeFeed feed, Caller caller) {
        this.path = PATH + service;
        this.feed = feed;
        this.caller = caller;
    }

    @GET
    @Transactional
    @RolesAllowed({Roles.DEPARTMENT_READER, Roles.DEPARTMENT_EDITOR, Roles.DEPARTMENT_SYSTEM, Roles.TREASURY_SPENDING,
            Roles.TREASURY_APPROVER, Roles.CABINET_OFFICE_ADMIN, Roles.FEED_READER})
    // declared here: the OpenAPI scanner does not derive it from @RolesAllowed on an inherited resource method
    @SecurityRequirement(name = "bearer", scopes = {Roles.DEPARTMENT_READER, Roles.DEPARTMENT_EDITOR,
            Roles.DEPARTMENT_SYSTEM, Roles.TREASURY_SPENDING, Roles.TREASURY_APPROVER, Roles.CABINET_OFFICE_ADMIN,
            Roles.FEED_READER})
    @Tag(name = "Change feed", description = "Every committed change of this service, in commit order (docs/change-feeds.md)")
    @Operation(summary = "Read the change feed",
            description = "Events after a position, oldest first, each exactly once; replay from 0 at any time. "
                    + "Central roles and the suite's services (feed-reader) read every event; a department's users "
                    + "and systems the events that concern their department.")
    @APIResponse(responseCode = "200", description = "A page of events")
    @APIResponse(responseCode = "400", description = "after or limit is not a whole number in range (errors[].field names it)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "A role that may not read feeds, or a department role whose token names no department",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ChangeFeedPage readChangeFeed(
            @Parameter(description = "Read the events after this position: 0 (the start) or a lastPosition read from this feed",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "0", defaultValue = "0"))
            @QueryParam("after") String after,
            @Parameter(description = "At most this many events",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "5000",
                            defaultValue = "500"))
            @QueryParam("limit") String limit,
            @Context UriInfo uri) {
        // read from the query itself, so that an empty or repeated parameter is refused rather than taken as absent
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        long from = parse("after", query.get("after"), 0, Long.MAX_VALUE, 0, "0 or a position read from this feed");
        int size = (int) parse("limit", query.get("limit"), 1, MAX_LIMIT, DEFAULT_LIMIT, "from 1 to " + MAX_LIMIT);
        String department = caller.isCentral() || caller.hasRole(Roles.FEED_READER) ? null : caller.requireDepartment();
        return feed.page(path, from, size, department);
    }

    /** A whole number in range, or the default when absent; anything else is a 400 naming the parameter. */
    static long parse(String name, List<String> values, long min, long max, long absent, String range) {
        if (values == null || values.isEmpty()) {
            return absent;
        }
        if (values.size() > 1) {
            throw ProblemException.invalid(name, "must be given once");
        }
        String value = values.get(0);
        if (value != null && DIGITS.matcher(value).matches()) {
            long n = Long.parseLong(value);
            if (n >= min && n <= max) {
                return n;
            }
        }
        throw ProblemException.invalid(name, "must be a whole number, " + range);
    }
}
