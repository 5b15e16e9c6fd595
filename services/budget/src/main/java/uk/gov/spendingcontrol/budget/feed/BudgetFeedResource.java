package uk.gov.spendingcontrol.budget.feed;

import jakarta.ws.rs.Path;
import uk.gov.spendingcontrol.common.feed.ChangeFeed;
import uk.gov.spendingcontrol.common.feed.ChangeFeedResource;
import uk.gov.spendingcontrol.common.security.Caller;

/** The budget change feed, served as every service serves its feed (docs/change-feeds.md). */
@Path(ChangeFeedResource.PATH + "budget")
public class BudgetFeedResource extends ChangeFeedResource {

    public BudgetFeedResource(ChangeFeed feed, Caller caller) {
        super("budget", feed, caller);
    }
}
