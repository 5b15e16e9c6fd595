package uk.gov.spendingcontrol.budget.returns;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A submission of a monthly return and its validation report. Lists leave out {@code warnings} and
 * {@code warningCounts}; read one submission (or its warnings) for them.
 */
@Schema(name = "Return", description = "One version of a department's monthly return, with its validation report")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReturnView(
        UUID id,
        @Schema(example = "DHSC") String department,
        @Schema(example = "2026-27") String financialYear,
        @Schema(description = "The month reported: outturn for periods up to it, forecast after it", example = "7")
        int period,
        @Schema(description = "Version of the department's return for this year and period, from 1", example = "2")
        int version,
        @Schema(description = "Whether a later version for the same year and period exists") boolean superseded,
        Submission.Status status,
        ParsedReturn.Format format,
        int lineCount,
        int warningCount,
        @Schema(description = "Warnings per rule id") Map<String, Integer> warningCounts,
        @Schema(description = "The first 1,000 warnings, by line; all are at /api/v1/returns/{id}/warnings")
        List<Finding> warnings,
        String submittedBy,
        OffsetDateTime submittedAt,
        String reviewedBy,
        OffsetDateTime reviewedAt,
        String reviewComment,
        @Schema(description = "Changes when the submission is reviewed; also the ETag, to send in If-Match")
        int revision) {

    static ReturnView of(Submission s, boolean superseded, Map<String, Integer> warningCounts, List<Finding> warnings) {
        return new ReturnView(s.id, s.departmentCode, s.financialYear, s.period, s.version, superseded, s.status,
                s.format, s.lineCount, s.warningCount, warningCounts, warnings, s.submittedBy, s.submittedAt,
                s.reviewedBy, s.reviewedAt, s.reviewComment, s.revision);
    }

    static ReturnView summary(Submission s, boolean superseded) {
        return of(s, superseded, null, null);
    }
}
