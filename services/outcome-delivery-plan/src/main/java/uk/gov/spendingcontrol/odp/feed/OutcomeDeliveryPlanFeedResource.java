package uk.gov.spendingcontrol.odp.feed;

import jakarta.ws.rs.Path;
import uk.gov.spendingcontrol.common.feed.ChangeFeed;
import uk.gov.spendingcontrol.common.feed.ChangeFeedResource;
import uk.gov.spendingcontrol.common.security.Caller;

/** The Outcome Delivery Plan change feed, served as every service serves its feed (docs/change-feeds.md). */
@Path(ChangeFeedResource.PATH + "outcome-delivery-plan")
public class OutcomeDeliveryPlanFeedResource extends ChangeFeedResource {

    public OutcomeDeliveryPlanFeedResource(ChangeFeed feed, Caller caller) {
        super("outcome-delivery-plan", feed, caller);
    }
}
