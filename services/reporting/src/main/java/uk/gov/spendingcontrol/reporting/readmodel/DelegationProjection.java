package uk.gov.spendingcontrol.reporting.readmodel;

import static uk.gov.spendingcontrol.reporting.readmodel.Json.decimal;
import static uk.gov.spendingcontrol.reporting.readmodel.Json.instant;
import static uk.gov.spendingcontrol.reporting.readmodel.Json.text;
import static uk.gov.spendingcontrol.reporting.readmodel.Json.uuid;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;

/** The delegation-rules feed: submitted proposals and their approvals (opened, decided). Rule sets are not used. */
@ApplicationScoped
public class DelegationProjection implements Projection {

    public static final String SOURCE = "delegation-rules";

    private final Sql sql;

    public DelegationProjection(Sql sql) {
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
            case "ProposalSubmitted" -> decision(p, touched);
            case "ApprovalOpened", "ApprovalDecided" -> approval(p, touched);
            default -> {
                // rule-set events are not used by the read models
            }
        }
    }

    private void decision(JsonNode d, Touched touched) {
        JsonNode proposal = d.path("proposal");
        sql.update("INSERT INTO rm_decision (id, department, category, whole_life_cost, programme, description, outcome,"
                + " status, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET"
                + " status = excluded.status, outcome = excluded.outcome",
                uuid(d, "id"), text(d, "department"), text(proposal, "category"), decimal(proposal, "wholeLifeCost"),
                text(proposal, "programme"), text(proposal, "description"), text(d, "outcome"), text(d, "status"),
                instant(d, "recordedAt"));
        d.path("approvals").forEach(a -> approval(a, touched));
        touched.department(text(d, "department"));
        touched.programme(text(proposal, "programme"));
    }

    private void approval(JsonNode a, Touched touched) {
        sql.update("INSERT INTO rm_approval (id, decision_id, department, approver, approver_role, status, opened_at,"
                + " decided_at, decided_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET"
                + " status = excluded.status, decided_at = excluded.decided_at, decided_by = excluded.decided_by",
                uuid(a, "id"), uuid(a, "decisionId"), text(a, "department"), text(a, "approver"),
                text(a, "approverRole"), text(a, "status"), instant(a, "openedAt"), instant(a, "decidedAt"),
                text(a, "decidedBy"));
        touched.department(text(a, "department"));
    }
}
