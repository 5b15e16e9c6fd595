package uk.gov.spendingcontrol.odp.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import uk.gov.spendingcontrol.common.paging.PageRequest;
import uk.gov.spendingcontrol.common.problem.ProblemException;
import uk.gov.spendingcontrol.common.security.Caller;
import uk.gov.spendingcontrol.odp.metricdata.DataPointStore;
import uk.gov.spendingcontrol.odp.plans.PlanStatus;

/** Reads of one metric and of its data (every version of every point). */
@ApplicationScoped
public class MetricService {

    private final MetricRepository metrics;
    private final MetricFeed feed;
    private final DataPointStore points;
    private final Caller caller;

    public MetricService(MetricRepository metrics, MetricFeed feed, DataPointStore points, Caller caller) {
        this.metrics = metrics;
        this.feed = feed;
        this.points = points;
        this.caller = caller;
    }

    @Transactional
    public MetricView get(UUID id) {
        return feed.views(List.of(readable(id))).get(0);
    }

    @Transactional
    public List<DataPointStore.StoredPoint> history(UUID id, PageRequest page) {
        readable(id);
        LocalDate afterEnd = LocalDate.of(1900, 1, 1);
        int afterVersion = 0;
        if (page.after() != null) {
            String[] parts = page.after().split("\\|", -1);
            Period p = parts.length == 2 ? Period.parse(parts[0]) : null;
            if (p == null || !parts[1].matches("[1-9][0-9]{0,8}")) {
                throw ProblemException.invalid("cursor", "is not a cursor returned by this API");
            }
            afterEnd = p.end();
            afterVersion = Integer.parseInt(parts[1]);
        }
        return points.history(id, afterEnd, afterVersion, page.limit() + 1);
    }

    /**
     * A metric the caller may read: its department's, any for central roles, any of a cross-cutting outcome (the
     * outcome reads whole), and one of another department's plan whose current revision is published.
     */
    private Metric readable(UUID id) {
        return metrics.findByIdOptional(id).filter(m -> caller.mayRead(m.departmentCode) || m.contribution != null
                || m.outcome != null && m.outcome.plan.status == PlanStatus.PUBLISHED)
                .orElseThrow(() -> ProblemException.notFound("Metric", id));
    }
}
