package uk.gov.spendingcontrol.odp.plans;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.gov.spendingcontrol.odp.metrics.MetricView;
import uk.gov.spendingcontrol.odp.metrics.TargetPoint;

/**
 * What changed between two published revisions of a plan, in words a reader understands: outcomes and metrics are
 * matched by their ids (kept across revisions), enabler commitments by their content.
 */
public final class PlanDiff {

    public enum Kind { ADDED, REMOVED, CHANGED }

    @Schema(name = "PlanChange")
    public record Change(
            Kind kind,
            @Schema(description = "Where, as a path into the plan", example = "priorityOutcomes[1].metrics[0].trajectory")
            String where,
            @Schema(example = "Metric 'Patients waiting less than 18 weeks': the target for 2027-28 changed from 80 to 70")
            String description) {
    }

    @Schema(name = "PlanRevisionDiff")
    public record View(UUID planId, int from, int to,
            @Schema(description = "Why revision 'to' was made") String reason,
            OffsetDateTime fromPublishedAt, OffsetDateTime toPublishedAt, List<Change> changes) {
    }

    private final List<Change> changes = new ArrayList<>();

    private PlanDiff() {
    }

    static View between(PlanRevisions.Revision a, PlanRevisions.Revision b) {
        PlanDiff d = new PlanDiff();
        d.plan(a.content(), b.content());
        return new View(b.planId(), a.revision(), b.revision(), b.reason(), a.publishedAt(), b.publishedAt(),
                List.copyOf(d.changes));
    }

    private void plan(PlanView a, PlanView b) {
        text("title", "The title", a.title(), b.title());
        text("summary", "The summary", a.summary(), b.summary());
        Map<UUID, PriorityOutcomeView> before = new LinkedHashMap<>();
        a.priorityOutcomes().forEach(o -> before.put(o.id(), o));
        for (int i = 0; i < b.priorityOutcomes().size(); i++) {
            PriorityOutcomeView o = b.priorityOutcomes().get(i);
            String at = "priorityOutcomes[" + i + "]";
            PriorityOutcomeView old = before.remove(o.id());
            if (old == null) {
                add(Kind.ADDED, at, "Priority outcome '" + o.title() + "' was added, with " + o.metrics().size()
                        + " metric(s)");
                continue;
            }
            String name = "Priority outcome '" + o.title() + "'";
            text(at + ".title", "The title of priority outcome '" + old.title() + "'", old.title(), o.title());
            text(at + ".description", name + ": the description", old.description(), o.description());
            text(at + ".crossCuttingOutcomeId", name + ": the cross-cutting outcome it contributes to",
                    old.crossCuttingOutcomeId(), o.crossCuttingOutcomeId());
            metrics(at, name, old.metrics(), o.metrics());
        }
        before.values().forEach(o -> add(Kind.REMOVED, "priorityOutcomes", "Priority outcome '" + o.title()
                + "' was removed"));
        List<EnablerCommitmentView> oldEnablers = new ArrayList<>(a.strategicEnablers());
        for (int i = 0; i < b.strategicEnablers().size(); i++) {
            EnablerCommitmentView e = b.strategicEnablers().get(i);
            if (!oldEnablers.remove(e)) {
                add(Kind.ADDED, "strategicEnablers[" + i + "]", "Commitment under " + enabler(e) + " added: '"
                        + e.commitment() + "' (owner " + e.owner() + ", due " + e.dueDate() + ")");
            }
        }
        oldEnablers.forEach(e -> add(Kind.REMOVED, "strategicEnablers", "Commitment under " + enabler(e)
                + " removed: '" + e.commitment() + "'"));
    }

    private void metrics(String outcomeAt, String outcomeName, List<MetricView> a, List<MetricView> b) {
        Map<UUID, MetricView> before = new LinkedHashMap<>();
        a.forEach(m -> before.put(m.id(), m));
        for (int j = 0; j < b.size(); j++) {
            MetricView m = b.get(j);
            String at = outcomeAt + ".metrics[" + j + "]";
            MetricView old = before.remove(m.id());
            if (old == null) {
                add(Kind.ADDED, at, outcomeName + ": metric '" + m.name() + "' was added");
                continue;
            }
            String name = "Metric '" + m.name() + "'";
            text(at + ".name", "The name of metric '" + old.name() + "'", old.name(), m.name());
            text(at + ".unit", name + ": the unit", old.unit(), m.unit());
            text(at + ".polarity", name + ": which way is better", String.valueOf(old.polarity()),
                    String.valueOf(m.polarity()));
            text(at + ".frequency", name + ": the frequency", String.valueOf(old.frequency()),
                    String.valueOf(m.frequency()));
            text(at + ".dataSource", name + ": the data source", old.dataSource(), m.dataSource());
            text(at + ".programmes", name + ": the programmes", String.join(", ", old.programmes()),
                    String.join(", ", m.programmes()));
            text(at + ".baseline", name + ": the baseline", baseline(old), baseline(m));
            Map<String, BigDecimal> targets = new LinkedHashMap<>();
            old.trajectory().forEach(t -> targets.put(t.period(), t.target()));
            for (TargetPoint t : m.trajectory()) {
                BigDecimal was = targets.remove(t.period());
                if (was == null) {
                    add(Kind.ADDED, at + ".trajectory", name + ": a target of " + t.target().toPlainString() + " for "
                            + t.period() + " was added");
                } else if (was.compareTo(t.target()) != 0) {
                    add(Kind.CHANGED, at + ".trajectory", name + ": the target for " + t.period() + " changed from "
                            + was.toPlainString() + " to " + t.target().toPlainString());
                }
            }
            targets.forEach((period, target) -> add(Kind.REMOVED, at + ".trajectory", name + ": the target of "
                    + target.toPlainString() + " for " + period + " was removed"));
        }
        before.values().forEach(m -> add(Kind.REMOVED, outcomeAt + ".metrics", outcomeName + ": metric '" + m.name()
                + "' was removed"));
    }

    private void text(String where, String what, String a, String b) {
        if (Objects.equals(a, b)) {
            return;
        }
        if (a == null || a.isEmpty()) {
            add(Kind.ADDED, where, what + " was set to '" + b + "'");
        } else if (b == null || b.isEmpty()) {
            add(Kind.REMOVED, where, what + " was removed (it was '" + a + "')");
        } else {
            add(Kind.CHANGED, where, what + " changed from '" + a + "' to '" + b + "'");
        }
    }

    private void add(Kind kind, String where, String description) {
        changes.add(new Change(kind, where, description));
    }

    private static String baseline(MetricView m) {
        return m.baseline() == null ? null : m.baseline().value().toPlainString() + " on " + m.baseline().date();
    }

    private static String enabler(EnablerCommitmentView e) {
        return switch (e.enabler()) {
            case WORKFORCE_SKILLS_LOCATION -> "workforce, skills and location";
            case INNOVATION_TECHNOLOGY_DATA -> "innovation, technology and data";
            case DELIVERY_EVALUATION_COLLABORATION -> "delivery, evaluation and collaboration";
            case SUSTAINABILITY -> "sustainability";
        };
    }
}
