package uk.gov.spendingcontrol.reporting.readmodel;

import static uk.gov.spendingcontrol.reporting.readmodel.Json.decimal;
import static uk.gov.spendingcontrol.reporting.readmodel.Json.instant;
import static uk.gov.spendingcontrol.reporting.readmodel.Json.integer;
import static uk.gov.spendingcontrol.reporting.readmodel.Json.strings;
import static uk.gov.spendingcontrol.reporting.readmodel.Json.text;
import static uk.gov.spendingcontrol.reporting.readmodel.Json.uuid;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.util.UUID;

/** The budget feed (docs/change-feeds.md, "Budget events"): control totals, programmes, allocations, returns, bids. */
@ApplicationScoped
public class BudgetProjection implements Projection {

    public static final String SOURCE = "budget";

    private final Sql sql;

    public BudgetProjection(Sql sql) {
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
            case "ControlTotalAdjusted" -> adjustment(p, touched);
            case "ControlTotalTransferred" -> p.path("legs").forEach(leg -> adjustment(leg, touched));
            case "ProgrammeCreated", "ProgrammeChanged" -> programme(p, touched);
            case "AllocationSet" -> allocation(p, touched);
            case "ReturnSubmitted" -> returnSubmitted(p, touched);
            case "ReturnReviewed" -> returnReviewed(p, touched);
            case "JointBidCreated", "JointBidChanged", "JointBidStatusChanged" -> jointBid(p, touched);
            case "PeriodClosed" -> touched.everyDepartment = true;
            default -> {
                // not used by the read models
            }
        }
    }

    private void adjustment(JsonNode a, Touched touched) {
        sql.update("INSERT INTO rm_control_adjustment (id, department, financial_year, boundary, type, amount, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET department = excluded.department,"
                + " financial_year = excluded.financial_year, boundary = excluded.boundary, type = excluded.type,"
                + " amount = excluded.amount, created_at = excluded.created_at",
                a.path("id").asLong(), text(a, "department"), text(a, "financialYear"), text(a, "boundary"),
                text(a, "type"), decimal(a, "amount"), instant(a, "createdAt"));
        touched.department(text(a, "department"));
    }

    private void programme(JsonNode p, Touched touched) {
        sql.update("INSERT INTO rm_programme (code, name, lead_department, contributors, status, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (code) DO UPDATE SET name = excluded.name,"
                + " lead_department = excluded.lead_department, contributors = excluded.contributors,"
                + " status = excluded.status, updated_at = excluded.updated_at",
                text(p, "code"), text(p, "name"), text(p, "leadDepartment"), strings(p, "contributors"),
                text(p, "status"), instant(p, "updatedAt"));
        touched.programme(text(p, "code"));
        touched.department(text(p, "leadDepartment"));
        strings(p, "contributors").forEach(touched::department);
    }

    private void allocation(JsonNode a, Touched touched) {
        sql.update("INSERT INTO rm_allocation (id, department, programme, financial_year, boundary, amount)"
                + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET department = excluded.department,"
                + " programme = excluded.programme, financial_year = excluded.financial_year,"
                + " boundary = excluded.boundary, amount = excluded.amount",
                a.path("id").asLong(), text(a, "department"), text(a, "programme"), text(a, "financialYear"),
                text(a, "boundary"), decimal(a, "amount"));
        touched.department(text(a, "department"));
        touched.programme(text(a, "programme"));
    }

    private void returnSubmitted(JsonNode p, Touched touched) {
        JsonNode s = p.get("submission");
        UUID id = uuid(s, "id");
        upsertReturn(s);
        sql.update("DELETE FROM rm_return_total WHERE return_id = ?", id);
        JsonNode totals = p.path("totals");
        if (totals.size() > 0) {
            sql.work(c -> {
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO rm_return_total"
                        + " (return_id, programme, boundary, outturn_ytd, forecast_full_year) VALUES (?, ?, ?, ?, ?)")) {
                    for (JsonNode t : totals) {
                        insert.setObject(1, id);
                        insert.setString(2, text(t, "programme"));
                        insert.setString(3, text(t, "boundary"));
                        insert.setBigDecimal(4, orZero(decimal(t, "outturnYearToDate")));
                        insert.setBigDecimal(5, orZero(decimal(t, "forecastFullYear")));
                        insert.addBatch();
                        touched.programme(text(t, "programme"));
                    }
                    insert.executeBatch();
                }
                return null;
            });
        }
        current(text(s, "department"), text(s, "financialYear"));
        touched.department(text(s, "department"));
    }

    private void returnReviewed(JsonNode s, Touched touched) {
        upsertReturn(s);
        current(text(s, "department"), text(s, "financialYear"));
        touched.department(text(s, "department"));
    }

    private void upsertReturn(JsonNode s) {
        sql.update("INSERT INTO rm_return (id, department, financial_year, period, version, status, submitted_at,"
                + " reviewed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET status = excluded.status,"
                + " reviewed_at = excluded.reviewed_at",
                uuid(s, "id"), text(s, "department"), text(s, "financialYear"), integer(s, "period"),
                integer(s, "version"), text(s, "status"), instant(s, "submittedAt"), instant(s, "reviewedAt"));
    }

    /** The department's current return for the year: the latest version of the highest period that is not rejected. */
    private void current(String department, String year) {
        int moved = sql.update("INSERT INTO rm_current_return (department, financial_year, return_id)"
                + " SELECT department, financial_year, id FROM rm_return WHERE department = ? AND financial_year = ?"
                + " AND status <> 'REJECTED' ORDER BY period DESC, version DESC LIMIT 1"
                + " ON CONFLICT (department, financial_year) DO UPDATE SET return_id = excluded.return_id",
                department, year);
        if (moved == 0) {
            sql.update("DELETE FROM rm_current_return WHERE department = ? AND financial_year = ?", department, year);
        }
    }

    private void jointBid(JsonNode b, Touched touched) {
        sql.update("INSERT INTO rm_joint_bid (id, title, cross_cutting_outcome_id, lead_department, departments, status,"
                + " total) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET title = excluded.title,"
                + " cross_cutting_outcome_id = excluded.cross_cutting_outcome_id,"
                + " lead_department = excluded.lead_department, departments = excluded.departments,"
                + " status = excluded.status, total = excluded.total",
                uuid(b, "id"), text(b, "title"), text(b, "crossCuttingOutcomeId"), text(b, "leadDepartment"),
                strings(b, "departments"), text(b, "status"), orZero(decimal(b, "total")));
        touched.outcome(text(b, "crossCuttingOutcomeId"));
        touched.department(text(b, "leadDepartment"));
        strings(b, "departments").forEach(touched::department);
    }

    private static BigDecimal orZero(BigDecimal d) {
        return d == null ? BigDecimal.ZERO : d;
    }
}
