package uk.gov.spendingcontrol.odp;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import uk.gov.spendingcontrol.common.feed.ChangeFeed;
import uk.gov.spendingcontrol.testing.ChangeFeedContractTests;

/** The outcome-delivery-plan feed is served as every feed is: who reads which events, paging, format, errors. */
@QuarkusTest
class ChangeFeedTest extends ChangeFeedContractTests {

    @Inject
    ChangeFeed feed;

    ChangeFeedTest() {
        super("outcome-delivery-plan");
    }

    @Override
    protected long publish(String aggregateId, List<String> departments) {
        return QuarkusTransaction.requiringNew().call(() -> feed.append("FeedContractProbe", "Probe", aggregateId,
                departments, Map.of("id", aggregateId), "feed-contract-test"));
    }
}
