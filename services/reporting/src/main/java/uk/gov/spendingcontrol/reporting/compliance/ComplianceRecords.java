package uk.gov.spendingcontrol.reporting.compliance;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The JSON of compliance and burden (docs/reporting.md). */
public final class ComplianceRecords {

    private ComplianceRecords() {
    }

    @Schema(name = "ComplianceRow")
    public record Row(UUID requirementId, String code, String title, String frequency, String department, int period,
            @Schema(example = "2026-27 M3") String periodLabel, LocalDate periodEnd, LocalDate dueDate,
            @Schema(enumeration = {"MET_BY_LIVE_DATA", "SUBMITTED", "SUBMITTED_LATE", "LATE", "DUE"}) String status,
            @Schema(nullable = true) String metBy, @Schema(nullable = true) OffsetDateTime submittedAt) {
    }

    @Schema(name = "Compliance")
    public record Compliance(String financialYear, LocalDate asOf, List<Row> rows) {
    }

    @Schema(name = "BurdenFigure")
    public record Figure(@Schema(nullable = true) String department, @Schema(nullable = true) LocalDate periodEnd,
            long required, long metByLiveData, long byHand,
            @Schema(description = "metByLiveData / required (0 when nothing is required)") double liveShare) {
    }

    @Schema(name = "Burden")
    public record Burden(String financialYear, LocalDate asOf, Figure overall, List<Figure> departments,
            List<Figure> overTime) {
    }

    @Schema(name = "ManualSubmissionRequest")
    public record SubmissionRequest(@NotNull UUID requirementId,
            @NotNull @Schema(example = "2026-27") String financialYear,
            @NotNull @Schema(description = "Monthly 1-12, quarterly 1-4, annually 1") Integer period) {
    }

    @Schema(name = "ManualSubmission")
    public record SubmissionView(UUID id, UUID requirementId, String department, String financialYear, int period,
            String submittedBy, OffsetDateTime submittedAt) {
        static SubmissionView of(ManualSubmission s) {
            return new SubmissionView(s.id, s.requirementId, s.department, s.financialYear, s.period, s.submittedBy,
                    s.submittedAt);
        }
    }
}
