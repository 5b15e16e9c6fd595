package uk.gov.spendingcontrol.reporting.inventory;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import uk.gov.spendingcontrol.reporting.inventory.Dataset.Access;
import uk.gov.spendingcontrol.reporting.inventory.Dataset.Field;

/** The suite's datasets. Kept here, beside the read models that know when each last changed. */
public final class Catalogue {

    private Catalogue() {
    }

    static final String BUDGET_FEED = "/api/v1/change-feeds/budget";
    static final String ODP_FEED = "/api/v1/change-feeds/outcome-delivery-plan";
    static final String DELEGATION_FEED = "/api/v1/change-feeds/delegation-rules";
    static final String FDP = "/api/v1/open/fiscal-data-package/datapackage.json";

    private static Field f(String name, String type, String description) {
        return new Field(name, type, description);
    }

    public static final List<Dataset> DATASETS = List.of(
            new Dataset("budget.control-totals", "Control totals",
                    "The limits each department must spend within, by financial year and budget boundary (resource DEL"
                            + " admin and programme, capital DEL, AME), as a ledger of every adjustment: settlement,"
                            + " estimates, transfers.", "budget",
                    List.of(f("department", "string", "Department code"), f("financialYear", "string", "Such as 2026-27"),
                            f("boundary", "string", "Budget boundary"), f("type", "string", "Why it changed"),
                            f("amount", "number", "Pounds"), f("createdAt", "datetime", "When")),
                    "CONTINUOUS", null, "OFFICIAL",
                    new Access("/api/v1/control-totals", BUDGET_FEED, List.of(FDP,
                            "/api/v1/open/exports/spending.csv", "/api/v1/open/exports/spending.xlsx"))),
            new Dataset("budget.programmes", "Programmes", "Bodies of spending run by a lead department, with the"
                    + " departments that contribute.", "budget",
                    List.of(f("code", "string", "Programme code"), f("name", "string", "Name"),
                            f("leadDepartment", "string", "Department code"),
                            f("contributors", "array", "Department codes"), f("status", "string", "ACTIVE or CLOSED")),
                    "CONTINUOUS", null, "OFFICIAL", new Access("/api/v1/programmes", BUDGET_FEED, List.of())),
            new Dataset("budget.allocations", "Programme allocations", "What each department allocates to each"
                    + " programme by year and boundary, with a monthly profile.", "budget",
                    List.of(f("department", "string", "Department code"), f("programme", "string", "Programme code"),
                            f("financialYear", "string", "Such as 2026-27"), f("boundary", "string", "Budget boundary"),
                            f("amount", "number", "Pounds"), f("monthlyProfile", "array", "Twelve shares or null")),
                    "CONTINUOUS", null, "OFFICIAL", new Access("/api/v1/allocations", BUDGET_FEED, List.of(FDP))),
            new Dataset("budget.returns", "Monthly returns: forecast and outturn", "Each department's monthly return"
                    + " from its finance system: outturn to date and forecast for the year, per programme and boundary,"
                    + " validated, then confirmed or rejected by the Treasury.", "budget",
                    List.of(f("department", "string", "Department code"), f("financialYear", "string", "Such as 2026-27"),
                            f("period", "integer", "1 (April) to 12 (March)"), f("programme", "string", "Programme code"),
                            f("boundary", "string", "Budget boundary"), f("outturnYearToDate", "number", "Pounds"),
                            f("forecastFullYear", "number", "Pounds"), f("status", "string",
                                    "SUBMITTED, CONFIRMED or REJECTED")),
                    "MONTHLY", null, "OFFICIAL", new Access("/api/v1/returns", BUDGET_FEED, List.of(FDP,
                            "/api/v1/reporting/exports/department-programmes.csv"))),
            new Dataset("budget.joint-bids", "Joint bids", "Spending-review bids made by several departments together,"
                    + " each linked to the cross-cutting outcome it supports.", "budget",
                    List.of(f("id", "string", "UUID"), f("title", "string", "Title"),
                            f("crossCuttingOutcomeId", "string", "Outcome slug"),
                            f("departments", "array", "Department codes"), f("status", "string", "Status"),
                            f("total", "number", "Pounds")),
                    "CONTINUOUS", null, "OFFICIAL", new Access("/api/v1/joint-bids", BUDGET_FEED,
                            List.of("/api/v1/reporting/exports/link-check.csv"))),
            new Dataset("outcome-delivery-plan.plans", "Published Outcome Delivery Plans", "Departments' plans for the"
                    + " year: priority outcomes, metrics, strategic enablers. Published plans are open data.",
                    "outcome-delivery-plan",
                    List.of(f("id", "string", "UUID"), f("department", "string", "Department code"),
                            f("financialYear", "string", "Such as 2026-27"), f("status", "string", "PUBLISHED"),
                            f("outcomes", "array", "Priority outcomes")),
                    "ANNUALLY", null, "OPEN", new Access("/api/v1/published/outcome-delivery-plans", ODP_FEED,
                            List.of("/api/v1/open/exports/published-plans.csv",
                                    "/api/v1/open/exports/published-plans.xlsx"))),
            new Dataset("outcome-delivery-plan.metrics", "Metrics and their status", "The metrics that track outcomes:"
                    + " baseline, trajectory, data points and the status computed against the trajectory.",
                    "outcome-delivery-plan",
                    List.of(f("id", "string", "UUID"), f("department", "string", "Department code"),
                            f("name", "string", "Name"), f("unit", "string", "Unit"),
                            f("latestPoint", "object", "Period, value"), f("status", "string",
                                    "ON_TRACK, AT_RISK, OFF_TRACK, NO_DATA or STALE")),
                    "MONTHLY", null, "OFFICIAL", new Access("/api/v1/metrics", ODP_FEED, List.of())),
            new Dataset("outcome-delivery-plan.cross-cutting-outcomes", "Cross-cutting outcomes", "The register of"
                    + " outcomes several departments deliver together, with the lead, contributions and programmes.",
                    "outcome-delivery-plan",
                    List.of(f("id", "string", "Slug such as net-zero-2050"), f("title", "string", "Title"),
                            f("leadDepartment", "string", "Department code"),
                            f("contributors", "array", "Department codes")),
                    "CONTINUOUS", null, "OFFICIAL", new Access("/api/v1/cross-cutting-outcomes", ODP_FEED, List.of())),
            new Dataset("delegation-rules.rule-sets", "Delegated authority", "What each department may approve itself:"
                    + " rule sets, versioned, with thresholds and spend controls.", "delegation-rules",
                    List.of(f("id", "string", "UUID"), f("department", "string", "Department code"),
                            f("version", "integer", "Version"), f("effectiveFrom", "date", "In force from")),
                    "IRREGULAR", null, "OFFICIAL", new Access("/api/v1/delegation-rules/rule-sets", DELEGATION_FEED, List.of())),
            new Dataset("delegation-rules.approvals", "Approvals", "Proposals that need Treasury or Cabinet Office"
                    + " approval, pending and decided, with their age.", "delegation-rules",
                    List.of(f("id", "string", "UUID"), f("department", "string", "Department code"),
                            f("approver", "string", "TREASURY or CABINET_OFFICE"), f("status", "string",
                                    "PENDING, APPROVED or REJECTED"), f("openedAt", "datetime", "Opened"),
                            f("decidedAt", "datetime", "Decided")),
                    "CONTINUOUS", null, "OFFICIAL", new Access("/api/v1/delegation-rules/approvals", DELEGATION_FEED,
                            List.of("/api/v1/reporting/exports/approvals.csv"))),
            new Dataset("reporting.requirements", "Reporting requirements", "The returns the centre asks departments"
                    + " for, and which are met by live data.", "reporting",
                    List.of(f("code", "string", "Code"), f("frequency", "string", "MONTHLY, QUARTERLY, ANNUALLY, AD_HOC"),
                            f("dueDaysAfterPeriodEnd", "integer", "Days"),
                            f("liveDataFeed", "string", "The dataset that meets it")),
                    "IRREGULAR", null, "OFFICIAL", new Access("/api/v1/reporting-requirements",
                            "/api/v1/change-feeds/reporting", List.of("/api/v1/reporting/exports/compliance.csv"))),
            new Dataset("reporting.spending", "Spending: budgets, forecasts and outturn (open)", "Per financial year,"
                    + " department, programme and boundary: allocated budget, forecast for the year and outturn to"
                    + " date, as a Fiscal Data Package.", "reporting",
                    List.of(f("financialYear", "string", "Such as 2026-27"), f("department", "string", "Department"),
                            f("programme", "string", "Programme code"), f("boundary", "string", "Budget boundary"),
                            f("allocated", "number", "Pounds"), f("forecast", "number", "Pounds"),
                            f("outturn", "number", "Pounds")),
                    "MONTHLY", null, "OPEN", new Access(FDP, null, List.of(FDP,
                            "/api/v1/open/fiscal-data-package/spending.csv", "/api/v1/open/exports/spending.csv",
                            "/api/v1/open/exports/spending.xlsx"))));

    public static final Map<String, Dataset> BY_ID = DATASETS.stream()
            .collect(Collectors.toUnmodifiableMap(Dataset::id, d -> d));
}
