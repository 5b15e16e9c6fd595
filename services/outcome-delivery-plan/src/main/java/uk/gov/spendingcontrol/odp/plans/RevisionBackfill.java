package uk.gov.spendingcontrol.odp.plans;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.jboss.logging.Logger;
import uk.gov.spendingcontrol.odp.metrics.MetricFeed;

/**
 * At start-up, stores the published revision of every plan published before revisions were kept (and of the demo
 * plans, which db/demo inserts as rows), with the plan's and its metrics' events, so that every published plan reads
 * the same way. Idempotent; replicas starting together store each revision once (and only the one that stored it
 * writes the events).
 */
@ApplicationScoped
public class RevisionBackfill {

    private static final Logger LOG = Logger.getLogger(RevisionBackfill.class);
    static final String RECORDED_BY = "outcome-delivery-plan";

    private final PlanRepository plans;
    private final PlanRevisions revisions;
    private final PlanService service;
    private final MetricFeed metricFeed;

    public RevisionBackfill(PlanRepository plans, PlanRevisions revisions, PlanService service, MetricFeed metricFeed) {
        this.plans = plans;
        this.revisions = revisions;
        this.service = service;
        this.metricFeed = metricFeed;
    }

    @Transactional
    void onStart(@Observes StartupEvent start) {
        int stored = 0;
        for (UUID id : revisions.missing()) {
            Plan p = plans.findById(id);
            if (revisions.store(service.view(p), p.revisionReason)) {
                stored++;
                metricFeed.changed(PlanService.allMetrics(p), RECORDED_BY);
                service.appendPlanChanged(p, RECORDED_BY);
            }
        }
        if (stored > 0) {
            LOG.infof("Stored the published revision of %d plan(s) published before revisions were kept", stored);
        }
    }
}
