package uk.gov.spendingcontrol.odp.plans;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import uk.gov.spendingcontrol.common.problem.FieldProblem;
import uk.gov.spendingcontrol.common.problem.ProblemException;
import uk.gov.spendingcontrol.odp.metrics.MetricDefinitions;

/** The rules on a plan's content that field annotations cannot express, each reported against its field. */
final class PlanRules {

    static final int MAX_OUTCOMES = 20;
    static final int MAX_METRICS = 20;
    static final int MAX_ENABLER_COMMITMENTS = 40;

    private PlanRules() {
    }

    /** No outcome or metric id given twice, and the metrics' own rules (MetricDefinitions.check). */
    static List<FieldProblem> checkContent(List<PriorityOutcomeRequest> outcomes) {
        List<FieldProblem> problems = new ArrayList<>();
        if (outcomes == null) {
            return problems;
        }
        Set<UUID> outcomeIds = new HashSet<>();
        for (int i = 0; i < outcomes.size(); i++) {
            PriorityOutcomeRequest o = outcomes.get(i);
            String at = "priorityOutcomes[" + i + "]";
            if (o.id() != null && !outcomeIds.add(o.id())) {
                problems.add(new FieldProblem(at + ".id", "names the same outcome as an earlier one", "Duplicate"));
            }
            MetricDefinitions.check(o.metrics(), at + ".metrics", problems);
        }
        return problems;
    }

    /** What a plan needs before it is published: at least one priority outcome, each tracked by a metric. */
    static List<FieldProblem> checkPublishable(Plan plan) {
        List<FieldProblem> problems = new ArrayList<>();
        if (plan.outcomes.isEmpty()) {
            problems.add(new FieldProblem("priorityOutcomes", "a published plan has at least one priority outcome",
                    "Required"));
        }
        for (int i = 0; i < plan.outcomes.size(); i++) {
            if (plan.outcomes.get(i).metrics.isEmpty()) {
                problems.add(new FieldProblem("priorityOutcomes[" + i + "].metrics",
                        "every priority outcome of a published plan is tracked by at least one metric", "Required"));
            }
            for (int j = 0; j < plan.outcomes.get(i).metrics.size(); j++) {
                if (plan.outcomes.get(i).metrics.get(j).trajectory.isEmpty()) {
                    problems.add(new FieldProblem("priorityOutcomes[" + i + "].metrics[" + j + "].trajectory",
                            "every metric of a published plan has at least one target", "Required"));
                }
            }
        }
        return problems;
    }

    /** Answers 400 with every problem found, if any. */
    static void rejectIfAny(List<FieldProblem> problems) {
        if (problems.isEmpty()) {
            return;
        }
        String detail = problems.size() == 1
                ? problems.get(0).field() + ": " + problems.get(0).message()
                : problems.size() + " fields are not valid";
        throw ProblemException.invalid(detail, problems);
    }
}
