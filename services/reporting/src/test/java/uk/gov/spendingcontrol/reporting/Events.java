package uk.gov.spendingcontrol.reporting;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Events as the sources publish them (docs/change-feeds.md and the ODP contract), published on the {@link FeedServer}.
 * Each returns the position it got.
 */
final class Events {

    static final String BUDGET = "budget";
    static final String ODP = "outcome-delivery-plan";
    static final String DELEGATION = "delegation-rules";
    private static final AtomicLong IDS = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    private Events() {
    }

    static String now() {
        return OffsetDateTime.now(ZoneOffset.UTC).toString();
    }

    static long adjustment(String dept, String year, String boundary, String amount) {
        long id = IDS.incrementAndGet();
        return FeedServer.publish(BUDGET, "ControlTotalAdjusted", "ControlTotalAdjustment", Long.toString(id),
                List.of(dept), map("id", id, "department", dept, "financialYear", year, "boundary", boundary,
                        "type", "MAIN_ESTIMATE", "amount", new BigDecimal(amount), "reason", "test",
                        "createdBy", "hmt", "createdAt", now()));
    }

    static long programme(String code, String name, String lead, List<String> contributors, String status) {
        return FeedServer.publish(BUDGET, "ProgrammeCreated", "Programme", code, concat(lead, contributors),
                map("code", code, "name", name, "leadDepartment", lead, "contributors", contributors, "status", status,
                        "version", 1, "createdBy", "t", "createdAt", now(), "updatedBy", "t", "updatedAt", now()));
    }

    /** An allocation: the same id again replaces it (AllocationSet carries the whole allocation). */
    static long allocation(long id, String dept, String programme, String year, String boundary, String amount) {
        return FeedServer.publish(BUDGET, "AllocationSet", "Allocation", Long.toString(id), List.of(dept),
                map("id", id, "department", dept, "programme", programme, "financialYear", year, "boundary", boundary,
                        "amount", new BigDecimal(amount), "monthlyProfile", null, "version", 1, "updatedBy", "t",
                        "updatedAt", now()));
    }

    static long newId() {
        return IDS.incrementAndGet();
    }

    /** A total of a return: programme, boundary, outturn to date, forecast for the year. */
    static Map<String, Object> total(String programme, String boundary, String outturn, String forecast) {
        return map("programme", programme, "boundary", boundary, "outturnYearToDate", new BigDecimal(outturn),
                "forecastFullYear", new BigDecimal(forecast));
    }

    static UUID returnSubmitted(String dept, String year, int period, int version, List<Map<String, Object>> totals) {
        UUID id = UUID.randomUUID();
        FeedServer.publish(BUDGET, "ReturnSubmitted", "Return", id.toString(), List.of(dept),
                map("submission", submission(id, dept, year, period, version, "SUBMITTED"),
                        "warningCounts", Map.of(), "totals", totals));
        return id;
    }

    static long returnReviewed(UUID id, String dept, String year, int period, int version, String status) {
        return FeedServer.publish(BUDGET, "ReturnReviewed", "Return", id.toString(), List.of(dept),
                submission(id, dept, year, period, version, status));
    }

    private static Map<String, Object> submission(UUID id, String dept, String year, int period, int version,
            String status) {
        return map("id", id, "department", dept, "financialYear", year, "period", period, "version", version,
                "superseded", false, "status", status, "format", "CSV", "lineCount", 10, "warningCount", 0,
                "submittedBy", "sys", "submittedAt", now(), "revision", 0);
    }

    static long jointBid(UUID id, String title, String outcome, String lead, List<String> departments, String status,
            String total) {
        return FeedServer.publish(BUDGET, "JointBidCreated", "JointBid", id.toString(), departments,
                map("id", id, "title", title, "description", "d", "crossCuttingOutcomeId", outcome,
                        "leadDepartment", lead, "departments", departments, "status", status, "version", 1,
                        "amounts", List.of(), "total", new BigDecimal(total)));
    }

    static long outcome(String id, String title, String lead, List<String> contributors) {
        return FeedServer.publish(ODP, "CrossCuttingOutcomeChanged", "CrossCuttingOutcome", id, contributors,
                map("id", id, "title", title, "description", "about " + title, "leadDepartment", lead,
                        "contributors", contributors, "status", "ACTIVE"));
    }

    static long contribution(String outcome, String dept, List<String> programmes, List<String> metricIds) {
        return FeedServer.publish(ODP, "ContributionChanged", "Contribution", outcome + "/" + dept, List.of(dept),
                map("outcomeId", outcome, "department", dept, "summary", dept + " on " + outcome,
                        "programmes", programmes, "metricIds", metricIds));
    }

    /** A metric with one data point for {@code period} and its target; {@code staleAfter} may be in the past. */
    static long metric(String id, String dept, String planId, String outcomeId, String ccOutcome, String name,
            List<String> programmes, String period, String value, String target, String status,
            OffsetDateTime staleAfter) {
        Map<String, Object> latest = period == null ? null : map("period", period, "value", new BigDecimal(value),
                "version", 1);
        List<Object> trajectory = period == null ? List.of()
                : List.of(map("period", period, "target", new BigDecimal(target)), map("period", "2099-03",
                        "target", new BigDecimal("1")));
        return FeedServer.publish(ODP, "MetricChanged", "Metric", id, List.of(dept),
                map("id", id, "department", dept, "planId", planId, "priorityOutcomeId", outcomeId,
                        "crossCuttingOutcomeId", ccOutcome, "name", name, "unit", "people", "polarity",
                        "LOWER_IS_BETTER", "baseline", map("value", 1, "date", "2025-04-01"),
                        "trajectory", trajectory, "frequency", "MONTHLY", "dataSource", "test",
                        "programmes", programmes, "latestPoint", latest,
                        "status", map("status", status, "rule", "rule of " + status, "figures", Map.of(),
                                "staleAfter", staleAfter == null ? null : staleAfter.toString())));
    }

    static long plan(String id, String dept, String year, String status, List<Map<String, Object>> outcomes) {
        return FeedServer.publish(ODP, "PlanChanged", "Plan", id, List.of(dept),
                map("id", id, "department", dept, "financialYear", year, "status", status, "revision", 1,
                        "publishedAt", "PUBLISHED".equals(status) ? now() : null, "outcomes", outcomes));
    }

    static Map<String, Object> planOutcome(String id, String title, String cc, List<String> metricIds) {
        return map("id", id, "title", title, "crossCuttingOutcomeId", cc, "metricIds", metricIds);
    }

    /** A submitted proposal with one approval opened {@code daysAgo} days ago (ApprovalOpened, then ProposalSubmitted). */
    static UUID proposal(String dept, String programme, String cost, int daysAgo) {
        UUID decision = UUID.randomUUID();
        UUID approval = UUID.randomUUID();
        Map<String, Object> a = approval(approval, decision, dept, "PENDING", OffsetDateTime.now(ZoneOffset.UTC)
                .minusDays(daysAgo), null);
        FeedServer.publish(DELEGATION, "ApprovalOpened", "Approval", approval.toString(), List.of(dept), a);
        FeedServer.publish(DELEGATION, "ProposalSubmitted", "Decision", decision.toString(), List.of(dept),
                map("id", decision, "department", dept, "proposal", map("category", "DIGITAL", "wholeLifeCost",
                        new BigDecimal(cost), "programme", programme, "description", "proposal " + cost),
                        "submitted", true, "outcome", "NEEDS_APPROVAL", "status", "PENDING",
                        "approvals", List.of(a), "recordedBy", "t", "recordedAt", now()));
        return approval;
    }

    static long decide(UUID approval, String dept, String status, int openedDaysAgo, int decidedDaysAgo) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Map<String, Object> a = approval(approval, null, dept, status, now.minusDays(openedDaysAgo),
                now.minusDays(decidedDaysAgo));
        return FeedServer.publish(DELEGATION, "ApprovalDecided", "Approval", approval.toString(), List.of(dept), a);
    }

    private static Map<String, Object> approval(UUID id, UUID decision, String dept, String status,
            OffsetDateTime openedAt, OffsetDateTime decidedAt) {
        return map("id", id, "decisionId", decision, "department", dept, "approver", "TREASURY",
                "approverRole", "treasury-approver", "status", status, "openedAt", openedAt.toString(),
                "decidedAt", decidedAt == null ? null : decidedAt.toString(), "decidedBy",
                decidedAt == null ? null : "hmt-approver");
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> out = new ArrayList<>();
        out.add(first);
        rest.stream().filter(r -> !r.equals(first)).forEach(out::add);
        return out;
    }

}
