package uk.gov.spendingcontrol.odp.metricdata;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The validation rules of a submission of metric data points. Ids are stable: departments' systems may rely on them.
 * Any FATAL finding rejects the whole submission (nothing is written); WARNING findings are accepted and kept with it.
 */
public enum DataRule {

    D001(Severity.FATAL, Category.REFERENCE, "Unknown metric",
            "The metricId is not the id of a metric of the submitting department (whether another department has a"
                    + " metric of that id is not said)."),
    D002(Severity.FATAL, Category.FORMAT, "Malformed period",
            "The period is not a period of the metric's frequency: a month such as 2026-04 (MONTHLY), a quarter of a"
                    + " financial year such as 2026-27-Q1 (QUARTERLY) or a financial year such as 2026-27 (ANNUAL)."),
    D003(Severity.FATAL, Category.FORMAT, "Malformed value",
            "The value is not an exact decimal with at most 14 digits before the point and 4 after (a JSON number or"
                    + " string, such as 61.95 or -3)."),
    D004(Severity.FATAL, Category.PERIOD, "Future period",
            "The period has not started yet: data is for periods that have begun."),
    D005(Severity.FATAL, Category.UNIQUENESS, "Duplicate point",
            "Another point of the submission has the same metric and period."),
    D006(Severity.FATAL, Category.FORMAT, "Missing or unknown field",
            "A point lacks its metricId, period or value, or has a member that is not one of them."),
    D007(Severity.FATAL, Category.SIZE, "Too many points",
            "A submission holds at most 100,000 points: split it."),
    D008(Severity.WARNING, Category.PERIOD, "Before the baseline",
            "The period ends before the metric's baseline date: accepted, but it does not count towards progress"
                    + " from the baseline."),
    D009(Severity.WARNING, Category.HISTORY, "Correction",
            "A value was already accepted for this metric and period: this one is kept as its next version (the"
                    + " earlier ones stay readable)."),
    D010(Severity.WARNING, Category.PLAUSIBILITY, "Far from the trajectory",
            "The value is more than 50% away from the metric's target for the period: accepted, but worth a look.");

    @Schema(name = "DataRuleSeverity")
    public enum Severity { FATAL, WARNING }

    @Schema(name = "DataRuleCategory")
    public enum Category { FORMAT, REFERENCE, PERIOD, UNIQUENESS, HISTORY, PLAUSIBILITY, SIZE }

    public final Severity severity;
    public final Category category;
    public final String title;
    public final String description;

    DataRule(Severity severity, Category category, String title, String description) {
        this.severity = severity;
        this.category = category;
        this.title = title;
        this.description = description;
    }

    public boolean fatal() {
        return severity == Severity.FATAL;
    }

    @Schema(name = "DataValidationRule", description = "A named validation rule of metric data submissions")
    public record View(@Schema(example = "D001") String id, Severity severity, Category category,
            @Schema(example = "Unknown metric") String title, String description) {
    }

    public View view() {
        return new View(name(), severity, category, title, description);
    }
}
