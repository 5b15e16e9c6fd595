package uk.gov.spendingcontrol.reporting.feed;

import jakarta.ws.rs.Path;
import uk.gov.spendingcontrol.common.feed.ChangeFeed;
import uk.gov.spendingcontrol.common.feed.ChangeFeedResource;
import uk.gov.spendingcontrol.common.security.Caller;

/** The reporting change feed, served as every service serves its feed (docs/change-feeds.md). */
@Path(ChangeFeedResource.PATH + "reporting")
public class ReportingFeedResource extends ChangeFeedResource {

    public ReportingFeedResource(ChangeFeed feed, Caller caller) {
        super("reporting", feed, caller);
    }
}
