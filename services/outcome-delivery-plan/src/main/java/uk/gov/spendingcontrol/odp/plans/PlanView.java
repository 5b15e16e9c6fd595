package uk.gov.spendingcontrol.odp.plans;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.gov.spendingcontrol.odp.metrics.Metric;
import uk.gov.spendingcontrol.odp.metrics.MetricView;

/** A plan as its department and the centre see it; also what a published revision holds. */
@Schema(name = "OutcomeDeliveryPlan")
public record PlanView(
        UUID id,
        @Schema(description = "The owning department, from the creator's token", example = "DHSC") String department,
        @Schema(example = "2026-27") String financialYear,
        String title,
        String summary,
        PlanStatus status,
        @Schema(description = "Changes with every change; it is also the ETag, to send back in If-Match to change the plan",
                example = "0") int version,
        @Schema(description = "The revision being worked on, or the last one published: 1, then one more per"
                + " correction", example = "1") int revision,
        @Schema(description = "Why this revision was started (null for the first)") String revisionReason,
        @Schema(description = "The newest published revision, or null") Integer publishedRevision,
        List<PriorityOutcomeView> priorityOutcomes,
        List<EnablerCommitmentView> strategicEnablers,
        String createdBy,
        OffsetDateTime createdAt,
        String updatedBy,
        OffsetDateTime updatedAt,
        @Schema(description = "Set once the current revision is submitted") String submittedBy,
        @Schema(description = "Set once the current revision is submitted") OffsetDateTime submittedAt,
        @Schema(description = "Who published the newest published revision") String publishedBy,
        @Schema(description = "When the newest published revision was published") OffsetDateTime publishedAt) {

    /** The plan, its metrics shown as given (with their data and status). */
    static PlanView of(Plan p, Map<UUID, MetricView> metrics) {
        List<PriorityOutcomeView> outcomes = new ArrayList<>();
        for (PriorityOutcome o : p.outcomes) {
            List<MetricView> ms = new ArrayList<>();
            for (Metric m : o.metrics) {
                ms.add(metrics.get(m.id));
            }
            outcomes.add(new PriorityOutcomeView(o.id, o.title, o.description, o.crossCuttingOutcomeId, ms));
        }
        return new PlanView(p.id, p.departmentCode, p.financialYear, p.title, p.summary, p.status, p.version,
                p.revision, p.revisionReason, p.publishedRevision, outcomes,
                p.enablers.stream().map(EnablerCommitmentView::of).toList(),
                p.createdBy, p.createdAt, p.updatedBy, p.updatedAt, p.submittedBy, p.submittedAt, p.publishedBy,
                p.publishedAt);
    }

    /** Every metric of the plan, in order. */
    List<MetricView> metrics() {
        return priorityOutcomes.stream().flatMap(o -> o.metrics().stream()).toList();
    }

    /** The same plan with other metric views (today's data on a published revision). */
    PlanView withMetrics(Map<UUID, MetricView> metrics) {
        List<PriorityOutcomeView> outcomes = priorityOutcomes.stream()
                .map(o -> o.withMetrics(o.metrics().stream().map(m -> metrics.getOrDefault(m.id(), m)).toList()))
                .toList();
        return new PlanView(id, department, financialYear, title, summary, status, version, revision, revisionReason,
                publishedRevision, outcomes, strategicEnablers, createdBy, createdAt, updatedBy, updatedAt, submittedBy,
                submittedAt, publishedBy, publishedAt);
    }
}
