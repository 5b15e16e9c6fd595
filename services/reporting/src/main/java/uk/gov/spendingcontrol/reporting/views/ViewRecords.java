package uk.gov.spendingcontrol.reporting.views;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.gov.spendingcontrol.reporting.feeds.SourceView;
import uk.gov.spendingcontrol.reporting.views.Figures.BoundaryFigures;
import uk.gov.spendingcontrol.reporting.views.Figures.OverspendRisk;
import uk.gov.spendingcontrol.reporting.views.Figures.ProgrammeMoney;
import uk.gov.spendingcontrol.reporting.views.Figures.Risk;
import uk.gov.spendingcontrol.reporting.views.Figures.Totals;

/** The JSON of the views (docs/reporting.md). */
public final class ViewRecords {

    private ViewRecords() {
    }

    @Schema(name = "LatestReturn")
    public record LatestReturn(UUID id, int period, int version, String status, OffsetDateTime submittedAt) {
    }

    @Schema(name = "DepartmentMoney")
    public record DepartmentMoney(SourceView source, @Schema(nullable = true) LatestReturn latestReturn,
            List<BoundaryFigures> boundaries, Totals totals, List<OverspendRisk> overspendRisks,
            List<ProgrammeMoney> programmes) {
    }

    @Schema(name = "MetricSummary")
    public record MetricView(String id, String department, String name, String unit, String polarity,
            String planId, String priorityOutcomeId, String crossCuttingOutcomeId, List<String> programmes,
            @Schema(type = SchemaType.OBJECT, implementation = Object.class, nullable = true) JsonNode latestPoint,
            @Schema(type = SchemaType.OBJECT, implementation = Object.class, nullable = true) JsonNode target,
            @Schema(enumeration = {"ON_TRACK", "AT_RISK", "OFF_TRACK", "NO_DATA", "STALE"}) String status,
            String rule, OffsetDateTime staleAfter) {
    }

    @Schema(name = "DepartmentMetrics")
    public record Metrics(SourceView source, Map<String, Long> counts, List<MetricView> items) {
    }

    @Schema(name = "PendingApproval")
    public record ApprovalItem(UUID id, UUID decisionId, String department, String approver, String approverRole,
            String status, OffsetDateTime openedAt, long ageDays, String category, String programme,
            BigDecimal wholeLifeCost, String description, OffsetDateTime decidedAt, String decidedBy) {
    }

    @Schema(name = "DepartmentApprovals")
    public record Approvals(SourceView source, long pending, @Schema(nullable = true) Long oldestPendingDays,
            List<ApprovalItem> items) {
    }

    @Schema(name = "DepartmentOverview")
    public record DepartmentOverview(String department, String financialYear, DepartmentMoney money, Metrics metrics,
            Approvals approvals, Risk risk) {
    }

    @Schema(name = "ProgrammeBoundary")
    public record ProgrammeBoundary(String boundary, BigDecimal allocated, BigDecimal forecastFullYear,
            BigDecimal outturnYearToDate, BigDecimal variance) {
    }

    @Schema(name = "ProgrammeMoneyTotals")
    public record ProgrammeTotals(BigDecimal allocated, BigDecimal forecastFullYear, BigDecimal outturnYearToDate,
            BigDecimal variance) {
    }

    @Schema(name = "ProgrammeMoneySection")
    public record ProgrammeMoneySection(SourceView source, List<ProgrammeBoundary> boundaries, ProgrammeTotals totals) {
    }

    @Schema(name = "OutcomeLink")
    public record OutcomeLink(String id, String title, String department) {
    }

    @Schema(name = "PriorityOutcomeLink")
    public record PriorityOutcomeLink(String planId, String id, String title, String department) {
    }

    @Schema(name = "ProgrammeOutcomes")
    public record ProgrammeOutcomes(SourceView source, List<OutcomeLink> crossCuttingOutcomes,
            List<PriorityOutcomeLink> priorityOutcomes, List<MetricView> metrics) {
    }

    @Schema(name = "ProgrammeView")
    public record ProgrammeView(String code, String name, String leadDepartment, List<String> contributors,
            String status, String financialYear, ProgrammeMoneySection money, ProgrammeOutcomes outcomes) {
    }

    @Schema(name = "Spend")
    public record Spend(BigDecimal allocated, BigDecimal forecastFullYear, BigDecimal outturnYearToDate) {
    }

    @Schema(name = "ProgrammeSpend")
    public record ProgrammeSpend(String code, String name, BigDecimal allocated, BigDecimal forecastFullYear,
            BigDecimal outturnYearToDate) {
    }

    @Schema(name = "OutcomeDepartment")
    public record OutcomeDepartment(String department, boolean lead, String summary,
            @Schema(description = "false: another department's entry, of which only the published is shown")
            boolean visible, List<ProgrammeSpend> programmes, @Schema(nullable = true) Spend spend,
            List<MetricView> metrics, Map<String, Long> statusCounts) {
    }

    @Schema(name = "JointBidSummary")
    public record JointBidItem(UUID id, String title, String status, String leadDepartment, List<String> departments,
            BigDecimal total, String crossCuttingOutcomeId) {
    }

    @Schema(name = "CrossCuttingOutcomeView")
    public record OutcomeView(String id, String title, String description, String leadDepartment,
            List<String> contributors, String status, SourceView source, List<OutcomeDepartment> departments,
            Spend totals, SourceView moneySource, List<JointBidItem> jointBids) {
    }

    @Schema(name = "GovernmentDepartment")
    public record GovernmentRow(String department, BigDecimal controlTotal, BigDecimal allocated,
            BigDecimal forecastFullYear, BigDecimal outturnYearToDate, BigDecimal headroom, long overspendRisks,
            Map<String, Long> metrics, long pendingApprovals, @Schema(nullable = true) Long oldestPendingDays,
            Risk risk) {
    }

    @Schema(name = "GovernmentView")
    public record GovernmentView(String financialYear, String sort, List<SourceView> sources,
            List<GovernmentRow> departments, Totals totals) {
    }

    @Schema(name = "ApprovalsByDepartment")
    public record ApprovalDepartment(String department, long pending, Map<String, Long> pendingByAge,
            @Schema(nullable = true) Long oldestPendingDays, long approved, long rejected,
            @Schema(nullable = true) Double averageDaysToDecide) {
    }

    @Schema(name = "ApprovalsView")
    public record ApprovalsView(SourceView source, List<ApprovalDepartment> departments, List<ApprovalItem> pending,
            List<ApprovalItem> decided) {
    }

    @Schema(name = "LinkCheckBid")
    public record LinkBid(UUID id, String title, String leadDepartment, String status,
            @Schema(nullable = true) String crossCuttingOutcomeId) {
    }

    @Schema(name = "LinkCheckProgramme")
    public record LinkProgramme(String code, String name, String leadDepartment) {
    }

    @Schema(name = "LinkCheck")
    public record LinkCheck(List<SourceView> sources, List<LinkBid> jointBidsWithoutOutcome,
            List<LinkBid> jointBidsWithUnknownOutcome, List<LinkProgramme> programmesWithoutOutcome) {
    }
}
