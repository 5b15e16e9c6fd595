package uk.gov.spendingcontrol.budget.returns;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The validation rules of a monthly return. Ids are stable: departments' systems may rely on them. Any FATAL finding
 * rejects the whole submission; WARNING findings are accepted and kept with it.
 */
public enum Rule {

    R001(Severity.FATAL, Category.REFERENCE, "Unknown programme",
            "The programme code is not a programme that the submitting department leads or contributes to (whether"
                    + " another department has a programme of that code is not said)."),
    R002(Severity.FATAL, Category.REFERENCE, "Programme of another department (retired)",
            "No longer raised: R001 covers it, so that a return does not reveal that another department's programme"
                    + " exists. The id is kept so that it is never given to another rule."),
    R003(Severity.FATAL, Category.PERIOD, "Closed period",
            "Outturn for a period the Treasury has closed may not change: it must repeat, line for line, the outturn"
                    + " of the department's current position for that period (none, if it had none)."),
    R004(Severity.FATAL, Category.PERIOD, "Future period",
            "Outturn for a period after the return's period, or a return for a period that has not started."),
    R005(Severity.FATAL, Category.FORMAT, "Malformed amount",
            "The amount is not pounds as an exact decimal with at most 2 decimal places and at most 13 digits before"
                    + " the point (a JSON number or string, such as 1234.56 or -20)."),
    R006(Severity.FATAL, Category.UNIQUENESS, "Duplicate line",
            "Another line of the submission has the same programme, boundary, period and kind."),
    R007(Severity.FATAL, Category.FORMAT, "Missing or unknown value",
            "A field is missing or blank, the boundary or kind is not one of the known values, or the period is not"
                    + " a whole number from 1 to 12."),
    R008(Severity.WARNING, Category.PLAUSIBILITY, "Outturn above plausibility bound",
            "One month's outturn is above the programme's full-year allocation for that boundary, or above"
                    + " £1,000,000,000.00 when it has no allocation."),
    R009(Severity.WARNING, Category.PLAUSIBILITY, "Negative outturn",
            "The outturn is negative (a net receipt or a correction): accepted, but worth a look."),
    R010(Severity.WARNING, Category.PERIOD, "Forecast for a past period ignored",
            "A forecast for a period up to and including the return's period is ignored: for those periods the"
                    + " return reports outturn."),
    R011(Severity.FATAL, Category.SIZE, "Too many lines",
            "A submission holds at most 100,000 lines: split it, or send fewer periods.");

    @Schema(name = "RuleSeverity")
    public enum Severity { FATAL, WARNING }

    @Schema(name = "RuleCategory")
    public enum Category { FORMAT, REFERENCE, PERIOD, UNIQUENESS, PLAUSIBILITY, SIZE }

    public final Severity severity;
    public final Category category;
    public final String title;
    public final String description;

    Rule(Severity severity, Category category, String title, String description) {
        this.severity = severity;
        this.category = category;
        this.title = title;
        this.description = description;
    }

    public boolean fatal() {
        return severity == Severity.FATAL;
    }

    @Schema(name = "ValidationRule", description = "A named validation rule of monthly returns")
    public record View(@Schema(example = "R001") String id, Severity severity, Category category,
            @Schema(example = "Unknown programme") String title, String description) {
    }

    public View view() {
        return new View(name(), severity, category, title, description);
    }
}
