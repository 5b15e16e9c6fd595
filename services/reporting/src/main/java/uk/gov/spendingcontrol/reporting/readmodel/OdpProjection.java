package uk.gov.spendingcontrol.reporting.readmodel;

import static uk.gov.spendingcontrol.reporting.readmodel.Json.instant;
import static uk.gov.spendingcontrol.reporting.readmodel.Json.integer;
import static uk.gov.spendingcontrol.reporting.readmodel.Json.json;
import static uk.gov.spendingcontrol.reporting.readmodel.Json.strings;
import static uk.gov.spendingcontrol.reporting.readmodel.Json.text;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The outcome-delivery-plan feed: cross-cutting outcomes, contributions, metrics (with the status ODP computed) and
 * plans. Every payload is the whole current state of its aggregate.
 */
@ApplicationScoped
public class OdpProjection implements Projection {

    public static final String SOURCE = "outcome-delivery-plan";

    private final Sql sql;

    public OdpProjection(Sql sql) {
        this.sql = sql;
    }

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public void apply(JsonNode event, Touched touched) {
        JsonNode p = event.get("payload");
        switch (text(event, "type")) {
            case "CrossCuttingOutcomeChanged" -> outcome(p, touched);
            case "ContributionChanged" -> contribution(p, touched);
            case "MetricChanged" -> metric(p, touched);
            case "PlanChanged" -> plan(p, touched);
            default -> {
                // evaluations and the older plan events are not used by the read models
            }
        }
    }

    private void outcome(JsonNode o, Touched touched) {
        sql.update("INSERT INTO rm_cc_outcome (id, title, description, lead_department, contributors, status)"
                + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET title = excluded.title,"
                + " description = excluded.description, lead_department = excluded.lead_department,"
                + " contributors = excluded.contributors, status = excluded.status",
                text(o, "id"), text(o, "title"), text(o, "description"), text(o, "leadDepartment"),
                strings(o, "contributors"), text(o, "status"));
        touched.outcome(text(o, "id"));
        strings(o, "contributors").forEach(touched::department);
        touched.department(text(o, "leadDepartment"));
    }

    private void contribution(JsonNode c, Touched touched) {
        sql.update("INSERT INTO rm_contribution (outcome_id, department, summary, programmes, metric_ids)"
                + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (outcome_id, department) DO UPDATE SET summary = excluded.summary,"
                + " programmes = excluded.programmes, metric_ids = excluded.metric_ids",
                text(c, "outcomeId"), text(c, "department"), text(c, "summary"), strings(c, "programmes"),
                strings(c, "metricIds"));
        touched.outcome(text(c, "outcomeId"));
        touched.department(text(c, "department"));
        strings(c, "programmes").forEach(touched::programme);
    }

    private void metric(JsonNode m, Touched touched) {
        JsonNode latest = m.get("latestPoint");
        String target = null;
        if (latest != null && !latest.isNull()) {
            String period = text(latest, "period");
            for (JsonNode t : m.path("trajectory")) {
                if (period != null && period.equals(text(t, "period"))) {
                    target = t.toString();
                }
            }
        }
        JsonNode status = m.path("status");
        sql.update("INSERT INTO rm_metric (id, department, plan_id, priority_outcome_id, cc_outcome_id, name, unit,"
                + " polarity, programmes, status, rule, stale_after, latest_point, target)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb))"
                + " ON CONFLICT (id) DO UPDATE SET department = excluded.department, plan_id = excluded.plan_id,"
                + " priority_outcome_id = excluded.priority_outcome_id, cc_outcome_id = excluded.cc_outcome_id,"
                + " name = excluded.name, unit = excluded.unit, polarity = excluded.polarity,"
                + " programmes = excluded.programmes, status = excluded.status, rule = excluded.rule,"
                + " stale_after = excluded.stale_after, latest_point = excluded.latest_point, target = excluded.target",
                text(m, "id"), text(m, "department"), text(m, "planId"), text(m, "priorityOutcomeId"),
                text(m, "crossCuttingOutcomeId"), text(m, "name"), text(m, "unit"), text(m, "polarity"),
                strings(m, "programmes"), status.isMissingNode() || text(status, "status") == null ? "NO_DATA"
                        : text(status, "status"),
                text(status, "rule"), instant(status, "staleAfter"), json(m, "latestPoint"), target);
        touched.department(text(m, "department"));
        touched.outcome(text(m, "crossCuttingOutcomeId"));
        strings(m, "programmes").forEach(touched::programme);
    }

    private void plan(JsonNode p, Touched touched) {
        String outcomes = p.has("outcomes") && !p.get("outcomes").isNull() ? p.get("outcomes").toString() : "[]";
        sql.update("INSERT INTO rm_plan (id, department, financial_year, status, revision, published_at, outcomes)"
                + " VALUES (?, ?, ?, ?, ?, ?, CAST(? AS jsonb)) ON CONFLICT (id) DO UPDATE SET"
                + " department = excluded.department, financial_year = excluded.financial_year,"
                + " status = excluded.status, revision = excluded.revision, published_at = excluded.published_at,"
                + " outcomes = excluded.outcomes",
                text(p, "id"), text(p, "department"), text(p, "financialYear"), text(p, "status"),
                integer(p, "revision"), instant(p, "publishedAt"), outcomes);
        touched.department(text(p, "department"));
        p.path("outcomes").forEach(o -> touched.outcome(text(o, "crossCuttingOutcomeId")));
    }
}
