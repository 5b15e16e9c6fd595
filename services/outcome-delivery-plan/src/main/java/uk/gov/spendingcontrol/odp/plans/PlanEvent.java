package uk.gov.spendingcontrol.odp.plans;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The payload of a {@code PlanChanged} event (docs/change-feeds.md). */
public record PlanEvent(UUID id, String department, String financialYear, String title, PlanStatus status,
        int revision, Integer publishedRevision, OffsetDateTime publishedAt, List<Outcome> outcomes) {

    public record Outcome(UUID id, String title, String crossCuttingOutcomeId, List<UUID> metricIds) {
    }

    static PlanEvent of(Plan p) {
        return new PlanEvent(p.id, p.departmentCode, p.financialYear, p.title, p.status, p.revision,
                p.publishedRevision, p.publishedAt, p.outcomes.stream()
                        .map(o -> new Outcome(o.id, o.title, o.crossCuttingOutcomeId,
                                o.metrics.stream().map(m -> m.id).toList()))
                        .toList());
    }
}
