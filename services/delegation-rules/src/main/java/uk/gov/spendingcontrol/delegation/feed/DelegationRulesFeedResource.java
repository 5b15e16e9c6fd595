package uk.gov.spendingcontrol.delegation.feed;

import jakarta.ws.rs.Path;
import uk.gov.spendingcontrol.common.feed.ChangeFeed;
import uk.gov.spendingcontrol.common.feed.ChangeFeedResource;
import uk.gov.spendingcontrol.common.security.Caller;

/** The delegation-rules change feed, served as every service serves its feed (docs/change-feeds.md). */
@Path(ChangeFeedResource.PATH + "delegation-rules")
public class DelegationRulesFeedResource extends ChangeFeedResource {

    public DelegationRulesFeedResource(ChangeFeed feed, Caller caller) {
        super("delegation-rules", feed, caller);
    }
}
